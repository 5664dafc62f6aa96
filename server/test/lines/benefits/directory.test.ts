import { eq, sql } from 'drizzle-orm'
import { chinaDate } from '@contract/rules/working-days'
import { LiveOfferCounts } from '../../../src/lines/benefits/benefits.directory'
import { benefitsMerchants } from '../../../src/lines/benefits/benefits.tables'
import { makeMembers, type TestMember } from '../../helpers/members'
import { countQueries } from '../../helpers/query-count'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { makeMerchant, makeOffer } from './helpers'

/** The member's merchant list reads ids from the search and keeps what it shows of each shop. */
describe('the merchant list between requests', () => {
  let t: TestApp
  let member: TestMember
  // A corner of the test city of its own, so the demo merchants stay out of these lists.
  const spot = { lat: 34.6, lng: 120.05 }
  const near = `/api/merchants?lat=${spot.lat}&lng=${spot.lng}&radius=3000`
  const list = async () => (await t.app.inject({ method: 'GET', url: near, headers: { authorization: `Bearer ${member.token}` } })).json()

  beforeAll(async () => {
    t = await createTestApp()
    ;[member] = await makeMembers(t, 1, { prefix: 'benefits-directory' })
  })
  afterAll(() => t.close())

  it('when a shop changes in any way, then the next list shows it as it is now', async () => {
    const id = await makeMerchant(t, { name: '老店名', lat: spot.lat + 0.003, lng: spot.lng })
    expect((await list()).items.map((item: { name: string }) => item.name)).toEqual(['老店名'])
    // Written around the app (no updated_at, no service): the row's version still moves.
    await t.database.db.update(benefitsMerchants).set({ name: '新店名', cardPayPercent: 90 }).where(eq(benefitsMerchants.id, id))
    expect((await list()).items[0]).toMatchObject({ id, name: '新店名', cardPayPercent: 90 })
    await t.database.db.update(benefitsMerchants).set({ status: 'suspended' }).where(eq(benefitsMerchants.id, id))
    expect((await list()).items).toEqual([])
  })

  it('when a list is read again, then only the search is asked: what it shows of each shop was kept', async () => {
    await makeMerchant(t, { name: '第二家', lat: spot.lat + 0.004, lng: spot.lng })
    await makeMerchant(t, { name: '第三家', lat: spot.lat + 0.005, lng: spot.lng })
    await list()
    const request = () => t.app.inject({ method: 'GET', url: near, headers: { authorization: `Bearer ${member.token}` } })
    const again = await countQueries(t.database, request)
    const onceMore = await countQueries(t.database, request)
    expect(again.result.json().items.map((item: { name: string }) => item.name)).toEqual(['第二家', '第三家'])
    // Who is calling and the live-offer counts (both kept 0 s in tests), the search, and no read of the shops themselves.
    expect(again.queries).toBe(3)
    expect(onceMore.queries).toBe(3)
  })

  it('the distance is the one earthdistance gives along the surface, to the metre', async () => {
    const id = await makeMerchant(t, { name: '量距离', lat: spot.lat - 0.012, lng: spot.lng + 0.009 })
    const item = (await list()).items.find((candidate: { id: string }) => candidate.id === id)
    const [expected] = await t.database.db
      .select({ metres: sql<number>`round(earth_distance(${benefitsMerchants.earth}, ll_to_earth(${spot.lat}, ${spot.lng})))::int` })
      .from(benefitsMerchants)
      .where(eq(benefitsMerchants.id, id))
    expect(item.distanceMetres).toBe(Number(expected!.metres))
  })

  it('live-offer counts are shared for the time given, and read afresh with 0', async () => {
    const shop = await makeMerchant(t, { name: '有优惠', lat: spot.lat + 0.006, lng: spot.lng })
    const today = chinaDate(new Date())
    const kept = new LiveOfferCounts(60_000)
    const first = await kept.on(t.database.db, today)
    expect(first.get(shop)).toBeUndefined()
    await makeOffer(t, shop)
    const shared = await countQueries(t.database, () => kept.on(t.database.db, today))
    expect(shared).toEqual({ result: first, queries: 0 })
    expect((await new LiveOfferCounts(0).on(t.database.db, today)).get(shop)).toBe(1)
    expect((await list()).items.find((item: { id: string }) => item.id === shop).liveOffers).toBe(1)
  })
})
