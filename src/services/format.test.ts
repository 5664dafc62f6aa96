import { formatDate, formatDateTime, formatWhen, formatYuan } from './format'

describe('one way to write dates and money', () => {
  // Local times (no zone): the page writes the phone's own time, whatever zone the tests run in.
  const now = new Date('2026-12-01T20:06:00')

  it('dates in Chinese, money as the server writes it', () => {
    expect(formatDateTime('2026-12-01T20:06:00')).toBe('2026年12月1日 20:06')
    expect(formatDate('2026-12-01T20:06:00')).toBe('2026年12月1日')
    expect(formatYuan(15000)).toBe('15,000 元')
  })

  it('recent moments as people say them, older ones as a date', () => {
    expect(formatWhen('2026-12-01T20:05:40', now)).toBe('刚刚')
    expect(formatWhen('2026-12-01T20:01:00', now)).toBe('5 分钟前')
    expect(formatWhen('2026-12-01T17:06:00', now)).toBe('3 小时前')
    expect(formatWhen('2026-11-30T20:06:00', now)).toBe('昨天 20:06')
    expect(formatWhen('2026-11-23T09:30:00', now)).toBe('11月23日 09:30')
    expect(formatWhen('2025-11-23T09:30:00', now)).toBe('2025年11月23日 09:30')
  })
})
