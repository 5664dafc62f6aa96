import { pages } from '@contract/pages'
import { confirmModal, currentPage, loginAsPersona, phoneContext, snap, tap, useAppInBrowser, watchErrors } from './harness'

describe('member benefits in the browser: a member claims a coupon, the merchant desk redeems it, the member sees it used', () => {
  const app = useAppInBrowser()

  it('find a merchant → claim → show the code → the cashier types it in and redeems → used', async () => {
    const memberContext = await phoneContext(app.browser)
    const member = await memberContext.newPage()
    const memberErrors = watchErrors(member)
    await loginAsPersona(member, app.url, 'demo-member')

    // From the home grid's tile to the merchants, searched by name.
    await member.goto(`${app.url}/#${pages.home.path}`)
    const home = await currentPage(member, pages.home.path)
    await tap(home.getByText('会员卡·优惠').first())
    const merchants = await currentPage(member, pages.benefits.merchants.path)
    await merchants.locator('[data-merchant]').first().waitFor()
    await merchants.locator('input').first().fill('海州老街面馆')
    await merchants.locator('[data-merchant="b0000000-0000-4000-8000-000000000000"]').waitFor()
    await snap(member, 'benefits-01-merchants')
    await tap(merchants.locator('[data-merchant="b0000000-0000-4000-8000-000000000000"]'))

    // The merchant: its card discount and the voucher to claim.
    const merchant = await currentPage(member, pages.benefits.merchant.path)
    await merchant.getByText('会员卡折扣').first().waitFor()
    const voucher = merchant.locator('[data-offer="b2000000-0000-4000-8000-100000000000"]')
    await voucher.waitFor()
    await snap(member, 'benefits-02-merchant')
    await tap(voucher.locator('[data-testid="claim"]'))

    // The coupon with its rotating code; the code as text, as a desk without a camera takes it.
    const coupon = await currentPage(member, pages.benefits.coupon.path)
    await coupon.locator('.lg-rqr__image').waitFor()
    await tap(coupon.locator('[data-testid="qr-show-code"]'))
    const code = (await coupon.locator('[data-testid="qr-code-text"]').textContent())!.trim()
    expect(code.length).toBeGreaterThan(20)
    await snap(member, 'benefits-03-coupon-code')

    // The cashier at the desk types the code in, sees the offer and the masked member, confirms.
    const cashierContext = await phoneContext(app.browser)
    const cashier = await cashierContext.newPage()
    const cashierErrors = watchErrors(cashier)
    await loginAsPersona(cashier, app.url, 'demo-cashier')
    await cashier.goto(`${app.url}/#${pages.benefits.desk.path}`)
    const desk = await currentPage(cashier, pages.benefits.desk.path)
    await desk.locator('[data-field="code"] textarea').first().fill(code)
    await tap(desk.locator('[data-testid="scan-submit"]'))
    const check = desk.locator('[data-testid="desk-check"]')
    await check.waitFor()
    await expect(check.textContent()).resolves.toContain('暖冬面食代金券')
    await snap(cashier, 'benefits-04-desk-check')
    await tap(desk.locator('[data-testid="redeem"]'))
    await confirmModal(cashier)
    await desk.locator('[data-testid="desk-done"]').waitFor()
    await snap(cashier, 'benefits-05-desk-done')

    // The member's coupon now says it was used.
    await member.reload()
    const used = await currentPage(member, pages.benefits.coupon.path)
    await used.locator('[data-status="redeemed"]').waitFor()
    await snap(member, 'benefits-06-coupon-used')

    expect(memberErrors).toEqual([])
    expect(cashierErrors).toEqual([])
    await memberContext.close()
    await cashierContext.close()
  })

  it('union staff put up a 满减 offer for the shop, in a campaign → the member sees it on the shop page', async () => {
    const staffContext = await phoneContext(app.browser)
    const staff = await staffContext.newPage()
    const staffErrors = watchErrors(staff)
    await loginAsPersona(staff, app.url, 'demo-benefits')
    await staff.goto(`${app.url}/#${pages.benefits.staffOffers.url({ merchantId: 'b0000000-0000-4000-8000-000000000000' })}`)
    const offers = await currentPage(staff, pages.benefits.staffOffers.path)
    const form = offers.locator('[data-testid="new-offer"]')
    await tap(form.locator('[data-choice="offer-kind"] [data-value="threshold"]'))
    await form.locator('[data-field="title"] input').fill('满 60 减 10')
    await form.locator('[data-field="terms.threshold"] input').fill('60')
    await form.locator('[data-field="terms.off"] input').fill('80')
    await tap(form.locator('[data-testid="create-offer"]'))
    // Refused on the field, before anything is sent.
    await expect(form.locator('[data-field="terms.off"]').textContent()).resolves.toContain('减免金额须大于 0 且小于门槛')
    await form.locator('[data-field="terms.off"] input').fill('10')
    await tap(form.locator('[data-choice="offer-campaign"] [data-value]:not([data-value=""])').first())
    await snap(staff, 'benefits-07-new-offer')
    await tap(form.locator('[data-testid="create-offer"]'))
    await offers.locator('[data-offer]', { hasText: '满 60 减 10' }).waitFor()
    await snap(staff, 'benefits-08-offer-listed')

    const memberContext = await phoneContext(app.browser)
    const member = await memberContext.newPage()
    const memberErrors = watchErrors(member)
    await loginAsPersona(member, app.url, 'demo-member')
    await member.goto(`${app.url}/#${pages.benefits.merchant.url({ id: 'b0000000-0000-4000-8000-000000000000' })}`)
    const merchant = await currentPage(member, pages.benefits.merchant.path)
    await merchant.getByText('满 60 减 10').first().waitFor()

    expect(staffErrors).toEqual([])
    expect(memberErrors).toEqual([])
    await staffContext.close()
    await memberContext.close()
  })
})
