import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import dayjs from 'dayjs'
import type { InboxMessage } from '@contract/inbox'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { listMessages, markAllMessagesRead, markMessageRead } from '@/services/api/core'
import { toApiError } from '@/services/api-error'
import './index.css'

export default function MessagesPage() {
  const [older, setOlder] = useState<InboxMessage[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [readIds, setReadIds] = useState<Set<string>>(new Set())
  const page = useApi(async () => {
    const first = await listMessages()
    setOlder([])
    setCursor(first.nextCursor)
    setReadIds(new Set())
    return first
  }, [])

  usePullDownRefresh(() => {
    void page.reload().finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    listMessages(cursor)
      .then((next) => {
        setOlder((current) => [...current, ...next.messages])
        setCursor(next.nextCursor)
      })
      .catch((error: unknown) => void Taro.showToast({ title: toApiError(error).message, icon: 'none' }))
      .finally(() => setLoadingMore(false))
  })

  const open = (message: InboxMessage) => {
    if (!message.read && !readIds.has(message.id)) {
      setReadIds((current) => new Set(current).add(message.id))
      markMessageRead(message.id).catch(() => undefined)
    }
    if (message.link) void Taro.navigateTo({ url: message.link })
  }

  const readAll = () => {
    markAllMessagesRead()
      .then(() => page.reload())
      .catch((error: unknown) => void Taro.showToast({ title: toApiError(error).message, icon: 'none' }))
  }

  return (
    <PageShell className='messages'>
      <StateView state={page} isEmpty={(data) => data.messages.length === 0} emptyText='暂无消息，办理进度有变化时会通知您'>
        {(data) => {
          const unread = Math.max(0, data.unreadCount - readIds.size)
          return (
            <View>
              <View className='messages-head'>
                <Text className='muted'>{unread > 0 ? `${unread} 条未读` : '全部已读'}</Text>
                {unread > 0 ? (
                  <Text className='messages-read-all' onClick={readAll}>
                    全部标为已读
                  </Text>
                ) : null}
              </View>
              {[...data.messages, ...older].map((message) => {
                const read = message.read || readIds.has(message.id)
                return (
                  <View key={message.id} className='card message-item' data-read={read} onClick={() => open(message)}>
                    <View className='message-title-row'>
                      {read ? null : <View className='message-dot' />}
                      <Text className='message-title'>{message.title}</Text>
                    </View>
                    <Text className='message-body'>{message.body}</Text>
                    <Text className='muted'>{dayjs(message.createdAt).format('YYYY-MM-DD HH:mm')}</Text>
                  </View>
                )
              })}
              {loadingMore ? <Text className='muted messages-more'>加载中…</Text> : null}
              {!cursor && data.messages.length > 0 ? <Text className='muted messages-more'>没有更多了</Text> : null}
            </View>
          )
        }}
      </StateView>
    </PageShell>
  )
}
