import { createTestApp, type TestApp } from '../helpers/test-app'

describe('errors and logs', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('an unknown API path answers in the one error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ code: 'NOT_FOUND', message: '没有找到相关内容' })
  })

  it('a malformed JSON body answers 400 in the one error shape', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/dev',
      headers: { 'content-type': 'application/json' },
      payload: '{oops',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ code: 'VALIDATION_FAILED', message: '填写的内容有误，请检查后再提交' })
  })

  it('an oversized body answers 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'x'.repeat(300 * 1024) } })
    expect(response.statusCode).toBe(413)
    expect(response.json().code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('logs carry no token, openid or phone number', async () => {
    const token = await t.tokenFor('demo-staff-district')
    await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })
    await t.app.inject({ method: 'GET', url: `/api/me?token=${token}` })
    await t.app.inject({ method: 'GET', url: '/api/me', headers: { 'x-wx-openid': 'o-secret-openid', 'x-wx-source': 'x' } })
    const logs = t.logs.join('\n')
    expect(logs).toContain('/api/me')
    expect(logs).not.toContain(token)
    expect(logs).not.toContain(token.split('.')[2])
    expect(logs).not.toContain('o-secret-openid')
  })
})

describe('rate limits', () => {
  it('when login is called too often from one address, then 429 RATE_LIMITED in Chinese', async () => {
    const t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3' }, demo: false })
    try {
      const statuses: number[] = []
      for (let attempt = 0; attempt < 5; attempt++) {
        statuses.push((await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: `u${attempt}` } })).statusCode)
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429])
      const limited = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'u9' } })
      expect(limited.json()).toEqual({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' })
    } finally {
      await t.close()
    }
  })
})
