import { staffRoles } from '../../../src/platform/auth/auth.tables'
import { multipartFile, PNG_BYTES } from '../../helpers/files'
import { makeMembers, type TestMember } from '../../helpers/members'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { asMember, DAY, freshKey } from './helpers'

jest.setTimeout(120_000)

/**
 * The city's training subsidy: 500 元 for 中级工/高级工, 1,000 元 for 技师/高级技师, only the highest of
 * a year, 500 元 for a diploma; within six months of the certificate; decided by the city's
 * training staff within the year's quota, paid to the unit union; nobody decides their own.
 */
describe('training subsidy claims', () => {
  let t: TestApp
  const now = new Date()
  let members: TestMember[]
  const day = (offsetDays: number) => new Date(now.getTime() + 8 * 3600_000 + offsetDays * DAY).toISOString().slice(0, 10)
  // Certificates from earlier this year (or just now when the year is young): one year for the highest-only rule.
  const thisYear = (offsetDays: number) => {
    const date = day(-offsetDays)
    return date.slice(0, 4) === day(0).slice(0, 4) ? date : day(0)
  }

  beforeAll(async () => {
    t = await createTestApp({ clock: () => now })
    members = await makeMembers(t, 5, { prefix: 'subsidy-test' })
  }, 120_000)
  afterAll(() => t.close())

  async function upload(member: TestMember): Promise<string> {
    const { payload, headers } = multipartFile('certificate.png', PNG_BYTES, 'image/png')
    const response = await asMember(t, member)({ method: 'POST', url: '/api/uploads', payload, headers })
    if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`)
    return (response.json() as { id: string }).id
  }

  async function claim(member: TestMember, overrides: Record<string, unknown>) {
    return asMember(
      t,
      member,
    )({
      method: 'POST',
      url: '/api/training/subsidy-claims',
      headers: { 'idempotency-key': freshKey() },
      payload: {
        kind: 'intermediate',
        certificateName: '焊工（中级）职业技能等级证书',
        certificateNo: `S${Math.random().toString().slice(2, 12)}`,
        certificateDate: thisYear(10),
        employer: '江苏某装备制造有限公司',
        frontLine: true,
        manufacturing: true,
        socialInsuranceMonths: 24,
        attachmentIds: [await upload(member)],
        declaration: true,
        ...overrides,
      },
    })
  }

  const decide = (id: string, action: string, body: Record<string, unknown>, staff = 'demo-training') =>
    t.as(staff)({
      method: 'POST',
      url: `/api/workbench/training/subsidy-claims/${id}/${action}`,
      payload: body,
      headers: { 'idempotency-key': freshKey() },
    })

  it('amounts by kind; a second, higher promotion that year is paid the difference, a lower one nothing', async () => {
    const [a] = members as [TestMember]
    const first = await claim(a, { kind: 'intermediate', certificateDate: thisYear(20) })
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({ status: 'submitted', ruleAmount: 500, payable: 500 })
    const higher = await claim(a, { kind: 'technician', certificateDate: thisYear(5) })
    expect(higher.json()).toMatchObject({ ruleAmount: 1000, payable: 500 })
    const lower = await claim(a, { kind: 'advanced', certificateDate: thisYear(2) })
    expect(lower.statusCode).toBe(409)
    expect(lower.json().code).toBe('SUBSIDY_NOT_HIGHER')
    const diploma = await claim(a, { kind: 'diploma', certificateName: '机电一体化技术 大专毕业证书' })
    expect(diploma.json()).toMatchObject({ ruleAmount: 500, payable: 500 })
    const secondDiploma = await claim(a, { kind: 'diploma', certificateName: '另一张大专毕业证书' })
    expect(secondDiploma.statusCode).toBe(409)
    const mine = (await asMember(t, a)({ method: 'GET', url: '/api/training/subsidy-claims' })).json()
    expect(mine.items).toHaveLength(3)
    expect(mine.skillGrantedThisYear).toBe(thisYear(20).slice(0, 4) === day(0).slice(0, 4) ? 1000 : mine.skillGrantedThisYear)
  })

  it('within six months of the certificate only; never a future date; eligibility declared and proved', async () => {
    const [, b] = members as [TestMember, TestMember]
    const old = await claim(b, { certificateDate: day(-200) })
    expect(old.statusCode).toBe(400)
    expect(old.json()).toMatchObject({ code: 'SUBSIDY_WINDOW_PASSED', fields: { certificateDate: expect.stringContaining('6 个月') } })
    const future = await claim(b, { certificateDate: day(3) })
    expect(future.json().code).toBe('VALIDATION_FAILED')
    const undeclared = await claim(b, { declaration: false, socialInsuranceMonths: 6, attachmentIds: [] })
    expect(undeclared.statusCode).toBe(400)
    expect(Object.keys(undeclared.json().fields).sort()).toEqual(['attachmentIds', 'declaration', 'socialInsuranceMonths'])
    const worker = await t.as('demo-worker')({
      method: 'POST',
      url: '/api/training/subsidy-claims',
      headers: { 'idempotency-key': freshKey() },
      payload: { kind: 'diploma' },
    })
    expect([400, 403]).toContain(worker.statusCode)
  })

  it('staff approve within what the rule leaves, record the payment to the unit union; the worker is told each step', async () => {
    const [, , c] = members as [TestMember, TestMember, TestMember]
    const low = (await claim(c, { kind: 'intermediate', certificateDate: thisYear(30) })).json()
    const high = (await claim(c, { kind: 'senior_technician', certificateDate: thisYear(3) })).json()
    expect(high.payable).toBe(500)

    const detail = (await t.as('demo-training')({ method: 'GET', url: `/api/workbench/training/subsidy-claims/${low.id}` })).json()
    expect(detail).toMatchObject({
      status: 'submitted',
      payable: 500,
      actions: ['approve', 'reject'],
      canAct: true,
      unitUnionName: expect.any(String),
    })
    expect(detail.attachments).toHaveLength(1)
    expect((await decide(low.id, 'approve', { amount: 600 })).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { amount: expect.any(String) },
    })
    expect((await decide(low.id, 'approve', { amount: 500, note: '材料齐全' })).json()).toMatchObject({
      status: 'approved',
      approvedAmount: 500,
    })
    expect((await decide(low.id, 'approve', { amount: 500 })).statusCode).toBe(409)
    // The higher one of the year is paid the difference to the highest level: 1,000 − 500.
    const highDetail = (await t.as('demo-training')({ method: 'GET', url: `/api/workbench/training/subsidy-claims/${high.id}` })).json()
    expect(highDetail.payable).toBe(500)
    expect((await decide(high.id, 'approve', { amount: 500 })).json().status).toBe('approved')
    const paid = await decide(low.id, 'pay', { reference: 'ZF2026-0001' })
    expect(paid.json()).toMatchObject({ status: 'paid' })
    const mine = (await asMember(t, c)({ method: 'GET', url: `/api/training/subsidy-claims/${low.id}` })).json()
    expect(mine).toMatchObject({ status: 'paid', paymentReference: 'ZF2026-0001', canWithdraw: false })
    expect(mine.nextStep).toContain(mine.unitUnionName)
    expect(mine.timeline.map((event: { action: string }) => event.action)).toEqual(expect.arrayContaining(['submit', 'approve', 'pay']))
    // A rejection says why; the worker may withdraw only while it waits.
    const third = (await claim(c, { kind: 'diploma', certificateName: '会计学 本科毕业证书' })).json()
    expect((await decide(third.id, 'reject', { reason: '学历与岗位不相关' })).json()).toMatchObject({ status: 'rejected' })
    const withdraw = await asMember(
      t,
      c,
    )({
      method: 'POST',
      url: `/api/training/subsidy-claims/${third.id}/withdraw`,
      payload: {},
      headers: { 'idempotency-key': freshKey() },
    })
    expect(withdraw.statusCode).toBe(409)
  })

  it('the yearly quota: approvals stop once it is used up, even two at once', async () => {
    const [, , , d, e] = members as [TestMember, TestMember, TestMember, TestMember, TestMember]
    const settings = (await t.as('demo-training')({ method: 'GET', url: '/api/workbench/training/settings' })).json()
    const saved = await t.as('demo-training')({
      method: 'PUT',
      url: '/api/workbench/training/settings',
      payload: { waitlistConfirmHours: settings.waitlistConfirmHours, subsidyQuota: settings.subsidyUsed + 1 },
    })
    expect(saved.statusCode).toBe(200)
    const one = (await claim(d, { kind: 'diploma', certificateName: '电气自动化 大专毕业证书' })).json()
    const two = (await claim(e, { kind: 'diploma', certificateName: '数控技术 大专毕业证书' })).json()
    const results = await Promise.all([decide(one.id, 'approve', { amount: 500 }), decide(two.id, 'approve', { amount: 500 })])
    expect(results.map((response) => response.statusCode).sort()).toEqual([200, 409])
    expect(results.find((response) => response.statusCode === 409)!.json().code).toBe('SUBSIDY_QUOTA_FULL')
    const queue = (await t.as('demo-training')({ method: 'GET', url: '/api/workbench/training/subsidy-claims' })).json()
    expect(queue.quota.used).toBe(queue.quota.quota)
  })

  it('who may decide: the city’s training staff; not a union’s staff, not a worker, not the claimant themselves', async () => {
    const [a] = members as [TestMember]
    const claimId = (await asMember(t, a)({ method: 'GET', url: '/api/training/subsidy-claims' })).json().items[0].id as string
    expect((await t.as('demo-training-union')({ method: 'GET', url: '/api/workbench/training/subsidy-claims' })).statusCode).toBe(403)
    // Out of reach is not found; a staff member without the role may not act.
    expect((await t.as('demo-member')({ method: 'GET', url: `/api/workbench/training/subsidy-claims/${claimId}` })).statusCode).toBe(404)
    expect([403, 404]).toContain((await decide(claimId, 'reject', { reason: '测试越权' }, 'demo-training-union')).statusCode)
    // Another worker cannot read it on the worker side either.
    expect((await t.as('demo-member')({ method: 'GET', url: `/api/training/subsidy-claims/${claimId}` })).statusCode).toBe(404)
    // The claimant made training staff: sees it, may not decide it.
    await t.database.db.insert(staffRoles).values({ userId: a.userId, role: 'training_staff', orgId: 'lyg' })
    const own = (await asMember(t, a)({ method: 'GET', url: `/api/workbench/training/subsidy-claims/${claimId}` })).json()
    expect(own).toMatchObject({ canAct: false, actions: [] })
    const decided = await asMember(
      t,
      a,
    )({
      method: 'POST',
      url: `/api/workbench/training/subsidy-claims/${claimId}/reject`,
      payload: { reason: '自己审自己' },
      headers: { 'idempotency-key': freshKey() },
    })
    expect(decided.statusCode).toBe(403)
  })
})
