import fs from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { pages } from '@contract/pages'
import { currentPage, loginAsPersona, snap, tap, useAppInBrowser, watchErrors } from './harness'

/**
 * The H5 shell as a person meets it, on every page of the platform and the two worked lines, in
 * normal mode on a 390-px phone and in care mode on a 320-px one: no serious accessibility fault
 * (axe-core), text large enough to read, controls large enough to hit, inputs that fill their box,
 * textareas in the app's font. Computed sizes, not screenshots (those are saved to look at).
 */

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const DEMO_CASE = '00000000-0000-4000-8000-00000000a001'
const DEMO_COURSE = '00000000-0000-4000-8000-0000000b0001'
/** 海州老街面馆, the demo desk's shop. */
const DEMO_MERCHANT = 'b0000000-0000-4000-8000-000000000000'

interface Visit {
  name: string
  /** The route with its query, as a link opens it. */
  url: string
  persona?: string
  /** Opens the page some other way (it needs an id the demo data makes at random). */
  open?: (page: Page, baseUrl: string) => Promise<void>
}

/** Pages one demo person sees, in order (one login for them all). */
const as = (persona: string, visits: Array<Omit<Visit, 'persona'>>): Visit[] => visits.map((visit) => ({ ...visit, persona }))

/** A page whose id the demo data makes at random: opened from the first item of the list that leads to it. */
function firstOf(listUrl: string, route: string, item: string, tab?: string): Pick<Visit, 'url' | 'open'> {
  return {
    url: route,
    open: async (page, baseUrl) => {
      await page.goto(`${baseUrl}/#${listUrl}`)
      const list = await currentPage(page, listUrl.split('?')[0])
      if (tab) await tap(list.locator(`[data-tab="${tab}"]`))
      await tap(list.locator(item).first())
    },
  }
}

