import { count, eq } from 'drizzle-orm'
import { legalAidCases } from '../../src/lines/legal-aid/legal-aid.tables'
import { findUserByOpenid } from '../../src/platform/auth/auth.repository'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { application } from '../lines/legal-aid/helpers'

const devLogin = (t: TestApp, openid: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid }, headers, remoteAddress: '203.0.113.9' })

describe('rate limits that hold', () => {
  describe('behind no proxy (the default)', () => {
    let t: TestApp
    beforeAll(async () => {
      t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '5' }, demo: false })
    })
    afterAll(() => t.close())

    it('a forged X-Forwarded-For, rotated at every try, does not get past the login limit', async () => {
      const statuses: number[] = []
      for (let index = 0; index < 10; index++)
        statuses.push((await devLogin(t, `rotating-${index}`, { 'x-forwarded-for': `10.0.0.${index}` })).statusCode)
      expect(statuses.filter((status) => status === 200)).toHaveLength(5)
      expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429])
    })
  })

  describe('behind one trusted proxy (TRUST_PROXY=1)', () => {
    let t: TestApp
    beforeAll(async () => {
      t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '2', TRUST_PROXY: '1' }, demo: false })
    })
    afterAll(() => t.close())

    it("the address the proxy saw is the client's: two clients behind it have a limit each", async () => {
      const from = (address: string) => devLogin(t, 'behind-proxy', { 'x-forwarded-for': address })
      expect([
        (await from('198.51.100.1')).statusCode,
        (await from('198.51.100.1')).statusCode,
        (await from('198.51.100.1')).statusCode,
      ]).toEqual([200, 200, 429])
      expect((await from('198.51.100.2')).statusCode).toBe(200)
    })
  })

  describe('two instances on one database', () => {
    let first: TestApp
    let second: TestApp
    beforeAll(async () => {
      first = await createTestApp({ env: { LOGIN_RATE_LIMIT: '5' }, demo: false })
      second = await createTestApp({ env: { LOGIN_RATE_LIMIT: '5' }, database: first.database })
    })
    afterAll(async () => {
      await second.close()
      await first.close()
    })

    it('share one budget: three logins on each, the sixth is refused', async () => {
      const statuses: number[] = []
      for (let index = 0; index < 6; index++)
        statuses.push((await devLogin(index % 2 === 0 ? first : second, `shared-${index}`)).statusCode)
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    })
  })

  describe('submissions per person', () => {
    let t: TestApp
    beforeAll(async () => {
      t = await createTestApp({ demo: false })
    })
    afterAll(() => t.close())

    it('50 legal-aid submissions at once without a key: five cases, the rest told plainly to wait', async () => {
      const submit = t.as('worker-flood')
      await t.tokenFor('worker-flood')
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => submit({ method: 'POST', url: '/api/legal-aid/cases', payload: application() })),
      )
      const statuses = responses.map((response) => response.statusCode)
      expect(statuses.filter((status) => status === 201)).toHaveLength(5)
      expect(statuses.filter((status) => status === 429)).toHaveLength(45)
      expect(responses.find((response) => response.statusCode === 429)!.json()).toEqual({
        code: 'RATE_LIMITED',
        message: '您今天已提交了 5 件法律援助申请。工作人员会尽快与您联系；情况紧急请拨打 12351 职工维权服务热线。',
      })
      const worker = await findUserByOpenid(t.database.db, 'worker-flood')
      const [stored] = await t.database.db.select({ value: count() }).from(legalAidCases).where(eq(legalAidCases.applicantId, worker!.id))
      expect(Number(stored!.value)).toBe(5)
    })
  })
})
