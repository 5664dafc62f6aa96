// How long a page of an H5 build takes to show its first useful screen in headless Chromium, and
// which scripts and stylesheets it loaded before then. Every visit is a first visit: a fresh
// browser context, so nothing is cached and nothing is kept on the device.
import type { Browser } from 'playwright-core'

export interface Throttling {
  /** Chromium's CPU slow-down factor (4 = a mid-range phone against this machine). */
  cpu?: number
  /** An emulated link: round-trip time and bandwidth. */
  network?: { rttMs: number; downKbps: number; upKbps: number }
}

export interface LoadedFile {
  url: string
  /** Bytes on the wire (compressed when the server compressed it). */
  transferred: number
  /** Bytes once decoded: what the browser parses. */
  decoded: number
}

export interface FirstScreen {
  /** From the start of navigation to the frame after `ready` first matched. */
  ms: number
  scripts: LoadedFile[]
  stylesheets: LoadedFile[]
}

declare global {
  interface Window {
    __firstScreenAt?: number
  }
}

/**
 * Opens `url` and waits until `ready` (a CSS selector, e.g. the home grid's first tile) is in the
 * page. A MutationObserver installed before any of the page's scripts runs notes the moment, and
 * the next animation frame, when the browser can paint it, ends the measure.
 */
export async function measureFirstScreen(browser: Browser, url: string, ready: string, throttling: Throttling = {}): Promise<FirstScreen> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', hasTouch: true })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    if (throttling.cpu && throttling.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttling.cpu })
    if (throttling.network) {
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: throttling.network.rttMs,
        downloadThroughput: (throttling.network.downKbps * 1000) / 8,
        uploadThroughput: (throttling.network.upKbps * 1000) / 8,
      })
    }
    // As source text: a function would be shipped as tsx compiled it, with helpers the page lacks.
    await page.addInitScript(`(() => {
      const selector = ${JSON.stringify(ready)}
      const observer = new MutationObserver(() => {
        if (window.__firstScreenAt !== undefined || !document.querySelector(selector)) return
        observer.disconnect()
        requestAnimationFrame(() => { window.__firstScreenAt = performance.now() })
      })
      observer.observe(document, { childList: true, subtree: true })
    })()`)
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => window.__firstScreenAt !== undefined, undefined, { timeout: 60_000, polling: 50 })
    // Only anonymous functions in the page: tsx would wrap a named one in a helper the page lacks.
    const { at, entries } = await page.evaluate(() => ({
      at: window.__firstScreenAt ?? 0,
      entries: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
        url: entry.name,
        startTime: entry.startTime,
        transferred: entry.encodedBodySize,
        decoded: entry.decodedBodySize,
      })),
    }))
    const before = entries.filter((entry) => entry.startTime < at)
    const files = (extension: string): LoadedFile[] =>
      before
        .filter((entry) => new URL(entry.url).pathname.endsWith(extension))
        .map(({ url: file, transferred, decoded }) => ({ url: file, transferred, decoded }))
    return { ms: at, scripts: files('.js'), stylesheets: files('.css') }
  } finally {
    await context.close()
  }
}

/** The middle value (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