const visits: Visit[] = [
  { name: 'home', url: pages.home.path },
  { name: 'login', url: pages.account.login.path },
  { name: 'not-found', url: '/no/such/page' },
  { name: 'mine', url: pages.mine.path, persona: 'demo-worker' },
  { name: 'settings', url: pages.account.settings.path, persona: 'demo-worker' },
  { name: 'messages', url: pages.account.messages.path, persona: 'demo-worker' },
  { name: 'my-data', url: pages.account.myData.path, persona: 'demo-worker' },
  { name: 'staff-invite', url: pages.account.staffInvite.path, persona: 'demo-worker' },
  { name: 'membership-status', url: pages.membership.status.path, persona: 'demo-worker' },
  { name: 'membership-apply', url: pages.membership.apply.path, persona: 'demo-worker' },
  { name: 'legal-aid-apply', url: pages.legalAid.apply.path, persona: 'demo-worker' },
  { name: 'legal-aid-cases', url: pages.legalAid.cases.path, persona: 'demo-worker' },
  { name: 'legal-aid-case', url: pages.legalAid.case.url({ id: DEMO_CASE }), persona: 'demo-worker' },
  { name: 'member-card', url: pages.membership.card.path, persona: 'demo-member' },
  { name: 'workbench', url: pages.workbench.home.path, persona: 'demo-staff-district' },
  { name: 'card-verify', url: pages.workbench.cardVerify.path, persona: 'demo-staff-district' },
  { name: 'review-queue', url: pages.membership.reviewQueue.path, persona: 'demo-staff-district' },
  {
    name: 'review',
    url: pages.membership.review.path,
    persona: 'demo-staff-district',
    open: async (page, baseUrl) => {
      await page.goto(`${baseUrl}/#${pages.membership.reviewQueue.path}`)
      const queue = await currentPage(page, pages.membership.reviewQueue.path)
      await tap(queue.locator('.mb-queue__item').first())
    },
  },
  { name: 'invites', url: pages.workbench.invites.path, persona: 'demo-city-admin' },
  { name: 'staff', url: pages.workbench.staff.path, persona: 'demo-city-admin' },
  { name: 'legal-queue', url: pages.legalAid.staffQueue.path, persona: 'demo-legal' },
  { name: 'legal-case', url: pages.legalAid.staffCase.url({ id: DEMO_CASE }), persona: 'demo-legal' },
  { name: 'lawyers', url: pages.legalAid.lawyers.path, persona: 'demo-legal' },
  // 困难帮扶: a family with an application; the grassroots helper; the city centre.
  ...as('demo-hardship-family-1', [
    { name: 'hardship-home', url: pages.hardship.home.path },
    { name: 'hardship-apply', url: pages.hardship.apply.path },
    { name: 'hardship-mine', url: pages.hardship.mine.path },
    { name: 'hardship-application', ...firstOf(pages.hardship.mine.path, pages.hardship.application.path, '[data-application]') },
    { name: 'hardship-file', url: pages.hardship.file.path },
  ]),
  ...as('demo-hardship-grassroots', [
    { name: 'hardship-queue', url: pages.hardship.staffQueue.path },
    { name: 'hardship-case', ...firstOf(pages.hardship.staffQueue.path, pages.hardship.staffCase.path, '[data-application]', 'all') },
    { name: 'hardship-files', url: pages.hardship.staffFiles.path },
    { name: 'hardship-staff-file', ...firstOf(pages.hardship.staffFiles.path, pages.hardship.staffFile.path, '[data-file]') },
  ]),
  ...as('demo-hardship-centre', [
    { name: 'hardship-stats', url: pages.hardship.stats.path },
    { name: 'hardship-campaigns', url: pages.hardship.campaigns.path },
  ]),
  // 教育培训 and 会员卡·优惠: the demo member (enrolled, waitlisted, a certificate, claims, coupons).
  ...as('demo-member', [
    { name: 'training-home', url: pages.training.home.path },
    { name: 'training-course', url: pages.training.course.url({ id: DEMO_COURSE }) },
    { name: 'training-mine', url: pages.training.mine.path },
    { name: 'training-certificates', url: pages.training.certificates.path },
    { name: 'training-certificate', ...firstOf(pages.training.certificates.path, pages.training.certificate.path, '[data-certificate]') },
    { name: 'training-verify', url: pages.training.verify.path },
    { name: 'training-claims', url: pages.training.claims.path },
    { name: 'training-claim', ...firstOf(pages.training.claims.path, pages.training.claim.path, '[data-claim]') },
    { name: 'training-claim-apply', url: pages.training.claimApply.path },
    { name: 'benefits-merchants', url: pages.benefits.merchants.path },
    { name: 'benefits-merchant', url: pages.benefits.merchant.url({ id: DEMO_MERCHANT }) },
    { name: 'benefits-coupons', url: pages.benefits.coupons.path },
    { name: 'benefits-coupon', ...firstOf(pages.benefits.coupons.url({ tab: 'redeemed' }), pages.benefits.coupon.path, '[data-coupon]') },
    { name: 'benefits-apply', url: pages.benefits.apply.path },
  ]),
  // The shop's cashier; the training centre; the union's benefits staff.
  ...as('demo-cashier', [{ name: 'benefits-desk', url: pages.benefits.desk.path }]),
  ...as('demo-training', [
    { name: 'training-staff-courses', url: pages.training.staffCourses.path },
    { name: 'training-staff-course', url: pages.training.staffCourse.url({ id: DEMO_COURSE }) },
    { name: 'training-staff-course-edit', url: pages.training.staffCourseEdit.url({ id: DEMO_COURSE }) },
    {
      name: 'training-staff-session',
      ...firstOf(pages.training.staffCourse.url({ id: DEMO_COURSE }), pages.training.staffSession.path, '[data-session]'),
    },
    { name: 'training-staff-claims', url: pages.training.staffClaims.path },
    { name: 'training-staff-claim', ...firstOf(pages.training.staffClaims.path, pages.training.staffClaim.path, '[data-claim]') },
    { name: 'training-staff-stats', url: pages.training.staffStats.path },
  ]),
  ...as('demo-benefits', [
    { name: 'benefits-staff-merchants', url: pages.benefits.staffMerchants.path },
    {
      name: 'benefits-staff-merchant',
      ...firstOf(pages.benefits.staffMerchants.path, pages.benefits.staffMerchant.path, '[data-merchant]'),
    },
    { name: 'benefits-staff-offers', url: pages.benefits.staffOffers.url({ merchantId: DEMO_MERCHANT }) },
    { name: 'benefits-settlement', url: pages.benefits.staffSettlement.path },
    { name: 'benefits-stats', url: pages.benefits.staffStats.path },
  ]),
]

interface Mode {
  name: string
  width: number
  care: boolean
  /** The smallest text a person must read (CSS px). */
  minText: number
  /** The smallest tap target, each side (CSS px); WCAG's 44 in care mode. */
  minTarget: number
}

const modes: Mode[] = [
  { name: 'normal mode at 390 px', width: 390, care: false, minText: 14, minTarget: 32 },
  { name: 'care mode at 320 px', width: 320, care: true, minText: 16, minTarget: 44 },
]

/** The page's data has arrived: no loading spinner left on the page on top. */
async function loaded(page: Page, top: Locator): Promise<void> {
  await top.locator('.lg-state__spinner').first().waitFor({ state: 'detached', timeout: 15_000 })
  await page.waitForTimeout(300)
}

