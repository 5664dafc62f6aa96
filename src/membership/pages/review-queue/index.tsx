import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  applicationStatusLabel,
  employmentTypeLabel,
  genderLabel,
  REVIEW_TABS,
  type ReviewQueue,
  type ReviewQueueItem,
  type ReviewTab,
} from '@contract/lines/membership'
import { pages } from '@contract/pages'
import { TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { PagedList, QueueTabs } from '@/components/queue'
import { useDebounced } from '@/hooks/useDebounced'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDateTime } from '@/services/format'
import { listReviewQueue } from '../../api'
import './index.css'

type Sort = 'oldest' | 'newest'

const TABS = REVIEW_TABS.map((status) => ({ key: status, label: status === 'approved' ? '已通过' : applicationStatusLabel[status] }))

/** Waiting this long is shown in warning colours: people should not wait more than a week. */
const LONG_WAIT_DAYS = 7

/** 入会审核: applications in this reviewer's unions, by status, with counts and the longest waits first. */
export default function MembershipQueuePage() {
  const [status, setStatus] = useState<ReviewTab>('submitted')
  const [sort, setSort] = useState<Sort>('oldest')
  const [typed, setTyped] = useState('')
  const q = useDebounced(typed.trim())

  const effectiveSort: Sort = status === 'submitted' ? sort : 'newest'
  const queue = usePagedApi<ReviewQueue>(
    (cursor) => listReviewQueue({ status, sort: effectiveSort, q: q || undefined, cursor }),
    [status, effectiveSort, q],
  )

  return (
    <PageShell className='mb-queue' onRefresh={queue.reload} requireLogin='审核入会申请需要先登录'>
      <QueueTabs tabs={TABS} value={status} onChange={setStatus} counts={queue.data?.counts} />
      <View className='mb-queue__tools'>
        <TextInput
          className='mb-queue__search'
          value={typed}
          placeholder='按申请人姓名搜索'
          maxLength={30}
          confirmType='search'
          onChange={setTyped}
        />
        {status === 'submitted' ? (
          <Text className='lg-link mb-queue__sort' onClick={() => setSort(sort === 'oldest' ? 'newest' : 'oldest')}>
            {sort === 'oldest' ? '等待最久在前' : '最新提交在前'} ⇅
          </Text>
        ) : null}
      </View>
      <PagedList
        state={queue}
        emptyText={status === 'submitted' ? (q ? '没有找到这位申请人' : '没有等待审核的申请') : '这里还没有记录'}
        loadingText='正在读取申请…'
        renderItem={(item) => <QueueItem key={item.id} item={item} />}
      />
    </PageShell>
  )
}

function QueueItem({ item }: { item: ReviewQueueItem }) {
  return (
    <View
      className='lg-card lg-stack mb-queue__item'
      data-application={item.id}
      onClick={() => void Taro.navigateTo({ url: pages.membership.review.url({ id: item.id }) })}
    >
      <View className='lg-spread'>
        <Text className='lg-title'>
          {item.name}
          <Text className='lg-muted'> · {genderLabel[item.gender]}</Text>
        </Text>
        {item.status === 'submitted' ? (
          <Text className={`mb-queue__wait ${item.waitingDays >= LONG_WAIT_DAYS ? 'mb-queue__wait--long' : ''}`}>
            {item.waitingDays === 0 ? '今天提交' : `已等待 ${item.waitingDays} 天`}
          </Text>
        ) : null}
      </View>
      <Text>{item.orgName}</Text>
      <Text className='lg-muted'>
        {employmentTypeLabel[item.employmentType]} · {formatDateTime(item.submittedAt)} 提交
      </Text>
      {item.phoneConflict ? <Text className='lg-tag lg-tag--warning mb-queue__flag'>手机号与其他账号重复（已微信验证）</Text> : null}
    </View>
  )
}
