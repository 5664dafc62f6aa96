import { launchBrowser, phoneContext } from './harness'
const base = 'http://127.0.0.1:3100'
async function main() {
  const browser = await launchBrowser()
  const page = await (await phoneContext(browser)).newPage()
  page.on('request', (r) => console.log('REQ', r.method(), r.url().slice(0, 120)))
  page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()) })
  page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 150), JSON.stringify(m.location())))
  await page.goto(`${base}/#/account/pages/login/index`); await page.waitForTimeout(2000)
  await page.locator(`[data-openid="demo-worker"]`).click()
  await page.waitForTimeout(2000)
  await browser.close()
}
void main()
