import { randomBytes } from 'node:crypto'
import { createTestApp, type TestApp } from '../helpers/test-app'

describe('security headers', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: '1' } })
  })
  afterAll(() => t.close())

  it('every answer carries the policy: own scripts only, no framing, no sniffing, no referrer', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' })
    const csp = String(response.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toMatch(/script-src 'self'(;| 'sha256-)/)
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    })
  })

  it('HSTS only when the request came over HTTPS (as the trusted proxy says)', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(plain.headers['strict-transport-security']).toBeUndefined()
    const secure = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' },
    })
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
  })

  it('outside production the API documents itself', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200)
  })
})

describe('API docs in production', () => {
  const production = {
    NODE_ENV: 'production',
    AUTH_MODE: 'wechat',
    AUTH_SECRET: randomBytes(48).toString('base64'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  }

  it('are off unless API_DOCS=true', async () => {
    const off = await createTestApp({ env: production, demo: false })
    try {
      expect((await off.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(404)
      expect((await off.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(404)
    } finally {
      await off.close()
    }
    const on = await createTestApp({ env: { ...production, API_DOCS: 'true' }, demo: false })
    try {
      expect((await on.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200)
      expect((await on.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200)
    } finally {
      await on.close()
    }
  })
})
