import { and, eq } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { auditLog } from '../../../src/core/core.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { applicationBody, DEMO_WAITING_ID_NUMBER, idempotency, validIdNumber } from './membership-fixtures'

/**
 * Who may do what, as a matrix: no token → 401; the wrong role → 403; a record outside the
 * caller's reach → 404 (never confirming it exists). Staff scope follows the organisation tree.
 */
describe('membership authorization', () => {
  let t: TestApp
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    t = await createTestApp()
    const queue = (await t.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/membership/applications' })).json()
    for (const item of queue.items as Array<{ id: string; name: string }>) ids[item.name] = item.id
  })
  afterAll(() => t.close())

  const someId = '00000000-0000-4000-8000-000000000000'
  const workerEndpoints: InjectOptions[] = [
    { method: 'POST', url: '/api/membership/applications', payload: {} },
    { method: 'GET', url: '/api/membership/applications/mine' },
    { method: 'PUT', url: `/api/membership/applications/${someId}`, payload: {} },
    { method: 'GET', url: '/api/membership/card' },
    { method: 'POST', url: '/api/cards/verify', payload: { token: 'x' } },
    { method: 'GET', url: '/api/me/data' },
    { method: 'PUT', url: '/api/me/contact', payload: { phone: '13800000000' } },
    { method: 'POST', url: '/api/me/phone/wechat', payload: { code: 'x' } },
    { method: 'POST', url: '/api/me/delete', payload: { confirm: true } },
    { method: 'POST', url: '/api/workbench/invites/redeem', payload: { code: 'ABCD-EFGH', realName: '测试员' } },
  ]
  const reviewEndpoints = (id: string): InjectOptions[] => [
    { method: 'GET', url: '/api/workbench/membership/applications' },
    { method: 'GET', url: '/api/workbench/membership/waiting-count' },
    { method: 'GET', url: `/api/workbench/membership/applications/${id}` },
    { method: 'POST', url: `/api/workbench/membership/applications/${id}/reveal-id-number` },
    { method: 'POST', url: `/api/workbench/membership/applications/${id}/approve`, payload: {} },
    { method: 'POST', url: `/api/workbench/membership/applications/${id}/reject`, payload: { reason: '材料不全，请补充' } },
  ]
  const adminEndpoints: InjectOptions[] = [
    { method: 'GET', url: '/api/workbench/invites' },
    { method: 'POST', url: '/api/workbench/invites', payload: { role: 'union_staff', orgId: 'lyg-haizhou', validDays: 3 } },
    { method: 'POST', url: `/api/workbench/invites/${someId}/revoke` },
  ]

  it('without a token, every membership, review and invite endpoint answers 401', async () => {
    for (const endpoint of [...workerEndpoints, ...reviewEndpoints(someId), ...adminEndpoints]) {
      const response = await t.app.inject(endpoint)
      expect(`${endpoint.method} ${endpoint.url} → ${response.statusCode}`).toBe(`${endpoint.method} ${endpoint.url} → 401`)
    }
  })

  it('a worker, and legal staff, get 403 from the review endpoints; only a city admin may manage invites', async () => {
    for (const openid of ['demo-worker', 'demo-legal']) {
      for (const endpoint of reviewEndpoints(ids['周志强']!)) {
        const response = await t.as(openid)(endpoint)
        expect(`${openid} ${endpoint.method} ${endpoint.url} → ${response.statusCode}`).toBe(
          `${openid} ${endpoint.method} ${endpoint.url} → 403`,
        )
      }
    }
    for (const openid of ['demo-worker', 'demo-staff-district', 'demo-legal']) {
      for (const endpoint of adminEndpoints) {
        const response = await t.as(openid)(endpoint)
        expect(`${openid} ${endpoint.method} ${endpoint.url} → ${response.statusCode}`).toBe(
          `${openid} ${endpoint.method} ${endpoint.url} → 403`,
        )
      }
    }
  })

  it('grassroots staff see their own union only; district staff their district; the city admin everything', async () => {
    const names = async (openid: string, query = '') => {
      const body = (await t.as(openid)({ method: 'GET', url: `/api/workbench/membership/applications${query}` })).json()
      return { names: (body.items as Array<{ name: string }>).map((item) => item.name), counts: body.counts }
    }
    expect(await names('demo-staff-grassroots')).toEqual({ names: ['周志强'], counts: { submitted: 1, approved: 1, rejected: 0 } })
    // Oldest waiting first by default; newest first on request.
    expect((await names('demo-staff-district')).names).toEqual(['周志强', '孙丽', '吴刚'])
    expect((await names('demo-staff-district', '?sort=newest')).names).toEqual(['吴刚', '孙丽', '周志强'])
    expect((await names('demo-city-admin')).names).toEqual(['冯磊', '周志强', '孙丽', '郑华', '吴刚', '何静'])
    expect(await names('demo-city-admin', '?status=approved')).toEqual({
      names: ['李秀英'],
      counts: { submitted: 6, approved: 1, rejected: 0 },
    })
    expect(await names('demo-city-admin', `?q=${encodeURIComponent('孙')}`)).toEqual({
      names: ['孙丽'],
      counts: { submitted: 1, approved: 0, rejected: 0 },
    })
    const waiting = (who: string) =>
      t
        .as(who)({ method: 'GET', url: '/api/workbench/membership/waiting-count' })
        .then((r) => r.json())
    expect(await waiting('demo-staff-grassroots')).toEqual({ waiting: 1 })
    expect(await waiting('demo-staff-district')).toEqual({ waiting: 3 })
    expect(await waiting('demo-city-admin')).toEqual({ waiting: 6 })
  })

  it('staff acting on an application outside their scope get 404, and nothing is written', async () => {
    const outside = ids['郑华']! // 连云港港口集团工会, in 连云区
    for (const endpoint of reviewEndpoints(outside).slice(2)) {
      const response = await t.as('demo-staff-district')(endpoint)
      expect(`${endpoint.method} ${endpoint.url} → ${response.statusCode}`).toBe(`${endpoint.method} ${endpoint.url} → 404`)
    }
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, outside))
    expect(audits).toEqual([])
    const detail = await t.as('demo-city-admin')({ method: 'GET', url: `/api/workbench/membership/applications/${outside}` })
    expect(detail.json().status).toBe('submitted')
  })

  it('an unknown id is 404 and a malformed one 400, for staff', async () => {
    expect((await t.as('demo-city-admin')({ method: 'GET', url: `/api/workbench/membership/applications/${someId}` })).statusCode).toBe(404)
    expect((await t.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/membership/applications/nope' })).statusCode).toBe(400)
  })

  it('the detail masks the ID number; revealing it is recorded (who, when) and shown in the detail', async () => {
    const id = ids['周志强']!
    const before = (await t.as('demo-staff-grassroots')({ method: 'GET', url: `/api/workbench/membership/applications/${id}` })).json()
    expect(before.idNumberMasked).toBe(`3207**********${DEMO_WAITING_ID_NUMBER.slice(-4)}`)
    expect(JSON.stringify(before)).not.toContain(DEMO_WAITING_ID_NUMBER)
    expect(before.idReveals).toEqual([])

    const revealed = await t.as('demo-staff-district')({
      method: 'POST',
      url: `/api/workbench/membership/applications/${id}/reveal-id-number`,
    })
    expect(revealed.statusCode).toBe(200)
    expect(revealed.headers['cache-control']).toBe('no-store')
    expect(revealed.json()).toEqual({ idNumber: DEMO_WAITING_ID_NUMBER })

    const after = (await t.as('demo-staff-grassroots')({ method: 'GET', url: `/api/workbench/membership/applications/${id}` })).json()
    expect(after.idReveals).toEqual([{ at: expect.any(String), actorName: '张建国' }])
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'membership.id_number.reveal')))
    expect(entry).toMatchObject({ subjectType: 'membership_application', detail: { orgId: 'lyg-haizhou-hospital1', role: 'union_staff' } })
    expect(JSON.stringify(entry)).not.toContain(DEMO_WAITING_ID_NUMBER)
  })

  it('staff cannot decide their own application', async () => {
    const own = await t.as('demo-staff-grassroots')({
      method: 'POST',
      url: '/api/membership/applications',
      headers: idempotency(),
      payload: applicationBody({
        name: '陈红',
        gender: 'female',
        idNumber: validIdNumber('32070619870808002'),
        phone: '13812349999',
        orgId: 'lyg-haizhou-hospital1',
      }),
    })
    expect(own.statusCode).toBe(201)
    const approve = await t.as('demo-staff-grassroots')({
      method: 'POST',
      url: `/api/workbench/membership/applications/${own.json().id}/approve`,
      payload: {},
    })
    expect(approve.statusCode).toBe(403)
    expect(approve.json().message).toBe('不能审核自己的入会申请，请由其他工作人员审核')
    const byColleague = await t.as('demo-staff-district')({
      method: 'POST',
      url: `/api/workbench/membership/applications/${own.json().id}/approve`,
      payload: {},
    })
    expect(byColleague.statusCode).toBe(200)
  })

  it('a worker sees only their own application and card', async () => {
    const worker = (await t.as('demo-worker')({ method: 'GET', url: '/api/membership/applications/mine' })).json()
    expect(worker).toEqual({ application: null, membership: null })
    const member = (await t.as('demo-member')({ method: 'GET', url: '/api/membership/applications/mine' })).json()
    expect(member.application).toMatchObject({ name: '李秀英', status: 'approved' })
    expect(member.application.timeline.map((event: { actorName: string }) => event.actorName)).toEqual(['本人', '陈红（基层工会工作人员）'])
  })
})
