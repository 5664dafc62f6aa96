import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  CASE_TYPES,
  caseStatusLabel,
  caseTypeLabel,
  QUEUE_TABS,
  type CaseType,
  type QueueTab,
  type StaffCaseList,
  type StaffCaseSummary,
} from '@contract/lines/legal-aid'
import { pages } from '@contract/pages'
import { PageShell } from '@/components/page-shell'
import { PagedList, QueueFilters, QueueTabs } from '@/components/queue'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDay } from '@/services/format'
import { listLegalAidQueue } from '../../api'
import { CaseHead } from '../../parts'
import './index.css'

const tabLabel = (tab: QueueTab): string => (tab === 'waiting' ? '待办' : tab === 'all' ? '全部' : caseStatusLabel[tab])
const TABS = QUEUE_TABS.map((tab) => ({ key: tab, label: tabLabel(tab) }))

/** The legal department's queue: overdue first, each case with the deadline that applies now. */
export default function LegalAidQueuePage() {
  const [tab, setTab] = useState<QueueTab>('waiting')
  const [type, setType] = useState<CaseType | ''>('')
  const [overdue, setOverdue] = useState(false)
  const queue = usePagedApi<StaffCaseList>(
    (cursor) => listLegalAidQueue({ tab, type: type || undefined, overdue: overdue ? 'true' : undefined, cursor }),
    [tab, type, overdue],
  )

  const filters = [
    { key: 'overdue', label: '只看逾期', on: overdue, onTap: () => setOverdue(!overdue) },
    { key: 'type-all', label: '全部类型', on: type === '', onTap: () => setType('') },
    ...CASE_TYPES.map((value) => ({ key: `type-${value}`, label: caseTypeLabel[value], on: type === value, onTap: () => setType(value) })),
  ]

  return (
    <PageShell className='la-queue' onRefresh={queue.reload} requireLogin='办理法律援助案件需要先登录'>
      <QueueTabs tabs={TABS} value={tab} onChange={setTab} counts={queue.data?.counts} scroll />
      <QueueFilters filters={filters} name='case' />
      <View className='lg-body'>
        <PagedList
          state={queue}
          emptyText='没有符合条件的案件'
          loadingText='正在读取案件…'
          renderItem={(item) => <QueueItem key={item.id} item={item} />}
        />
      </View>
    </PageShell>
  )
}

function QueueItem({ item }: { item: StaffCaseSummary }) {
  return (
    <View
      className={`lg-card lg-stack la-queue__item ${item.overdue ? 'la-queue__item--overdue' : ''}`}
      data-case={item.id}
      data-overdue={item.overdue ? 'true' : 'false'}
      onClick={() => void Taro.navigateTo({ url: pages.legalAid.staffCase.url({ id: item.id }) })}
    >
      <CaseHead type={item.type} who={item.contactName} status={item.status}>
        <Text className='lg-muted'>
          {item.caseNo} · {item.employerName}
        </Text>
      </CaseHead>
      <View className='la-queue__flags'>
        {item.overdue ? <Text className='lg-tag lg-tag--danger'>已逾期</Text> : null}
        {item.dueBy ? (
          <Text className={item.overdue ? 'la-queue__due la-queue__due--late' : 'la-queue__due'}>
            {item.status === 'submitted' ? '受理期限' : '指派期限'} {formatDay(item.dueBy)}
          </Text>
        ) : null}
        {item.awaitingReply ? <Text className='lg-tag lg-tag--warning'>有新留言</Text> : null}
        {item.handlerName ? <Text className='lg-muted'>承办：{item.handlerName}律师</Text> : null}
      </View>
    </View>
  )
}
