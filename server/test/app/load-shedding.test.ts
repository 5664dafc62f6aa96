import type { FastifyPluginAsync } from 'fastify'
import { defineServiceLine } from '../../src/core/service-line'
import { serviceLines } from '../../src/lines/registry'
import { createTestApp, type TestApp } from '../helpers/test-app'

/** Past MAX_IN_FLIGHT requests in progress, one more is refused at once instead of queueing. */
describe('load shedding', () => {
  let release: () => void = () => undefined
  let gate = new Promise<void>((resolve) => (release = resolve))
  let entered = 0
  let bothInside: () => void = () => undefined
  const inside = new Promise<void>((resolve) => (bothInside = resolve))
  const slowRoutes: FastifyPluginAsync = async (app) => {
    app.get('/slow', async () => {
      if (++entered === 2) bothInside()
      await gate
      return { ok: true }
    })
  }
  const slowLine = defineServiceLine({
    key: 'slow',
    routes: [slowRoutes],
    catalogue: [],
    personalData: { describe: async () => null, erase: async () => ({ outcome: null, storageKeys: [] }) },
  })
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ env: { MAX_IN_FLIGHT: '2' }, lines: [...serviceLines, slowLine], demo: false })
  })
  afterAll(() => t.close())

  it('when two requests are in progress, then a third is answered 503 with Retry-After at once; health still answers; a freed slot takes the next', async () => {
    const first = t.app.inject({ method: 'GET', url: '/api/slow' })
    const second = t.app.inject({ method: 'GET', url: '/api/slow' })
    await inside
    const third = await t.app.inject({ method: 'GET', url: '/api/services' })
    expect(third.statusCode).toBe(503)
    expect(third.headers['retry-after']).toBe('1')
    expect(third.json()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '服务繁忙，请稍后再试' })
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)

    release()
    expect((await first).statusCode).toBe(200)
    expect((await second).statusCode).toBe(200)
    gate = new Promise<void>((resolve) => (release = resolve))
    expect((await t.app.inject({ method: 'GET', url: '/api/services' })).statusCode).toBe(200)
  })
})
