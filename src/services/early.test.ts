import { startEarly, takeEarly } from './early'

describe('requests started early', () => {
  it('when started early, then the first taker gets that answer and a later one asks again', async () => {
    const load = jest.fn<Promise<string>, []>().mockResolvedValueOnce('early').mockResolvedValueOnce('again')
    startEarly('catalogue', load)
    expect(load).toHaveBeenCalledTimes(1)
    await expect(takeEarly('catalogue', load)).resolves.toBe('early')
    expect(load).toHaveBeenCalledTimes(1)
    await expect(takeEarly('catalogue', load)).resolves.toBe('again')
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('when never started, then the taker asks itself; a second start of a pending key asks nothing', async () => {
    const load = jest.fn<Promise<number>, []>().mockResolvedValue(1)
    await expect(takeEarly('notices', load)).resolves.toBe(1)
    startEarly('notices', load)
    startEarly('notices', load)
    expect(load).toHaveBeenCalledTimes(2)
    await takeEarly('notices', load)
  })

  it('when the early request failed, then the taker gets its error', async () => {
    startEarly('broken', () => Promise.reject(new Error('offline')))
    await expect(takeEarly('broken', () => Promise.resolve('fresh'))).rejects.toThrow('offline')
  })
})
