import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { RevokeRoleBody, type StaffList, type StaffMember } from '@contract/staff-invites'
import { Button } from '@/components/button'
import { checkWith, Field, TextArea } from '@/components/form'
import { OrgPicker, type ChosenOrg } from '@/components/org-picker'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { usePagedApi } from '@/hooks/usePagedApi'
import { useSubmission } from '@/hooks/useSubmission'
import { listStaff, revokeStaffRole } from '@/services/api/workbench'
import { confirm } from '@/services/dialogs'
import { formatDate } from '@/services/format'
import './index.css'

/** 工作人员名单: who holds which staff role, union by union; a role that should go is revoked here, with a reason. */
export default function StaffPage() {
  const [org, setOrg] = useState<ChosenOrg | null>(null)
  const [choosing, setChoosing] = useState(false)
  const staff = usePagedApi<StaffList>((cursor) => listStaff({ orgId: org?.id, cursor }), [org?.id])

  return (
    <PageShell className='wb-staff' onRefresh={staff.reload} requireLogin='管理工作人员需要先登录'>
      <View className='lg-card wb-staff__scope'>
        <Text>{org ? `${org.name}及下级工会` : '全市'}</Text>
        <View className='lg-row'>
          {org ? <Button onClick={() => setOrg(null)}>看全市</Button> : null}
          <Button testId='choose-org' onClick={() => setChoosing(!choosing)}>
            {choosing ? '收起' : '选择工会'}
          </Button>
        </View>
      </View>
      {choosing ? (
        <View className='lg-card'>
          <OrgPicker
            value={org}
            canChoose={() => true}
            onChange={(chosen) => {
              setOrg({ id: chosen.id, name: chosen.name, pathNames: chosen.pathNames })
              setChoosing(false)
            }}
          />
        </View>
      ) : null}
      <PagedList
        state={staff}
        emptyText={org ? '这个工会还没有工作人员' : '还没有工作人员'}
        loadingText='正在读取工作人员…'
        renderItem={(member) => <Member key={member.id} member={member} onRevoked={staff.reload} />}
      />
    </PageShell>
  )
}

function Member({ member, onRevoked }: { member: StaffMember; onRevoked: () => Promise<void> }) {
  const [revoking, setRevoking] = useState(false)
  const [reason, setReason] = useState('')
  const submission = useSubmission({ reload: onRevoked })

  const revoke = async () => {
    const checked = checkWith(RevokeRoleBody, { reason })
    if (!checked.ok) return submission.setFieldErrors(checked.errors)
    const sure = await confirm({
      title: '撤销角色',
      content: `撤销后${member.name}立即不能再以“${member.roleLabel}”办理${member.orgName}的事项。`,
      confirmText: '撤销',
      danger: true,
    })
    if (!sure) return
    const result = await submission.submit(checked.data, (body, key) => revokeStaffRole(member.id, body, key), member.id)
    if (result.ok) await onRevoked()
  }

  return (
    <View className='lg-card wb-staff__member' data-grant={member.id}>
      <View className='wb-staff__head'>
        <Text className='wb-staff__name'>{member.name}</Text>
        <Text className='lg-tag'>{member.roleLabel}</Text>
      </View>
      <Text>{member.orgName}</Text>
      <Text className='lg-muted'>
        {formatDate(member.grantedAt)} 起{member.grantedByName ? ` · 由${member.grantedByName}邀请` : ''}
      </Text>
      {revoking ? (
        <View className='wb-staff__revoke'>
          <Field label='撤销原因' name='reason' error={submission.fieldErrors.reason} hint='会记录在审计日志中'>
            <TextArea
              value={reason}
              maxLength={200}
              placeholder='例如：已调离本单位'
              onChange={(next) => {
                setReason(next)
                submission.clearFieldError('reason')
              }}
            />
          </Field>
          <View className='lg-row'>
            <Button onClick={() => setRevoking(false)}>取消</Button>
            <Button kind='danger' testId='confirm-revoke' busy={submission.busy} onClick={() => void revoke()}>
              撤销角色
            </Button>
          </View>
        </View>
      ) : (
        <Text className='lg-link wb-staff__revoke-open' data-testid='revoke' onClick={() => setRevoking(true)}>
          撤销这个角色
        </Text>
      )}
    </View>
  )
}
