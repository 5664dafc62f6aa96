import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import dayjs from 'dayjs'
import { staffRoleLabel, type StaffRole } from '@contract/auth'
import type { Org } from '@contract/orgs'
import { CreateInviteBody, inviteStatusLabel, type CreatedInvite, type Invite } from '@contract/staff-invites'
import { fieldErrors } from '@contract/fields'
import { ChoiceChips } from '@/components/choice-chips'
import { FormField } from '@/components/form-field'
import { OrgPicker, type ChosenOrg } from '@/components/org-picker'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useDraft } from '@/hooks/useDraft'
import { useSession } from '@/hooks/useSession'
import { createInvite, listInvites, revokeInvite } from '@/services/api/membership'
import { toApiError } from '@/services/api-error'
import { draftKey } from '@/services/drafts'
import './index.css'

interface InviteForm {
  role: StaffRole | ''
  org: ChosenOrg | null
  validDays: 1 | 3 | 7
  note: string
}

const ROLES: Array<{ value: StaffRole; label: string }> = [
  { value: 'union_staff', label: staffRoleLabel.union_staff },
  { value: 'legal_staff', label: staffRoleLabel.legal_staff },
  { value: 'city_admin', label: staffRoleLabel.city_admin },
]

/** Which organisations each role can be given for. */
const orgFits: Record<StaffRole, (org: Org) => boolean> = {
  union_staff: () => true,
  legal_staff: (org) => org.kind === 'city' || org.kind === 'district',
  city_admin: (org) => org.kind === 'city',
}

/** 邀请工作人员: a city admin makes a single-use code for one org and one role. */
export default function InvitesPage() {
  const session = useSession()
  const userId = session.user?.id ?? 'anonymous'
  const draft = useDraft<InviteForm>(draftKey('staff-invite', userId), { role: '', org: null, validDays: 3, note: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [created, setCreated] = useState<CreatedInvite | null>(null)
  const [busy, setBusy] = useState(false)
  const invites = useApi(() => listInvites().then((result) => result.invites), [])
  const form = draft.value

  const set = <K extends keyof InviteForm>(field: K, value: InviteForm[K]) => {
    draft.update((current) => ({ ...current, [field]: value, ...(field === 'role' ? { org: null } : {}) }))
    setErrors({})
  }

  const submit = async () => {
    if (busy) return
    const parsed = CreateInviteBody.safeParse({
      role: form.role || undefined,
      orgId: form.org?.id ?? '',
      validDays: form.validDays,
      note: form.note || undefined,
    })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      return
    }
    setBusy(true)
    try {
      setCreated(await createInvite(parsed.data))
      draft.discard()
      draft.update({ role: '', org: null, validDays: 3, note: '' })
      await invites.reload()
    } catch (error) {
      const apiError = toApiError(error)
      if (Object.keys(apiError.fields).length) setErrors(apiError.fields)
      else void Taro.showToast({ title: apiError.message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const revoke = async (invite: Invite) => {
    const { confirm } = await Taro.showModal({
      title: '作废邀请码',
      content: `作废后这个邀请码不能再使用（${invite.orgName}）。`,
      confirmText: '作废',
    })
    if (!confirm) return
    try {
      await revokeInvite(invite.id)
      await invites.reload()
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none' })
    }
  }

  return (
    <PageShell className='invites'>
      {created ? (
        <View className='card invite-created' data-testid='invite-created'>
          <Text className='muted'>
            {staffRoleLabel[created.invite.role]} · {created.invite.orgName}
          </Text>
          <Text className='invite-code' data-testid='invite-code'>
            {created.code}
          </Text>
          <Text className='invite-warning'>邀请码只显示这一次，请现在复制或记下，发给对方。对方在“我的 → 工作人员入口”输入即可。</Text>
          <Text className='muted'>有效期至 {dayjs(created.invite.expiresAt).format('M月D日 HH:mm')}，只能使用一次。</Text>
          <View className='invite-created-actions'>
            <View className='btn btn-primary' onClick={() => void Taro.setClipboardData({ data: created.code })}>
              复制邀请码
            </View>
            <View className='btn' onClick={() => setCreated(null)}>
              我已记下
            </View>
          </View>
        </View>
      ) : null}

      <Text className='section-title'>生成邀请码</Text>
      <View className='card'>
        <FormField label='角色' name='role' error={errors.role}>
          <ChoiceChips name='role' options={ROLES} value={form.role} onChange={(value) => set('role', value)} />
        </FormField>
        {form.role ? (
          <FormField
            label='所属组织'
            name='orgId'
            error={errors.orgId}
            hint={form.role === 'city_admin' ? '市总工会管理员只能设在市总工会' : '工作人员可以处理该组织及其下级工会的事项'}
          >
            {form.org ? <Text className='invite-chosen'>已选择：{form.org.name}</Text> : null}
            <OrgPicker
              value={form.org}
              canChoose={orgFits[form.role]}
              onChange={(org) => set('org', { id: org.id, name: org.name, pathNames: org.pathNames })}
            />
          </FormField>
        ) : null}
        <FormField label='有效期' name='validDays' error={errors.validDays}>
          <ChoiceChips
            name='valid-days'
            options={[
              { value: '1', label: '1 天' },
              { value: '3', label: '3 天' },
              { value: '7', label: '7 天' },
            ]}
            value={String(form.validDays)}
            onChange={(value) => set('validDays', Number(value) as InviteForm['validDays'])}
          />
        </FormField>
        <FormField label='备注' name='note' error={errors.note} optional hint='写给自己看，例如对方的姓名和职务'>
          <Input
            className='form-input'
            value={form.note}
            maxlength={40}
            placeholder='例如：金属制品工会 王主席'
            onInput={(event) => set('note', event.detail.value)}
          />
        </FormField>
        <View className='btn btn-primary' data-testid='create-invite' onClick={() => void submit()}>
          {busy ? '正在生成…' : '生成邀请码'}
        </View>
      </View>

      <Text className='section-title'>已生成的邀请码</Text>
      <StateView state={invites} isEmpty={(list) => list.length === 0} emptyText='还没有生成过邀请码' loadingText='正在读取…'>
        {(list) => (
          <View>
            {list.map((invite) => (
              <View key={invite.id} className='card invite-item' data-invite={invite.id} data-status={invite.status}>
                <View className='invite-item-head'>
                  <Text className='invite-item-title'>{invite.orgName}</Text>
                  <Text className={`tag invite-status-${invite.status}`}>{inviteStatusLabel[invite.status]}</Text>
                </View>
                <Text>{staffRoleLabel[invite.role]}</Text>
                {invite.note ? <Text className='muted'>备注：{invite.note}</Text> : null}
                <Text className='muted'>
                  {invite.createdByName} 生成于 {dayjs(invite.createdAt).format('M月D日 HH:mm')}，
                  {invite.status === 'redeemed'
                    ? `${invite.redeemedByName ?? ''} 已于 ${dayjs(invite.redeemedAt).format('M月D日 HH:mm')} 使用`
                    : `有效期至 ${dayjs(invite.expiresAt).format('M月D日 HH:mm')}`}
                </Text>
                {invite.status === 'pending' ? (
                  <Text className='invite-revoke' onClick={() => void revoke(invite)}>
                    作废
                  </Text>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </StateView>
    </PageShell>
  )
}
