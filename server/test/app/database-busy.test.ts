import type { FastifyPluginAsync } from 'fastify'
import { serviceLines } from '../../src/lines/registry'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { testLine } from '../helpers/test-line'

/**
 * A database too busy to answer in time (no free pool connection within its timeout, a deadlock
 * victim, a lock that waited too long) is a 503 with Retry-After, like a shed request — the
 * client's 服务繁忙 and its retry — while anything else unexpected stays a 500.
 */
describe('a busy database', () => {
  // As drizzle reports a failed query: its own error, with the driver's error as the cause.
  const failedQuery = (cause: Error) => new Error('Failed query: select 1', { cause })
  const sqlState = (code: string) => Object.assign(new Error('database said no'), { code })
  const failures: Record<string, () => Error> = {
    'pool-timeout': () => failedQuery(new Error('timeout exceeded when trying to connect')),
    deadlock: () => failedQuery(sqlState('40P01')),
    'lock-timeout': () => failedQuery(sqlState('55P03')),
    'unique-violation': () => failedQuery(sqlState('23505')),
    bug: () => new TypeError("Cannot read properties of undefined (reading 'id')"),
  }
  const failingRoutes: FastifyPluginAsync = async (app) => {
    app.get('/fail/:kind', async (request) => {
      throw failures[(request.params as { kind: string }).kind]!()
    })
  }
  const failingLine = testLine('failing', { routes: [failingRoutes] })
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ lines: [...serviceLines, failingLine], demo: false })
  })
  afterAll(() => t.close())

  it.each(['pool-timeout', 'deadlock', 'lock-timeout'])(
    'when the database is busy (%s), then 503 SERVICE_UNAVAILABLE with Retry-After',
    async (kind) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/fail/${kind}` })
      expect([response.statusCode, response.headers['retry-after'], response.json()]).toEqual([
        503,
        '1',
        { code: 'SERVICE_UNAVAILABLE', message: '服务繁忙，请稍后再试' },
      ])
    },
  )

  it.each(['unique-violation', 'bug'])('when something else fails (%s), then it is still a 500 that reveals nothing', async (kind) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/fail/${kind}` })
    expect(response.statusCode).toBe(500)
    expect(response.headers['retry-after']).toBeUndefined()
    expect(response.json().code).toBe('INTERNAL')
  })
})