/** axe-core on the whole document (the page on top, the title bar, the tab bar): serious and critical faults. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's content security policy does not govern.
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe
    interface AxeViolation {
      id: string
      impact: string | null
      nodes: Array<{ target: string[] }>
    }
    // Only what is on screen: Taro keeps earlier pages in the document, hidden.
    const result = await axe.run(document)
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  })
}

interface Measured {
  smallText: string[]
  smallTargets: string[]
  inputs: string[]
  textareas: string[]
  brokenLabels: string[]
  overflow: boolean
}

/** Computed sizes on the page on top. */
function measure(top: Locator, mode: Mode): Promise<Measured> {
  return top.evaluate(
    (root, { minText, minTarget, care }) => {
      const visible = (element: Element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden'
      }
      const describe = (element: Element) => `${element.className || element.tagName} “${(element.textContent ?? '').trim().slice(0, 12)}”`

      const smallText: string[] = []
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement
        if (!parent || !(node.textContent ?? '').trim() || !visible(parent)) continue
        const size = Number.parseFloat(getComputedStyle(parent).fontSize)
        if (size < minText) smallText.push(`${size.toFixed(1)} px ${describe(parent)}`)
      }

      const smallTargets: string[] = []
      for (const target of Array.from(root.querySelectorAll('[data-pressable="true"], input, textarea'))) {
        if (!visible(target)) continue
        const box = target.getBoundingClientRect()
        if (box.height < minTarget || box.width < minTarget)
          smallTargets.push(`${box.width.toFixed(0)}×${box.height.toFixed(0)} ${describe(target)}`)
      }

      const inputs: string[] = []
      for (const box of Array.from(root.querySelectorAll('.lg-input'))) {
        // H5 draws Taro's Input as the <input> itself (the box); WeChat-like wrappers hold one inside.
        const input = box instanceof HTMLInputElement ? box : box.querySelector('input')
        if (!input || !visible(box)) continue
        const outer = box.getBoundingClientRect()
        const inner = input.getBoundingClientRect()
        // The real field fills its box (less the border), so a tap anywhere on the box types into it.
        if (inner.height < outer.height - 6 || inner.top - outer.top > 3) {
          inputs.push(`box ${outer.height.toFixed(0)} px, field ${inner.height.toFixed(0)} px at +${(inner.top - outer.top).toFixed(0)}`)
        }
        if (care && Number.parseFloat(getComputedStyle(input).fontSize) < 18)
          inputs.push(`care-mode input at ${getComputedStyle(input).fontSize}`)
      }

      const textareas: string[] = []
      const bodySize = Number.parseFloat(getComputedStyle(root.querySelector('.lg-page') ?? root).fontSize)
      for (const area of Array.from(root.querySelectorAll('textarea'))) {
        if (!visible(area)) continue
        const style = getComputedStyle(area)
        if (/monospace/.test(style.fontFamily) || !/PingFang SC/.test(style.fontFamily)) textareas.push(`font ${style.fontFamily}`)
        if (Math.abs(Number.parseFloat(style.fontSize) - bodySize) > 0.5) textareas.push(`${style.fontSize} against body ${bodySize} px`)
        if (style.resize !== 'none') textareas.push(`resize ${style.resize}`)
      }

      // A short label (统计, 报名中) broken over lines a character at a time: squeezed, not wrapped.
      const brokenLabels: string[] = []
      for (const label of Array.from(root.querySelectorAll('.lg-button, .lg-chip, .lg-tag, .lg-tabs__label'))) {
        const text = (label.textContent ?? '').trim()
        if (!visible(label) || text.length === 0 || text.length > 6) continue
        // The lines its text sits on (each text node's boxes; a line's boxes share a bottom edge).
        const bottoms: number[] = []
        const texts = document.createTreeWalker(label, NodeFilter.SHOW_TEXT)
        for (let node = texts.nextNode(); node; node = texts.nextNode()) {
          if (!(node.textContent ?? '').trim()) continue
          const range = document.createRange()
          range.selectNodeContents(node)
          for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) bottoms.push(rect.bottom)
        }
        if (Math.max(...bottoms) - Math.min(...bottoms) > 4) brokenLabels.push(describe(label))
      }

      const scroller = root as HTMLElement
      return { smallText, smallTargets, inputs, textareas, brokenLabels, overflow: scroller.scrollWidth > scroller.clientWidth + 1 }
    },
    { minText: mode.minText, minTarget: mode.minTarget, care: mode.care },
  )
}

