import fs from 'node:fs'
import path from 'node:path'
import { allPages, pages } from '@contract/pages'

interface AppConfig {
  pages: string[]
  subPackages: Array<{ root: string; pages: string[] }>
  tabBar?: { list: Array<{ pagePath: string }> }
}

const src = path.resolve(__dirname, '..', '..', 'src')

/** src/app.config.ts as the build reads it (`defineAppConfig` is a global of Taro's build). */
function appConfig(): AppConfig {
  Object.assign(globalThis, { defineAppConfig: (config: AppConfig) => config })
  // Through Jest's own module loader (Babel's CommonJS), with or without --experimental-vm-modules.
  return jest.requireActual<{ default: AppConfig }>('../../src/app.config').default
}

/** Every route the app declares, as `/root/pages/x/index`. */
async function declaredRoutes(): Promise<string[]> {
  const config = await appConfig()
  return [
    ...config.pages.map((page) => `/${page}`),
    ...config.subPackages.flatMap((pkg) => pkg.pages.map((page) => `/${pkg.root}/${page}`)),
  ]
}

describe('contract/pages.ts and src/app.config.ts', () => {
  it('every typed page path is a page of the app', async () => {
    const routes = new Set(await declaredRoutes())
    const missing = allPages()
      .map((page) => page.path)
      .filter((route) => !routes.has(route))
    expect(missing).toEqual([])
  })

  it('every page of the app has a typed path, and its files', async () => {
    const typed = new Set(allPages().map((page) => page.path))
    const routes = await declaredRoutes()
    expect(routes.filter((route) => !typed.has(route))).toEqual([])
    for (const route of routes) {
      expect([route, fs.existsSync(path.join(src, `${route}.tsx`)) && fs.existsSync(path.join(src, `${route}.config.ts`))]).toEqual([
        route,
        true,
      ])
    }
  })

  it('tab pages are in the main package, each named once', async () => {
    const config = await appConfig()
    for (const tab of config.tabBar?.list ?? []) expect(config.pages).toContain(tab.pagePath)
    const routes = await declaredRoutes()
    expect(new Set(routes).size).toBe(routes.length)
  })

  it('a page url carries its query, encoded', () => {
    expect(pages.legalAid.case.url({ id: 'a b' })).toBe('/legal-aid/pages/case/index?id=a%20b')
    expect(pages.membership.status.path).toBe('/membership/pages/status/index')
  })
})
