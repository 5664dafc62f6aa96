import type { Response } from 'playwright-core'
import { pages } from '@contract/pages'
import { currentPage, phoneContext, useAppInBrowser, watchErrors } from './harness'

// How the real H5 build reaches a browser: every script and stylesheet compressed and, its name
// carrying its content's hash, kept for a year; the page itself asked for again on every visit.
describe('the H5 build on the wire (headless Chromium, the real build and server)', () => {
  const app = useAppInBrowser()

  it('scripts and styles arrive compressed and immutable, index.html revalidated; a reload reuses the files', async () => {
    const context = await phoneContext(app.browser)
    const page = await context.newPage()
    const errors = watchErrors(page)
    const assets: Response[] = []
    page.on('response', (response) => {
      if (/\.(js|css)$/.test(new URL(response.url()).pathname)) assets.push(response)
    })

    const document = await page.goto(app.url)
    const home = await currentPage(page, pages.home.path)
    await home.locator('.lg-grid__tile').first().waitFor()

    expect(document?.headers()['cache-control']).toBe('no-cache')
    expect(['br', 'gzip']).toContain(document?.headers()['content-encoding'])
    expect(assets.length).toBeGreaterThan(2)
    for (const asset of assets) {
      const headers = asset.headers()
      expect({ url: asset.url(), encoding: headers['content-encoding'], cache: headers['cache-control'] }).toEqual({
        url: asset.url(),
        encoding: expect.stringMatching(/^(br|gzip)$/),
        cache: 'public, max-age=31536000, immutable',
      })
    }

    // Coming back: the page is asked for again, the hashed files are not.
    await page.reload()
    await (await currentPage(page, pages.home.path)).locator('.lg-grid__tile').first().waitFor()
    const fetched = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => /\.(js|css)$/.test(new URL(entry.name).pathname))
        .map((entry) => ({ url: entry.name, transferSize: entry.transferSize })),
    )
    expect(fetched.length).toBeGreaterThan(2)
    expect(fetched.filter((entry) => entry.transferSize > 0)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })
})
