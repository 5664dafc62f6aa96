import { eq } from 'drizzle-orm'
import { isOpenAt } from '@contract/lines/benefits'
import { auditLog } from '../../../src/core/core.tables'
import { issueCardToken } from '../../../src/lines/membership/card-token'
import { benefitsMerchants } from '../../../src/lines/benefits/benefits.tables'
import { PNG_BYTES, multipartFile } from '../../helpers/files'
import { makeMembers, type TestMember } from '../../helpers/members'
import { readWorkbook } from '../../helpers/spreadsheet'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { idem, makeCashier, makeMerchant, makeOffer, ORIGIN } from './helpers'

// A long walk through the line on a shared machine: each step waits for the database, not for a timer.
jest.setTimeout(180_000)

/** Members, the merchant desk and union staff, through the API. */
describe('member benefits', () => {
  let t: TestApp
  let now = new Date()
  let members: TestMember[]
  const bearer = (member: TestMember) => ({ authorization: `Bearer ${member.token}` })
  const asMember = (member: TestMember) => (options: { method: 'GET' | 'POST'; url: string; payload?: object }) =>
    t.app.inject({ ...options, headers: { ...bearer(member), ...(options.method === 'POST' ? idem() : {}) } })
  const claim = (member: TestMember, offerId: string) =>
    asMember(member)({ method: 'POST', url: `/api/offers/${offerId}/claims`, payload: {} })
  const codeOf = async (member: TestMember, couponId: string) =>
    (await asMember(member)({ method: 'GET', url: `/api/coupons/${couponId}/code` })).json().qr.code as string
  const desk = (openid: string) => (url: string, payload: object) => t.as(openid)({ method: 'POST', url, payload, headers: idem() })

  beforeAll(async () => {
    t = await createTestApp({ clock: () => now })
    members = await makeMembers(t, 6, { prefix: 'benefits-routes' })
  })
  afterAll(() => t.close())
  afterEach(() => {
    now = new Date()
  })

  it('when a member shares where they are, then merchants nearest first within the radius, with distances', async () => {
    const near = await makeMerchant(t, { name: '近处面馆', lat: ORIGIN.lat + 0.002, lng: ORIGIN.lng })
    const middle = await makeMerchant(t, { name: '中间书店', lat: ORIGIN.lat + 0.01, lng: ORIGIN.lng, category: 'culture_sports' })
    const far = await makeMerchant(t, { name: '远处超市', lat: ORIGIN.lat + 0.04, lng: ORIGIN.lng, category: 'shopping' })
    const suspended = await makeMerchant(t, { name: '暂停商户', lat: ORIGIN.lat + 0.001, lng: ORIGIN.lng, status: 'suspended' })
    const list = await asMember(members[0]!)({ method: 'GET', url: `/api/merchants?lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&radius=3000` })
    expect(list.statusCode).toBe(200)
    const items = list.json().items as Array<{ id: string; distanceMetres: number }>
    expect(items.map((item) => item.id)).toEqual([near, middle])
    expect(items[0]!.distanceMetres).toBeGreaterThan(200)
    expect(items[0]!.distanceMetres).toBeLessThan(245)
    expect(items[1]!.distanceMetres).toBeGreaterThan(1100)
    // The list's distance (from the index's straight line to the member's point, both computed
    // outside SQL) is the one earthdistance's earth_distance() gives on the merchant's page.
    const detail = (
      await asMember(members[0]!)({ method: 'GET', url: `/api/merchants/${middle}?lat=${ORIGIN.lat}&lng=${ORIGIN.lng}` })
    ).json()
    expect(items[1]!.distanceMetres).toBeCloseTo(detail.distanceMetres, 3)
    // The walk outward finds the far shop right after these two: past the radius, the list ends there.
    const upToRadius = (
      await asMember(members[0]!)({ method: 'GET', url: `/api/merchants?lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&radius=3000&limit=2` })
    ).json()
    expect(upToRadius.items.map((item: { id: string }) => item.id)).toEqual([near, middle])
    expect(upToRadius.nextCursor).toBeNull()
    const wide = (
      await asMember(members[0]!)({ method: 'GET', url: `/api/merchants?lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&radius=5000` })
    ).json()
    expect(wide.items.map((item: { id: string }) => item.id)).toEqual([near, middle, far])
    expect(wide.items.map((item: { id: string }) => item.id)).not.toContain(suspended)
    // Pages of one follow the same order without repeats.
    const first = (
      await asMember(members[0]!)({ method: 'GET', url: `/api/merchants?lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&radius=5000&limit=1` })
    ).json()
    const second = (
      await asMember(members[0]!)({
        method: 'GET',
        url: `/api/merchants?lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&radius=5000&limit=1&cursor=${first.nextCursor}`,
      })
    ).json()
    expect([first.items[0].id, second.items[0].id]).toEqual([near, middle])
    const category = (
      await asMember(members[0]!)({
        method: 'GET',
        url: `/api/merchants?lat=${ORIGIN.lat}&lng=${ORIGIN.lng}&radius=5000&category=shopping`,
      })
    ).json()
    expect(category.items.map((item: { id: string }) => item.id)).toEqual([far])
    // Without a location: by district, no distance; search by name.
    const byName = (await asMember(members[0]!)({ method: 'GET', url: `/api/merchants?q=${encodeURIComponent('中间书店')}` })).json()
    expect(byName.items).toHaveLength(1)
    expect(byName.items[0]).toMatchObject({ id: middle, distanceMetres: null, district: 'lyg-xuwei' })
    const demoCity = (await asMember(members[0]!)({ method: 'GET', url: '/api/merchants?district=lyg-haizhou&limit=50' })).json()
    expect(demoCity.items.length).toBe(50)
    expect(demoCity.nextCursor).not.toBeNull()
  })

  it('when shops share one building, then pages of nearest-first still list each of them once, in distance then id order', async () => {
    // The index walks by distance alone; shops at the same point tie, and the ties straddle pages.
    const spot = { lat: ORIGIN.lat - 0.05, lng: ORIGIN.lng - 0.05 }
    const nearer = await makeMerchant(t, { name: '楼前小店', lat: spot.lat + 0.0005, lng: spot.lng })
    const building = await Promise.all(
      Array.from({ length: 5 }, (_, index) => makeMerchant(t, { name: `同楼商户${index + 1}`, lat: spot.lat + 0.001, lng: spot.lng })),
    )
    const farther = await makeMerchant(t, { name: '楼后小店', lat: spot.lat + 0.002, lng: spot.lng })
    const expected = [nearer, ...[...building].sort(), farther]
    const near = `/api/merchants?lat=${spot.lat}&lng=${spot.lng}&radius=400`
    // Its offers: one to claim, one sold out, one over. Members count what they can claim; staff what is on.
    await makeOffer(t, nearer)
    await makeOffer(t, nearer, { stock: 5, claimed: 5 })
    await makeOffer(t, nearer, { startsOn: '2020-01-01', endsOn: '2020-01-31' })
    const whole = (await asMember(members[0]!)({ method: 'GET', url: near })).json()
    expect(whole.items.map((item: { id: string }) => item.id)).toEqual(expected)
    expect(whole.items.map((item: { liveOffers: number }) => item.liveOffers)).toEqual([1, 0, 0, 0, 0, 0, 0])
    const staffView = (
      await t.as('demo-benefits')({ method: 'GET', url: `/api/workbench/merchants?tab=active&q=${encodeURIComponent('楼前小店')}` })
    ).json()
    expect(staffView.items.map((item: { id: string; liveOffers: number }) => [item.id, item.liveOffers])).toEqual([[nearer, 2]])
    for (const limit of [1, 2, 3]) {
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
          await asMember(members[0]!)({ method: 'GET', url: `${near}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}` })
        ).json()
        expect(page.items.length).toBeLessThanOrEqual(limit)
        seen.push(...page.items.map((item) => item.id))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen).toEqual(expected)
    }
  })

  it('when a shop stays open past midnight, then it is open at 01:00 the next morning and closed at 03:00, in SQL as in the contract', async () => {
    const hours = { days: [2], opens: '18:00', closes: '02:00' }
    const night = await makeMerchant(t, { name: '周二夜市', hours, lat: ORIGIN.lat - 0.02, lng: ORIGIN.lng })
    const openNow = async () => {
      const response = await asMember(members[0]!)({
        method: 'GET',
        url: `/api/merchants?lat=${(ORIGIN.lat - 0.02).toFixed(4)}&lng=${ORIGIN.lng}&radius=500&openNow=true`,
      })
      expect(response.statusCode).toBe(200)
      return response.json().items.map((item: { id: string }) => item.id)
    }
    // 2026-12-01 is a Tuesday; 2026-12-02 01:00 China time is Wednesday early morning.
    const cases: Array<[string, boolean]> = [
      ['2026-12-01T19:00:00+08:00', true],
      ['2026-12-02T01:00:00+08:00', true],
      ['2026-12-02T03:00:00+08:00', false],
      ['2026-12-01T17:00:00+08:00', false],
      ['2026-12-01T01:00:00+08:00', false],
    ]
    for (const [at, open] of cases) {
      now = new Date(at)
      expect(isOpenAt(hours, now)).toBe(open)
      expect((await openNow()).includes(night)).toBe(open)
    }
  })

  it('when members claim, then limits, stock and eligibility are said plainly; codes are one-time and the member’s own', async () => {
    const merchant = await makeMerchant(t)
    const offer = await makeOffer(t, merchant, { stock: 2, perMemberLimit: 1 })
    const made = await claim(members[0]!, offer)
    expect(made.statusCode).toBe(201)
    expect(made.json()).toMatchObject({ status: 'active', summary: '10 元代金券（面食）' })
    expect((await claim(members[0]!, offer)).json()).toMatchObject({ code: 'CLAIM_REFUSED', message: '您已领满' })
    expect((await claim(members[1]!, offer)).statusCode).toBe(201)
    expect((await claim(members[2]!, offer)).json()).toMatchObject({ code: 'CLAIM_REFUSED', message: '已领完' })
    // A worker who is not a member.
    expect(
      (await t.as('demo-worker')({ method: 'POST', url: `/api/offers/${offer}/claims`, payload: {}, headers: idem() })).json().message,
    ).toBe('仅限工会会员领取')
    const offers = (await asMember(members[2]!)({ method: 'GET', url: `/api/offers?merchantId=${merchant}` })).json()
    expect(offers.items[0].mine).toEqual({ claimed: 0, block: 'sold_out' })

    const coupon = made.json().id
    const mine = (await asMember(members[0]!)({ method: 'GET', url: '/api/coupons' })).json()
    expect(mine.items.map((item: { id: string }) => item.id)).toContain(coupon)
    const code = (await asMember(members[0]!)({ method: 'GET', url: `/api/coupons/${coupon}/code` })).json()
    expect(code.qr.imageDataUrl).toMatch(/^data:image\/png;base64,/)
    // Another member's coupon does not exist for them.
    expect((await asMember(members[1]!)({ method: 'GET', url: `/api/coupons/${coupon}/code` })).statusCode).toBe(404)

    await makeCashier(t, 'bn-cashier-1', [merchant])
    const scan = desk('bn-cashier-1')
    // Expired after its minute.
    now = new Date(Date.now() + 61_000)
    expect((await scan('/api/merchant-desk/checks', { merchantId: merchant, code: code.qr.code })).json().code).toBe('CODE_EXPIRED')
    now = new Date()
    const checked = await scan('/api/merchant-desk/checks', { merchantId: merchant, code: code.qr.code })
    expect(checked.json()).toMatchObject({ kind: 'coupon', offerKind: 'voucher', memberNameMasked: '测试***', needsBillAmount: false })
    const redeemed = await scan('/api/merchant-desk/redemptions', { merchantId: merchant, code: code.qr.code })
    expect(redeemed.statusCode).toBe(201)
    expect(redeemed.json()).toMatchObject({ saved: 10, fundedBy: 'union', status: 'done' })
    // Replay of the same code, or a fresh code of the used coupon: used.
    expect((await scan('/api/merchant-desk/redemptions', { merchantId: merchant, code: code.qr.code })).json().code).toBe(
      'ALREADY_REDEEMED',
    )
    expect((await scan('/api/merchant-desk/checks', { merchantId: merchant, code: code.qr.code })).json().code).toBe('ALREADY_REDEEMED')
    const after = (await asMember(members[0]!)({ method: 'GET', url: `/api/coupons/${coupon}/code` })).json()
    expect(after).toMatchObject({ coupon: { status: 'redeemed', saved: 10 }, qr: null })
    const history = (await asMember(members[0]!)({ method: 'GET', url: '/api/benefits/redemptions' })).json()
    expect(history.savedThisYear).toBeGreaterThanOrEqual(10)
    expect(history.items[0]).toMatchObject({ what: '测试优惠', saved: 10 })
    // A forged code, another kind of code.
    expect((await scan('/api/merchant-desk/checks', { merchantId: merchant, code: `${code.qr.code}x` })).json().code).toBe('CODE_INVALID')
  })

  it('when two cashiers redeem one coupon at the same moment, then one redemption; undo works within the window only, audited', async () => {
    const merchant = await makeMerchant(t)
    const offer = await makeOffer(t, merchant, { terms: { kind: 'threshold', threshold: 100, off: 20 } })
    await makeCashier(t, 'bn-till-a', [merchant])
    await makeCashier(t, 'bn-till-b', [merchant])
    const coupon = (await claim(members[3]!, offer)).json().id
    const code = await codeOf(members[3]!, coupon)
    // 满减 needs the bill, and a bill that reaches the threshold.
    expect((await desk('bn-till-a')('/api/merchant-desk/redemptions', { merchantId: merchant, code })).json().fields).toEqual({
      billAmount: '请填写消费金额',
    })
    expect(
      (await desk('bn-till-a')('/api/merchant-desk/redemptions', { merchantId: merchant, code, billAmount: 80 })).json().fields.billAmount,
    ).toContain('满 100')
    const [a, b] = await Promise.all([
      desk('bn-till-a')('/api/merchant-desk/redemptions', { merchantId: merchant, code, billAmount: 120 }),
      desk('bn-till-b')('/api/merchant-desk/redemptions', {
        merchantId: merchant,
        code: await codeOf(members[3]!, coupon),
        billAmount: 120,
      }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409])
    const done = [a, b].find((response) => response.statusCode === 201)!.json()
    expect([a, b].find((response) => response.statusCode === 409)!.json().code).toBe('ALREADY_REDEEMED')
    expect(done).toMatchObject({ saved: 20, bill: 120, fundedBy: 'merchant' })

    const today = (await t.as('bn-till-a')({ method: 'GET', url: `/api/merchant-desk/redemptions?merchantId=${merchant}` })).json()
    expect(today.totals).toMatchObject({ count: 1, saved: 20, undone: 0 })
    // Undo: within the window, with a reason; the coupon is usable again.
    const undo = await desk('bn-till-b')(`/api/merchant-desk/redemptions/${done.id}/undo`, { reason: '顾客取消点单' })
    expect(undo.json()).toMatchObject({ status: 'undone', undoReason: '顾客取消点单' })
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, done.id))
    expect(audit.map((entry) => entry.action)).toEqual(['benefits.redemption.undo'])
    expect((await asMember(members[3]!)({ method: 'GET', url: `/api/coupons/${coupon}/code` })).json().coupon.status).toBe('active')
    const again = await desk('bn-till-a')('/api/merchant-desk/redemptions', {
      merchantId: merchant,
      code: await codeOf(members[3]!, coupon),
      billAmount: 150,
    })
    expect(again.statusCode).toBe(201)
    now = new Date(Date.now() + 6 * 60_000)
    const late = await desk('bn-till-a')(`/api/merchant-desk/redemptions/${again.json().id}/undo`, { reason: '太晚了' })
    expect(late.statusCode).toBe(409)
    expect(late.json().message).toContain('超过 5 分钟')
  })

  it('when a merchant has a standing card discount, then the member card’s code is enough, once', async () => {
    const merchant = await makeMerchant(t, { cardPayPercent: 88 })
    await makeCashier(t, 'bn-card-till', [merchant])
    const card = issueCardToken(t.config.authSecret, members[4]!.membershipId, new Date()).token
    const checked = await desk('bn-card-till')('/api/merchant-desk/checks', { merchantId: merchant, code: card })
    expect(checked.json()).toMatchObject({ kind: 'card', offerKind: 'card', needsBillAmount: true })
    const redeemed = await desk('bn-card-till')('/api/merchant-desk/redemptions', { merchantId: merchant, code: card, billAmount: 100 })
    expect(redeemed.json()).toMatchObject({ kind: 'card', saved: 12, fundedBy: 'merchant' })
    expect(
      (await desk('bn-card-till')('/api/merchant-desk/redemptions', { merchantId: merchant, code: card, billAmount: 100 })).json().code,
    ).toBe('ALREADY_REDEEMED')
    // A shop without a card discount does not take the card.
    const plain = await makeMerchant(t)
    await makeCashier(t, 'bn-card-till', [plain])
    const other = issueCardToken(t.config.authSecret, members[4]!.membershipId, new Date()).token
    expect((await desk('bn-card-till')('/api/merchant-desk/checks', { merchantId: plain, code: other })).json().code).toBe('CODE_INVALID')
  })

  it('when staff suspend a merchant, then claims and redemptions stop until it resumes, and the merchant is told', async () => {
    const applicant = await makeMembers(t, 1, { prefix: 'benefits-owner' })
    const merchant = await makeMerchant(t, { applicantId: applicant[0]!.userId })
    const offer = await makeOffer(t, merchant, { perMemberLimit: 3, perMemberDailyLimit: 3 })
    await makeCashier(t, 'bn-suspend-till', [merchant])
    const coupon = (await claim(members[5]!, offer)).json().id
    const staff = (url: string, payload: object) => t.as('demo-benefits')({ method: 'POST', url, payload, headers: idem() })
    expect((await staff(`/api/workbench/merchants/${merchant}/suspend`, { reason: '虚假核销' })).statusCode).toBe(200)
    expect((await claim(members[5]!, offer)).json()).toMatchObject({ code: 'CLAIM_REFUSED' })
    const refused = await desk('bn-suspend-till')('/api/merchant-desk/redemptions', {
      merchantId: merchant,
      code: await codeOf(members[5]!, coupon),
    })
    expect(refused.statusCode).toBe(403)
    expect((await asMember(members[5]!)({ method: 'GET', url: `/api/merchants/${merchant}` })).statusCode).toBe(404)
    const messages = (await asMember(applicant[0]!)({ method: 'GET', url: '/api/messages' })).json()
    expect(JSON.stringify(messages)).toContain('虚假核销')
    expect((await staff(`/api/workbench/merchants/${merchant}/resume`, {})).statusCode).toBe(200)
    expect(
      (await desk('bn-suspend-till')('/api/merchant-desk/redemptions', { merchantId: merchant, code: await codeOf(members[5]!, coupon) }))
        .statusCode,
    ).toBe(201)
  })

  it('when a shop applies, then staff approve, sign and put it live; a cashier invite names the merchant', async () => {
    const file = multipartFile('licence.png', PNG_BYTES, 'image/png')
    const upload = await t.as('bn-applicant')({ method: 'POST', url: '/api/uploads', payload: file.payload, headers: file.headers })
    expect(upload.statusCode).toBe(201)
    const application = {
      name: '灌云豆丹小馆',
      category: 'food',
      district: 'lyg-guanyun',
      address: '连云港市灌云县伊山镇胜利路 18 号',
      lat: 34.2839,
      lng: 119.2392,
      phone: '0518-88812345',
      hours: { days: [1, 2, 3, 4, 5, 6, 7], opens: '10:00', closes: '21:00' },
      creditCode: '91320723MA1P2Q3R47',
      licenceIds: [upload.json().id],
      contactName: '吴小勇',
      contactPhone: '13912345678',
      proposedOffers: '会员 9 折',
      consent: true,
    }
    const bad = await t.as('bn-applicant')({
      method: 'POST',
      url: '/api/merchant-applications',
      payload: { ...application, creditCode: '91320723MA1P2Q3R4X' },
      headers: idem(),
    })
    expect(bad.json().fields.creditCode).toContain('校验')
    const made = await t.as('bn-applicant')({ method: 'POST', url: '/api/merchant-applications', payload: application, headers: idem() })
    expect(made.json()).toMatchObject({ status: 'applied' })
    const id = made.json().id
    const staff = (url: string, payload: object) => t.as('demo-benefits')({ method: 'POST', url, payload, headers: idem() })
    const detail = (await t.as('demo-benefits')({ method: 'GET', url: `/api/workbench/merchants/${id}` })).json()
    expect(detail).toMatchObject({ status: 'applied', contactPhone: '139****5678', actions: ['approve', 'reject'], canInvite: false })
    expect(detail.licences).toHaveLength(1)
    expect(
      (
        await staff(`/api/workbench/merchants/${id}/sign`, {
          contractNo: 'X',
          contractStartsOn: '2026-01-01',
          contractEndsOn: '2027-01-01',
        })
      ).json().code,
    ).toBe('WRONG_STATUS')
    expect((await staff(`/api/workbench/merchants/${id}/approve`, {})).statusCode).toBe(200)
    const today = new Date().toISOString().slice(0, 10)
    expect(
      (
        await staff(`/api/workbench/merchants/${id}/sign`, {
          contractNo: 'LYGHY-T-1',
          contractStartsOn: '2026-01-01',
          contractEndsOn: '2028-12-31',
        })
      ).statusCode,
    ).toBe(200)
    expect((await staff(`/api/workbench/merchants/${id}/activate`, {})).json().status).toBe('active')
    expect(today).toBeTruthy()
    const invite = await t.as('demo-benefits')({
      method: 'POST',
      url: '/api/workbench/invites',
      payload: { role: 'benefits_cashier', orgId: 'lyg', scopeId: id, validDays: 3 },
    })
    expect(invite.statusCode).toBe(201)
    const redeemed = await t.as('bn-applicant')({
      method: 'POST',
      url: '/api/workbench/invites/redeem',
      payload: { code: invite.json().code, realName: '吴小勇' },
    })
    expect(redeemed.statusCode).toBe(200)
    const home = (await t.as('bn-applicant')({ method: 'GET', url: '/api/merchant-desk' })).json()
    expect(home.merchants.map((merchant: { id: string }) => merchant.id)).toEqual([id])
    const mine = (await t.as('bn-applicant')({ method: 'GET', url: '/api/merchant-applications' })).json()
    expect(mine.items[0]).toMatchObject({ status: 'active' })
    // The applicant, now cashier, may not review their own shop as staff; staff may not act on their own application.
    expect((await t.as('bn-applicant')({ method: 'GET', url: '/api/workbench/merchants' })).statusCode).toBe(403)
  })

  it('when a month is over, then its union-funded vouchers are settled per merchant, exported, and settled once', async () => {
    const merchant = await makeMerchant(t, { name: '结算测试面馆' })
    const startsOn = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10)
    const offer = await makeOffer(t, merchant, {
      terms: { kind: 'voucher', face: 15, goods: '理发' },
      perMemberLimit: 5,
      perMemberDailyLimit: 5,
      startsOn,
    })
    await makeCashier(t, 'bn-settle-till', [merchant])
    const lastMonth = new Date(Date.now() - 35 * 86_400_000)
    now = lastMonth
    for (const member of members.slice(0, 3)) {
      const coupon = (await claim(member, offer)).json().id
      expect(
        (await desk('bn-settle-till')('/api/merchant-desk/redemptions', { merchantId: merchant, code: await codeOf(member, coupon) }))
          .statusCode,
      ).toBe(201)
    }
    now = new Date()
    const month = new Date(lastMonth.getTime() + 8 * 3600_000).toISOString().slice(0, 7)
    const list = (await t.as('demo-benefits')({ method: 'GET', url: `/api/workbench/benefits/settlements?month=${month}` })).json()
    const row = list.rows.find((entry: { merchantId: string }) => entry.merchantId === merchant)
    expect(row).toMatchObject({ voucherCount: 3, voucherValue: 45, status: 'open' })
    const statement = (
      await t.as('bn-settle-till')({ method: 'GET', url: `/api/merchant-desk/statement?merchantId=${merchant}&month=${month}` })
    ).json()
    expect(statement).toMatchObject({ unionCount: 3, unionValue: 45, settled: false })
    const exported = await t.as('demo-benefits')({ method: 'GET', url: `/api/workbench/benefits/settlements/export?month=${month}` })
    expect(exported.headers['content-type']).toContain('spreadsheetml')
    const workbook = await readWorkbook(exported.rawPayload)
    const cells = JSON.stringify(workbook.worksheets[0]!.getSheetValues())
    expect(cells).toContain('结算测试面馆')
    const settle = (payload: object) =>
      t.as('demo-benefits')({ method: 'POST', url: '/api/workbench/benefits/settlements', payload, headers: idem() })
    expect((await settle({ merchantId: merchant, month })).json()).toMatchObject({ settled: true, unionValue: 45 })
    expect((await settle({ merchantId: merchant, month })).json().code).toBe('WRONG_STATUS')
    const thisMonth = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
    expect((await settle({ merchantId: merchant, month: thisMonth })).json().fields.month).toContain('尚未结束')
  })

  it('who may do what: member, cashier of this and of another merchant, union staff, oversight, stranger', async () => {
    const mine = await makeMerchant(t)
    const theirs = await makeMerchant(t)
    const offer = await makeOffer(t, mine, { perMemberLimit: 5, perMemberDailyLimit: 5 })
    await makeCashier(t, 'bn-auth-mine', [mine])
    await makeCashier(t, 'bn-auth-theirs', [theirs])
    const coupon = (await claim(members[1]!, offer)).json().id
    const code = await codeOf(members[1]!, coupon)
    // Another merchant's cashier: this merchant's desk does not exist for them; their own desk refuses the coupon.
    expect((await desk('bn-auth-theirs')('/api/merchant-desk/redemptions', { merchantId: mine, code })).statusCode).toBe(404)
    expect((await desk('bn-auth-theirs')('/api/merchant-desk/redemptions', { merchantId: theirs, code })).json().code).toBe('CODE_INVALID')
    expect((await t.as('bn-auth-theirs')({ method: 'GET', url: `/api/merchant-desk/redemptions?merchantId=${mine}` })).statusCode).toBe(404)
    // A member is no cashier; a cashier is no union staff.
    expect(
      (await asMember(members[1]!)({ method: 'POST', url: '/api/merchant-desk/redemptions', payload: { merchantId: mine, code } }))
        .statusCode,
    ).toBe(404)
    expect((await t.as('bn-auth-mine')({ method: 'GET', url: '/api/workbench/merchants' })).statusCode).toBe(403)
    expect((await t.as('bn-auth-mine')({ method: 'GET', url: '/api/workbench/benefits/stats' })).statusCode).toBe(403)
    // Oversight reads, never acts.
    expect((await t.as('demo-city-admin')({ method: 'GET', url: `/api/workbench/merchants/${mine}` })).json()).toMatchObject({
      canAct: false,
      actions: [],
    })
    expect(
      (
        await t.as('demo-city-admin')({
          method: 'POST',
          url: `/api/workbench/merchants/${mine}/suspend`,
          payload: { reason: '测试原因' },
          headers: idem(),
        })
      ).statusCode,
    ).toBe(403)
    // Union staff do everything staff do, and nothing on the desk.
    expect(
      (
        await t.as('demo-benefits')({
          method: 'POST',
          url: '/api/merchant-desk/redemptions',
          payload: { merchantId: mine, code },
          headers: idem(),
        })
      ).statusCode,
    ).toBe(404)
    // A stranger: nothing.
    expect((await t.as(null)({ method: 'GET', url: '/api/merchants' })).statusCode).toBe(401)
    // The cashier redeems, but never their own coupon.
    const selfMember = (await makeMembers(t, 1, { prefix: 'benefits-selfish' }))[0]!
    await makeCashier(t, selfMember.openid, [mine])
    const own = (await claim(selfMember, offer)).json().id
    const ownRedeem = await t.app.inject({
      method: 'POST',
      url: '/api/merchant-desk/redemptions',
      payload: { merchantId: mine, code: await codeOf(selfMember, own) },
      headers: { ...bearer(selfMember), ...idem() },
    })
    expect(ownRedeem.statusCode).toBe(403)
    expect((await desk('bn-auth-mine')('/api/merchant-desk/redemptions', { merchantId: mine, code })).statusCode).toBe(201)
  })

  it('when staff open the dashboard, then figures against the plan; offers and campaigns are run from the workbench', async () => {
    const stats = (await t.as('demo-benefits')({ method: 'GET', url: '/api/workbench/benefits/stats' })).json()
    const byKey = Object.fromEntries(stats.metrics.map((metric: { key: string }) => [metric.key, metric]))
    expect(byKey.merchants).toMatchObject({ unit: '家', target: expect.any(Number) })
    expect(byKey.merchants.value).toBeGreaterThanOrEqual(500)
    expect(byKey.cards_total).toMatchObject({ target: 250_000 })
    expect(byKey.cards_total.value).toBeGreaterThan(0)
    expect(byKey.cards_year.target).toBe(80_000)
    expect(byKey.campaigns.value).toBeGreaterThanOrEqual(1)
    const staff = (url: string, payload: object) => t.as('demo-benefits')({ method: 'POST', url, payload, headers: idem() })
    const campaign = await staff('/api/workbench/benefits/campaigns', { name: '春节送温暖', startsOn: '2027-01-20', endsOn: '2027-02-20' })
    expect(campaign.json()).toMatchObject({ phase: 'scheduled' })
    const merchant = await makeMerchant(t)
    const offer = await staff('/api/workbench/benefits/offers', {
      merchantId: merchant,
      campaignId: campaign.json().id,
      title: '年货代金券',
      terms: { kind: 'voucher', face: 30, goods: '年货' },
      startsOn: '2027-01-20',
      endsOn: '2027-02-20',
      stock: 10,
      perMemberLimit: 1,
      perMemberDailyLimit: 1,
      validDays: 10,
      audience: 'members',
    })
    expect(offer.statusCode).toBe(201)
    const cash = await staff('/api/workbench/benefits/offers', {
      ...offer.json(),
      merchantId: merchant,
      terms: { kind: 'voucher', face: 30 },
      audience: 'members',
      title: '现金券',
    })
    expect(cash.json().fields['terms.goods']).toContain('不得兑换现金')
    expect((await staff(`/api/workbench/benefits/offers/${offer.json().id}/restock`, { add: 5 })).json().stock).toBe(15)
    expect((await staff(`/api/workbench/benefits/campaigns/${campaign.json().id}/pause`, {})).json().phase).toBe('paused')
    const paused = (
      await t.as('demo-benefits')({ method: 'GET', url: `/api/workbench/benefits/offers?campaignId=${campaign.json().id}` })
    ).json()
    expect(paused.items[0].status).toBe('paused')
    const signals = await t.as('demo-benefits')({ method: 'GET', url: '/api/workbench/benefits/signals' })
    expect(signals.statusCode).toBe(200)
  })

  it('when the demo data is seeded, then 500+ merchants over every district, a running campaign and a merchant desk with cashiers', async () => {
    const rows = await t.database.db.select({ district: benefitsMerchants.district }).from(benefitsMerchants)
    expect(rows.length).toBeGreaterThanOrEqual(500)
    expect(new Set(rows.map((row) => row.district)).size).toBe(8)
    const home = (await t.as('demo-cashier')({ method: 'GET', url: '/api/merchant-desk' })).json()
    expect(home.merchants[0]).toMatchObject({ name: '海州老街面馆' })
  })
})
