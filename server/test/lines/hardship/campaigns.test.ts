import { eq } from 'drizzle-orm'
import type { Campaign } from '@contract/lines/hardship'
import { staffRoles, users } from '../../../src/platform/auth/auth.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { CENTRE, get, GRASSROOTS, members, post } from './helpers'

/**
 * 送温暖 and 金秋助学 campaigns: the city's hardship centre puts one up as a draft, opens it and
 * closes it; one campaign of a kind runs at a time, also when two are opened at the same moment;
 * nobody else may; bad input is refused field by field.
 */
describe('hardship campaigns', () => {
  let t: TestApp
  /** A second person in the centre: one person's own submissions of a kind queue behind each other, two people's race. */
  const CENTRE_2 = 'hs-campaign-centre-2'
  beforeAll(async () => {
    t = await createTestApp()
    await t.tokenFor(CENTRE_2)
    const [user] = await t.database.db.select().from(users).where(eq(users.openid, CENTRE_2))
    await t.database.db.insert(staffRoles).values({ userId: user!.id, role: 'hardship_centre', orgId: 'lyg' })
  }, 180_000)
  afterAll(() => t.close())

  const campaigns = '/api/workbench/hardship/campaigns'
  let serial = 0
  const input = () => ({
    kind: 'winter_warmth',
    name: `测试送温暖${++serial}`,
    opensOn: '2026-12-01',
    closesOn: '2027-01-31',
    budget: 200_000,
    quota: 100,
  })
  const draft = async (): Promise<Campaign> => {
    const response = await post(t, CENTRE, campaigns, input())
    expect(response.statusCode).toBe(201)
    return response.json() as Campaign
  }
  const open = (id: string, who = CENTRE) => post(t, who, `${campaigns}/${id}/open`)
  const close = (id: string) => post(t, CENTRE, `${campaigns}/${id}/close`)

  it('a draft is opened and closed; while one of its kind runs, another is told which', async () => {
    const first = await draft()
    expect(first.status).toBe('draft')
    const opened = await open(first.id)
    expect([opened.statusCode, (opened.json() as Campaign).status]).toEqual([200, 'open'])

    const second = await draft()
    const refused = await open(second.id)
    expect([refused.statusCode, refused.json()]).toEqual([409, { code: 'WRONG_STATUS', message: `“${first.name}”正在进行，请先结束它` }])
    // The other kind is not in the way (the demo's 金秋助学 is open besides).
    const listed = (await get(t, CENTRE, campaigns)).json() as { campaigns: Campaign[] }
    expect(
      listed.campaigns
        .filter((campaign) => campaign.status === 'open')
        .map((campaign) => campaign.kind)
        .sort(),
    ).toEqual(['autumn_education', 'winter_warmth'])

    expect((await close(first.id)).statusCode).toBe(200)
    expect((await close(first.id)).json()).toMatchObject({ code: 'WRONG_STATUS', message: '活动没有在进行中' })
    expect((await open(first.id)).json()).toMatchObject({ code: 'WRONG_STATUS', message: '只有未开始的活动可以开启' })
    expect((await open(second.id)).statusCode).toBe(200)
    expect((await close(second.id)).statusCode).toBe(200)
  })

  it('two people opening drafts of one kind at the same moment: one opens, the other is told which — never a 500', async () => {
    for (let round = 0; round < 5; round += 1) {
      const drafts = [await draft(), await draft()]
      const answers = await Promise.all([open(drafts[0]!.id, CENTRE), open(drafts[1]!.id, CENTRE_2)])
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409])
      const winner = answers.find((answer) => answer.statusCode === 200)!.json() as Campaign
      for (const loser of answers.filter((answer) => answer.statusCode === 409))
        expect(loser.json()).toEqual({ code: 'WRONG_STATUS', message: `“${winner.name}”正在进行，请先结束它` })
      expect((await close(winner.id)).statusCode).toBe(200)
    }
  })

  it('grassroots staff and workers may not put up or open campaigns', async () => {
    const campaign = await draft()
    const [worker] = await members(t, 1)
    for (const who of [GRASSROOTS, worker!.openid]) {
      expect([who, (await post(t, who, `${campaigns}/${campaign.id}/open`)).statusCode]).toEqual([who, 403])
      expect([who, (await post(t, who, campaigns, input())).statusCode]).toEqual([who, 403])
    }
  })

  it('bad input is refused field by field', async () => {
    const response = await post(t, CENTRE, campaigns, {
      kind: 'winter_warmth',
      name: '短',
      opensOn: '2026-12-10',
      closesOn: '2026-12-01',
      budget: 0,
      quota: 0,
    })
    expect(response.statusCode).toBe(400)
    const { code, fields } = response.json() as { code: string; fields: Record<string, string> }
    expect(code).toBe('VALIDATION_FAILED')
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['budget', 'name', 'quota']))
    const dates = await post(t, CENTRE, campaigns, {
      kind: 'winter_warmth',
      name: '日期颠倒的活动',
      opensOn: '2026-12-10',
      closesOn: '2026-12-01',
      budget: 100,
      quota: 1,
    })
    expect(dates.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: { closesOn: '截止日期不能早于开始日期' } })
  })
})
