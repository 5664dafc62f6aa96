import { eq } from 'drizzle-orm'
import { loadAuthUser } from '../../../src/platform/auth/auth.service'
import { findUserByOpenid } from '../../../src/platform/auth/auth.repository'
import { legalAidCases } from '../../../src/lines/legal-aid/legal-aid.tables'
import { staffAct } from '../../../src/lines/legal-aid/legal-aid.staff'
import { submitCase } from '../../../src/lines/legal-aid/legal-aid.worker'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { application } from './helpers'

/** Deadlines are counted in working days from the China date of submission and of acceptance. */
describe('legal-aid deadlines', () => {
  let t: TestApp
  beforeAll(async () => {
    // A one-off holiday on Monday 2026-11-23 and the default 2026 calendar otherwise.
    t = await createTestApp({
      env: { LEGAL_AID_HOLIDAYS: '2026-10-01,2026-10-02,2026-10-05,2026-10-06,2026-10-07,2026-11-23', LEGAL_AID_WORKDAYS: '2026-10-10' },
    })
    await t.tokenFor('worker-deadline')
    await t.tokenFor('demo-legal')
  })
  afterAll(() => t.close())

  const userOf = async (openid: string) => (await loadAuthUser(t.database.db, (await findUserByOpenid(t.database.db, openid))!.id))!
  const submitAt = async (when: string, employerName = '期限测试公司') => {
    // Users are read before the transaction: PGlite serves one connection, so a query outside
    // an open transaction would wait for it forever.
    const worker = await userOf('worker-deadline')
    return t.database.db.transaction(async (tx) =>
      submitCase({ ...t.app.systemContext(tx), user: worker, now: new Date(when) }, application({ employerName })),
    )
  }

  it('submitted on Friday evening: 7 working days skip the weekend and the Monday holiday', async () => {
    // Fri 2026-11-20 21:00 in Lianyungang; Mon 23 is a holiday → Tue 24 … Wed 2 Dec.
    const created = await submitAt('2026-11-20T13:00:00Z')
    const [row] = await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.id, created.id))
    expect(row!.decideBy).toBe('2026-12-02')
    expect(created.nextStep).toBe('工会法律工作部将在12月2日前决定是否受理')
  })

  it('accepted just before National Day: 3 working days skip the holiday and count the make-up Saturday', async () => {
    const created = await submitAt('2026-09-28T02:00:00Z')
    const legal = await userOf('demo-legal')
    await t.database.db.transaction(async (tx) =>
      staffAct({ ...t.app.systemContext(tx), user: legal, now: new Date('2026-09-30T03:00:00Z') }, created.id, {
        action: 'accept',
        body: {},
      }),
    )
    const [row] = await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.id, created.id))
    // Wed 30 Sep → Thu 8, Fri 9, Sat 10 Oct (调休上班).
    expect(row!.assignBy).toBe('2026-10-10')
  })

  it('the queue flags overdue cases and sorts them first; the overdue filter keeps only them', async () => {
    const late = await submitAt(new Date(Date.now() - 30 * 24 * 3600_000).toISOString(), '逾期公司')
    const fresh = await submitAt(new Date().toISOString(), '新提交公司')
    const queue = (await t.as('demo-legal')({ method: 'GET', url: '/api/workbench/legal-aid/cases?tab=waiting' })).json()
    const ids = queue.items.map((item: { id: string }) => item.id)
    expect(queue.items.find((item: { id: string }) => item.id === late.id)).toMatchObject({ overdue: true, dueBy: expect.any(String) })
    expect(queue.items.find((item: { id: string }) => item.id === fresh.id)).toMatchObject({ overdue: false })
    expect(queue.items[0].overdue).toBe(true)
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(fresh.id))
    const overdueOnly = (await t.as('demo-legal')({ method: 'GET', url: '/api/workbench/legal-aid/cases?overdue=true' })).json()
    expect(overdueOnly.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true)
    expect(overdueOnly.items.map((item: { id: string }) => item.id)).toContain(late.id)
    expect(overdueOnly.items.map((item: { id: string }) => item.id)).not.toContain(fresh.id)

    const summary = (await t.as('demo-legal')({ method: 'GET', url: '/api/workbench/legal-aid/summary' })).json()
    expect(summary.overdue).toBe(overdueOnly.items.length)
    expect(summary.undecided + summary.unassigned).toBe(queue.items.length)
  })

  it('filters by type and status, and refuses unknown values in Chinese', async () => {
    const injury = await submitAt(new Date().toISOString(), '工伤公司')
    await t.database.db.update(legalAidCases).set({ type: 'work_injury' }).where(eq(legalAidCases.id, injury.id))
    const byType = (await t.as('demo-legal')({ method: 'GET', url: '/api/workbench/legal-aid/cases?type=work_injury' })).json()
    expect(byType.items.every((item: { type: string }) => item.type === 'work_injury')).toBe(true)
    expect(byType.items.map((item: { id: string }) => item.id)).toContain(injury.id)
    const bad = await t.as('demo-legal')({ method: 'GET', url: '/api/workbench/legal-aid/cases?tab=lost' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields).toEqual({ tab: '状态不正确' })
  })

  it('the demo data has an overdue case for the queue to show', async () => {
    const demo = (await t.as('demo-legal')({ method: 'GET', url: '/api/workbench/legal-aid/cases?overdue=true' })).json()
    expect(demo.items.map((item: { employerName: string }) => item.employerName)).toContain('海州区某餐饮管理有限公司')
  })
})

describe('LEGAL_AID_HOLIDAYS configuration', () => {
  it('a malformed date stops the server with a message naming the variable', async () => {
    await expect(createTestApp({ env: { LEGAL_AID_HOLIDAYS: '2026-13-01' } })).rejects.toThrow(
      /LEGAL_AID_HOLIDAYS: not a date \(YYYY-MM-DD\): 2026-13-01/,
    )
  })
})
