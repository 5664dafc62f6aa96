import type { Locator } from 'playwright-core'
import { idNumberCheckCharacter } from '@contract/rules/id-number'
import { arrive, confirmModal, loginAsPersona, phoneContext, snap, tap, useAppInBrowser, watchErrors } from './harness'

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
    await tap(worker.locator('.weui-tabbar__item', { hasText: '首页' }))
    await arrive(worker, worker.locator('[data-service="membership"]:visible'))
    await tap(worker.locator('[data-service="membership"]:visible'))
    await arrive(worker, worker.locator('[data-testid="join-intro"]'))
    await snap(worker, 'membership-01-intro')
    await tap(worker.locator('[data-testid="start-apply"]'))

    const apply = worker.locator('.apply:visible')
    const step = (key: string) => arrive(worker, apply.locator(`[data-step="${key}"]`))
    const next = () => tap(apply.locator('[data-testid="apply-next"]'))
    const fieldError = (name: string) => apply.locator(`[data-field="${name}"] .form-field-error`)
    const input = (className: string): Locator => apply.locator(`.${className} input`)

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
    await input('apply-name').fill('王小明')
    await input('apply-id-number').fill(`${ID_NUMBER.slice(0, 17)}${ID_NUMBER.endsWith('1') ? '2' : '1'}`)
    await expect(apply.locator('[data-field="idNumber"] .form-field-hint').textContent()).resolves.toContain('校验位不正确')
    await input('apply-id-number').fill(ID_NUMBER)
    await expect(apply.locator('[data-testid="id-derived"]').textContent()).resolves.toContain('1990年3月7日 · 男')
    await expect(apply.locator('[data-choice="gender"] [data-value="male"]').getAttribute('aria-checked')).resolves.toBe('true')
    await next()
    await expect(fieldError('ethnicity').textContent()).resolves.toBe('请选择民族')
    await tap(apply.locator('[data-testid="ethnicity-select"]'))
    await tap(apply.locator('.option-sheet-row[data-value="汉族"]'))
    await snap(worker, 'membership-03-identity')
    await next()

    // Step 3: phone, typed in H5. Then the page is reloaded mid-way: nothing typed is lost.
    await step('phone')
    await input('apply-phone').fill('13812345678')
    await worker.reload()
    await step('phone')
    await expect(input('apply-phone').inputValue()).resolves.toBe('13812345678')
    await expect(apply.textContent()).resolves.toContain('已恢复您上次填写的内容')
    await snap(worker, 'membership-04-phone-after-reload')
    await next()

    // Step 4: work.
    await step('work')
    await input('apply-employer').fill('美团外卖（海州站点）')
    await tap(apply.locator('[data-choice="employment-new"] [data-value="food_delivery"]'))
    await tap(apply.locator('[data-choice="migrant"] [data-value="true"]'))
    await tap(apply.locator('[data-choice="education"] [data-value="senior"]'))
    await tap(apply.locator('[data-choice="political"] [data-value="masses"]'))
    await tap(apply.locator('[data-choice="hukou"] [data-value="rural"]'))
    await snap(worker, 'membership-05-work')
    await next()

    // Step 5: the union. A rider drills city → 海州区 → the district's holding-pool union (listed first).
    await step('union')
    await expect(apply.locator('.apply-union-help-strong').textContent()).resolves.toContain('新就业形态劳动者联合工会')
    await tap(apply.locator('[data-org="lyg-haizhou"]'))
    await apply.locator('[data-org="lyg-haizhou-pool"]').waitFor()
    const pool = apply.locator('.org-picker-row').first()
    await expect(pool.getAttribute('data-org')).resolves.toBe('lyg-haizhou-pool')
    await tap(pool)
    await expect(apply.locator('[data-testid="chosen-org"]').textContent()).resolves.toContain('海州区新就业形态劳动者联合工会')
    // Search finds unions across the tree too.
    await input('org-picker-search').fill('港口')
    await apply.locator('[data-org="lyg-lianyun-port"]').waitFor()
    await input('org-picker-search').fill('')
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

    const state = worker.locator('.membership-status:visible [data-testid="application-state"]')
    await arrive(worker, state)
    await expect(state.getAttribute('data-status')).resolves.toBe('submitted')
    await expect(state.textContent()).resolves.toContain('本人')
    await snap(worker, 'membership-08-submitted')

    // ── A union staff member, in another browser ──
    const staffContext = await phoneContext(app.browser)
    const staff = await staffContext.newPage()
    const staffErrors = watchErrors(staff)
    await loginAsPersona(staff, app.url, 'demo-staff-district')
    await arrive(staff, staff.locator('[data-testid="mine-workbench"]'))
    await tap(staff.locator('[data-testid="mine-workbench"]'))
    const entry = staff.locator('[data-entry="membership-review"]')
    await arrive(staff, entry)
    // 3 demo applicants in 海州区 plus this one.
    await expect(entry.locator('.badge').textContent()).resolves.toBe('4')
    await snap(staff, 'membership-09-workbench')
    await tap(entry)
    const newest = staff.locator('.membership-queue:visible .queue-item', { hasText: '王小明' })
    await arrive(staff, newest)
    await snap(staff, 'membership-10-queue')
    await tap(newest)

    const review = staff.locator('.membership-review:visible [data-testid="review"]')
    await arrive(staff, review)
    await expect(review.locator('[data-testid="review-id-number"]').textContent()).resolves.toBe(`3207**********${ID_NUMBER.slice(-4)}`)
    await tap(review.locator('[data-testid="reveal-id"]'))
    await confirmModal(staff)
    await review.locator('[data-testid="review-id-number"]', { hasText: ID_NUMBER }).waitFor()
    await review.locator('[data-testid="id-reveals"]', { hasText: '张建国' }).waitFor()

    // Meanwhile the worker corrects the waiting application (the employer's full name).
    await tap(worker.locator('.membership-status:visible [data-testid="edit-waiting"]'))
    await step('consent')
    await tap(apply.locator('[data-consent="notice"]'))
    await tap(apply.locator('[data-consent="sensitive"]'))
    await next()
    await step('identity')
    await next()
    await step('phone')
    await input('apply-phone').fill('13812345678')
    await next()
    await step('work')
    await input('apply-employer').fill('美团外卖（海州新浦站点）')
    await next()
    await step('union')
    await next()
    await step('confirm')
    await expect(apply.locator('[data-testid="apply-submit"]').textContent()).resolves.toBe('保存修改')
    await tap(apply.locator('[data-testid="apply-submit"]'))
    await arrive(worker, worker.locator('.membership-status:visible [data-testid="application-state"][data-status="submitted"]'))
    await expect(worker.locator('.membership-status:visible').textContent()).resolves.toContain('修改了申请信息')
    await snap(worker, 'membership-08b-edited-while-waiting')

    // The staff member, still on the old version, is told and shown the new one before deciding.
    await tap(review.locator('[data-testid="approve"]'))
    // Confirm; the refusal then comes up in the same (Taro) modal, so it never closes in between.
    await tap(staff.locator('.taro-modal__content:visible', { hasText: '确认' }).locator('.taro-model__confirm'))
    await staff.locator('.taro-modal__content:visible', { hasText: '申请人刚刚修改了申请' }).waitFor()
    await confirmModal(staff)
    await review.getByText('美团外卖（海州新浦站点）').waitFor()
    await tap(review.locator('[data-testid="approve"]'))
    await confirmModal(staff)
    await staff.locator('.membership-review:visible [data-testid="review"][data-status="approved"]').waitFor()
    await expect(staff.locator('.membership-review:visible .review-member-number').textContent()).resolves.toMatch(/会员号 LG\d{10}/)
    await snap(staff, 'membership-11-approved')

    // ── The worker sees the decision and the card ──
    await worker.reload()
    await arrive(worker, worker.locator('.membership-status:visible [data-testid="application-state"][data-status="approved"]'))
    await snap(worker, 'membership-12-approved')
    await tap(worker.locator('[data-testid="open-card"]'))
    const card = worker.locator('.member-card-page:visible')
    await arrive(worker, card.locator('[data-testid="member-card"]'))
    await expect(card.locator('[data-testid="member-card"]').textContent()).resolves.toContain('海州区新就业形态劳动者联合工会')
    const qr = card.locator('.member-qr-image img')
    await qr.waitFor()
    await expect(qr.getAttribute('src')).resolves.toMatch(/^data:image\/png;base64,/)
    await worker.waitForFunction(() => {
      const image = document.querySelector('.member-qr-image img') as HTMLImageElement | null
      return image !== null && image.complete && image.naturalWidth > 100
    })
    await expect(card.locator('[data-testid="qr-countdown"]').textContent()).resolves.toMatch(/会员码 \d+ 秒后自动更新/)
    // A manual refresh brings a different code.
    const before = await qr.getAttribute('src')
    await tap(card.locator('[data-testid="qr-refresh"]'))
    await worker.waitForFunction((old) => (document.querySelector('.member-qr-image img') as HTMLImageElement | null)?.src !== old, before)
    await snap(worker, 'membership-13-card')

    // Care mode: a larger QR code and larger text.
    const qrSize = () => qr.evaluate((element) => element.getBoundingClientRect().width)
    const nameSize = () => card.locator('.member-card-name').evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize))
    const [qrBefore, nameBefore] = [await qrSize(), await nameSize()]
    await worker.goto(`${app.url}/#/account/pages/settings/index`)
    await arrive(worker, worker.locator('.care-mode-switch'))
    await tap(worker.locator('.care-mode-switch'))
    await worker.goto(`${app.url}/#/membership/pages/card/index`)
    await arrive(worker, card.locator('[data-testid="member-card"]'))
    await qr.waitFor()
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
    await tap(admin.locator('[data-testid="mine-workbench"]'))
    await tap(admin.locator('[data-entry="staff-invites"]'))
    const invites = admin.locator('.invites:visible')
    await arrive(admin, invites.locator('[data-testid="create-invite"]'))
    // Nothing chosen: the form says what is missing.
    await tap(invites.locator('[data-testid="create-invite"]'))
    await expect(invites.locator('[data-field="role"] .form-field-error').textContent()).resolves.toBe('请选择角色')
    await tap(invites.locator('[data-choice="role"] [data-value="union_staff"]'))
    await tap(invites.locator('[data-org="lyg"] .org-picker-open'))
    await tap(invites.locator('[data-org="lyg-ganyu"]'))
    await expect(invites.locator('.invite-chosen').textContent()).resolves.toContain('赣榆区总工会')
    await tap(invites.locator('[data-testid="create-invite"]'))
    const code = (await invites.locator('[data-testid="invite-code"]').textContent())?.trim() ?? ''
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    await invites.locator('.invite-item[data-status="pending"]').first().waitFor()
    await snap(admin, 'membership-20-invite-created')

    const newcomerContext = await phoneContext(app.browser)
    const newcomer = await newcomerContext.newPage()
    const newcomerErrors = watchErrors(newcomer)
    await newcomer.goto(`${app.url}/#/account/pages/login/index`)
    await newcomer.locator('.login-custom input').fill('e2e-new-staff')
    await tap(newcomer.locator('.login-custom .nut-button'))
    await newcomer.waitForURL(/pages\/mine\/index/)
    await tap(newcomer.locator('[data-testid="mine-staff-invite"]'))
    const redeem = newcomer.locator('.staff-invite:visible')
    await arrive(newcomer, redeem.locator('[data-testid="redeem"]'))
    await redeem.locator('.invite-input input').fill(code.toLowerCase())
    await tap(redeem.locator('[data-testid="redeem"]'))
    await expect(redeem.locator('[data-testid="invite-done"]').textContent()).resolves.toContain('赣榆区总工会的基层工会工作人员')
    await snap(newcomer, 'membership-21-invite-redeemed')
    await tap(redeem.locator('[data-testid="invite-done"] .btn'))
    const entry = newcomer.locator('[data-entry="membership-review"]')
    await arrive(newcomer, entry)
    // 赣榆区 has one demo applicant waiting.
    await expect(entry.locator('.badge').textContent()).resolves.toBe('1')
    await snap(newcomer, 'membership-22-new-staff-workbench')

    expect(adminErrors).toEqual([])
    expect(newcomerErrors).toEqual([])
    await adminContext.close()
    await newcomerContext.close()
  })
})
