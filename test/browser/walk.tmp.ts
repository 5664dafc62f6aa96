import { launchBrowser, phoneContext, loginAsPersona, settled } from './harness'
const base = 'http://127.0.0.1:3100'
const out = '/tmp/walk'
async function main() {
  const browser = await launchBrowser()
  const ctx = await phoneContext(browser)
  const page = await ctx.newPage()
  page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()) })
  await loginAsPersona(page, base, 'demo-worker')
  await settled(page); await page.screenshot({ path: `${out}/01-mine.png` })
  await page.goto(`${base}/#/legal-aid/pages/cases/index`)
  await page.waitForTimeout(1500); await page.screenshot({ path: `${out}/02-cases.png` })
  const first = page.locator('.my-case').first()
  if (await first.count()) { await first.click(); await page.waitForTimeout(1500); await page.screenshot({ path: `${out}/03-case.png`, fullPage: true }) }
  const staff = await (await phoneContext(browser)).newPage()
  await loginAsPersona(staff, base, 'demo-legal')
  await staff.goto(`${base}/#/workbench/pages/legal-aid-queue/index`)
  await staff.waitForTimeout(1500); await staff.screenshot({ path: `${out}/04-queue.png`, fullPage: true })
  const item = staff.locator('.la-case, [data-case-id]').first()
  if (await item.count()) { await item.click(); await staff.waitForTimeout(1500); await staff.screenshot({ path: `${out}/05-staff-case.png`, fullPage: true }) }
  console.log(page.url(), staff.url())
  await browser.close()
}
void main()
