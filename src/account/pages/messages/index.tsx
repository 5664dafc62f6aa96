import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { InboxMessage, InboxPage } from '@contract/inbox'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { usePagedApi } from '@/hooks/usePagedApi'
import { listMessages, markAllMessagesRead, markMessageRead } from '@/services/api/core'
import { toApiError } from '@/services/api-error'
import { toast } from '@/services/dialogs'
import { formatWhen } from '@/services/format'
import './index.css'

/** 消息: what happened to the person's requests, newest first, page by page. */
export default function MessagesPage() {
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set())
  const inbox = usePagedApi<InboxPage>(async (cursor) => {
    const page = await listMessages(cursor)
    // A fresh first page knows what is read: the taps counted locally start over.
    if (!cursor) setReadIds(new Set())
    return page
  }, [])

  const open = (message: InboxMessage) => {
    if (!message.read && !readIds.has(message.id)) {
      setReadIds((current) => new Set(current).add(message.id))
      markMessageRead(message.id).catch(() => undefined)
    }
    if (message.link) void Taro.navigateTo({ url: message.link })
  }

  const readAll = () => {
    markAllMessagesRead()
      .then(() => inbox.reload())
      .catch((error: unknown) => toast(toApiError(error).message))
  }

  return (
    <PageShell className='ac-messages' onRefresh={inbox.reload} requireLogin='查看消息需要先登录'>
      <PagedList
        state={inbox}
        emptyText='暂无消息，办理进度有变化时会通知您'
        header={(data) => {
          const unread = Math.max(0, data.unreadCount - readIds.size)
          return (
            <View className='ac-messages__head'>
              <Text className='lg-muted'>{unread > 0 ? `${unread} 条未读` : '全部已读'}</Text>
              {unread > 0 ? (
                <Text className='lg-link' onClick={readAll}>
                  全部标为已读
                </Text>
              ) : null}
            </View>
          )
        }}
        renderItem={(message) => {
          const read = message.read || readIds.has(message.id)
          return (
            <View key={message.id} className='lg-card lg-stack' data-read={read} onClick={() => open(message)}>
              <View className='ac-messages__title-row'>
                {read ? null : <View className='ac-messages__dot' />}
                <Text className='lg-title'>{message.title}</Text>
              </View>
              <Text className='ac-messages__body'>{message.body}</Text>
              <Text className='lg-muted'>{formatWhen(message.createdAt)}</Text>
            </View>
          )
        }}
      />
    </PageShell>
  )
}
