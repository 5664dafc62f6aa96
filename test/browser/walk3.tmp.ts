import type { Page } from 'playwright-core'
import { launchBrowser, phoneContext, loginAsPersona } from './harness'
const base = 'http://127.0.0.1:3100'
const out = '/tmp/walk'
const visits: Record<string, string[]> = {
  'demo-worker': ['pages/home/index', 'pages/mine/index', 'account/pages/messages/index', 'account/pages/settings/index', 'account/pages/my-data/index', 'membership/pages/status/index', 'membership/pages/apply/index', 'legal-aid/pages/apply/index', 'legal-aid/pages/cases/index', 'membership/pages/card/index', 'workbench/pages/index/index'],
  'demo-member': ['membership/pages/card/index', 'membership/pages/status/index', 'account/pages/my-data/index'],
  'demo-staff-district': ['workbench/pages/index/index', 'workbench/pages/membership-queue/index', 'workbench/pages/card-verify/index', 'workbench/pages/legal-aid-queue/index'],
  'demo-city-admin': ['workbench/pages/index/index', 'workbench/pages/invites/index', 'workbench/pages/legal-aid-queue/index'],
  'demo-legal': ['workbench/pages/index/index', 'workbench/pages/legal-aid-queue/index', 'workbench/pages/legal-aid-lawyers/index'],
}
async function main() {
  const browser = await launchBrowser()
  for (const [persona, paths] of Object.entries(visits)) {
    const page: Page = await (await phoneContext(browser)).newPage()
    page.on('response', (r) => { if (r.status() >= 400) console.log(persona, 'HTTP', r.status(), r.url()) })
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(persona, m.type(), m.text().slice(0, 200)) })
    page.on('pageerror', (e) => console.log(persona, 'pageerror', e.message))
    await loginAsPersona(page, base, persona)
    for (const p of paths) {
      await page.goto(`${base}/#/${p}`)
      await page.waitForTimeout(1800)
      const text = (await page.locator('.taro_page_show').last().innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 160)
      console.log(persona, p, '→', text)
      await page.screenshot({ path: `${out}/${persona}-${p.replace(/\//g, '_')}.png` })
    }
  }
  await browser.close()
}
void main()
