import { randomUUID } from 'node:crypto'
import { benefitsCoupons, benefitsRedemptions } from '../../../src/lines/benefits/benefits.tables'
import { makeMembers } from '../../helpers/members'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { makeCashier, makeMerchant, makeOffer, ORIGIN } from './helpers'

/** Fraud signals staff review, and the undo window they set. */
describe('benefits fraud signals and settings', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('when redemptions happen far from the shop, out of hours, at many shops within minutes or are often undone, then each is listed until reviewed', async () => {
    const [member] = await makeMembers(t, 1, { prefix: 'signals' })
    const cashier = await makeCashier(t, 'signals-cashier', [])
    // A shop open 09:00–10:00 only; a redemption at 03:00 China time yesterday.
    const early = await makeMerchant(t, { hours: { days: [1, 2, 3, 4, 5, 6, 7], opens: '09:00', closes: '10:00' } })
    const offer = await makeOffer(t, early, { stock: 10 })
    const yesterday = new Date(Date.now() - 86_400_000)
    const at3 = new Date(`${new Date(yesterday.getTime() + 8 * 3600_000).toISOString().slice(0, 10)}T03:00:00+08:00`)
    const [coupon] = await t.database.db
      .insert(benefitsCoupons)
      .values({
        offerId: offer,
        merchantId: early,
        userId: member!.userId,
        status: 'redeemed',
        claimedOn: '2026-01-01',
        expiresAt: new Date(Date.now() + 86_400_000),
        shownLat: ORIGIN.lat + 0.2,
        shownLng: ORIGIN.lng,
      })
      .returning()
    const redemption = (merchantId: string, when: Date, extra: Partial<typeof benefitsRedemptions.$inferInsert> = {}) => ({
      merchantId,
      userId: member!.userId,
      memberMasked: '测*',
      kind: 'voucher' as const,
      title: '测试',
      savedFen: 1000,
      fundedBy: 'union' as const,
      cashierId: cashier,
      codeHash: randomUUID(),
      at: when,
      ...extra,
    })
    await t.database.db.insert(benefitsRedemptions).values(redemption(early, at3, { couponId: coupon!.id }))
    // Three other shops within ten minutes, all open all day.
    const shops = [await makeMerchant(t), await makeMerchant(t), await makeMerchant(t)]
    const start = new Date(Date.now() - 3 * 3600_000)
    await t.database.db
      .insert(benefitsRedemptions)
      .values(shops.map((shop, index) => redemption(shop, new Date(start.getTime() + index * 4 * 60_000))))
    // A desk that undoes two of five.
    const undoing = await makeMerchant(t)
    await t.database.db
      .insert(benefitsRedemptions)
      .values(
        Array.from({ length: 5 }, (_, index) =>
          redemption(
            undoing,
            new Date(Date.now() - (10 + index) * 86_400_000),
            index < 2 ? { status: 'undone', undoneAt: new Date(), undoReason: '测试' } : {},
          ),
        ),
      )
    const list = (await t.as('demo-benefits')({ method: 'GET', url: '/api/workbench/benefits/signals' })).json()
    const kinds = list.items.map((item: { kind: string }) => item.kind)
    expect(kinds).toEqual(expect.arrayContaining(['far_from_shop', 'outside_hours', 'many_merchants', 'undo_rate']))
    const far = list.items.find((item: { kind: string }) => item.kind === 'far_from_shop')
    expect(far.detail).toMatch(/约 2\d 公里/)
    expect(list.items.find((item: { kind: string }) => item.kind === 'undo_rate').detail).toContain('撤销 2 笔')
    const review = await t.as('demo-benefits')({
      method: 'POST',
      url: '/api/workbench/benefits/signals/review',
      payload: { key: far.key, note: '已电话核实' },
    })
    expect(review.statusCode).toBe(200)
    const after = (await t.as('demo-benefits')({ method: 'GET', url: '/api/workbench/benefits/signals' })).json()
    expect(after.items.find((item: { key: string }) => item.key === far.key)).toMatchObject({ reviewed: true, reviewNote: '已电话核实' })
    expect((await t.as('signals-cashier')({ method: 'GET', url: '/api/workbench/benefits/signals' })).statusCode).toBe(403)
  })

  it('when staff change the undo window, then desks see it; out of range is refused field by field', async () => {
    const put = (payload: object) => t.as('demo-benefits')({ method: 'PUT', url: '/api/workbench/benefits/settings', payload })
    expect((await put({ undoMinutes: 10 })).json()).toEqual({ undoMinutes: 10 })
    expect((await put({ undoMinutes: 40 })).json().fields).toEqual({ undoMinutes: '撤销时限最多 30 分钟' })
    const merchant = await makeMerchant(t)
    await makeCashier(t, 'settings-cashier', [merchant])
    expect((await t.as('settings-cashier')({ method: 'GET', url: '/api/merchant-desk' })).json().undoMinutes).toBe(10)
    expect(
      (await t.as('settings-cashier')({ method: 'PUT', url: '/api/workbench/benefits/settings', payload: { undoMinutes: 30 } })).statusCode,
    ).toBe(403)
  })
})
