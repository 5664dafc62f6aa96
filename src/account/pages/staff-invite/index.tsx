import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { pages } from '@contract/pages'
import { RedeemInviteBody, type RedeemResult } from '@contract/staff-invites'
import { Button } from '@/components/button'
import { checkWith, Field, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { useSubmission } from '@/hooks/useSubmission'
import { redeemInvite } from '@/services/api/workbench'
import { setSession } from '@/services/session-store'
import './index.css'

/** 工作人员入口: a union staff member enters the invite code a city administrator gave them. */
export default function StaffInvitePage() {
  return (
    <PageShell className='ac-staff-invite' requireLogin='请先登录，再输入邀请码'>
      <Redeem />
    </PageShell>
  )
}

function Redeem() {
  const [code, setCode] = useState('')
  const [realName, setRealName] = useState('')
  const [done, setDone] = useState<RedeemResult | null>(null)
  // The refusal (unknown, used, expired code) is said at the field, where the code is typed.
  const redeeming = useSubmission({ report: 'none' })

  const redeem = async () => {
    const checked = checkWith(RedeemInviteBody, { code, realName })
    if (!checked.ok) return redeeming.setFieldErrors(checked.errors)
    const result = await redeeming.submit(checked.data, (body) => redeemInvite(body))
    if (!result.ok) return
    setSession({ user: result.value.user })
    setDone(result.value)
  }

  if (done) {
    return (
      <View className='lg-card ac-staff-invite__done' data-testid='invite-done'>
        <Text className='ac-staff-invite__title'>欢迎加入工作人员队伍</Text>
        <Text>{`您现在是${done.orgName}的${done.roleLabel}。`}</Text>
        <Button kind='primary' testId='open-workbench' onClick={() => void Taro.redirectTo({ url: pages.workbench.home.path })}>
          进入工作台
        </Button>
      </View>
    )
  }
  return (
    <View>
      <View className='ac-staff-invite__intro'>
        <Text className='ac-staff-invite__title'>工作人员入口</Text>
        <Text className='lg-muted'>
          基层工会、县区工会和市总工会的工作人员，请向市总工会管理员索取邀请码。邀请码只能使用一次，过期作废。
        </Text>
      </View>
      <View className='lg-card'>
        <Field
          label='您的真实姓名'
          name='realName'
          error={redeeming.fieldErrors.realName}
          hint='办理记录上会显示您的姓名，申请人和其他工作人员都能看到是谁办理的'
        >
          <TextInput
            value={realName}
            maxLength={30}
            placeholder='例如：陈红'
            onChange={(next) => {
              setRealName(next)
              redeeming.clearFieldError('realName')
            }}
          />
        </Field>
        <Field
          label='邀请码'
          name='code'
          error={redeeming.fieldErrors.code ?? (redeeming.fieldErrors.realName ? undefined : redeeming.error?.message)}
          hint='8 位字母和数字，例如 ABCD-2345'
        >
          <TextInput
            className='ac-staff-invite__input'
            value={code}
            maxLength={12}
            placeholder='请输入邀请码'
            onChange={(next) => {
              setCode(next)
              redeeming.clearFieldError('code')
            }}
          />
        </Field>
        <Button kind='primary' testId='redeem' busy={redeeming.busy} busyText='正在核对…' onClick={() => void redeem()}>
          确认
        </Button>
      </View>
    </View>
  )
}
