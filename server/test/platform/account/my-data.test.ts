import { and, eq } from 'drizzle-orm'
import { auditLog } from '../../../src/core/core.tables'
import { findUserByOpenid } from '../../../src/platform/auth/auth.repository'
import { staffRoles } from '../../../src/platform/auth/auth.tables'
import { issueCardToken } from '../../../src/lines/membership/card-token'
import { membershipApplications, memberships } from '../../../src/lines/membership/membership.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { storedTexts } from '../../helpers/test-database'
import { applicationBody, DEMO_MEMBER_ID_NUMBER, idempotency, validIdNumber } from '../../lines/membership/membership-fixtures'

describe('my data: see, correct, delete', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  /** Every text value in every table, as one string. */
  const databaseText = async () => (await storedTexts(t.database.db)).map((text) => text.value).join('\n')

  it('GET /api/me/data shows what we hold, the ID number masked', async () => {
    const response = await t.as('demo-member')({ method: 'GET', url: '/api/me/data' })
    expect(response.statusCode).toBe(200)
    const data = response.json()
    expect(data).toMatchObject({ account: { nickname: '李秀英', phoneMasked: '139****0010', phoneVerified: false }, staffRoles: [] })
    // The demo member also enrolled in training and holds coupons: each line that holds something speaks.
    expect(data.sections.map((section: { line: string }) => section.line)).toEqual(['membership', 'training', 'benefits'])
    const [application, membership] = data.sections[0].records
    const fact = (record: { facts: Array<{ label: string; value: string }> }, label: string) =>
      record.facts.find((item) => item.label === label)?.value
    expect(application.title).toBe('入会申请')
    expect(fact(application, '姓名')).toBe('李秀英')
    expect(fact(application, '身份证号')).toBe(`3207**********${DEMO_MEMBER_ID_NUMBER.slice(-4)}`)
    expect(fact(application, '工会')).toBe('连云港市第一人民医院工会')
    expect(fact(membership, '会员号')).toMatch(/^LG/)
    expect(data.sections[0].onDelete).toContain('会员资格立即终止')
    expect(response.body).not.toContain(DEMO_MEMBER_ID_NUMBER)
    // The demo worker has legal-aid cases and a course open to all workers, and no application:
    // membership does not speak.
    const worker = (await t.as('demo-worker')({ method: 'GET', url: '/api/me/data' })).json()
    expect(worker.sections.map((section: { line: string }) => section.line)).toEqual(['legal_aid', 'training'])
  })

  describe('PUT /api/me/contact', () => {
    it('corrects the phone on the account and the application, and the union sees it in the timeline', async () => {
      const response = await t.as('demo-applicant-1')({ method: 'PUT', url: '/api/me/contact', payload: { phone: '13700001111' } })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ phoneMasked: '137****1111', verified: false, sharedWithOtherAccount: false })
      const mine = (await t.as('demo-applicant-1')({ method: 'GET', url: '/api/membership/applications/mine' })).json()
      expect(mine.application.phoneMasked).toBe('137****1111')
      expect(mine.application.timeline.at(-1)).toMatchObject({ note: '本人更正了联系电话', toStatus: 'submitted' })
      const detail = (
        await t.as('demo-staff-grassroots')({ method: 'GET', url: `/api/workbench/membership/applications/${mine.application.id}` })
      ).json()
      expect(detail.phone).toBe('13700001111')
    })

    it('refuses a number another account holds, and a malformed one, per field', async () => {
      const taken = await t.as('demo-applicant-1')({ method: 'PUT', url: '/api/me/contact', payload: { phone: '13905180002' } })
      expect(taken.statusCode).toBe(409)
      expect(taken.json().code).toBe('PHONE_IN_USE')
      const bad = await t.as('demo-applicant-1')({ method: 'PUT', url: '/api/me/contact', payload: { phone: '1234' } })
      expect(bad.json().fields).toEqual({ phone: '请填写 11 位手机号' })
    })
  })

  describe('POST /api/me/delete', () => {
    it('needs an explicit confirmation', async () => {
      const response = await t.as('demo-member')({ method: 'POST', url: '/api/me/delete', payload: {} })
      expect(response.statusCode).toBe(400)
      expect(response.json().fields).toEqual({ confirm: '请确认删除账号' })
    })

    it('for a member: the membership ends, the number is retired, the record stays anonymised, the session ends', async () => {
      const member = await findUserByOpenid(t.database.db, 'demo-member')
      const [membership] = await t.database.db.select().from(memberships).where(eq(memberships.userId, member!.id))
      const card = issueCardToken(t.config.authSecret, membership!.id)
      const token = await t.tokenFor('demo-member')

      const response = await t.as('demo-member')({ method: 'POST', url: '/api/me/delete', payload: { confirm: true } })
      expect(response.statusCode).toBe(200)
      const { outcomes } = response.json() as { deleted: boolean; outcomes: string[] }
      expect(response.json().deleted).toBe(true)
      // Membership speaks first; the demo member's training and benefits records are erased too.
      expect(outcomes[0]).toBe(`会员资格已终止，会员号 ${membership!.memberNumber} 已停用`)
      expect(outcomes.slice(1).map((outcome) => outcome.split('：')[0])).toEqual(['教育培训', '会员卡·优惠'])

      // The session no longer works, and nothing of the user is returned.
      const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })
      expect(me.statusCode).toBe(401)
      // The card stops verifying at once.
      const scanned = await t.as('demo-staff-grassroots')({ method: 'POST', url: '/api/cards/verify', payload: { token: card.token } })
      expect(scanned.json().result).toBe('invalid')

      const [ended] = await t.database.db.select().from(memberships).where(eq(memberships.id, membership!.id))
      expect(ended).toMatchObject({ status: 'ended', endReason: 'account_deleted', name: null, idNumberHash: null })
      expect(ended!.memberNumber).toBe(membership!.memberNumber)
      const [record] = await t.database.db.select().from(membershipApplications).where(eq(membershipApplications.userId, member!.id))
      expect(record).toMatchObject({
        status: 'withdrawn',
        orgId: 'lyg-haizhou-hospital1',
        name: null,
        idNumberCipher: null,
        idNumberHash: null,
        idNumberMasked: null,
        phoneEnc: null,
        employer: null,
        anonymisedAt: expect.any(Date),
      })
      const [audit] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'account.delete'), eq(auditLog.subjectId, member!.id)))
      expect(audit).toMatchObject({
        actorId: member!.id,
        detail: { lines: ['membership', 'legal_aid', 'hardship', 'training', 'benefits'] },
      })

      // Staff still see that the membership ended and why, but not who it was.
      const approved = (
        await t.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/membership/applications?status=approved' })
      ).json()
      expect(approved.items).toEqual([])
      expect(
        (await t.as('demo-city-admin')({ method: 'GET', url: `/api/workbench/membership/applications/${record!.id}` })).statusCode,
      ).toBe(404)

      const everything = await databaseText()
      expect(everything).toContain(`会员号 ${membership!.memberNumber} 停用`)
      expect(everything).not.toContain('李秀英')
      expect(everything).not.toContain('13905180010')
    })

    it('logging in again starts afresh, and the same person may join again', async () => {
      const tokenFromBeforeDeletion = await t.tokenFor('demo-member')
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'demo-member' } })
      const token = login.json().token as string
      const headers = { authorization: `Bearer ${token}` }
      // The account is back, but a session from before the deletion is not.
      const stale = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${tokenFromBeforeDeletion}` } })
      expect(stale.statusCode).toBe(401)
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(200)
      const data = (await t.app.inject({ method: 'GET', url: '/api/me/data', headers })).json()
      expect(data).toMatchObject({ sections: [], account: { phoneMasked: null } })
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/membership/applications',
        headers: { ...headers, ...idempotency() },
        payload: applicationBody({ idNumber: DEMO_MEMBER_ID_NUMBER, gender: 'female', name: '李秀英', phone: '13905180010' }),
      })
      expect(again.statusCode).toBe(201)
    })

    it('for an applicant waiting for review: the application leaves the queue', async () => {
      const before = (await t.as('demo-staff-district')({ method: 'GET', url: '/api/workbench/membership/waiting-count' })).json()
      const response = await t.as('demo-applicant-2')({ method: 'POST', url: '/api/me/delete', payload: { confirm: true } })
      expect(response.json()).toEqual({ deleted: true, outcomes: ['入会申请已撤回，个人信息已删除'] })
      const after = (await t.as('demo-staff-district')({ method: 'GET', url: '/api/workbench/membership/waiting-count' })).json()
      expect(after.waiting).toBe(before.waiting - 1)
    })

    it('for staff: their roles go with the account', async () => {
      await t.as('demo-legal')({ method: 'POST', url: '/api/me/delete', payload: { confirm: true } })
      const legal = await findUserByOpenid(t.database.db, 'demo-legal')
      expect(await t.database.db.select().from(staffRoles).where(eq(staffRoles.userId, legal!.id))).toEqual([])
    })

    it('a new applicant with a fresh ID is not held up by the withdrawn records', async () => {
      const response = await t.as('someone-else')({
        method: 'POST',
        url: '/api/membership/applications',
        headers: idempotency(),
        payload: applicationBody({ idNumber: validIdNumber('32070619960909001'), phone: '13612345678' }),
      })
      expect(response.statusCode).toBe(201)
    })
  })
})
