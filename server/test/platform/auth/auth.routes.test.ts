import { createTestApp, TEST_ENV, type TestApp } from '../../helpers/test-app'
import { startFakeWechat, type FakeWechat } from '../../helpers/fake-wechat'
import { loadConfig } from '../../../src/config'

describe('auth', () => {
  let fake: FakeWechat
  let t: TestApp

  beforeAll(async () => {
    fake = await startFakeWechat()
    fake.slowMs = 1500
    const wechat = fake.client(500)
    t = await createTestApp({ wechat })
  })
  afterAll(async () => {
    await t.close()
    await fake.close()
  })

  describe('POST /api/auth/wechat', () => {
    it('when WeChat accepts the code, then it creates the user once and returns a working token', async () => {
      const first = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok:o-wechat-user-1' } })
      expect(first.statusCode).toBe(200)
      const body = first.json()
      expect(body.token).toEqual(expect.any(String))
      expect(body.user).toMatchObject({ nickname: '微信用户', roles: [], phoneMasked: null })
      expect(JSON.stringify(body)).not.toContain('session_key')
      expect(JSON.stringify(body)).not.toContain('fake-session-key')

      const again = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'ok:o-wechat-user-1' } })
      expect(again.json().user.id).toBe(body.user.id)

      const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${body.token}` } })
      expect(me.statusCode).toBe(200)
      expect(me.json().id).toBe(body.user.id)
      const call = fake.calls.find((item) => item.path === '/sns/jscode2session')
      expect(call?.query).toMatchObject({ appid: 'wx-test-appid', js_code: 'ok:o-wechat-user-1', grant_type: 'authorization_code' })
    })

    it('when the code is invalid (40029), then 400 WECHAT_CODE_INVALID in Chinese', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'used-code' } })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toEqual({ code: 'WECHAT_CODE_INVALID', message: '登录凭证已失效，请重新登录' })
    })

    it('when WeChat rate-limits us (45011), then 429 WECHAT_RATE_LIMITED', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'limited' } })
      expect(response.statusCode).toBe(429)
      expect(response.json().code).toBe('WECHAT_RATE_LIMITED')
    })

    it('when WeChat does not answer in time, then 503 WECHAT_UNAVAILABLE', async () => {
      const started = Date.now()
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'slow' } })
      expect(response.statusCode).toBe(503)
      expect(response.json().code).toBe('WECHAT_UNAVAILABLE')
      expect(Date.now() - started).toBeLessThan(1400)
    })

    it('when the code is missing, then a field error', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: {} })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: { code: '缺少微信登录凭证' } })
    })
  })

  describe('dev login', () => {
    it('lists the seeded personas, staff among them', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/auth/dev/personas' })
      expect(response.statusCode).toBe(200)
      const personas = response.json().personas as Array<{ openid: string; roles: Array<{ role: string }> }>
      expect(personas.map((persona) => persona.openid)).toEqual(expect.arrayContaining(['demo-worker', 'demo-city-admin', 'demo-legal']))
      expect(personas.find((persona) => persona.openid === 'demo-city-admin')?.roles).toEqual([
        expect.objectContaining({ role: 'city_admin' }),
      ])
    })

    it('when any identifier is given, then that user is made or found', async () => {
      const first = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'someone-new' } })
      const second = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'someone-new' } })
      expect(first.statusCode).toBe(200)
      expect(second.json().user.id).toBe(first.json().user.id)
    })

    it('when the server runs in wechat mode, then dev login does not exist', async () => {
      const strict = await createTestApp({ env: { AUTH_MODE: 'wechat' }, demo: false })
      try {
        expect((await strict.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'x' } })).statusCode).toBe(404)
        expect((await strict.app.inject({ method: 'GET', url: '/api/auth/dev/personas' })).statusCode).toBe(404)
      } finally {
        await strict.close()
      }
    })

    it('refuses to start with dev login in production', () => {
      expect(() => loadConfig({ ...TEST_ENV, NODE_ENV: 'production', AUTH_MODE: 'dev' })).toThrow(
        /AUTH_MODE: dev login must not be enabled in production/,
      )
    })
  })

  describe('GET /api/me', () => {
    it('without a token, then 401 UNAUTHENTICATED', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/me' })
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
    })

    it('with a tampered or foreign token, then 401', async () => {
      const token = await t.tokenFor('demo-worker')
      const [purpose, body, signature] = token.split('.')
      const tampered = `${purpose}.${body}x.${signature}`
      for (const bad of [tampered, 'garbage', `card.${body}.${signature}`]) {
        const response = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${bad}` } })
        expect(response.statusCode).toBe(401)
      }
    })

    it('with an expired token, then 401 asking to log in again', async () => {
      const { issueSession } = await import('../../../src/platform/auth/auth.service')
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'demo-worker' } })
      const old = issueSession(t.config, login.json().user.id, Date.now() - t.config.sessionTtlSeconds * 1000 - 1000)
      const response = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${old.token}` } })
      expect(response.statusCode).toBe(401)
      expect(response.json().message).toBe('登录已过期，请重新登录')
    })

    it('returns the staff roles of a staff member', async () => {
      const response = await t.as('demo-staff-district')({ method: 'GET', url: '/api/me' })
      expect(response.json()).toMatchObject({
        nickname: '张建国',
        roles: [{ role: 'union_staff', orgId: 'lyg-haizhou', orgName: '海州区总工会' }],
      })
    })
  })

  describe('behind WeChat Cloud Run', () => {
    it('trusts X-WX-OPENID only when enabled and X-WX-SOURCE is present', async () => {
      const headers = { 'x-wx-openid': 'o-cloud-run-user', 'x-wx-source': 'wx_client' }
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401)

      const cloud = await createTestApp({ env: { TRUST_WX_CLOUD_HEADERS: 'true' }, demo: false })
      try {
        const trusted = await cloud.app.inject({ method: 'GET', url: '/api/me', headers })
        expect(trusted.statusCode).toBe(200)
        const again = await cloud.app.inject({ method: 'GET', url: '/api/me', headers })
        expect(again.json().id).toBe(trusted.json().id)
        const withoutSource = await cloud.app.inject({ method: 'GET', url: '/api/me', headers: { 'x-wx-openid': 'o-cloud-run-user' } })
        expect(withoutSource.statusCode).toBe(401)
      } finally {
        await cloud.close()
      }
    })
  })
})
