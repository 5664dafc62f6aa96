import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { Dashboard } from '@contract/kit/stats'
import { ApiError } from '@/services/api-error'
import { formatFigure } from '@/services/format'
import { clearSession } from '@/services/session-store'
import { DashboardPage, StatsBoard } from './index'
import { signIn } from '@fixtures/session'

const dashboard = (overrides: Partial<Dashboard> = {}): Dashboard => ({
  periodLabel: '2026 年',
  asOf: '2026-12-01T08:30:00+08:00',
  metrics: [
    { key: 'trainees', label: '培训人次', value: 3160, format: 'count', unit: '人次', target: 5000, targetLabel: '2026 年目标' },
    { key: 'relief', label: '发放帮扶金', value: 15000, format: 'yuan', note: '含临时救助' },
    { key: 'rate', label: '解困脱困率', value: 92, format: 'percent', target: 90, targetLabel: '规划目标' },
  ],
  breakdowns: [
    {
      key: 'district',
      label: '按区县',
      format: 'count',
      unit: '人次',
      rows: [
        { label: '海州区', value: 1200 },
        { label: '赣榆区', value: 600 },
        { label: '灌云县', value: 0 },
      ],
    },
    { key: 'status', label: '按状态', format: 'count', rows: [] },
  ],
  ...overrides,
})

const tile = (key: string) => within(document.querySelector(`[data-metric="${key}"]`) as HTMLElement)
const bars = (key: string) =>
  Array.from(document.querySelectorAll(`[data-breakdown="${key}"] .lg-stats__bar-fill`)).map((bar) => (bar as HTMLElement).style.width)

describe('formatFigure', () => {
  it('counts grouped with their unit, money in yuan, percentages to one decimal', () => {
    expect(formatFigure(12345, 'count', '人次')).toBe('12,345 人次')
    expect(formatFigure(7, 'count')).toBe('7')
    expect(formatFigure(15000, 'yuan')).toBe('15,000 元')
    expect(formatFigure(63.24, 'percent')).toBe('63.2%')
    expect(formatFigure(90, 'percent')).toBe('90.0%')
  })
})

describe('StatsBoard', () => {
  it('shows the period and when it was counted', () => {
    render(<StatsBoard dashboard={dashboard()} />)
    expect(screen.getByText('2026 年')).toBeTruthy()
    expect(screen.getByText(/^数据截至 2026年12月1日 \d\d:30$/)).toBeTruthy()
  })

  it('a figure with a target shows how far it has come, and the target in its own words', () => {
    render(<StatsBoard dashboard={dashboard()} />)
    expect(tile('trainees').getByText('3,160 人次')).toBeTruthy()
    expect(tile('trainees').getByText('完成 63.2%')).toBeTruthy()
    expect(tile('trainees').getByText('2026 年目标 5,000 人次')).toBeTruthy()
    expect(tile('trainees').getByRole('progressbar').getAttribute('aria-valuenow')).toBe('63')
    // Past the target: the bar is full (and marked reached), the share is told as it is.
    expect(tile('rate').getByText('92.0%')).toBeTruthy()
    expect(tile('rate').getByText('完成 102.2%')).toBeTruthy()
    expect(tile('rate').getByText('规划目标 90.0%')).toBeTruthy()
    expect(document.querySelector('[data-metric="rate"] .lg-stats__progress-fill--reached')).toBeTruthy()
    // A screen reader names the bar by its figure (axe: aria-progressbar-name).
    expect(tile('rate').getByRole('progressbar').getAttribute('aria-label')).toMatch(/^.+：完成目标的 102\.2%$/)
  })

  it('a figure without a target shows its value and note only', () => {
    render(<StatsBoard dashboard={dashboard()} />)
    expect(tile('relief').getByText('15,000 元')).toBeTruthy()
    expect(tile('relief').getByText('含临时救助')).toBeTruthy()
    expect(tile('relief').queryByRole('progressbar')).toBeNull()
    expect(tile('relief').queryByText(/完成/)).toBeNull()
  })

  it('a target of 0 is shown, but no share of it is made up', () => {
    render(
      <StatsBoard
        dashboard={dashboard({ metrics: [{ key: 'x', label: '新签商户', value: 3, format: 'count', unit: '家', target: 0 }] })}
      />,
    )
    expect(tile('x').getByText('目标 0 家')).toBeTruthy()
    expect(tile('x').queryByRole('progressbar')).toBeNull()
  })

  it('breakdowns are bars against the largest row; an empty one says 暂无数据', () => {
    render(<StatsBoard dashboard={dashboard()} />)
    expect(bars('district')).toEqual(['100%', '50%', '0%'])
    expect(screen.getByText('1,200 人次')).toBeTruthy()
    const empty = within(document.querySelector('[data-breakdown="status"]') as HTMLElement)
    expect(empty.getByText('按状态')).toBeTruthy()
    expect(empty.getByText('暂无数据')).toBeTruthy()
  })
})

describe('DashboardPage', () => {
  beforeEach(() => signIn('u-1', '王丽'))
  afterEach(() => act(() => clearSession()))

  it('loads the dashboard, with what the page adds under it', async () => {
    render(
      <DashboardPage className='tr-stats' load={() => Promise.resolve(dashboard())}>
        <span>导出表格</span>
      </DashboardPage>,
    )
    expect(screen.getByText('正在统计…')).toBeTruthy()
    expect(await screen.findByText('完成 63.2%')).toBeTruthy()
    expect(screen.getByText('导出表格')).toBeTruthy()
    expect(document.querySelector('.lg-page.tr-stats')).toBeTruthy()
  })

  it('a failure is told in Chinese with a retry; nothing at all is 暂无统计数据', async () => {
    const load = jest
      .fn<Promise<Dashboard>, []>()
      .mockRejectedValueOnce(new ApiError(0, 'NETWORK'))
      .mockResolvedValue(dashboard({ metrics: [], breakdowns: [] }))
    render(<DashboardPage className='tr-stats' load={load} />)
    fireEvent.click(await screen.findByText('重试'))
    expect(await screen.findByText('暂无统计数据')).toBeTruthy()
  })

  it('without a session, asks to log in first', () => {
    act(() => clearSession())
    render(<DashboardPage className='tr-stats' load={() => Promise.resolve(dashboard())} />)
    expect(screen.getByText('查看统计需要先登录')).toBeTruthy()
  })
})
