import dayjs from 'dayjs'
import type { FigureFormat } from '@contract/kit/stats'

/** One way to write dates and money across the app, timelines and messages included. */
export const formatDateTime = (iso: string): string => dayjs(iso).format('YYYY年M月D日 HH:mm')
export const formatDate = (iso: string): string => dayjs(iso).format('YYYY年M月D日')
/** A deadline in the current year, as people say it: 11月23日. */
export const formatDay = (iso: string): string => dayjs(iso).format('M月D日')

/** An amount of money as people say it: 15,000 元, 12,345.50 元. */
export function formatYuan(amount: number): string {
  const whole = Number.isInteger(amount)
  return `${amount.toLocaleString('zh-CN', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 })} 元`
}

/** The time of day to the second, for a check done just now. */
export const formatTime = (iso: string): string => dayjs(iso).format('HH:mm:ss')

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
