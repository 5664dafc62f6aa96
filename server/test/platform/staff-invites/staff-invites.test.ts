import { eq, sql } from 'drizzle-orm'
import { auditLog } from '../../../src/core/core.tables'
import { staffInvites } from '../../../src/platform/staff-invites/staff-invites.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { storedTexts } from '../../helpers/test-database'

describe('staff invites', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const admin = () => t.as('demo-city-admin')
  const create = (payload: object) => admin()({ method: 'POST', url: '/api/workbench/invites', payload })

  /** Every text value in every table, as one string. */
  const databaseText = async () => (await storedTexts(t.database.db)).map((text) => text.value).join('\n')
  const redeem = (openid: string, code: string, realName = '测试员') =>
    t.as(openid)({ method: 'POST', url: '/api/workbench/invites/redeem', payload: { code, realName } })

  describe('POST /api/workbench/invites', () => {
    it('makes a code for one org and role, shown once; only its hash is stored', async () => {
      const response = await create({ role: 'union_staff', orgId: 'lyg-ganyu-steel', validDays: 3, note: '金属制品工会 王主席' })
      expect(response.statusCode).toBe(201)
      expect(response.headers['cache-control']).toBe('no-store')
      const { invite, code } = response.json()
      expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}$/)
      expect(invite).toMatchObject({
        role: 'union_staff',
        orgId: 'lyg-ganyu-steel',
        orgName: '赣榆区金属制品企业联合工会',
        note: '金属制品工会 王主席',
        status: 'pending',
        createdByName: '刘洋',
        redeemedAt: null,
      })
      const days = (new Date(invite.expiresAt).getTime() - new Date(invite.createdAt).getTime()) / 86_400_000
      expect(days).toBeCloseTo(3, 5)

      // The list never shows codes again, and the table holds no code in clear.
      const list = await admin()({ method: 'GET', url: '/api/workbench/invites' })
      expect(list.json().items[0]).toMatchObject({ id: invite.id, status: 'pending' })
      expect(list.body).not.toContain(code)
      const dump = await databaseText()
      expect(dump).toContain('金属制品工会 王主席')
      expect(dump).not.toContain(code)
      expect(dump).not.toContain(code.replace('-', ''))
    })

    it('the list comes a page at a time, newest first, each invite once, however many there are', async () => {
      for (let index = 0; index < 45; index += 1) {
        expect((await create({ role: 'union_staff', orgId: 'lyg-haizhou', validDays: 1, note: `分页测试 ${index}` })).statusCode).toBe(201)
      }
      const seen: Array<{ id: string; createdAt: string }> = []
      let cursor: string | null = null
      let pages = 0
      do {
        const url: string = `/api/workbench/invites${cursor ? `?cursor=${cursor}` : ''}`
        const page = (await admin()({ method: 'GET', url })).json() as {
          items: Array<{ id: string; createdAt: string }>
          nextCursor: string | null
        }
        expect(page.items.length).toBeLessThanOrEqual(20)
        seen.push(...page.items)
        cursor = page.nextCursor
        pages += 1
      } while (cursor)
      const [{ count }] = (await t.database.db.select({ count: sql<number>`count(*)::int` }).from(staffInvites)) as [{ count: number }]
      expect(seen).toHaveLength(count)
      expect(new Set(seen.map((invite) => invite.id)).size).toBe(count)
      expect(pages).toBe(Math.ceil(count / 20))
      const times = seen.map((invite) => invite.createdAt)
      expect(times).toEqual([...times].sort().reverse())
      const bad = await admin()({ method: 'GET', url: '/api/workbench/invites?cursor=not-a-cursor' })
      expect(bad.statusCode).toBe(400)
      expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: { cursor: '翻页参数不正确，请刷新列表' } })
    })

    it('works for all three roles; a city admin only at the city federation', async () => {
      for (const [role, orgId] of [
        ['legal_staff', 'lyg'],
        ['city_admin', 'lyg'],
        ['union_staff', 'lyg-haizhou'],
      ]) {
        expect((await create({ role, orgId, validDays: 7 })).statusCode).toBe(201)
      }
      const wrong = await create({ role: 'city_admin', orgId: 'lyg-haizhou', validDays: 7 })
      expect(wrong.statusCode).toBe(400)
      expect(wrong.json().fields).toEqual({ orgId: '市总工会管理员只能设在市总工会' })
    })

    it('refuses bad input per field', async () => {
      const response = await create({ role: 'boss', orgId: '', validDays: 30 })
      expect(response.statusCode).toBe(400)
      expect(response.json().fields).toEqual({ role: '请选择角色', orgId: '请选择工会组织', validDays: '请选择有效期' })
      const unknown = await create({ role: 'union_staff', orgId: 'nowhere', validDays: 1 })
      expect(unknown.json().fields).toEqual({ orgId: '请选择工会组织' })
    })
  })

  describe('POST /api/workbench/invites/redeem', () => {
    it('a worker who redeems a code becomes staff of that org, once; the code then stops working', async () => {
      const { code, invite } = (await create({ role: 'union_staff', orgId: 'lyg-lianyun-fishery', validDays: 1 })).json()
      expect((await t.as('new-staff-1')({ method: 'GET', url: '/api/workbench/membership/waiting-count' })).statusCode).toBe(403)

      // Typed loosely: lower case, no dash, spaces.
      const response = await redeem('new-staff-1', ` ${code.toLowerCase().replace('-', ' ')} `)
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({
        role: 'union_staff',
        orgId: 'lyg-lianyun-fishery',
        orgName: '连云区渔业行业联合工会',
        user: { roles: [{ role: 'union_staff', orgId: 'lyg-lianyun-fishery' }] },
      })
      expect((await t.as('new-staff-1')({ method: 'GET', url: '/api/workbench/membership/waiting-count' })).json()).toEqual({ waiting: 0 })

      const second = await redeem('new-staff-2', code)
      expect(second.statusCode).toBe(400)
      expect(second.json()).toMatchObject({ code: 'INVITE_INVALID', fields: { code: '这个邀请码已经被使用过了，请向管理员重新索取' } })

      const listed = (await admin()({ method: 'GET', url: '/api/workbench/invites' })).json().items
      expect(listed.find((item: { id: string }) => item.id === invite.id)).toMatchObject({ status: 'redeemed', redeemedByName: '测试员' })
    })

    it('two people racing with one code: exactly one becomes staff', async () => {
      const { code } = (await create({ role: 'union_staff', orgId: 'lyg-guanyun-textile', validDays: 1 })).json()
      const results = await Promise.all([redeem('racer-1', code), redeem('racer-2', code), redeem('racer-3', code)])
      expect(results.map((result) => result.statusCode).sort()).toEqual([200, 400, 400])
    })

    it('says plainly when a code is wrong, expired or revoked', async () => {
      expect((await redeem('new-staff-3', 'ZZZZ-ZZZZ')).json().fields).toEqual({ code: '邀请码不正确，请核对后重试' })
      expect((await redeem('new-staff-3', 'ZZZZ-ZZZ0')).json().fields).toEqual({ code: '邀请码是 8 位字母和数字，请核对' })

      const expired = (await create({ role: 'union_staff', orgId: 'lyg-guannan-chemical', validDays: 1 })).json()
      await t.database.db
        .update(staffInvites)
        .set({ expiresAt: sql`now() - interval '1 minute'` })
        .where(eq(staffInvites.id, expired.invite.id))
      expect((await redeem('new-staff-3', expired.code)).json().fields).toEqual({ code: '这个邀请码已过期，请向管理员重新索取' })

      const revoked = (await create({ role: 'union_staff', orgId: 'lyg-guannan-chemical', validDays: 1 })).json()
      const revoke = await admin()({ method: 'POST', url: `/api/workbench/invites/${revoked.invite.id}/revoke` })
      expect(revoke.json()).toMatchObject({ status: 'revoked' })
      expect((await redeem('new-staff-3', revoked.code)).json().fields).toEqual({ code: '这个邀请码已被管理员作废' })
      expect((await admin()({ method: 'POST', url: `/api/workbench/invites/${revoked.invite.id}/revoke` })).statusCode).toBe(409)
    })

    it('someone who already holds the role keeps the code unused', async () => {
      const { code, invite } = (await create({ role: 'union_staff', orgId: 'lyg-haizhou', validDays: 1 })).json()
      const response = await redeem('demo-staff-district', code)
      expect(response.statusCode).toBe(409)
      expect(response.json().code).toBe('ALREADY_STAFF')
      const [row] = await t.database.db.select().from(staffInvites).where(eq(staffInvites.id, invite.id))
      expect(row!.redeemedAt).toBeNull()
    })

    it('guessing is rate-limited per user', async () => {
      const statuses: number[] = []
      for (let attempt = 0; attempt < 12; attempt++) statuses.push((await redeem('guesser', 'ABCD-EFGH')).statusCode)
      expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true)
      expect(statuses.slice(10)).toEqual([429, 429])
    })
  })
})

