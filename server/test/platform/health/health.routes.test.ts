import { createTestApp, type TestApp } from '../../helpers/test-app'

describe('GET /api/health', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ demo: false })
  })
  afterAll(() => t.close())

  it('when the database answers, then ok with which database and its latency', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      databaseLatencyMs: expect.any(Number),
    })
  })

  it('when the database is gone, then 503 SERVICE_UNAVAILABLE', async () => {
    const broken = await createTestApp({ demo: false })
    await broken.database.close()
    const response = await broken.app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(503)
    expect(response.json()).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '数据库暂时不可用' })
    // Closing the app closes the (already closed) database again: that must not throw.
    await broken.close().catch(() => undefined)
  })
})

describe('GET /api/openapi.json and /api/docs', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ demo: false })
  })
  afterAll(() => t.close())

  it('describes every API route with its schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const document = response.json()
    expect(document.openapi).toMatch(/^3\./)
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/wechat', '/api/me', '/api/services', '/api/orgs', '/api/messages']),
    )
    expect(document.paths['/api/auth/wechat'].post.requestBody.content['application/json'].schema.properties.code.type).toBe('string')
  })

  it('serves the docs UI', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/html')
  })
})
