import { Text } from '@tarojs/components'
import './index.css'

/** How a status reads at a glance: waiting on someone, being worked on, done well, ended otherwise. */
export type StatusTone = 'waiting' | 'active' | 'success' | 'ended'

export interface StatusTagProps<S extends string> {
  status: S
  /** The line's workflow (contract/kit/workflow.ts): its words and which statuses are still open. */
  workflow: { statusLabel: Record<S, string>; isOpen(status: S): boolean }
  /** The line's own tones; by default open statuses are `active` and the others `ended`. */
  tones?: Partial<Record<S, StatusTone>>
  className?: string
}

/** A record's status in its workflow's words, coloured by what it means for the person. */
export function StatusTag<S extends string>({ status, workflow, tones, className }: StatusTagProps<S>) {
  const tone = tones?.[status] ?? (workflow.isOpen(status) ? 'active' : 'ended')
  return (
    <Text className={['lg-status', `lg-status--${tone}`, className ?? ''].filter(Boolean).join(' ')} data-status={status}>
      {workflow.statusLabel[status] ?? status}
    </Text>
  )
}
StatusTag.displayName = 'StatusTag'
