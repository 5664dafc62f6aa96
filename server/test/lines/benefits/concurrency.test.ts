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
/**
 * Runs `work` over the items with at most `limit` under way at once, keeping the order of the
 * answers. A thousand requests injected in the same tick would wait for the two instances' shared
 * pool of ten connections longer than its 5 s connection timeout on a busy machine (a deployment
 * sheds such a burst with 503 first; the bench sends all 1,000 at once over HTTP); twenty at a
 * time, two instances, still has every claim racing others for the same offer row.
 */
async function inFlight<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return results
}

/**
 * On PostgreSQL the full flash sale, a thousand members for a hundred coupons. PGlite runs one
 * statement at a time for both instances, so its claims interleave rather than race: a quarter
 * of it there checks the same counting in a quarter of the time.
 */
const crowd = process.env.TEST_DATABASE_URL ? 1000 : 250
const coupons = crowd / 10

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

  it(`when ${crowd} members race for a ${coupons}-coupon offer on two instances, then exactly ${coupons} coupons and the rest told 已领完`, async () => {
    const merchant = await makeMerchant(first)
    const offer = await makeOffer(first, merchant, { stock: coupons })
    const members = await makeMembers(first, crowd, { prefix: 'flash' })
    const responses = await inFlight(members, 20, (member, index) =>
      (index % 2 ? second : first).app.inject({
        method: 'POST',
        url: `/api/offers/${offer}/claims`,
        payload: {},
        headers: { authorization: `Bearer ${member.token}`, ...idem() },
      }),
    )
    const tally: Record<string, number> = {}
    for (const response of responses) {
      const key = response.statusCode === 201 ? '201' : `${response.statusCode} ${response.json().message}`
      tally[key] = (tally[key] ?? 0) + 1
    }
    expect(tally).toEqual({ '201': coupons, '409 已领完': crowd - coupons })
    expect(new Set(responses.filter((response) => response.statusCode === 409).map((response) => response.json().message))).toEqual(
      new Set(['已领完']),
    )
    const [row] = await first.database.db.select().from(benefitsOffers).where(eq(benefitsOffers.id, offer))
    expect(row!.claimed).toBe(coupons)
    expect(await first.database.db.$count(benefitsCoupons, eq(benefitsCoupons.offerId, offer))).toBe(coupons)
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
