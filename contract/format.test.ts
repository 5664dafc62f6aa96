import { formatYuan } from './format'

describe('formatYuan', () => {
  it('groups thousands, and shows fen only when there are any', () => {
    expect(formatYuan(15000)).toBe('15,000 元')
    expect(formatYuan(12345.5)).toBe('12,345.50 元')
    expect(formatYuan(0.05)).toBe('0.05 元')
    expect(formatYuan(999)).toBe('999 元')
    expect(formatYuan(1234567.891)).toBe('1,234,567.89 元')
    expect(formatYuan(-2500)).toBe('-2,500 元')
  })
})
