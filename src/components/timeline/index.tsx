import { Text, View } from '@tarojs/components'
import type { TimelineEvent } from '@contract/timeline'
import { formatDateTime } from '@/services/format'
import './index.css'

/** The words of a line's workflow (contract/kit/workflow.ts): what each status and action is called. */
export interface WorkflowWords {
  statusLabel: Record<string, string>
  actionLabel: Record<string, string>
}

export interface TimelineProps {
  events: readonly TimelineEvent[]
  workflow: WorkflowWords
}

/** Oldest first, whatever order they came in; events at the same moment keep their order. */
export function inHistoryOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((event, index) => ({ event, index, at: Date.parse(event.at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ event }) => event)
}

/** What a step is called: the status it moved to, or for a step that kept the status, the action's name. */
export function stepTitle(event: TimelineEvent, workflow: WorkflowWords): string {
  if (event.fromStatus !== event.toStatus) return workflow.statusLabel[event.toStatus] ?? event.toStatus
  return (event.action ? workflow.actionLabel[event.action] : undefined) ?? '补充记录'
}

/**
 * A request's history, the same in every line: oldest first down to the current step (marked),
 * who acted, when, and why. Internal notes (staff only) are marked as such.
 */
export function Timeline({ events, workflow }: TimelineProps) {
  const ordered = inHistoryOrder(events)
  return (
    <View className='lg-timeline'>
      {ordered.map((event, index) => {
        const current = index === ordered.length - 1
        const classes = [
          'lg-timeline__item',
          current ? 'lg-timeline__item--current' : '',
          event.internal ? 'lg-timeline__item--internal' : '',
        ]
        return (
          <View
            key={event.id}
            className={classes.filter(Boolean).join(' ')}
            data-status={event.toStatus}
            data-action={event.action ?? ''}
            data-internal={event.internal ? 'true' : 'false'}
            data-current={current ? 'true' : 'false'}
          >
            <View className='lg-timeline__dot' />
            <View className='lg-timeline__body'>
              <View className='lg-timeline__head'>
                <Text className='lg-timeline__title'>{stepTitle(event, workflow)}</Text>
                {current ? <Text className='lg-timeline__now'>当前</Text> : null}
                {event.internal ? <Text className='lg-timeline__internal'>内部记录 · 申请人看不到</Text> : null}
              </View>
              {event.note ? <Text className='lg-timeline__note'>{event.note}</Text> : null}
              <Text className='lg-muted'>
                {event.actorName} · {formatDateTime(event.at)}
              </Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
Timeline.displayName = 'Timeline'
