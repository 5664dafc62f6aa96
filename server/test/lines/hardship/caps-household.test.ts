import { eq } from 'drizzle-orm'
import { hardshipApplications, hardshipFilePeople } from '../../../src/lines/hardship/hardship.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { application, CENTRE, get, household, member, members, post, recommend, submit } from './helpers'

/** Tiers against 低保, the caps across a household's applications in a year, one file per household, 临时救助's limits. */
describe('hardship tiers, caps and households', () => {
  let t: TestApp
  let now = new Date('2026-03-02T01:00:00Z')
  const at = (iso: string) => {
    now = new Date(iso)
  }
  beforeAll(async () => {
    // 低保 of 1000 yuan here, to show it is a setting: the living cap is 12 000 a year.
    t = await createTestApp({ clock: () => now, env: { HARDSHIP_DIBAO_MONTHLY_YUAN: '1000' } })
  }, 180_000)
  afterAll(() => t.close())

  /** Submits, recommends and ends the 公示 a week later; leaves the clock a week on. */
  async function toCityReview(openid: string, body: Parameters<typeof submit>[2], tier: 'deep' | 'relative' | 'accident' = 'deep') {
    const start = now
    const id = await submit(t, openid, body)
    const suggested = (await get(t, openid, `/api/hardship/applications/${id}`)).json().suggestedTier
    await recommend(t, id, start.toISOString().slice(0, 10), tier, tier === suggested ? undefined : '入户核实后调整')
    at(new Date(start.getTime() + 8 * 24 * 3600_000).toISOString())
    const ended = await post(t, 'demo-staff-grassroots', `/api/workbench/hardship/applications/${id}/end-publicity`)
    if (ended.statusCode !== 200) throw new Error(ended.body)
    return id
  }
  const decide = (id: string, items: Array<{ type: string; amount: number }>, tier = 'deep') =>
    post(t, CENTRE, `/api/workbench/hardship/applications/${id}/decision`, {
      decision: 'approve',
      tier,
      items,
      ...(tier === 'deep' ? {} : { tierReason: '调整' }),
    })

  it('suggests the tier from the per-capita income against 低保, or 意外致困 for a sudden event', async () => {
    at('2026-03-02T01:00:00Z')
    const cases: Array<[number, string, string | null]> = [
      [2900, 'illness', 'deep'], // 2900 / 3 = 966.67 < 1000
      [3000, 'illness', 'relative'], // 1000: not below 低保, below 2 ×
      [5999, 'illness', 'relative'],
      [6000, 'illness', null], // 2000: neither line, no sudden event
      [6000, 'accident', 'accident'],
    ]
    for (const [income, cause, tier] of cases) {
      const [worker] = await members(t)
      const id = await submit(
        t,
        worker!.openid,
        await application(t, worker!.openid, { members: household(income), mainCause: cause as 'illness' }),
      )
      expect((await get(t, worker!.openid, `/api/hardship/applications/${id}`)).json().suggestedTier).toBe(tier)
    }
  })

  it('a second application of the household joins its file, and the living cap holds across both in a year', async () => {
    at('2026-03-02T01:00:00Z')
    const [husband, wife] = await members(t, 2)
    const family = household(1500)
    const first = await toCityReview(husband!.openid, await application(t, husband!.openid, { members: family }))
    expect((await decide(first, [{ type: 'living', amount: 8000 }])).statusCode).toBe(200)

    // The wife applies from her own account, listing the same family (herself as 本人).
    const herFamily = [
      { ...family[1]!, relation: 'self' as const, monthlyIncome: 0, unitOrSchool: '连云港市第一人民医院' },
      { ...family[0]!, relation: 'spouse' as const },
      family[2]!,
    ]
    const second = await toCityReview(
      wife!.openid,
      await application(t, wife!.openid, {
        members: herFamily,
        pledgeSignature: herFamily[0]!.name,
        bank: { bankName: '中国银行', accountName: herFamily[0]!.name, accountNumber: '6217000000000001234' },
      }),
    )
    const [a, b] = await t.database.db
      .select({ fileId: hardshipApplications.fileId })
      .from(hardshipApplications)
      .where(eq(hardshipApplications.id, first))
      .union(
        t.database.db.select({ fileId: hardshipApplications.fileId }).from(hardshipApplications).where(eq(hardshipApplications.id, second)),
      )
    expect(b).toBeUndefined() // one file id for both
    const detail = (await get(t, CENTRE, `/api/workbench/hardship/applications/${second}`)).json()
    expect(detail.fileId).toBe(a!.fileId)
    expect(detail.householdApplications.map((ref: { id: string }) => ref.id)).toEqual([first])
    // 12 × 1000 a year, 8000 already approved this year: 4000 left.
    expect(detail.items[0].cap).toMatchObject({ max: 4000 })
    const over = await decide(second, [{ type: 'living', amount: 4000.5 }])
    expect(over.statusCode).toBe(400)
    expect(over.json().fields['items.0.amount']).toContain('今年已批 8,000 元')
    expect((await decide(second, [{ type: 'living', amount: 4000 }])).statusCode).toBe(200)
    // People are recognised by keyed hashes only: three people, one file.
    const people = await t.database.db.select().from(hardshipFilePeople).where(eq(hardshipFilePeople.fileId, a!.fileId))
    expect(people).toHaveLength(3)
    expect(JSON.stringify(people)).not.toContain(family[0]!.idNumber)
    const file = (await get(t, husband!.openid, '/api/hardship/file')).json().file
    expect(file.ledger).toEqual([{ type: 'living', approved: 12000, paid: 0 }])

    // The next calendar year starts the cap again.
    at('2027-03-01T01:00:00Z')
    const third = await toCityReview(husband!.openid, await application(t, husband!.openid, { members: family }))
    expect((await get(t, CENTRE, `/api/workbench/hardship/applications/${third}`)).json().items[0].cap.max).toBe(12000)
  })

  it('refuses a second open application of the same aid for one household', async () => {
    at('2026-03-02T01:00:00Z')
    const [one, two] = await members(t, 2)
    const family = household(1500)
    await submit(t, one!.openid, await application(t, one!.openid, { members: family }))
    const again = await post(
      t,
      two!.openid,
      '/api/hardship/applications',
      await application(t, two!.openid, {
        members: [
          { ...family[1]!, relation: 'self', monthlyIncome: 0 },
          { ...family[0]!, relation: 'spouse' },
        ],
        pledgeSignature: family[1]!.name,
      }),
    )
    expect([again.statusCode, again.json().code]).toEqual([409, 'CONFLICT'])
    expect(again.json().message).toContain('正在办理')
  })

  it('education is capped per child per school year by the tier; medical by what the patient paid', async () => {
    at('2026-09-01T01:00:00Z')
    const [worker] = await members(t)
    const education = { child: 2, stage: 'high_school' as const, school: '连云港高级中学', lengthYears: 3, yearOfStudy: 3, tuition: 1800 }
    const medical = {
      patient: 1,
      disease: '乳腺癌',
      hospital: '连云港市第一人民医院',
      admittedOn: '2026-06-01',
      totalCost: 50000,
      insurancePaid: 30000,
      otherPaid: 5000,
    }
    const id = await toCityReview(worker!.openid, await application(t, worker!.openid, { items: { education, medical } }))
    const detail = (await get(t, CENTRE, `/api/workbench/hardship/applications/${id}`)).json()
    expect(detail.items.map((item: { type: string; cap: { max: number } }) => [item.type, item.cap.max])).toEqual([
      ['medical', 15000],
      ['education', 4000],
    ])
    // As 相对困难 the education cap is the other families' figure.
    const relative = await decide(
      id,
      [
        { type: 'medical', amount: 15000 },
        { type: 'education', amount: 3000 },
      ],
      'relative',
    )
    expect(relative.json().fields).toEqual({ 'items.1.amount': expect.stringContaining('其他困难家庭每个子女每学年不超过 2,000 元') })
    expect(
      (
        await decide(id, [
          { type: 'medical', amount: 15000 },
          { type: 'education', amount: 4000 },
        ])
      ).statusCode,
    ).toBe(200)
  })

  it('临时救助: never twice for the same cause, at most two per household', async () => {
    at('2026-03-02T01:00:00Z')
    const [worker] = await members(t)
    const family = household(1500)
    const temporary = (eventKind: string) => ({
      temporary: {
        eventKind: eventKind as 'fire',
        eventOn: '2026-02-20',
        description: '家中突发事件造成较大损失。',
        losses: 20000,
        compensation: 5000,
      },
    })
    const fire = await toCityReview(
      worker!.openid,
      await application(t, worker!.openid, { members: family, items: temporary('fire'), mainCause: 'accident' }),
      'accident',
    )
    expect((await get(t, CENTRE, `/api/workbench/hardship/applications/${fire}`)).json().items[0].cap).toMatchObject({
      max: 15000,
      refusal: null,
    })
    expect((await decide(fire, [{ type: 'temporary', amount: 15000 }], 'accident')).statusCode).toBe(200)

    const sameCause = await post(
      t,
      worker!.openid,
      '/api/hardship/applications',
      await application(t, worker!.openid, { members: family, items: temporary('fire'), mainCause: 'accident' }),
    )
    expect([sameCause.statusCode, sameCause.json().fields]).toEqual([400, { 'items.temporary': '同一原因（火灾）不能重复临时救助' }])

    const flood = await toCityReview(
      worker!.openid,
      await application(t, worker!.openid, { members: family, items: temporary('natural_disaster'), mainCause: 'accident' }),
      'accident',
    )
    expect((await decide(flood, [{ type: 'temporary', amount: 10000 }], 'accident')).statusCode).toBe(200)

    const third = await post(
      t,
      worker!.openid,
      '/api/hardship/applications',
      await application(t, worker!.openid, { members: family, items: temporary('traffic'), mainCause: 'accident' }),
    )
    expect([third.statusCode, third.json().fields]).toEqual([400, { 'items.temporary': '每户最多 2 次临时救助，已有 2 次' }])
    // A member of the family in a new household of their own is still the same household.
    const [child] = await members(t)
    const childFamily = [{ ...family[2]!, relation: 'self' as const, name: family[2]!.name }, member('新配偶', 'spouse')]
    const viaChild = await post(
      t,
      child!.openid,
      '/api/hardship/applications',
      await application(t, child!.openid, {
        members: childFamily,
        pledgeSignature: childFamily[0]!.name,
        items: temporary('traffic'),
        mainCause: 'accident',
      }),
    )
    expect(viaChild.statusCode).toBe(400)
  })
})
