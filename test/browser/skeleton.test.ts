import { pages } from '@contract/pages'
import { currentPage, loginAsPersona, phoneContext, snap, tap, useAppInBrowser, watchErrors } from './harness'

describe('walking skeleton in the browser (H5 build, headless Chromium)', () => {
  const app = useAppInBrowser()

  it('home shows the service grid from the API; dev login; 我的 shows the user; care mode enlarges text', async () => {
    const context = await phoneContext(app.browser)
    const page = await context.newPage()
    const errors = watchErrors(page)

    await page.goto(app.url)
    const home = await currentPage(page, pages.home.path)
    await home.locator('.lg-grid__tile').first().waitFor()
    const names = await home.locator('.lg-grid__name').allTextContents()
    const api = (await (await page.request.get(`${app.url}/api/services`)).json()) as { services: Array<{ name: string }> }
    expect(names).toEqual(api.services.map((line) => line.name))
    expect(names).toEqual(expect.arrayContaining(['入会', '法律援助', '困难帮扶', '教育培训', '会员卡·优惠']))
    await snap(page, 'skeleton-01-home')

    await loginAsPersona(page, app.url, 'demo-staff-district')
    let mine = await currentPage(page, pages.mine.path)
    await mine.locator('[data-testid="mine-user"]').waitFor()
    await expect(mine.locator('.mine__name').textContent()).resolves.toBe('张建国')
    await expect(mine.locator('.mine__roles').textContent()).resolves.toContain('县区工会工作人员 · 海州区总工会')
    await snap(page, 'skeleton-02-mine')

    // Staff reach their workbench from 我的, and come back.
    await tap(mine.locator('[data-testid="mine-workbench"]'))
    const workbench = await currentPage(page, pages.workbench.home.path)
    await expect(workbench.locator('[data-testid="workbench-who"]').textContent()).resolves.toContain('海州区总工会')
    await page.goBack()
    mine = await currentPage(page, pages.mine.path)

    await tap(mine.locator('[data-testid="mine-settings"]'))
    const settings = await currentPage(page, pages.account.settings.path)
    const preview = settings.locator('.ac-settings__preview')
    const fontSize = async () => Number.parseFloat(await preview.evaluate((element) => getComputedStyle(element).fontSize))
    const before = await fontSize()
    // The whole row is the switch.
    await tap(settings.locator('[data-testid="care-mode-row"]'))
    await settings.locator('[data-testid="care-mode-row"][aria-checked="true"]').waitFor()
    const after = await fontSize()
    expect(after).toBeGreaterThanOrEqual(18)
    expect(after).toBeGreaterThan(before)
    await snap(page, 'skeleton-03-care-mode')

    // Remembered on the device: a reload keeps care mode on.
    await page.reload()
    const reloaded = await currentPage(page, pages.account.settings.path)
    await reloaded.locator('.ac-settings__preview').waitFor()
    expect(
      Number.parseFloat(await reloaded.locator('.ac-settings__preview').evaluate((element) => getComputedStyle(element).fontSize)),
    ).toBe(after)

    expect(errors).toEqual([])
    await context.close()
  })
})
