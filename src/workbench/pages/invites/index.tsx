import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { StaffRole } from '@contract/auth'
import {
  CreateInviteBody,
  inviteStatusLabel,
  type CreatedInvite,
  type Invite,
  type InviteList,
  type RoleOption,
} from '@contract/staff-invites'
import { Button } from '@/components/button'
import { checkWith, ChoiceChips, Field, TextInput } from '@/components/form'
import { OrgPicker, type ChosenOrg } from '@/components/org-picker'
import { Section } from '@/components/section'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { type PagedState, usePagedApi } from '@/hooks/usePagedApi'
import { useUserDraft } from '@/hooks/useDraft'
import { useSubmission } from '@/hooks/useSubmission'
import { createInvite, listInviteRoles, listInvites, revokeInvite } from '@/services/api/workbench'
import { confirm } from '@/services/dialogs'
import { formatDateTime } from '@/services/format'
import './index.css'

interface InviteForm {
  role: StaffRole | ''
  org: ChosenOrg | null
  validDays: 1 | 3 | 7
  note: string
}

const emptyForm: InviteForm = { role: '', org: null, validDays: 3, note: '' }

/** 邀请工作人员: a city admin makes a single-use code for one org and one role. */
export default function InvitesPage() {
  // Every invite ever made stays on record: newest first, the next page as the admin scrolls down.
  const invites = usePagedApi<InviteList>((cursor) => listInvites({ cursor }), [])
  // The roles come from the server (the platform's and every line's), with the org levels each fits.
  const roles = useApi(() => listInviteRoles().then((result) => result.roles), [], { refreshOnShow: false })
  return (
    <PageShell className='wb-invites' onRefresh={invites.reload} requireLogin='邀请工作人员需要先登录'>
      <StateView state={roles} loadingText='正在读取…'>
        {(options) => <Invites invites={invites} roles={options} />}
      </StateView>
    </PageShell>
  )
}

function Invites({ invites, roles }: { invites: PagedState<InviteList>; roles: RoleOption[] }) {
  const draft = useUserDraft<InviteForm>('staff-invite', emptyForm)
  const [created, setCreated] = useState<CreatedInvite | null>(null)
  const creating = useSubmission()
  const revoking = useSubmission({ reload: invites.reload })
  const form = draft.value
  const errors = creating.fieldErrors
  const role = roles.find((option) => option.role === form.role)

  const set = <K extends keyof InviteForm>(field: K, value: InviteForm[K]) => {
    draft.update((current) => ({ ...current, [field]: value, ...(field === 'role' ? { org: null } : {}) }))
    creating.clearFieldError(field === 'org' ? 'orgId' : field)
  }

  const submit = async () => {
    const checked = checkWith(CreateInviteBody, {
      role: form.role || undefined,
      orgId: form.org?.id ?? '',
      validDays: form.validDays,
      note: form.note || undefined,
    })
    if (!checked.ok) return creating.setFieldErrors(checked.errors)
    const result = await creating.submit(checked.data, (body) => createInvite(body))
    if (!result.ok) return
    setCreated(result.value)
    draft.update(emptyForm)
    await invites.reload()
  }

  const revoke = async (invite: Invite) => {
    const sure = await confirm({
      title: '作废邀请码',
      content: `作废后这个邀请码不能再使用（${invite.orgName}）。`,
      confirmText: '作废',
      danger: true,
    })
    if (!sure) return
    const result = await revoking.submit({}, () => revokeInvite(invite.id), invite.id)
    if (result.ok) await invites.reload()
  }

  return (
    <View>
      {created ? (
        <View className='lg-card wb-invites__created' data-testid='invite-created'>
          <Text className='lg-muted'>
            {created.invite.roleLabel} · {created.invite.orgName}
          </Text>
          <Text className='wb-invites__code' data-testid='invite-code'>
            {created.code}
          </Text>
          <Text className='wb-invites__warning'>邀请码只显示这一次，请现在复制或记下，发给对方。对方在“我的 → 工作人员入口”输入即可。</Text>
          <Text className='lg-muted'>有效期至 {formatDateTime(created.invite.expiresAt)}，只能使用一次。</Text>
          <View className='lg-row wb-invites__created-actions'>
            <Button kind='primary' onClick={() => void Taro.setClipboardData({ data: created.code })}>
              复制邀请码
            </Button>
            <Button onClick={() => setCreated(null)}>我已记下</Button>
          </View>
        </View>
      ) : null}

      <Section title='生成邀请码'>
        <Field label='角色' name='role' error={errors.role}>
          <ChoiceChips
            name='role'
            options={roles.map((option) => ({ value: option.role, label: option.label }))}
            value={form.role}
            onChange={(value) => set('role', value)}
          />
        </Field>
        {role ? (
          <Field label='所属组织' name='orgId' error={errors.orgId} hint={role.description}>
            {form.org ? <Text className='wb-invites__chosen'>已选择：{form.org.name}</Text> : null}
            <OrgPicker
              value={form.org}
              canChoose={(org) => role.orgKinds.includes(org.kind)}
              onChange={(org) => set('org', { id: org.id, name: org.name, pathNames: org.pathNames })}
            />
          </Field>
        ) : null}
        <Field label='有效期' name='validDays' error={errors.validDays}>
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
        </Field>
        <Field label='备注' name='note' error={errors.note} optional hint='写给自己看，例如对方的姓名和职务'>
          <TextInput value={form.note} maxLength={40} placeholder='例如：金属制品工会 王主席' onChange={(value) => set('note', value)} />
        </Field>
        <Button kind='primary' testId='create-invite' busy={creating.busy} busyText='正在生成…' onClick={() => void submit()}>
          生成邀请码
        </Button>
      </Section>

      <Text className='lg-section-title'>已生成的邀请码</Text>
      <PagedList
        state={invites}
        emptyText='还没有生成过邀请码'
        loadingText='正在读取…'
        renderItem={(invite) => (
          <View key={invite.id} className='lg-card lg-stack wb-invites__item' data-invite={invite.id} data-status={invite.status}>
            <View className='lg-spread'>
              <Text className='lg-title'>{invite.orgName}</Text>
              <Text className={`lg-tag ${inviteTone[invite.status]}`}>{inviteStatusLabel[invite.status]}</Text>
            </View>
            <Text>{invite.roleLabel}</Text>
            {invite.note ? <Text className='lg-muted'>备注：{invite.note}</Text> : null}
            <Text className='lg-muted'>
              {invite.createdByName} 生成于 {formatDateTime(invite.createdAt)}，
              {invite.status === 'redeemed'
                ? `${invite.redeemedByName ?? ''} 已于 ${invite.redeemedAt ? formatDateTime(invite.redeemedAt) : ''} 使用`
                : `有效期至 ${formatDateTime(invite.expiresAt)}`}
            </Text>
            {invite.status === 'pending' ? (
              <Text className='lg-link lg-link--danger wb-invites__revoke' onClick={() => void revoke(invite)}>
                作废
              </Text>
            ) : null}
          </View>
        )}
      />
    </View>
  )
}

const inviteTone: Record<Invite['status'], string> = {
  pending: '',
  redeemed: 'lg-tag--success',
  expired: 'lg-tag--neutral',
  revoked: 'lg-tag--neutral',
}
