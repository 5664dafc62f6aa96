import { and, eq } from 'drizzle-orm'
import { benefitsCoupons, benefitsOffers } from '../../../src/lines/benefits/benefits.tables'
import { makeMembers } from '../../helpers/members'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { idem, makeMerchant, makeOffer } from './helpers'

/**
 * A flash offer under load, with two server instances on one database: a hundred coupons and a
 * thousand members claiming at once give exactly a hundred, the rest told 已领完; one member
 * claiming many times at once gets only their limit.
 */
describe('claims under concurrency, two instances', () => {
  let first: TestApp
  let second: TestApp
  beforeAll(async () => {
    first = await createTestApp({ demo: false })
    second = await createTestApp({ database: first.database })
  })
  afterAll(async () => {
    await second.close()
    await first.close()
  })

  it('when 1,000 members claim a 100-coupon offer at once, then exactly 100 coupons', async () => {
    const merchant = await makeMerchant(first)
    const offer = await makeOffer(first, merchant, { stock: 100 })
    const members = await makeMembers(first, 1000, { prefix: 'flash' })
    const responses = await Promise.all(
      members.map((member, index) =>
        (index % 2 ? second : first).app.inject({
          method: 'POST',
          url: `/api/offers/${offer}/claims`,
          payload: {},
          headers: { authorization: `Bearer ${member.token}`, ...idem() },
        }),
      ),
    )
    const tally: Record<string, number> = {}
    for (const response of responses) {
      const key = response.statusCode === 201 ? '201' : `${response.statusCode} ${response.json().message}`
      tally[key] = (tally[key] ?? 0) + 1
    }
    expect(tally).toEqual({ '201': 100, '409 已领完': 900 })
    expect(new Set(responses.filter((response) => response.statusCode === 409).map((response) => response.json().message))).toEqual(
      new Set(['已领完']),
    )
    const [row] = await first.database.db.select().from(benefitsOffers).where(eq(benefitsOffers.id, offer))
    expect(row!.claimed).toBe(100)
    expect(await first.database.db.$count(benefitsCoupons, eq(benefitsCoupons.offerId, offer))).toBe(100)
  }, 180_000)

  it('when one member claims twenty times at once, then only their limit of coupons, and the stock gives back the rest', async () => {
    const merchant = await makeMerchant(first)
    const offer = await makeOffer(first, merchant, { stock: 50, perMemberLimit: 3, perMemberDailyLimit: 2 })
    const [member] = await makeMembers(first, 1, { prefix: 'greedy' })
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 ? second : first).app.inject({
          method: 'POST',
          url: `/api/offers/${offer}/claims`,
          payload: {},
          headers: { authorization: `Bearer ${member!.token}`, ...idem() },
        }),
      ),
    )
    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(2)
    expect(new Set(responses.filter((response) => response.statusCode === 409).map((response) => response.json().message))).toEqual(
      new Set(['今天已领满，明天再来']),
    )
    const held = await first.database.db.$count(
      benefitsCoupons,
      and(eq(benefitsCoupons.offerId, offer), eq(benefitsCoupons.userId, member!.userId)),
    )
    expect(held).toBe(2)
    const [row] = await first.database.db.select().from(benefitsOffers).where(eq(benefitsOffers.id, offer))
    expect(row!.claimed).toBe(2)
  })
})
