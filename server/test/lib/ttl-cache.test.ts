import { TtlCache } from '../../src/lib/ttl-cache'

describe('TtlCache', () => {
  it('loads once while fresh, shares a load between concurrent callers, and reloads when stale', async () => {
    let now = 1000
    let loads = 0
    const cache = new TtlCache<number>(500, () => now)
    const load = async () => ++loads
    expect(await Promise.all([cache.get(load), cache.get(load)])).toEqual([1, 1])
    now += 499
    expect(await cache.get(load)).toBe(1)
    now += 2
    expect(await cache.get(load)).toBe(2)
  })

  it('does not keep a failed load', async () => {
    const cache = new TtlCache<string>(1000)
    await expect(cache.get(() => Promise.reject(new Error('down')))).rejects.toThrow('down')
    expect(await cache.get(async () => 'up')).toBe('up')
  })
})
