import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { staffRoleLabel } from '@contract/auth'
import { fieldErrors } from '@contract/fields'
import { RedeemInviteBody, type RedeemResult } from '@contract/staff-invites'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import { ErrorPanel } from '@/components/state-view'
import { useSession } from '@/hooks/useSession'
import { redeemInvite } from '@/services/api/membership'
import { toApiError } from '@/services/api-error'
import { setSession } from '@/services/session-store'
import './index.css'

/** 工作人员入口: a union staff member enters the invite code a city administrator gave them. */
export default function StaffInvitePage() {
  const session = useSession()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<RedeemResult | null>(null)

  const redeem = async () => {
    const parsed = RedeemInviteBody.safeParse({ code })
    if (!parsed.success) {
      setError(fieldErrors(parsed.error).code)
      return
    }
    setBusy(true)
    try {
      const result = await redeemInvite(parsed.data.code)
      setSession({ user: result.user })
      setDone(result)
    } catch (caught) {
      const apiError = toApiError(caught)
      setError(apiError.fields.code ?? apiError.message)
    } finally {
      setBusy(false)
    }
  }

  if (!session.token && process.env.TARO_ENV !== 'weapp') {
    return (
      <PageShell className='staff-invite'>
        <ErrorPanel message='请先登录，再输入邀请码' code='UNAUTHENTICATED' />
      </PageShell>
    )
  }

  return (
    <PageShell className='staff-invite'>
      {done ? (
        <View className='card invite-done' data-testid='invite-done'>
          <Text className='invite-done-title'>欢迎加入工作人员队伍</Text>
          <Text>{`您现在是${done.orgName}的${staffRoleLabel[done.role]}。`}</Text>
          <View className='btn btn-primary' onClick={() => void Taro.redirectTo({ url: '/workbench/pages/index/index' })}>
            进入工作台
          </View>
        </View>
      ) : (
        <View>
          <View className='invite-intro'>
            <Text className='invite-title'>工作人员入口</Text>
            <Text className='muted'>
              基层工会、县区工会和市总工会的工作人员，请向市总工会管理员索取邀请码。邀请码只能使用一次，过期作废。
            </Text>
          </View>
          <View className='card'>
            <FormField label='邀请码' name='code' error={error} hint='8 位字母和数字，例如 ABCD-2345'>
              <Input
                className='form-input invite-input'
                value={code}
                maxlength={12}
                placeholder='请输入邀请码'
                onInput={(event) => {
                  setCode(event.detail.value)
                  setError(undefined)
                }}
              />
            </FormField>
            <View className='btn btn-primary' data-testid='redeem' onClick={() => void redeem()}>
              {busy ? '正在核对…' : '确认'}
            </View>
          </View>
        </View>
      )}
    </PageShell>
  )
}
