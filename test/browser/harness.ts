import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { pages } from '@contract/pages'
import { chromiumPath, launchBrowser } from '../../scripts/lib/chromium'
import { startH5Server, type H5Server } from '../../scripts/lib/server-process'

/**
 * Browser tests run the real thing: our server (fresh embedded database, demo data) serving
 * the H5 build, driven by Debian's headless Chromium through playwright-core.
 */
export const root = path.resolve(__dirname, '..', '..')
export const screenshotDir = path.join(root, 'test-results', 'screenshots')

export type RunningServer = H5Server

/**
 * Our server on a fresh embedded database with demo data, serving the H5 build (with its security
 * headers on). It sheds no request for event-loop delay: Chromium on the same two cores starves
 * the server's loop past PGlite's 100 ms now and then, and a refused request (sent again after a
 * second or so) makes a test that is not about load slow or, once, made it fail. Shedding has its
 * own tests (server/test/app/load-shedding.test.ts; src/services/request.test.ts for the retries).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!fs.existsSync(path.join(root, 'dist-h5', 'index.html'))) {
    throw new Error('dist-h5 is missing: run `npm run build:h5` (npm test builds it before the browser tests)')
  }
  return startH5Server(path.join(root, 'dist-h5'), { MAX_EVENT_LOOP_DELAY_MS: '0', ...env })
}

export { chromiumPath, launchBrowser }

/** A phone-sized browser context, as a worker would hold it. */
export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', hasTouch: true })
}

/**
 * For a test file: our server with a fresh database and demo data, and one Chromium, started
 * before the tests and stopped after them. Read `url` and `browser` inside the tests.
 */
export function useAppInBrowser(env: Record<string, string> = {}): { readonly url: string; readonly browser: Browser } {
  let server: RunningServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startServer(env)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  return {
    get url() {
      if (!server) throw new Error('the server is not started yet')
      return server.url
    },
    get browser() {
      if (!browser) throw new Error('the browser is not started yet')
      return browser
    },
  }
}

/** Saves a screenshot under test-results/screenshots (git-ignored) for people to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

/** Collects uncaught page errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  // The page runs under the server's content security policy: anything it blocks is a failure.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text())
  })
  return errors
}

/** A phone of its own for a demo persona, logged in: the context (close it at the end), its page, and the page's errors. */
export async function phoneAs(
  app: { readonly url: string; readonly browser: Browser },
  openid: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await phoneContext(app.browser)
  const page = await context.newPage()
  const errors = watchErrors(page)
  await loginAsPersona(page, app.url, openid)
  return { context, page, errors }
}

/** A real 1×1 PNG, as a phone's photo would be uploaded. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

/** For a test file: a photo named `name` in a folder of its own, made before the tests and removed after them. Read `path` inside the tests. */
export function usePhoto(name: string): { readonly path: string } {
  let file = ''
  beforeAll(() => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-photo-')), name)
    fs.writeFileSync(file, PNG)
  })
  afterAll(() => {
    if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true })
  })
  return {
    get path() {
      return file
    },
  }
}

/**
 * Logs in through the H5 login page by picking a demo persona, or, for a demo user the page does
 * not list (a hardship family, say), by typing its identifier; ends once 我的 is the page on top.
 * Not as soon as the address changes: the tab switch finishes after that, and a page opened in
 * between would be covered by 我的 when it does.
 */
export async function loginAsPersona(page: Page, baseUrl: string, openid: string): Promise<void> {
  await page.goto(`${baseUrl}/#${pages.account.login.path}`)
  const login = await currentPage(page, pages.account.login.path)
  const custom = login.locator('.ac-login__custom')
  await custom.waitFor()
  const listed = login.locator(`[data-openid="${openid}"]`)
  if ((await listed.count()) > 0) {
    await tap(listed)
  } else {
    await custom.locator('input').fill(openid)
    await tap(custom.locator('[data-testid="login-custom"]'))
  }
  await page.waitForURL(/pages\/mine\/index/)
  await currentPage(page, pages.mine.path)
}

/**
 * Waits until no page is sliding in or out (Taro marks a page `taro_page_stationed` when its
 * transition is over); clicking during the slide can land on the page underneath.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.taro_router > .taro_page.taro_page_show:not(.taro_page_shade)')).every((element) =>
      element.classList.contains('taro_page_stationed'),
    ),
  )
}

/**
 * The page the person is looking at, as a locator pinned to that one page instance. Taro H5 keeps
 * earlier pages in the DOM (and a page opened twice is there twice), so a test acts on and reads
 * only this: the top Taro page that is shown (not shaded away) once no page is sliding, and, when
 * `route` is given (e.g. `pages.legalAid.case.path`), only once that page is the one on top. The
 * instance is marked (`data-e2e-page`), so the locator keeps meaning this instance even when
 * another instance of the same route arrives later; ask again after navigating.
 */
export async function currentPage(page: Page, route?: string): Promise<Locator> {
  const mark = await shootOnFailure(page, async () => {
    const handle = await page.waitForFunction((wanted) => {
      const shown = Array.from(document.querySelectorAll('.taro_router > .taro_page.taro_page_show:not(.taro_page_shade)'))
      const top = shown.at(-1) as HTMLElement | undefined
      if (!top || !shown.every((element) => element.classList.contains('taro_page_stationed'))) return null
      if (getComputedStyle(top).display === 'none') return null
      // The page element's id is its route with its query (Taro's stamp makes each instance's unique).
      if (wanted && top.id.split('?')[0] !== wanted) return null
      if (!top.dataset.e2ePage) {
        const counter = window as unknown as { __e2ePages?: number }
        counter.__e2ePages = (counter.__e2ePages ?? 0) + 1
        top.dataset.e2ePage = String(counter.__e2ePages)
      }
      return top.dataset.e2ePage
    }, route)
    return (await handle.jsonValue()) as string
  })
  return page.locator(`.taro_page[data-e2e-page="${mark}"]`)
}

/**
 * Taps an element once it is visible and its page has stopped moving, by dispatching the click on
 * the element itself. Not by coordinates: on pages with pull-down refresh Playwright's hit-target
 * check blames Taro's pull-to-refresh wrapper (though document.elementFromPoint finds the element)
 * and never clicks, and a forced click at coordinates can land on whatever a late render put there.
 */
export async function tap(locator: Locator): Promise<void> {
  await shootOnFailure(locator.page(), async () => {
    await locator.waitFor()
    await settled(locator.page())
    await locator.dispatchEvent('click')
  })
}

let failures = 0
/** A screenshot of the page when a step fails: what the test saw is the quickest clue. */
async function shootOnFailure<T>(page: Page, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    failures += 1
    await snap(page, `failure-${failures}`).catch(() => undefined)
    throw error
  }
}

/** Taro's H5 modal (Taro.showModal): press its confirm button. */
export async function confirmModal(page: Page): Promise<void> {
  const confirm = page.locator('.taro-model__confirm:visible')
  await confirm.waitFor()
  await tap(confirm)
  // The modal fades out; until it is gone its (invisible) mask still takes every tap.
  await page.locator('.taro-modal__mask').waitFor({ state: 'hidden' })
}
