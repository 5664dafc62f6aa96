import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CASE_TYPES, caseStatusLabel, caseTypeLabel, type CaseStatus, type CaseType, type StaffCaseQuery } from '@contract/lines/legal-aid'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { listLegalAidQueue } from '@/services/api/legal-aid'
import { StatusTag } from '@/legal-aid/shared/CaseParts'
import '@/legal-aid/shared/shared.css'
import './index.css'

type StatusFilter = NonNullable<StaffCaseQuery['status']> | ''
const STATUS_FILTERS: Array<{ value: StatusFilter; label: string }> = [
  { value: 'waiting', label: '待办' },
  { value: '', label: '全部' },
  ...(['submitted', 'accepted', 'assigned', 'in_progress', 'closed', 'declined', 'withdrawn'] as CaseStatus[]).map((status) => ({
    value: status,
    label: caseStatusLabel[status],
  })),
]

const shortDate = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/** The legal department's queue: overdue first, each case with the deadline that applies now. */
export default function LegalAidQueuePage() {
  const [status, setStatus] = useState<StatusFilter>('waiting')
  const [type, setType] = useState<CaseType | ''>('')
  const [overdue, setOverdue] = useState(false)
  const state = useApi(
    () =>
      listLegalAidQueue({ status: status || undefined, type: type || undefined, overdue: overdue ? 'true' : undefined }).then(
        (result) => result.cases,
      ),
    [status, type, overdue],
  )
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell className='la-queue'>
      <View className='la-filters'>
        <ScrollView scrollX className='la-filter-row'>
          {STATUS_FILTERS.map((filter) => (
            <View
              key={filter.value || 'all'}
              className={`chip ${status === filter.value ? 'chip-on' : ''}`}
              data-filter-status={filter.value || 'all'}
              onClick={() => setStatus(filter.value)}
            >
              {filter.label}
            </View>
          ))}
        </ScrollView>
        <ScrollView scrollX className='la-filter-row'>
          <View className={`chip ${overdue ? 'chip-on la-overdue-chip' : ''}`} data-filter-overdue onClick={() => setOverdue(!overdue)}>
            只看逾期
          </View>
          <View className={`chip ${type === '' ? 'chip-on' : ''}`} onClick={() => setType('')}>
            全部类型
          </View>
          {CASE_TYPES.map((value) => (
            <View key={value} className={`chip ${type === value ? 'chip-on' : ''}`} data-filter-type={value} onClick={() => setType(value)}>
              {caseTypeLabel[value]}
            </View>
          ))}
        </ScrollView>
      </View>
      <StateView state={state} isEmpty={(cases) => cases.length === 0} emptyText='没有符合条件的案件' loadingText='正在读取案件…'>
        {(cases) => (
          <View>
            {cases.map((item) => (
              <View
                key={item.id}
                className={`card la-case ${item.overdue ? 'la-case-overdue' : ''}`}
                data-case={item.id}
                data-overdue={item.overdue ? 'true' : 'false'}
                onClick={() => void Taro.navigateTo({ url: `/workbench/pages/legal-aid-case/index?id=${item.id}` })}
              >
                <View className='case-head'>
                  <Text className='case-no'>
                    {caseTypeLabel[item.type]} · {item.contactName}
                  </Text>
                  <StatusTag status={item.status} />
                </View>
                <Text className='muted'>
                  {item.caseNo} · {item.employerName}
                </Text>
                <View className='la-case-flags'>
                  {item.overdue ? <Text className='la-flag la-flag-overdue'>已逾期</Text> : null}
                  {item.dueBy ? (
                    <Text className={item.overdue ? 'la-due la-due-late' : 'la-due'}>
                      {item.status === 'submitted' ? '受理期限' : '指派期限'} {shortDate(item.dueBy)}
                    </Text>
                  ) : null}
                  {item.awaitingReply ? <Text className='la-flag'>有新留言</Text> : null}
                  {item.handlerName ? <Text className='muted'>承办：{item.handlerName}律师</Text> : null}
                </View>
              </View>
            ))}
          </View>
        )}
      </StateView>
    </PageShell>
  )
}
