import Taro from '@tarojs/taro'
import { Button as NativeButton, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { UpdateContactBody, type MyData } from '@contract/account'
import { pages } from '@contract/pages'
import { Button, buttonClass } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { checkWith, Field, TextInput } from '@/components/form'
import { Section } from '@/components/section'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useSession } from '@/hooks/useSession'
import { useSubmission } from '@/hooks/useSubmission'
import { bindWechatPhone, deleteMyAccount, getMyData, updateContactPhone } from '@/services/api/account'
import { confirm, tell, toast } from '@/services/dialogs'
import { forgetDraftsOf } from '@/services/drafts'
import { formatDate } from '@/services/format'
import { isWeapp, logout } from '@/services/session'
import './index.css'

/**
 * 我的数据: what every service line holds about the person (sensitive numbers masked by the line),
 * correcting the contact phone, and deleting the account — saying first what that does to each part.
 */
export default function MyDataPage() {
  const session = useSession()
  const data = useApi(getMyData, [session.token])
  return (
    <PageShell className='ac-my-data' onRefresh={data.reload} requireLogin='查看您的数据需要先登录'>
      <StateView state={data} loadingText='正在读取您的数据…'>
        {(value) => <MyDataView data={value} reload={data.reload} userId={session.user?.id} />}
      </StateView>
    </PageShell>
  )
}

/** What deleting does, line by line, then what always happens. */
function deletionConsequences(data: MyData): string[] {
  return [
    ...data.sections.map((section) => `${section.title}：${section.onDelete}`),
    `消息记录删除${data.staffRoles.length ? '，工作人员身份取消' : ''}；本机保存的草稿清除。`,
    '以后用同一个微信再次登录，会作为新用户重新开始。',
  ]
}

function MyDataView({ data, reload, userId }: { data: MyData; reload: () => Promise<void>; userId: string | undefined }) {
  const [phone, setPhone] = useState('')
  const saving = useSubmission({ reload })
  const deleting = useSubmission({ report: 'none' })
  const { account } = data
  const consequences = deletionConsequences(data)

  const savePhone = async () => {
    const checked = checkWith(UpdateContactBody, { phone })
    if (!checked.ok) return saving.setFieldErrors(checked.errors)
    const result = await saving.submit(checked.data, (body) => updateContactPhone(body.phone))
    if (!result.ok) return
    setPhone('')
    toast('联系电话已更正')
    await reload()
  }

  const verifyPhone = async (code: string | undefined) => {
    if (!code) return
    const result = await saving.submit({ code }, (body) => bindWechatPhone(body.code), 'wechat-phone')
    if (!result.ok) return
    toast(result.value.sharedWithOtherAccount ? '已验证；该号码也绑定在其他账号上' : '手机号已验证')
    await reload()
  }

  const deleteAccount = async () => {
    const sure = await confirm({
      title: '确定注销账号？',
      content: `${consequences.map((line) => `· ${line}`).join('\n')}\n此操作不能撤销。`,
      confirmText: '确定注销',
      danger: true,
    })
    if (!sure) return
    const result = await deleting.submit({ confirm: true }, () => deleteMyAccount())
    if (!result.ok) {
      if (result.error) tell('没有成功', result.error.message)
      return
    }
    if (userId) forgetDraftsOf(userId)
    logout()
    tell('账号已注销', result.value.outcomes.length ? result.value.outcomes.join('\n') : '您的个人信息已删除。')
    void Taro.switchTab({ url: pages.mine.path })
  }

  return (
    <View data-testid='my-data'>
      <Section title='账号'>
        <FactList
          facts={[
            { label: '昵称', value: account.nickname },
            {
              label: '手机号',
              value: account.phoneMasked ? `${account.phoneMasked}${account.phoneVerified ? '（微信已验证）' : ''}` : '未填写',
            },
            { label: '注册时间', value: formatDate(account.createdAt) },
            ...data.staffRoles.map((grant) => ({
              label: '工作人员',
              value: `${grant.roleLabel} · ${grant.orgName}`,
            })),
          ]}
        />
      </Section>

      {data.sections.length === 0 ? (
        <View className='lg-card'>
          <Text className='lg-muted'>您还没有办理过任何业务，我们只保存了上面的账号信息。</Text>
        </View>
      ) : null}
      {data.sections.map((section) => (
        <View key={section.line} data-section={section.line}>
          <Text className='lg-section-title'>{section.title}</Text>
          {section.records.map((record, index) => (
            <View key={`${record.title}-${index}`} className='lg-card'>
              <Text className='lg-card__title'>{record.title}</Text>
              <FactList facts={record.facts.map((fact) => ({ label: fact.label, value: fact.value }))} />
            </View>
          ))}
        </View>
      ))}

      <Section title='更正联系电话'>
        {isWeapp ? (
          <NativeButton
            className={buttonClass('primary', { className: 'ac-my-data__wechat-phone' })}
            openType='getPhoneNumber'
            onGetPhoneNumber={(event) => void verifyPhone(event.detail.code)}
          >
            用微信验证手机号
          </NativeButton>
        ) : null}
        <Field label='新的手机号' name='phone' error={saving.fieldErrors.phone} hint='更正后，办理您申请的工作人员会看到新的号码'>
          <TextInput
            type='number'
            maxLength={11}
            value={phone}
            placeholder='请输入 11 位手机号'
            onChange={(next) => {
              setPhone(next)
              saving.clearFieldError('phone')
            }}
          />
        </Field>
        <Button testId='save-phone' busy={saving.busy} busyText='正在保存…' onClick={() => void savePhone()}>
          保存
        </Button>
      </Section>

      <Text className='lg-section-title'>注销账号、撤回授权</Text>
      <View className='lg-card ac-my-data__danger' data-testid='delete-consequences'>
        <Text>注销后：</Text>
        {consequences.map((line) => (
          <Text key={line}>· {line}</Text>
        ))}
        <Button kind='danger' testId='delete-account' busy={deleting.busy} busyText='正在注销…' onClick={() => void deleteAccount()}>
          注销账号
        </Button>
      </View>
    </View>
  )
}
