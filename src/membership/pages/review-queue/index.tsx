import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import dayjs from 'dayjs'
import { employmentTypeLabel, genderLabel, type ReviewQueueItem } from '@contract/lines/membership'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { listReviewQueue } from '@/services/api/membership'
import { toApiError } from '@/services/api-error'
import './index.css'

type Status = 'submitted' | 'approved' | 'rejected'
type Sort = 'oldest' | 'newest'

const TABS: Array<{ status: Status; label: string }> = [
  { status: 'submitted', label: '待审核' },
  { status: 'approved', label: '已通过' },
  { status: 'rejected', label: '未通过' },
]

/** Waiting this long is shown in warning colours: people should not wait more than a week. */
const LONG_WAIT_DAYS = 7

/** 入会审核: applications in this reviewer's unions, by status, with counts and the longest waits first. */
export default function MembershipQueuePage() {
  const [status, setStatus] = useState<Status>('submitted')
  const [sort, setSort] = useState<Sort>('oldest')
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const [more, setMore] = useState<ReviewQueueItem[]>([])
  const [nextOffset, setNextOffset] = useState<number | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)

  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300)
    return () => clearTimeout(timer)
  }, [typed])

  const effectiveSort: Sort = status === 'submitted' ? sort : 'newest'
  const queue = useApi(async () => {
    const page = await listReviewQueue({ status, sort: effectiveSort, q: q || undefined })
    setMore([])
    setNextOffset(page.nextOffset)
    return page
  }, [status, effectiveSort, q])

  usePullDownRefresh(() => {
    void queue.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    if (nextOffset === null || loadingMore) return
    setLoadingMore(true)
    listReviewQueue({ status, sort: effectiveSort, q: q || undefined, offset: String(nextOffset) })
      .then((page) => {
        setMore((current) => [...current, ...page.items])
        setNextOffset(page.nextOffset)
      })
      .catch((error: unknown) => void Taro.showToast({ title: toApiError(error).message, icon: 'none' }))
      .finally(() => setLoadingMore(false))
  })

  const counts = queue.data?.counts
  return (
    <PageShell className='membership-queue'>
      <View className='queue-tabs'>
        {TABS.map((tab) => (
          <View
            key={tab.status}
            className={`queue-tab ${tab.status === status ? 'queue-tab-active' : ''}`}
            data-tab={tab.status}
            onClick={() => setStatus(tab.status)}
          >
            <Text>{tab.label}</Text>
            <Text className='queue-tab-count'>{counts ? counts[tab.status] : '·'}</Text>
          </View>
        ))}
      </View>
      <View className='queue-tools'>
        <Input
          className='form-input queue-search'
          value={typed}
          placeholder='按申请人姓名搜索'
          maxlength={30}
          onInput={(event) => setTyped(event.detail.value)}
        />
        {status === 'submitted' ? (
          <View className='queue-sort' onClick={() => setSort(sort === 'oldest' ? 'newest' : 'oldest')}>
            <Text>{sort === 'oldest' ? '等待最久在前' : '最新提交在前'} ⇅</Text>
          </View>
        ) : null}
      </View>
      <StateView
        state={queue}
        isEmpty={(page) => page.items.length === 0}
        emptyText={status === 'submitted' ? (q ? '没有找到这位申请人' : '没有等待审核的申请') : '这里还没有记录'}
        loadingText='正在读取申请…'
      >
        {(page) => (
          <View className='queue-list'>
            {[...page.items, ...more].map((item) => (
              <View
                key={item.id}
                className='card queue-item'
                data-application={item.id}
                onClick={() => void Taro.navigateTo({ url: `/workbench/pages/membership-review/index?id=${item.id}` })}
              >
                <View className='queue-item-head'>
                  <Text className='queue-item-name'>
                    {item.name}
                    <Text className='muted'> · {genderLabel[item.gender]}</Text>
                  </Text>
                  {item.status === 'submitted' ? (
                    <Text className={`queue-wait ${item.waitingDays >= LONG_WAIT_DAYS ? 'queue-wait-long' : ''}`}>
                      {item.waitingDays === 0 ? '今天提交' : `已等待 ${item.waitingDays} 天`}
                    </Text>
                  ) : null}
                </View>
                <Text>{item.orgName}</Text>
                <Text className='muted'>
                  {employmentTypeLabel[item.employmentType]} · {dayjs(item.submittedAt).format('M月D日 HH:mm')} 提交
                </Text>
                {item.phoneConflict ? <Text className='tag queue-flag'>手机号与其他账号重复（已微信验证）</Text> : null}
              </View>
            ))}
            {loadingMore ? <Text className='muted queue-more'>正在加载更多…</Text> : null}
            {nextOffset === null && page.items.length > 0 ? <Text className='muted queue-more'>已经到底了</Text> : null}
          </View>
        )}
      </StateView>
    </PageShell>
  )
}
