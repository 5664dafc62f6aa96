import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import relativeTime from 'dayjs/plugin/relativeTime'
import type { FigureFormat } from '@contract/kit/stats'
import { formatYuan } from '@contract/format'

dayjs.extend(relativeTime)
dayjs.locale('zh-cn')

/**
 * One way to write dates and money across the app, timelines and messages included: 2026年12月1日
 * 20:06, 15,000 元. Money is written by the contract's formatYuan, so what the server writes into a
 * timeline note or a message reads the same as what a page writes.
 */
export { formatYuan }

export const formatDateTime = (iso: string): string => dayjs(iso).format('YYYY年M月D日 HH:mm')
export const formatDate = (iso: string): string => dayjs(iso).format('YYYY年M月D日')
/** A deadline in the current year, as people say it: 11月23日. */
export const formatDay = (iso: string): string => dayjs(iso).format('M月D日')

/** The time of day to the second, for a check done just now. */
export const formatTime = (iso: string): string => dayjs(iso).format('HH:mm:ss')

/**
 * When something happened, as people say it when it was recent (刚刚, 5 分钟前, 3 小时前, 昨天 20:06),
 * and as a date otherwise (11月23日 09:30, or 2025年11月23日 09:30 in an earlier year). For
 * messages and conversations; a record's history keeps the full date.
 */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const at = dayjs(iso)
  const reference = dayjs(now)
  const minutes = reference.diff(at, 'minute')
  if (minutes < 1 && minutes > -1) return '刚刚'
  if (minutes >= 1 && minutes < 60) return at.from(reference)
  if (at.isSame(reference, 'day')) return at.from(reference)
  if (at.isSame(reference.subtract(1, 'day'), 'day')) return `昨天 ${at.format('HH:mm')}`
  if (at.isSame(reference, 'year')) return at.format('M月D日 HH:mm')
  return at.format('YYYY年M月D日 HH:mm')
}

/**
 * A figure as a dashboard shows it (contract/kit/stats.ts): counts grouped with their unit
 * (1,234 人次), money in yuan (formatYuan), percentages (0–100) to one decimal (63.2%).
 */
export function formatFigure(value: number, format: FigureFormat, unit?: string): string {
  if (format === 'yuan') return formatYuan(value)
  if (format === 'percent') return `${value.toFixed(1)}%`
  const count = value.toLocaleString('zh-CN', { maximumFractionDigits: 1 })
  return unit ? `${count} ${unit}` : count
}
