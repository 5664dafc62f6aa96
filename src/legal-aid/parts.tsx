import { Text, View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import { caseTypeLabel, legalAidWorkflow, type CaseStatus, type CaseType, type MyCaseDetail } from '@contract/lines/legal-aid'
import { Attachments } from '@/components/files'
import type { Fact } from '@/components/fact-list'
import { StatusTag, type StatusTone } from '@/components/status-tag'
import { formatYuan } from '@/services/format'

/** Waiting on the legal department, being handled, done, or ended without help. */
const caseTones: Record<CaseStatus, StatusTone> = {
  submitted: 'waiting',
  accepted: 'waiting',
  assigned: 'active',
  in_progress: 'active',
  closed: 'success',
  declined: 'ended',
  withdrawn: 'ended',
}

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return <StatusTag status={status} workflow={legalAidWorkflow} tones={caseTones} />
}

/** A case's first lines, on the lists and on the case pages: its kind (and who), and where it stands. */
export function CaseHead({ type, who, status, children }: PropsWithChildren<{ type: CaseType; who?: string; status: CaseStatus }>) {
  return (
    <View className='lg-stack'>
      <View className='lg-spread'>
        <Text className='lg-title'>
          {caseTypeLabel[type]}
          {who ? ` · ${who}` : ''}
        </Text>
        <CaseStatusTag status={status} />
      </View>
      {children}
    </View>
  )
}

export type CaseApplicationView = Pick<
  MyCaseDetail,
  'description' | 'demand' | 'amountInvolved' | 'employerName' | 'employerAddress' | 'attachments'
>

/**
 * What the worker asked for, as both the worker and legal staff see it. Legal staff also weigh the
 * monthly income (the worker knows their own); the contact line is masked for the worker and
 * tap-to-call for staff.
 */
export function caseApplicationFacts(item: CaseApplicationView, contact: ReactNode, monthlyIncome?: number | null): Fact[] {
  const amount = item.amountInvolved === null ? '未填' : formatYuan(item.amountInvolved)
  return [
    { label: '事情经过', value: item.description, wide: true },
    { label: '诉求', value: item.demand, wide: true },
    monthlyIncome !== undefined && monthlyIncome !== null
      ? { label: '涉案金额 / 月收入', value: `${amount} / ${formatYuan(monthlyIncome)}`, wide: true }
      : { label: '涉案金额', value: amount },
    { label: '用人单位', value: `${item.employerName}（${item.employerAddress}）`, wide: true },
    { label: '联系人', value: contact },
    { label: '证据材料', value: item.attachments.length ? <Attachments files={item.attachments} /> : '未上传', wide: true },
  ]
}
