import { arrive, loginAsPersona, phoneContext, snap, tap, useAppInBrowser, watchErrors } from './harness'

describe('walking skeleton in the browser (H5 build, headless Chromium)', () => {
  const app = useAppInBrowser()

  it('home shows the service grid from the API; dev login; 我的 shows the user; care mode enlarges text', async () => {
    const context = await phoneContext(app.browser)
    const page = await context.newPage()
    const errors = watchErrors(page)

    await page.goto(app.url)
    const tiles = page.locator('.service-tile')
    await tiles.first().waitFor()
    const names = await page.locator('.service-name').allTextContents()
    const api = (await (await page.request.get(`${app.url}/api/services`)).json()) as { services: Array<{ name: string }> }
    expect(names).toEqual(api.services.map((line) => line.name))
    expect(names).toEqual(expect.arrayContaining(['入会', '法律援助', '困难帮扶', '教育培训', '会员卡·优惠']))
    await snap(page, 'skeleton-01-home')

    await loginAsPersona(page, app.url, 'demo-staff-district')
    await page.locator('[data-testid="mine-user"]').waitFor()
    await expect(page.locator('.mine-name').textContent()).resolves.toBe('张建国')
    await expect(page.locator('.mine-roles').textContent()).resolves.toContain('基层工会工作人员 · 海州区总工会')
    await snap(page, 'skeleton-02-mine')

    // Staff reach their workbench from 我的.
    await tap(page.locator('[data-testid="mine-workbench"]:visible'))
    await arrive(page, page.locator('.workbench-who'))
    await expect(page.locator('.workbench-who').textContent()).resolves.toContain('海州区总工会')
    // Back on 我的, whose page slides in again: tap only once it has stopped (see tap()).
    await page.goBack()
    await arrive(page, page.locator('[data-testid="mine-user"]:visible'))

    await tap(page.locator('[data-testid="mine-settings"]:visible'))
    const preview = page.locator('.settings-preview-text')
    await arrive(page, preview)
    const fontSize = async () => Number.parseFloat(await preview.evaluate((element) => getComputedStyle(element).fontSize))
    const before = await fontSize()
    await page.locator('.care-mode-switch').click()
    await page.waitForFunction((initial) => {
      const element = document.querySelector('.settings-preview-text')
      return element !== null && Number.parseFloat(getComputedStyle(element).fontSize) > initial
    }, before)
    const after = await fontSize()
    expect(after).toBeGreaterThanOrEqual(18)
    expect(after).toBeGreaterThan(before)
    await snap(page, 'skeleton-03-care-mode')

    // Remembered on the device: a reload keeps care mode on.
    await page.reload()
    await preview.waitFor()
    expect(await fontSize()).toBe(after)

    expect(errors).toEqual([])
    await context.close()
  })
})
