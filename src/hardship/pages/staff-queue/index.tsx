import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  AID_TYPES,
  aidTypeShort,
  APPLICATION_QUEUE_TABS,
  applicationQueueTabLabel,
  tierLabel,
  type AidType,
  type ApplicationQueueTab,
  type StaffApplicationList,
  type StaffApplicationSummary,
} from '@contract/lines/hardship'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { PageShell } from '@/components/page-shell'
import { PagedList, QueueFilters, QueueTabs } from '@/components/queue'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDay } from '@/services/format'
import { listHardshipQueue } from '../../api'
import { ApplicationHead } from '../../parts'
import './index.css'

const TABS = APPLICATION_QUEUE_TABS.map((tab) => ({ key: tab, label: applicationQueueTabLabel[tab] }))

/** The review queues by step: overdue first, each with the deadline that runs now (or that it waits for documents). */
export default function HardshipQueuePage() {
  const [tab, setTab] = useState<ApplicationQueueTab>('waiting')
  const [type, setType] = useState<AidType | ''>('')
  const [overdue, setOverdue] = useState(false)
  const queue = usePagedApi<StaffApplicationList>(
    (cursor) => listHardshipQueue({ tab, type: type || undefined, overdue: overdue ? 'true' : undefined, cursor }),
    [tab, type, overdue],
  )
  const filters = [
    { key: 'overdue', label: '只看逾期', on: overdue, onTap: () => setOverdue(!overdue) },
    { key: 'type-all', label: '全部类型', on: type === '', onTap: () => setType('') },
    ...AID_TYPES.map((value) => ({ key: `type-${value}`, label: aidTypeShort[value], on: type === value, onTap: () => setType(value) })),
  ]
  const go = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <PageShell className='hs-staff-queue' onRefresh={queue.reload} requireLogin='办理困难帮扶需要先登录'>
      <QueueTabs tabs={TABS} value={tab} onChange={setTab} counts={queue.data?.counts} scroll />
      <QueueFilters filters={filters} name='application' />
      <View className='lg-body'>
        <View className='lg-row'>
          <Button onClick={go(pages.hardship.staffFiles.path)}>困难职工档案</Button>
          <Button onClick={go(pages.hardship.stats.path)}>统计</Button>
          <Button onClick={go(pages.hardship.campaigns.path)}>帮扶活动</Button>
        </View>
        <PagedList
          state={queue}
          emptyText='没有符合条件的申请'
          loadingText='正在读取申请…'
          renderItem={(item) => <QueueItem key={item.id} item={item} />}
        />
      </View>
    </PageShell>
  )
}

function QueueItem({ item }: { item: StaffApplicationSummary }) {
  return (
    <View
      className='lg-card lg-stack'
      data-application={item.id}
      data-overdue={item.overdue ? 'true' : 'false'}
      onClick={() => void Taro.navigateTo({ url: pages.hardship.staffCase.url({ id: item.id }) })}
    >
      <ApplicationHead aidTypes={item.aidTypes} status={item.status} who={item.applicantName}>
        <Text className='lg-muted'>
          {item.applicationNo} · {item.orgName}
          {item.campaignName ? ` · ${item.campaignName}` : ''}
        </Text>
      </ApplicationHead>
      <View className='lg-spread'>
        {item.overdue ? <Text className='lg-tag lg-tag--danger'>已逾期</Text> : null}
        {item.awaitingDocuments ? <Text className='lg-tag lg-tag--warning'>等待补充材料（期限暂停）</Text> : null}
        {item.openObjections ? <Text className='lg-tag lg-tag--warning'>{item.openObjections} 条异议待核实</Text> : null}
        {item.dueBy && !item.awaitingDocuments ? <Text className='lg-muted'>期限 {formatDay(item.dueBy)}</Text> : null}
        {item.tier || item.suggestedTier ? <Text className='lg-muted'>{tierLabel[(item.tier ?? item.suggestedTier)!]}</Text> : null}
      </View>
    </View>
  )
}
