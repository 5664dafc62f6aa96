import type { Locator } from 'playwright-core'
import { pages } from '@contract/pages'
import { idNumberCheckCharacter } from '@contract/rules/id-number'
import { confirmModal, currentPage, loginAsPersona, phoneContext, snap, tap, useAppInBrowser, watchErrors } from './harness'

/** A valid ID number for the worker in this test (born 7 March 1990, a man). */
const ID_NUMBER = `32070619900307011${idNumberCheckCharacter('32070619900307011')}`

describe('membership in the browser (H5 build, headless Chromium)', () => {
  const app = useAppInBrowser()

  it('a worker applies step by step (the draft survives a reload); a staff member approves; the worker sees the card', async () => {
    // ── The worker, on their phone ──
    const workerContext = await phoneContext(app.browser)
    const worker = await workerContext.newPage()
    const workerErrors = watchErrors(worker)
    await loginAsPersona(worker, app.url, 'demo-worker')
    // To 首页 by its tab, as a person would.
    await tap(worker.locator('.lg-tabbar__item:visible', { hasText: '首页' }))
    const home = await currentPage(worker, pages.home.path)
    await tap(home.locator('[data-service="membership"]'))
    const intro = await currentPage(worker, pages.membership.status.path)
    await intro.locator('[data-testid="join-intro"]').waitFor()
    await snap(worker, 'membership-01-intro')
    await tap(intro.locator('[data-testid="start-apply"]'))

    // The apply page is one page instance through all its steps (until it is reloaded or opened again).
    let apply = await currentPage(worker, pages.membership.apply.path)
    const step = (key: string) => apply.locator(`[data-step="${key}"]`).waitFor()
    const next = () => tap(apply.locator('[data-testid="apply-next"]'))
    const fieldError = (name: string) => apply.locator(`[data-field="${name}"] .lg-field__error`)
    const input = (className: string): Locator => apply.locator(`input.${className}`)

    // Step 1: no consent, no way on; each box says why.
    await step('consent')
    await next()
    await expect(fieldError('consentSensitive').textContent()).resolves.toContain('否则无法办理入会')
    await tap(apply.locator('[data-consent="notice"]'))
    await tap(apply.locator('[data-consent="sensitive"]'))
    await snap(worker, 'membership-02-consent')
    await next()

    // Step 2: identity. A mistyped ID number is caught as it is typed; the right one tells birth date and gender.
    await step('identity')
    await input('mb-apply__name').fill('王小明')
    await input('mb-apply__id-number').fill(`${ID_NUMBER.slice(0, 17)}${ID_NUMBER.endsWith('1') ? '2' : '1'}`)
    await expect(apply.locator('[data-field="idNumber"] .lg-field__hint').textContent()).resolves.toContain('校验位不正确')
    await input('mb-apply__id-number').fill(ID_NUMBER)
    await expect(apply.locator('[data-testid="id-derived"]').textContent()).resolves.toContain('1990年3月7日 · 男')
    await expect(apply.locator('[data-choice="gender"] [data-value="male"]').getAttribute('aria-checked')).resolves.toBe('true')
    await next()
    await expect(fieldError('ethnicity').textContent()).resolves.toBe('请选择民族')
    await tap(apply.locator('[data-testid="ethnicity-select"]'))
    await tap(apply.locator('.lg-sheet__row[data-value="汉族"]'))
    await snap(worker, 'membership-03-identity')
    await next()

    // Step 3: phone, typed in H5. Then the page is reloaded mid-way: nothing typed is lost.
    await step('phone')
    await input('mb-apply__phone').fill('13812345678')
    await worker.reload()
    apply = await currentPage(worker, pages.membership.apply.path)
    await step('phone')
    await expect(input('mb-apply__phone').inputValue()).resolves.toBe('13812345678')
    await expect(apply.textContent()).resolves.toContain('已恢复您上次填写的内容')
    await snap(worker, 'membership-04-phone-after-reload')
    await next()

    // Step 4: work.
    await step('work')
    await input('mb-apply__employer').fill('美团外卖（海州站点）')
    await tap(apply.locator('[data-choice="employment-new"] [data-value="food_delivery"]'))
    await tap(apply.locator('[data-choice="migrant"] [data-value="true"]'))
    await tap(apply.locator('[data-choice="education"] [data-value="senior"]'))
    await tap(apply.locator('[data-choice="political"] [data-value="masses"]'))
    await tap(apply.locator('[data-choice="hukou"] [data-value="rural"]'))
    await snap(worker, 'membership-05-work')
    await next()

    // Step 5: the union. A rider drills city → 海州区 → the district's holding-pool union (listed first).
    await step('union')
    await expect(apply.locator('.mb-apply__union-help--strong').textContent()).resolves.toContain('新就业形态劳动者联合工会')
    await tap(apply.locator('[data-org="lyg-haizhou"]'))
    await apply.locator('[data-org="lyg-haizhou-pool"]').waitFor()
    const pool = apply.locator('.lg-orgs__row').first()
    await expect(pool.getAttribute('data-org')).resolves.toBe('lyg-haizhou-pool')
    await tap(pool)
    await expect(apply.locator('[data-testid="chosen-org"]').textContent()).resolves.toContain('海州区新就业形态劳动者联合工会')
    // Search finds unions across the tree too.
    await input('lg-orgs__search').fill('港口')
    await apply.locator('[data-org="lyg-lianyun-port"]').waitFor()
    await input('lg-orgs__search').fill('')
    await snap(worker, 'membership-06-union')
    await next()

    // Step 6: check and submit; the ID number shows masked.
    await step('confirm')
    const summary = await apply.locator('[data-testid="apply-summary"]').textContent()
    expect(summary).toContain(`3207**********${ID_NUMBER.slice(-4)}`)
    expect(summary).not.toContain(ID_NUMBER)
    expect(summary).toContain('海州区新就业形态劳动者联合工会')
    await snap(worker, 'membership-07-confirm')
    await tap(apply.locator('[data-testid="apply-submit"]'))

    let status = await currentPage(worker, pages.membership.status.path)
    const state = status.locator('[data-testid="application-state"]')
    await state.waitFor()
    await expect(state.getAttribute('data-status')).resolves.toBe('submitted')
    await expect(state.textContent()).resolves.toContain('本人')
    await snap(worker, 'membership-08-submitted')

    // ── A union staff member, in another browser ──
    const staffContext = await phoneContext(app.browser)
    const staff = await staffContext.newPage()
    const staffErrors = watchErrors(staff)
    await loginAsPersona(staff, app.url, 'demo-staff-district')
    await tap((await currentPage(staff, pages.mine.path)).locator('[data-testid="mine-workbench"]'))
    const entry = (await currentPage(staff, pages.workbench.home.path)).locator('[data-entry]', { hasText: '入会审核' })
    // 3 demo applicants in 海州区 plus this one.
    await expect(entry.locator('.lg-badge').textContent()).resolves.toBe('4')
    await snap(staff, 'membership-09-workbench')
    await tap(entry)
    const newest = (await currentPage(staff, pages.membership.reviewQueue.path)).locator('.mb-queue__item', { hasText: '王小明' })
    await newest.waitFor()
    await snap(staff, 'membership-10-queue')
    await tap(newest)

    const reviewPage = await currentPage(staff, pages.membership.review.path)
    const review = reviewPage.locator('[data-testid="review"]')
    await review.waitFor()
    await expect(review.locator('[data-testid="review-id-number"]').textContent()).resolves.toBe(`3207**********${ID_NUMBER.slice(-4)}`)
    await tap(review.locator('[data-testid="reveal-id"]'))
    await confirmModal(staff)
    await review.locator('[data-testid="review-id-number"]', { hasText: ID_NUMBER }).waitFor()
    await review.locator('[data-testid="id-reveals"]', { hasText: '张建国' }).waitFor()

    // Meanwhile the worker corrects the waiting application (the employer's full name).
    await tap(status.locator('[data-testid="edit-waiting"]'))
    apply = await currentPage(worker, pages.membership.apply.path)
    await step('consent')
    await tap(apply.locator('[data-consent="notice"]'))
    await tap(apply.locator('[data-consent="sensitive"]'))
    await next()
    await step('identity')
    await next()
    await step('phone')
    await input('mb-apply__phone').fill('13812345678')
    await next()
    await step('work')
    await input('mb-apply__employer').fill('美团外卖（海州新浦站点）')
    await next()
    await step('union')
    await next()
    await step('confirm')
    await expect(apply.locator('[data-testid="apply-submit"]').textContent()).resolves.toBe('保存修改')
    await tap(apply.locator('[data-testid="apply-submit"]'))
    status = await currentPage(worker, pages.membership.status.path)
    await status.locator('[data-testid="application-state"][data-status="submitted"]').waitFor()
    await expect(status.textContent()).resolves.toContain('修改了申请信息')
    await snap(worker, 'membership-08b-edited-while-waiting')

    // The staff member, still on the old version, is told and shown the new one before deciding.
    await tap(review.locator('[data-testid="act-approve"]'))
    // Confirm; the refusal then comes up in the same (Taro) modal, so it never closes in between.
    await tap(staff.locator('.taro-modal__content:visible', { hasText: '确认' }).locator('.taro-model__confirm'))
    await staff.locator('.taro-modal__content:visible', { hasText: '情况有变化' }).waitFor()
    await confirmModal(staff)
    await review.getByText('美团外卖（海州新浦站点）').waitFor()
    await tap(review.locator('[data-testid="act-approve"]'))
    await confirmModal(staff)
    await reviewPage.locator('[data-testid="review"][data-status="approved"]').waitFor()
    await expect(review.locator('.mb-review__member-number').textContent()).resolves.toMatch(/会员号 LG\d{10}/)
    await snap(staff, 'membership-11-approved')

    // ── The worker sees the decision and the card ──
    await worker.reload()
    status = await currentPage(worker, pages.membership.status.path)
    await status.locator('[data-testid="application-state"][data-status="approved"]').waitFor()
    await snap(worker, 'membership-12-approved')
    await tap(status.locator('[data-testid="open-card"]'))
    let card = await currentPage(worker, pages.membership.card.path)
    await card.locator('[data-testid="member-card"]').waitFor()
    await expect(card.locator('[data-testid="member-card"]').textContent()).resolves.toContain('海州区新就业形态劳动者联合工会')
    const qrImage = () => card.locator('.lg-rqr__image img')
    const qr = qrImage()
    await qr.waitFor()
    await expect(qr.getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/)
    await qr.evaluate((image: HTMLImageElement) =>
      image.complete && image.naturalWidth > 100
        ? undefined
        : new Promise((resolve) => image.addEventListener('load', resolve, { once: true })),
    )
    await expect(card.locator('[data-testid="qr-countdown"]').textContent()).resolves.toMatch(/会员码 \d+ 秒后自动更新/)
    // A manual refresh brings a different code.
    const before = await qr.getAttribute('src')
    await tap(card.locator('[data-testid="qr-refresh"]'))
    const shownCard = await card.elementHandle()
    await worker.waitForFunction(([element, old]) => element?.querySelector('.lg-rqr__image img')?.getAttribute('src') !== old, [
      shownCard,
      before,
    ] as const)
    await snap(worker, 'membership-13-card')

    // Care mode: a larger QR code and larger text.
    const qrSize = () => qrImage().evaluate((element) => element.getBoundingClientRect().width)
    const nameSize = () => card.locator('.mb-card__face-name').evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize))
    const [qrBefore, nameBefore] = [await qrSize(), await nameSize()]
    await worker.goto(`${app.url}/#${pages.account.settings.path}`)
    const settings = await currentPage(worker, pages.account.settings.path)
    await tap(settings.locator('[data-testid="care-mode-row"]'))
    await settings.locator('[data-testid="care-mode-row"][aria-checked="true"]').waitFor()
    await worker.goto(`${app.url}/#${pages.membership.card.path}`)
    card = await currentPage(worker, pages.membership.card.path)
    await qrImage().waitFor()
    expect(await qrSize()).toBeGreaterThan(qrBefore)
    expect(await nameSize()).toBeGreaterThan(nameBefore)
    await snap(worker, 'membership-14-card-care-mode')

    expect(workerErrors).toEqual([])
    expect(staffErrors).toEqual([])
    await workerContext.close()
    await staffContext.close()
  })

  it('a city admin invites a new staff member; they redeem the code and get the review queue', async () => {
    const adminContext = await phoneContext(app.browser)
    const admin = await adminContext.newPage()
    const adminErrors = watchErrors(admin)
    await loginAsPersona(admin, app.url, 'demo-city-admin')
    await tap((await currentPage(admin, pages.mine.path)).locator('[data-testid="mine-workbench"]'))
    await tap((await currentPage(admin, pages.workbench.home.path)).locator('[data-entry]', { hasText: '邀请工作人员' }))
    const invites = await currentPage(admin, pages.workbench.invites.path)
    // Nothing chosen: the form says what is missing.
    await tap(invites.locator('[data-testid="create-invite"]'))
    await expect(invites.locator('[data-field="role"] .lg-field__error').textContent()).resolves.toBe('请选择角色')
    await tap(invites.locator('[data-choice="role"] [data-value="union_staff"]'))
    // Union staff fit a district or a union below it: the picker opens at the city's districts.
    await tap(invites.locator('[data-org="lyg-ganyu"]'))
    await expect(invites.locator('.wb-invites__chosen').textContent()).resolves.toContain('赣榆区总工会')
    await tap(invites.locator('[data-testid="create-invite"]'))
    const code = (await invites.locator('[data-testid="invite-code"]').textContent())?.trim() ?? ''
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    await invites.locator('.wb-invites__item[data-status="pending"]').first().waitFor()
    await snap(admin, 'membership-20-invite-created')

    const newcomerContext = await phoneContext(app.browser)
    const newcomer = await newcomerContext.newPage()
    const newcomerErrors = watchErrors(newcomer)
    await newcomer.goto(`${app.url}/#${pages.account.login.path}`)
    const login = await currentPage(newcomer, pages.account.login.path)
    await login.locator('.ac-login__custom input').fill('e2e-new-staff')
    await tap(login.locator('[data-testid="login-custom"][aria-disabled="false"]'))
    await newcomer.waitForURL(/pages\/mine\/index/)
    await tap((await currentPage(newcomer, pages.mine.path)).locator('[data-testid="mine-staff-invite"]'))
    const redeem = await currentPage(newcomer, pages.account.staffInvite.path)
    await redeem.locator('[data-field="realName"] input').fill('孙建华')
    await redeem.locator('input.ac-staff-invite__input').fill(code.toLowerCase())
    await tap(redeem.locator('[data-testid="redeem"]'))
    await expect(redeem.locator('[data-testid="invite-done"]').textContent()).resolves.toContain('赣榆区总工会的县区工会工作人员')
    await snap(newcomer, 'membership-21-invite-redeemed')
    await tap(redeem.locator('[data-testid="open-workbench"]'))
    const entry = (await currentPage(newcomer, pages.workbench.home.path)).locator('[data-entry]', { hasText: '入会审核' })
    // 赣榆区 has one demo applicant waiting.
    await expect(entry.locator('.lg-badge').textContent()).resolves.toBe('1')
    await snap(newcomer, 'membership-22-new-staff-workbench')

    // The admin sees the new staff member under their real name, and could revoke the role.
    await admin.goto(`${app.url}/#${pages.workbench.staff.path}`)
    const staffList = await currentPage(admin, pages.workbench.staff.path)
    const member = staffList.locator('.wb-staff__member', { hasText: '孙建华' })
    await expect(member.textContent()).resolves.toContain('县区工会工作人员')
    await snap(admin, 'membership-23-staff-list')

    expect(adminErrors).toEqual([])
    expect(newcomerErrors).toEqual([])
    await adminContext.close()
    await newcomerContext.close()
  })
})
