import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import {
  aidTypeShort,
  hardshipFileWorkflow,
  hardshipWorkflow,
  type AidType,
  type ApplicationStatus,
  type FileStatus,
  type ItemView,
  type MemberView,
  type ProofSlotView,
  healthLabel,
  relationLabel,
  workStatusLabel,
} from '@contract/lines/hardship'
import { Attachments } from '@/components/files'
import { FactList } from '@/components/fact-list'
import { StatusTag, type StatusTone } from '@/components/status-tag'
import { formatYuan } from '@/services/format'

const applicationTones: Record<ApplicationStatus, StatusTone> = {
  first_review: 'waiting',
  first_review_docs: 'waiting',
  publicity: 'active',
  city_review: 'active',
  city_review_docs: 'waiting',
  approved: 'active',
  paid: 'success',
  rejected: 'ended',
  withdrawn: 'ended',
}
const fileTones: Record<FileStatus, StatusTone> = {
  pending: 'waiting',
  active: 'active',
  review_due: 'waiting',
  lifted: 'success',
  closed: 'ended',
}

export const ApplicationStatusTag = ({ status }: { status: ApplicationStatus }) => (
  <StatusTag status={status} workflow={hardshipWorkflow} tones={applicationTones} />
)
export const FileStatusTag = ({ status }: { status: FileStatus }) => (
  <StatusTag status={status} workflow={hardshipFileWorkflow} tones={fileTones} />
)

export const aidText = (types: readonly AidType[]) => types.map((type) => aidTypeShort[type]).join('、')

/** An application's first lines on every list and page. */
export function ApplicationHead({
  aidTypes,
  status,
  who,
  children,
}: PropsWithChildren<{ aidTypes: AidType[]; status: ApplicationStatus; who?: string }>) {
  return (
    <View className='lg-stack'>
      <View className='lg-spread'>
        <Text className='lg-title'>
          {aidText(aidTypes)}救助{who ? ` · ${who}` : ''}
        </Text>
        <ApplicationStatusTag status={status} />
      </View>
      {children}
    </View>
  )
}

/** The household, one card per person (income and health only where the viewer may see them). */
export function Members({ members }: { members: MemberView[] }) {
  return (
    <View className='lg-stack'>
      {members.map((member, index) => (
        <View key={index} className='hs-member lg-stack'>
          <Text className='lg-title'>
            {member.name}（{relationLabel[member.relation]}，{member.age} 岁）
          </Text>
          <Text className='lg-muted'>
            身份证 {member.idNumberMasked} · {workStatusLabel[member.workStatus]}
            {member.unitOrSchool ? ` · ${member.unitOrSchool}` : ''}
          </Text>
          {member.health !== null ? (
            <Text className='lg-muted'>
              健康：{healthLabel[member.health]}
              {member.healthNote ? `（${member.healthNote}）` : ''} · 月收入 {formatYuan(member.monthlyIncome ?? 0)}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}

export function Items({ items }: { items: ItemView[] }) {
  return (
    <View className='lg-stack'>
      {items.map((item) => (
        <View key={item.type} className='hs-item' data-item={item.type}>
          <Text className='lg-title'>{aidTypeShort[item.type]}救助</Text>
          <FactList
            facts={[
              ...item.facts.map((fact) => ({ label: fact.label, value: fact.value })),
              item.cap ? { label: '上限', value: item.cap.refusal ?? `${formatYuan(item.cap.max)}（${item.cap.rule}）`, wide: true } : null,
              item.approved !== null ? { label: '批准 / 已发放', value: `${formatYuan(item.approved)} / ${formatYuan(item.paid)}` } : null,
            ]}
          />
        </View>
      ))}
    </View>
  )
}

export function Proofs({ proofs }: { proofs: ProofSlotView[] }) {
  return (
    <FactList
      facts={proofs
        .filter((slot) => slot.required || slot.files.length > 0)
        .map((slot) => ({ label: slot.label, value: slot.files.length ? <Attachments files={slot.files} /> : '未上传', wide: true }))}
    />
  )
}
