import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  CLAIM_QUEUE_TABS,
  claimQueueTabLabel,
  subsidyKindLabel,
  subsidyWorkflow,
  type ClaimQueueTab,
  type StaffClaimList,
} from '@contract/lines/training'
import { pages } from '@contract/pages'
import { PageShell } from '@/components/page-shell'
import { PagedList, QueueTabs } from '@/components/queue'
import { StatusTag } from '@/components/status-tag'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDate, formatYuan } from '@/services/format'
import { listClaimQueue } from '../../api'

const tabs = CLAIM_QUEUE_TABS.map((key) => ({ key, label: claimQueueTabLabel[key] }))

/** 培训补贴审核: claims waiting first; approve with the amount, reject with a reason, record the payment. */
export default function StaffClaimsPage() {
  const [tab, setTab] = useState<ClaimQueueTab>('submitted')
  const claims = usePagedApi<StaffClaimList>((cursor) => listClaimQueue({ tab, cursor }), [tab])
  return (
    <PageShell className='tr-staff-claims' onRefresh={claims.reload} requireLogin='请先登录工作人员账号'>
      <View className='lg-body'>
        <QueueTabs tabs={tabs} value={tab} onChange={setTab} counts={claims.data?.counts} scroll />
        {claims.data ? (
          <Text className='lg-muted'>
            {claims.data.quota.year} 年名额 {claims.data.quota.used} / {claims.data.quota.quota}
          </Text>
        ) : null}
        <PagedList
          state={claims}
          emptyText='没有申请'
          loadingText='正在读取申请…'
          renderItem={(item) => (
            <View
              key={item.id}
              className='lg-card lg-stack'
              data-claim={item.id}
              onClick={() => void Taro.navigateTo({ url: pages.training.staffClaim.url({ id: item.id }) })}
            >
              <View className='tr-course__status'>
                <Text className='lg-card__title'>
                  {item.applicantName} · {subsidyKindLabel[item.kind]}
                </Text>
                <StatusTag status={item.status} workflow={subsidyWorkflow} />
              </View>
              <Text className='lg-muted'>
                {item.claimNo} · {item.certificateName} · 发证 {formatDate(item.certificateDate)}
              </Text>
              <Text>
                可补 {formatYuan(item.payable)}
                {item.approvedAmount !== null ? ` · 核定 ${formatYuan(item.approvedAmount)}` : ''} · {item.unitUnionName}
              </Text>
            </View>
          )}
        />
      </View>
    </PageShell>
  )
}
