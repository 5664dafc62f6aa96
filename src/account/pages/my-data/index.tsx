import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import dayjs from 'dayjs'
import { staffRoleLabel } from '@contract/auth'
import { mobilePhone } from '@contract/fields'
import {
  applicationStatusLabel,
  educationLabel,
  employmentTypeLabel,
  genderLabel,
  hukouTypeLabel,
  politicalStatusLabel,
  type MyData,
} from '@contract/lines/membership'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useSession } from '@/hooks/useSession'
import { bindWechatPhone, deleteMyAccount, getMyData, updateContactPhone } from '@/services/api/membership'
import { toApiError } from '@/services/api-error'
import { forgetDraftsOf } from '@/services/drafts'
import { isWeapp, logout } from '@/services/session'
import './index.css'

const date = (iso: string) => dayjs(iso).format('YYYY年M月D日')

/** 我的数据: what we hold about the user (sensitive numbers masked), corrections, and deletion. */
export default function MyDataPage() {
  const session = useSession()
  const data = useApi(getMyData, [session.token])
  return (
    <PageShell className='my-data'>
      <StateView state={data} loadingText='正在读取您的数据…'>
        {(value) => <MyDataView data={value} reload={data.reload} userId={session.user?.id} />}
      </StateView>
    </PageShell>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='data-row'>
      <Text className='muted data-label'>{label}</Text>
      <Text className='data-value'>{value}</Text>
    </View>
  )
}

