import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { TimelineEvent } from '@contract/timeline'
import './index.css'

export interface TimelineProps {
  events: TimelineEvent[]
  /** Words for the statuses of this kind of request, e.g. submitted → 待审核. */
  statusLabel: Record<string, string>
}

/** A request's history, newest first: what happened, who did it, when, and why. */
export function Timeline({ events, statusLabel }: TimelineProps) {
  const newestFirst = [...events].reverse()
  return (
    <View className='timeline'>
      {newestFirst.map((event, index) => {
        const changed = event.fromStatus !== event.toStatus
        return (
          <View key={event.id} className={`timeline-item ${index === 0 ? 'timeline-item-latest' : ''}`} data-status={event.toStatus}>
            <View className='timeline-dot' />
            <View className='timeline-body'>
              <View className='timeline-head'>
                <Text className='timeline-status'>{changed ? (statusLabel[event.toStatus] ?? event.toStatus) : '补充记录'}</Text>
                {event.internal ? <Text className='tag timeline-internal'>仅工作人员可见</Text> : null}
              </View>
              {event.note ? <Text className='timeline-note'>{event.note}</Text> : null}
              <Text className='muted'>
                {event.actorName} · {dayjs(event.at).format('YYYY年M月D日 HH:mm')}
              </Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
Timeline.displayName = 'Timeline'
