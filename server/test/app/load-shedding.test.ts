import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyPluginAsync } from 'fastify'
import { serviceLines } from '../../src/lines/registry'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { testLine } from '../helpers/test-line'

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
  const slowLine = testLine('slow', { routes: [slowRoutes] })
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
    expect(third.json()).toEqual({ code: 'SERVER_BUSY', message: '服务繁忙，请稍后再试' })
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)

    release()
    expect((await first).statusCode).toBe(200)
    expect((await second).statusCode).toBe(200)
    gate = new Promise<void>((resolve) => (release = resolve))
    expect((await t.app.inject({ method: 'GET', url: '/api/services' })).statusCode).toBe(200)
  })
})

/**
 * The embedded database runs queries on the event loop; when the loop falls behind, requests wait
 * unread in the socket. Past MAX_EVENT_LOOP_DELAY_MS, new requests are refused until it catches up.
 */
describe('load shedding on event-loop delay', () => {
  const blockingRoutes: FastifyPluginAsync = async (app) => {
    // What a backlog of embedded-database queries does to the loop: hold it, here for 600 ms.
    app.get('/hold-the-loop', async () => {
      const until = Date.now() + 600
      while (Date.now() < until);
      return { ok: true }
    })
  }
  const blockingLine = testLine('blocking', { routes: [blockingRoutes] })
  let t: TestApp
  let url: string
  let h5Dir: string
  beforeAll(async () => {
    h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-h5-shedding-'))
    fs.mkdirSync(path.join(h5Dir, 'js'))
    fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>连·工惠</title>')
    fs.writeFileSync(path.join(h5Dir, 'js', 'page.1a2b3c4d.js'), 'console.log(1)')
    t = await createTestApp({
      env: { MAX_EVENT_LOOP_DELAY_MS: '100', H5_DIR: h5Dir },
      lines: [...serviceLines, blockingLine],
      demo: false,
    })
    url = await t.app.listen({ host: '127.0.0.1', port: 0 })
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(h5Dir, { recursive: true, force: true })
  })

  /** Asks until `done` holds of the answer (the delay is sampled every 250 ms), at most 5 s. */
  async function askUntil(path: string, done: (response: Response) => boolean): Promise<Response> {
    const deadline = Date.now() + 5000
    for (;;) {
      const response = await fetch(`${url}${path}`)
      if (done(response) || Date.now() > deadline) return response
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  it('when the loop was held, then requests are answered 503 with Retry-After, health still answers, and once it catches up requests are served', async () => {
    expect((await fetch(`${url}/api/services`)).status).toBe(200)
    // Held twice, so that a sample falls while it is held whatever the phase of the sampler.
    await fetch(`${url}/api/hold-the-loop`)
    await fetch(`${url}/api/hold-the-loop`)
    const refused = await askUntil('/api/services', (response) => response.status === 503)
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect(await refused.json()).toEqual({ code: 'SERVER_BUSY', message: '服务繁忙，请稍后再试' })
    expect((await fetch(`${url}/api/health`)).status).toBe(200)
    expect((await askUntil('/api/services', (response) => response.status === 200)).status).toBe(200)
  })

  it('when API requests are refused, then the page and its scripts are still served: a refused chunk left the page blank', async () => {
    await fetch(`${url}/api/hold-the-loop`)
    await fetch(`${url}/api/hold-the-loop`)
    expect((await askUntil('/api/services', (response) => response.status === 503)).status).toBe(503)
    const [page, chunk] = await Promise.all([fetch(`${url}/`), fetch(`${url}/js/page.1a2b3c4d.js`)])
    expect([page.status, chunk.status]).toEqual([200, 200])
  })
})
