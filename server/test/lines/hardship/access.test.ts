import { eq } from 'drizzle-orm'
import { staffRoles, users } from '../../../src/platform/auth/auth.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { application, CENTRE, get, GRASSROOTS, household, members, post, recommend, setMemberIdNumber, submit } from './helpers'

/**
 * Who may see and do what: the worker their own, another worker nothing, grassroots staff in and
 * out of the subtree, the centre, the city admin (read only); the first reviewer never gives the
 * city approval; nobody reviews their own household. And the 公示 shows masked fields only.
 */
describe('hardship authorization', () => {
  let t: TestApp
  let now = new Date('2026-11-02T01:00:00Z')
  beforeAll(async () => {
    t = await createTestApp({ clock: () => now })
    for (const openid of ['hs-outside', 'hs-both', 'hs-centre-2', 'hs-plain']) await t.tokenFor(openid)
    const grant = async (openid: string, role: string, orgId: string) => {
      const [user] = await t.database.db.select().from(users).where(eq(users.openid, openid))
      await t.database.db.insert(staffRoles).values({ userId: user!.id, role, orgId })
    }
    // Grassroots staff of another district; one person who is both grassroots staff and in the centre; a second centre worker.
    await grant('hs-outside', 'union_staff', 'lyg-ganyu')
    await grant('hs-both', 'union_staff', 'lyg-haizhou')
    await grant('hs-both', 'hardship_centre', 'lyg')
    await grant('hs-centre-2', 'hardship_centre', 'lyg')
  }, 180_000)
  afterAll(() => t.close())

  const caseUrl = (id: string) => `/api/workbench/hardship/applications/${id}`
  const status = async (openid: string, url: string, body?: unknown) =>
    (body === undefined ? get(t, openid, url) : post(t, openid, url, body)).then((r) => r.statusCode)

  it('reading and acting, role by role', async () => {
    now = new Date('2026-11-02T01:00:00Z')
    const [worker, other] = await members(t, 2)
    const id = await submit(t, worker!.openid, await application(t, worker!.openid))
    const reject = { decision: 'reject', reason: '测试用的理由' }
    const expectations: Array<[string, string, number]> = [
      [worker!.openid, `/api/hardship/applications/${id}`, 200],
      [other!.openid, `/api/hardship/applications/${id}`, 404],
      ['hs-plain', caseUrl(id), 403],
      [GRASSROOTS, caseUrl(id), 200],
      ['demo-staff-district', caseUrl(id), 200],
      ['hs-outside', caseUrl(id), 404],
      [CENTRE, caseUrl(id), 200],
      ['demo-city-admin', caseUrl(id), 200],
    ]
    for (const [who, url, expected] of expectations) expect([who, await status(who, url)]).toEqual([who, expected])
    expect(await status('hs-plain', '/api/workbench/hardship/applications')).toBe(403)
    expect(await status(worker!.openid, '/api/workbench/hardship/applications')).toBe(403)
    expect(await status('hs-outside', '/api/workbench/hardship/applications')).toBe(200)
    const outsideQueue = (await get(t, 'hs-outside', '/api/workbench/hardship/applications?tab=all')).json()
    expect(outsideQueue.items.map((item: { id: string }) => item.id)).not.toContain(id)

    // The first review: the applicant's union (or its parent), not the centre, not the admin, not outside.
    expect(await status('hs-outside', `${caseUrl(id)}/first-review`, reject)).toBe(404)
    expect(await status('demo-city-admin', `${caseUrl(id)}/first-review`, reject)).toBe(403)
    expect(await status(CENTRE, `${caseUrl(id)}/first-review`, reject)).toBe(403)
    expect(await status(worker!.openid, `${caseUrl(id)}/first-review`, reject)).toBe(403)
    const adminView = (await get(t, 'demo-city-admin', caseUrl(id))).json()
    expect(adminView).toMatchObject({ steps: [], canAct: false, perCapitaIncome: null, causeNote: null, canRevealAccount: false })
    expect(adminView.members[0]).toMatchObject({ monthlyIncome: null, health: null })
    expect(adminView.contactPhone).toBe('139****5678')

    // The person who did the first review cannot give the city approval, though they hold both roles.
    const byBoth = await post(t, 'hs-both', `${caseUrl(id)}/first-review`, {
      decision: 'recommend',
      visit: { visitedOn: '2026-11-02', visitors: '张三、李四', findings: '入户核实，情况属实无误。', photoIds: [] },
      tier: 'deep',
    })
    expect(byBoth.statusCode).toBe(200)
    now = new Date('2026-11-10T01:00:00Z')
    expect(await status(GRASSROOTS, `${caseUrl(id)}/end-publicity`, {})).toBe(200)
    const seenByBoth = (await get(t, 'hs-both', caseUrl(id))).json()
    expect(seenByBoth).toMatchObject({ steps: [], actNote: '您做过这份申请的基层初审，市级审批需由帮扶中心其他工作人员办理' })
    const approve = { decision: 'approve', tier: 'deep', items: [{ type: 'living', amount: 1000 }] }
    const refused = await post(t, 'hs-both', `${caseUrl(id)}/decision`, approve)
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'FORBIDDEN'])
    expect(await status(GRASSROOTS, `${caseUrl(id)}/decision`, approve)).toBe(403)
    expect(await status('demo-city-admin', `${caseUrl(id)}/decision`, approve)).toBe(403)
    expect(await status('hs-centre-2', `${caseUrl(id)}/decision`, approve)).toBe(200)

    // The account number: masked everywhere; revealed, audited, to the centre only.
    expect(await status(GRASSROOTS, `${caseUrl(id)}/account/reveal`, {})).toBe(403)
    expect(await status('demo-city-admin', `${caseUrl(id)}/account/reveal`, {})).toBe(403)
    const revealed = await post(t, CENTRE, `${caseUrl(id)}/account/reveal`, {})
    expect(revealed.json()).toEqual({ value: '6222021100001234567' })
    const after = (await get(t, CENTRE, caseUrl(id))).json()
    expect(after.accountNumberMasked).toBe('**** 4567')
    expect(after.accountReveals).toEqual([expect.objectContaining({ actorName: '孙丽' })])
  })

  it('nobody reviews their own household: a staff member listed in it only looks', async () => {
    now = new Date('2026-11-02T01:00:00Z')
    const [worker, relative] = await members(t, 2)
    const family = household(1500)
    // The grassroots staff member's membership carries the ID number of the applicant's spouse.
    const [staffer] = await members(t, 1, 'lyg-haizhou-hospital1')
    await setMemberIdNumber(t, staffer!, family[1]!.idNumber)
    const [staffUser] = await t.database.db.select().from(users).where(eq(users.openid, staffer!.openid))
    await t.database.db.insert(staffRoles).values({ userId: staffUser!.id, role: 'union_staff', orgId: 'lyg-haizhou-hospital1' })
    const id = await submit(t, worker!.openid, await application(t, worker!.openid, { members: family }))
    const view = (await get(t, staffer!.openid, caseUrl(id))).json()
    expect(view).toMatchObject({ steps: [], canAct: false, actNote: '不能审核自己家庭的帮扶申请，请由其他工作人员办理' })
    const attempt = await post(t, staffer!.openid, `${caseUrl(id)}/first-review`, { decision: 'reject', reason: '测试用的理由' })
    expect([attempt.statusCode, attempt.json().message]).toEqual([403, '不能审核自己家庭的帮扶申请，请由其他工作人员办理'])
    void relative
  })

  it('the 公示 shows only the masked name, the unit and the aid type', async () => {
    now = new Date('2026-11-02T01:00:00Z')
    const [worker, colleague] = await members(t, 2)
    const body = await application(t, worker!.openid)
    const id = await submit(t, worker!.openid, body)
    await recommend(t, id, '2026-11-02')
    const board = (await get(t, colleague!.openid, '/api/hardship/publicity')).json()
    expect(board.orgName).toBe('连云港市第一人民医院工会')
    const entry = board.entries.find((candidate: { maskedName: string }) => candidate.maskedName === '王**')
    expect(entry).toEqual({ maskedName: '王**', unitName: '连云港市第一人民医院', aidTypes: ['生活救助'], endsOn: '2026-11-09' })
    const text = JSON.stringify(board)
    for (const secret of ['王建军', body.members[0]!.idNumber, '13912345678', '乳腺癌', '6222021100001234567', '1500'])
      expect(text).not.toContain(secret)
  })
})