describe('the H5 shell on every page (headless Chromium)', () => {
  const app = useAppInBrowser()

  it('the viewport lets people zoom', async () => {
    const html = await (await fetch(`${app.url}/`)).text()
    const viewport = /<meta name="viewport" content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(viewport).toContain('width=device-width')
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0)?\b/)
  })

  for (const mode of modes) {
    it(`${mode.name}: no serious accessibility fault, readable text, big enough targets, inputs that fill their box`, async () => {
      const context = await app.browser.newContext({
        viewport: { width: mode.width, height: 720 },
        deviceScaleFactor: 2,
        locale: 'zh-CN',
        hasTouch: true,
      })
      if (mode.care) await context.addInitScript(() => localStorage.setItem('lgh.careMode', JSON.stringify({ data: 'on' })))
      const page = await context.newPage()
      const errors = watchErrors(page)
      const found: Record<string, Partial<Measured> & { axe?: string[] }> = {}
      let persona: string | undefined
      for (const visit of visits) {
        if (visit.persona && visit.persona !== persona) {
          await loginAsPersona(page, app.url, visit.persona)
          persona = visit.persona
        }
        if (visit.open) await visit.open(page, app.url)
        else await page.goto(`${app.url}/#${visit.url}`)
        const route = visit.name === 'not-found' ? pages.account.notFound.path : visit.url.split('?')[0]
        const top = await currentPage(page, route)
        await loaded(page, top)
        await snap(page, `shell-${mode.care ? 'care-320' : 'normal-390'}-${visit.name}`)
        const measured = await measure(top, mode)
        const axe = await seriousViolations(page)
        const problems = Object.fromEntries(
          Object.entries({ ...measured, axe }).filter(([, value]) => (Array.isArray(value) ? value.length > 0 : value)),
        )
        if (Object.keys(problems).length > 0) found[visit.name] = problems
      }
      expect(found).toEqual({})
      expect(errors).toEqual([])
      await context.close()
    })
  }

  it('a sub-page opened from a link has its title and a way back; an unknown address says so and leads home', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true })
    const page = await context.newPage()
    const errors = watchErrors(page)

    await page.goto(app.url)
    const home = await currentPage(page, pages.home.path)
    // Not logged in, 法律援助 opens the login page first.
    await tap(home.locator('[data-service="legal_aid"]'))
    await currentPage(page, pages.account.login.path)
    const bar = page.locator('#taro-navigation-bar')
    await expect(bar.isVisible()).resolves.toBe(true)
    await expect(bar.locator('.taro-navigation-bar-title').textContent()).resolves.toBe('登录')
    const back = bar.locator('.taro-navigation-bar-back')
    await expect(back.getAttribute('aria-label')).resolves.toBe('返回')
    await expect(back.isVisible()).resolves.toBe(true)
    const size = await back.boundingBox()
    expect(Math.min(size?.width ?? 0, size?.height ?? 0)).toBeGreaterThanOrEqual(32)
    await tap(back)
    await currentPage(page, pages.home.path)

    // A link straight to a sub-page (an SMS link): no page to go back to, so the bar offers home.
    await page.goto(`${app.url}/#${pages.legalAid.apply.path}`)
    await page.reload()
    await currentPage(page, pages.legalAid.apply.path)
    await expect(bar.locator('.taro-navigation-bar-title').textContent()).resolves.toBe('申请法律援助')
    await expect(bar.locator('.taro-navigation-bar-home').isVisible()).resolves.toBe(true)
    await expect(bar.locator('.taro-navigation-bar-home').getAttribute('aria-label')).resolves.toBe('首页')

    await page.goto(`${app.url}/#/no/such/page`)
    const missing = await currentPage(page, pages.account.notFound.path)
    await missing.getByText('页面不存在', { exact: true }).waitFor()
    await tap(missing.locator('[data-testid="not-found-home"]'))
    await currentPage(page, pages.home.path)
    expect(errors).toEqual([])
    await context.close()
  })

  it('at 320 px a tile name breaks at its dot, not inside a word, and a masked ID number stays on one line', async () => {
    const context = await app.browser.newContext({ viewport: { width: 320, height: 720 }, locale: 'zh-CN', hasTouch: true })
    const page = await context.newPage()
    await page.goto(`${app.url}/#${pages.home.path}`)
    const home = await currentPage(page, pages.home.path)
    const parts = home.locator('[data-service="benefits"] .lg-grid__name-part')
    await parts.first().waitFor()
    await expect(parts.allTextContents()).resolves.toEqual(['会员卡·', '优惠'])
    for (const part of await parts.all()) {
      const lines = await part.evaluate((element) => element.getClientRects().length)
      expect(lines).toBe(1)
    }

    await loginAsPersona(page, app.url, 'demo-staff-district')
    await page.goto(`${app.url}/#${pages.membership.reviewQueue.path}`)
    const queue = await currentPage(page, pages.membership.reviewQueue.path)
    await tap(queue.locator('.mb-queue__item').first())
    const review = await currentPage(page, pages.membership.review.path)
    const id = review.locator('[data-testid="review-id-number"]')
    await id.waitFor()
    const { height, lineHeight } = await id.evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      lineHeight: Number.parseFloat(getComputedStyle(element).lineHeight) || Number.parseFloat(getComputedStyle(element).fontSize) * 1.6,
    }))
    expect(height).toBeLessThan(lineHeight * 1.5)
    await context.close()
  })
})