describe('separation of duties for staff roles', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const invite = async (role: string, orgId: string) =>
    (await t.as('demo-city-admin')({ method: 'POST', url: '/api/workbench/invites', payload: { role, orgId, validDays: 1 } })).json()
      .code as string
  const redeem = (openid: string, code: string, realName: string) =>
    t.as(openid)({ method: 'POST', url: '/api/workbench/invites/redeem', payload: { code, realName } })

  it('nobody redeems an invite they made: a city admin cannot turn oversight into acting on legal-aid cases', async () => {
    const code = await invite('legal_staff', 'lyg')
    const self = await redeem('demo-city-admin', code, '刘洋')
    expect(self.statusCode).toBe(403)
    expect(self.json().message).toContain('不能使用自己生成的邀请码')
    const me = (await t.as('demo-city-admin')({ method: 'GET', url: '/api/me' })).json()
    expect(me.roles.map((grant: { role: string }) => grant.role)).toEqual(['city_admin'])
    // The code still works for the person it was meant for.
    expect((await redeem('new-legal', code, '王法官')).statusCode).toBe(200)
  })

  it('the redeemer gives a real name, which then stands on what they do', async () => {
    const code = await invite('union_staff', 'lyg-haizhou')
    expect((await redeem('district-newcomer', code, '<b>张三</b>')).json().fields).toEqual({
      realName: '您的真实姓名只能包含汉字、字母和间隔号“·”',
    })
    const done = await redeem('district-newcomer', code, '孙建华')
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({
      roleLabel: '县区工会工作人员',
      user: { roles: [{ role: 'union_staff', roleLabel: '县区工会工作人员' }] },
    })
    const queue = (await t.as('district-newcomer')({ method: 'GET', url: '/api/workbench/membership/applications' })).json()
    const id = queue.items[0].id as string
    await t.as('district-newcomer')({ method: 'POST', url: `/api/workbench/membership/applications/${id}/reveal-id-number` })
    const detail = (await t.as('demo-city-admin')({ method: 'GET', url: `/api/workbench/membership/applications/${id}` })).json()
    expect(detail.idReveals[0].actorName).toBe('孙建华')
    await t.as('district-newcomer')({
      method: 'POST',
      url: `/api/workbench/membership/applications/${id}/reject`,
      payload: { reason: '请补充工作单位全称' },
    })
    const after = (await t.as('demo-city-admin')({ method: 'GET', url: `/api/workbench/membership/applications/${id}` })).json()
    expect(after.timeline.at(-1).actorName).toBe('孙建华（基层工会工作人员）')
  })

  it('the city admin sees who holds which role, and revokes one at once, with a reason, on the record', async () => {
    const code = await invite('union_staff', 'lyg-ganyu-steel')
    await redeem('steel-chair', code, '钱主席')
    const list = (await t.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/staff?orgId=lyg-ganyu' })).json()
    const grant = list.items.find((item: { name: string }) => item.name === '钱主席')
    expect(grant).toMatchObject({ role: 'union_staff', orgName: '赣榆区金属制品企业联合工会', grantedByName: '刘洋' })
    expect(list.items.every((item: { orgName: string }) => item.orgName.includes('赣榆'))).toBe(true)

    expect((await t.as('steel-chair')({ method: 'GET', url: '/api/workbench/membership/applications' })).statusCode).toBe(200)
    const revoked = await t.as('demo-city-admin')({
      method: 'POST',
      url: `/api/workbench/staff/${grant.id}/revoke`,
      payload: { reason: '已调离本单位' },
    })
    expect(revoked.statusCode).toBe(200)
    expect((await t.as('steel-chair')({ method: 'GET', url: '/api/workbench/membership/applications' })).statusCode).toBe(403)
    const again = (await t.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/staff?orgId=lyg-ganyu' })).json()
    expect(again.items.some((item: { id: string }) => item.id === grant.id)).toBe(false)
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'staff_role.revoke'))
    expect(audit.at(-1)).toMatchObject({ detail: { role: 'union_staff', orgId: 'lyg-ganyu-steel', reason: '已调离本单位' } })
    expect((await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'staff_role.grant'))).length).toBeGreaterThanOrEqual(3)
  })

  it('nobody revokes their own role, and only a city admin manages staff', async () => {
    const list = (await t.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/staff' })).json()
    const own = list.items.find((item: { name: string; role: string }) => item.role === 'city_admin')
    expect(
      (await t.as('demo-city-admin')({ method: 'POST', url: `/api/workbench/staff/${own.id}/revoke`, payload: { reason: '测试' } }))
        .statusCode,
    ).toBe(403)
    expect((await t.as('demo-staff-district')({ method: 'GET', url: '/api/workbench/staff' })).statusCode).toBe(403)
  })
})