function MyDataView({ data, reload, userId }: { data: MyData; reload: () => Promise<void>; userId: string | undefined }) {
  const [phone, setPhone] = useState('')
  const [phoneError, setPhoneError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const { account, application, membership } = data

  const savePhone = async () => {
    const parsed = mobilePhone.safeParse(phone)
    if (!parsed.success) {
      setPhoneError(parsed.error.issues[0]?.message)
      return
    }
    setBusy(true)
    try {
      await updateContactPhone(parsed.data)
      setPhone('')
      void Taro.showToast({ title: '联系电话已更正', icon: 'none' })
      await reload()
    } catch (error) {
      const apiError = toApiError(error)
      setPhoneError(apiError.fields.phone ?? apiError.message)
    } finally {
      setBusy(false)
    }
  }

  const verifyPhone = async (code: string | undefined) => {
    if (!code) return
    try {
      const result = await bindWechatPhone(code)
      void Taro.showToast({ title: result.sharedWithOtherAccount ? '已验证；该号码也绑定在其他账号上' : '手机号已验证', icon: 'none' })
      await reload()
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none' })
    }
  }

  const deleteAccount = async () => {
    const { confirm } = await Taro.showModal({
      title: '确定注销账号？',
      content: membership
        ? `注销后会员资格立即终止，会员号 ${membership.memberNumber} 停用且不会再分配给他人，电子会员卡失效。此操作不能撤销。`
        : '注销后您的申请和个人信息将被删除，此操作不能撤销。',
      confirmText: '确定注销',
      confirmColor: '#b42318',
    })
    if (!confirm) return
    setBusy(true)
    try {
      await deleteMyAccount()
      if (userId) forgetDraftsOf(userId)
      logout()
      void Taro.showToast({ title: '账号已注销', icon: 'none' })
      void Taro.switchTab({ url: '/pages/mine/index' })
    } catch (error) {
      void Taro.showModal({ title: '没有成功', content: toApiError(error).message, showCancel: false })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View data-testid='my-data'>
      <Text className='section-title'>账号</Text>
      <View className='card'>
        <Row label='昵称' value={account.nickname} />
        <Row
          label='手机号'
          value={account.phoneMasked ? `${account.phoneMasked}${account.phoneVerified ? '（微信已验证）' : ''}` : '未填写'}
        />
        <Row label='注册时间' value={date(account.createdAt)} />
        {data.staffRoles.map((grant) => (
          <Row key={`${grant.role}-${grant.orgId}`} label='工作人员' value={`${staffRoleLabel[grant.role]} · ${grant.orgName}`} />
        ))}
      </View>

      <Text className='section-title'>入会信息</Text>
      {application ? (
        <View className='card'>
          <Row label='状态' value={applicationStatusLabel[application.status]} />
          <Row label='姓名' value={application.name} />
          <Row label='性别' value={genderLabel[application.gender]} />
          <Row label='民族' value={application.ethnicity} />
          <Row label='出生日期' value={date(application.birthDate)} />
          <Row label='身份证号' value={application.idNumberMasked} />
          <Row label='手机号' value={application.phoneMasked} />
          <Row label='工作单位' value={application.employer} />
          <Row label='就业形态' value={employmentTypeLabel[application.employmentType]} />
          <Row label='农民工' value={application.migrantWorker ? '是' : '否'} />
          <Row label='学历' value={educationLabel[application.education]} />
          <Row label='政治面貌' value={politicalStatusLabel[application.politicalStatus]} />
          <Row label='户籍' value={[hukouTypeLabel[application.hukouType], application.hukouPlace].filter(Boolean).join(' · ')} />
          <Row label='工会' value={application.orgName} />
          <Row label='同意时间' value={`${dayjs(application.consentAt).format('YYYY年M月D日 HH:mm')}（含身份证号单独同意）`} />
          <Text className='muted data-note'>
            身份证号加密保存，这里只显示部分号码。姓名、身份证号等如需更正，请联系{application.orgName}。
          </Text>
        </View>
      ) : (
        <View className='card'>
          <Text className='muted'>您还没有提交入会申请，我们没有保存您的身份信息。</Text>
        </View>
      )}

      {membership ? (
        <>
          <Text className='section-title'>会员</Text>
          <View className='card'>
            <Row label='会员号' value={membership.memberNumber} />
            <Row label='卡号' value={membership.cardNumber} />
            <Row label='工会' value={membership.orgName} />
            <Row label='入会日期' value={date(membership.joinedAt)} />
          </View>
        </>
      ) : null}

      <Text className='section-title'>更正联系电话</Text>
      <View className='card'>
        {isWeapp ? (
          <Button
            className='btn btn-primary data-wechat-phone'
            openType='getPhoneNumber'
            onGetPhoneNumber={(event) => void verifyPhone(event.detail.code)}
          >
            用微信验证手机号
          </Button>
        ) : null}
        <FormField label='新的手机号' name='phone' error={phoneError} hint='更正后，审核您申请的工会会看到新的号码'>
          <Input
            className='form-input data-phone'
            type='number'
            maxlength={11}
            value={phone}
            placeholder='请输入 11 位手机号'
            onInput={(event) => {
              setPhone(event.detail.value)
              setPhoneError(undefined)
            }}
          />
        </FormField>
        <View className='btn' data-testid='save-phone' onClick={() => void savePhone()}>
          {busy ? '正在保存…' : '保存'}
        </View>
      </View>

      <Text className='section-title'>注销账号、撤回授权</Text>
      <View className='card data-danger'>
        <Text>注销后：</Text>
        {membership ? (
          <>
            <Text>· 会员资格立即终止，电子会员卡失效；会员号 {membership.memberNumber} 停用，不会再分配给其他人。</Text>
            <Text>
              · 入会记录只保留工会名称、入会和终止日期、会员号（工会会员登记需要），姓名、身份证号、手机号、工作等个人信息全部删除。
            </Text>
          </>
        ) : application ? (
          <Text>· 入会申请撤回，姓名、身份证号、手机号、工作等个人信息全部删除，只保留一条无法识别您本人的撤回记录。</Text>
        ) : null}
        <Text>· 消息记录删除{data.staffRoles.length ? '，工作人员身份取消' : ''}；本机保存的草稿清除。</Text>
        <Text>· 以后用同一个微信再次登录，会作为新用户重新开始。</Text>
        <View className='btn data-delete' data-testid='delete-account' onClick={() => void deleteAccount()}>
          注销账号
        </View>
      </View>
    </View>
  )
}
