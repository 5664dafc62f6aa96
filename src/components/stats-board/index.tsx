import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Breakdown, Dashboard, Metric } from '@contract/kit/stats'
import { PageShell, usePageRefresh } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { formatDateTime, formatFigure } from '@/services/format'
import './index.css'

/** How far a figure has come towards its target, in percent (uncapped); none without a usable target. */
export function completion(metric: Pick<Metric, 'value' | 'target'>): number | undefined {
  return metric.target !== undefined && metric.target > 0 ? (metric.value / metric.target) * 100 : undefined
}

/** A bar's width: the share of the largest, and never invisible for a row that has any. */
function barWidth(value: number, largest: number): string {
  if (largest <= 0 || value <= 0) return '0%'
  return `${Math.max(2, Math.min(100, (value / largest) * 100))}%`
}

export interface StatsBoardProps {
  dashboard: Dashboard
}

/**
 * A line's dashboard (contract/kit/stats.ts), the same for every line: the period and when it was
 * counted, the headline figures — each against the plan's target when it has one — and the
 * breakdowns as bars against their largest row. In care mode the tiles go one to a row.
 */
export function StatsBoard({ dashboard }: StatsBoardProps) {
  return (
    <View className='lg-stats'>
      <View className='lg-stats__head'>
        <Text className='lg-stats__period'>{dashboard.periodLabel}</Text>
        <Text className='lg-muted'>数据截至 {formatDateTime(dashboard.asOf)}</Text>
      </View>
      {dashboard.metrics.length ? (
        <View className='lg-stats__metrics'>
          {dashboard.metrics.map((metric) => (
            <MetricTile key={metric.key} metric={metric} />
          ))}
        </View>
      ) : null}
      {dashboard.breakdowns.map((breakdown) => (
        <BreakdownBars key={breakdown.key} breakdown={breakdown} />
      ))}
    </View>
  )
}
StatsBoard.displayName = 'StatsBoard'

function MetricTile({ metric }: { metric: Metric }) {
  const done = completion(metric)
  return (
    <View className='lg-stats__tile' data-metric={metric.key}>
      <Text className='lg-stats__label'>{metric.label}</Text>
      <Text className='lg-stats__value'>{formatFigure(metric.value, metric.format, metric.unit)}</Text>
      {metric.target !== undefined ? (
        <View className='lg-stats__target'>
          {done !== undefined ? (
            <View
              className='lg-stats__progress'
              role='progressbar'
              aria-label={`${metric.label}：完成目标的 ${formatFigure(done, 'percent')}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(Math.min(100, done))}
            >
              <View
                className={['lg-stats__progress-fill', done >= 100 ? 'lg-stats__progress-fill--reached' : ''].filter(Boolean).join(' ')}
                style={{ width: `${Math.min(100, done)}%` }}
              />
            </View>
          ) : null}
          <View className='lg-stats__target-text'>
            {done !== undefined ? <Text className='lg-stats__done'>完成 {formatFigure(done, 'percent')}</Text> : null}
            <Text className='lg-muted'>
              {metric.targetLabel ?? '目标'} {formatFigure(metric.target, metric.format, metric.unit)}
            </Text>
          </View>
        </View>
      ) : null}
      {metric.note ? <Text className='lg-muted lg-stats__note'>{metric.note}</Text> : null}
    </View>
  )
}

function BreakdownBars({ breakdown }: { breakdown: Breakdown }) {
  // The contract promises largest first; the bars are measured against the largest whatever the order.
  const largest = breakdown.rows.reduce((most, row) => Math.max(most, row.value), 0)
  return (
    <View className='lg-card lg-stats__breakdown' data-breakdown={breakdown.key}>
      <Text className='lg-card__title'>{breakdown.label}</Text>
      {breakdown.rows.length === 0 ? (
        <Text className='lg-muted'>暂无数据</Text>
      ) : (
        breakdown.rows.map((row) => (
          <View className='lg-stats__row' key={row.label}>
            <View className='lg-stats__row-text'>
              <Text className='lg-stats__row-label'>{row.label}</Text>
              <Text className='lg-stats__row-value'>{formatFigure(row.value, breakdown.format, breakdown.unit)}</Text>
            </View>
            <View className='lg-stats__bar'>
              <View className='lg-stats__bar-fill' style={{ width: barWidth(row.value, largest) }} />
            </View>
          </View>
        ))
      )}
    </View>
  )
}

export interface DashboardPageProps {
  /** The page's root class (its stylesheet, if any, scopes under it). */
  className: string
  /** The line's `GET /api/workbench/<line>/stats`. */
  load: () => Promise<Dashboard>
  /** Why the page needs a login (default 查看统计需要先登录). */
  requireLogin?: string
  /** Under the board: an ExportButton, a link to the queue… */
  children?: ReactNode
}

/**
 * A line's whole stats page:
 * `export default () => <DashboardPage className='tr-stats' load={getTrainingStats} />`.
 * Login, loading, failure with a retry, nothing to show, and pull-down refresh, as on every page.
 */
export function DashboardPage({ className, load, requireLogin = '查看统计需要先登录', children }: DashboardPageProps) {
  return (
    <PageShell className={className} requireLogin={requireLogin}>
      <DashboardContent load={load}>{children}</DashboardContent>
    </PageShell>
  )
}
DashboardPage.displayName = 'DashboardPage'

function DashboardContent({ load, children }: Pick<DashboardPageProps, 'load' | 'children'>) {
  const state = useApi(load, [])
  usePageRefresh(state.reload)
  return (
    <StateView
      state={state}
      loadingText='正在统计…'
      isEmpty={(dashboard) => dashboard.metrics.length === 0 && dashboard.breakdowns.length === 0}
      emptyText='暂无统计数据'
    >
      {(dashboard) => (
        <View>
          <StatsBoard dashboard={dashboard} />
          {children}
        </View>
      )}
    </StateView>
  )
}
