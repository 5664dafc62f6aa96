import { eq } from 'drizzle-orm'
import { serviceLines } from '../../../src/platform/catalogue/catalogue.tables'
import { seedReferenceData } from '../../../src/seed/reference'
import { serviceLines as registry } from '../../../src/lines/registry'
import { serviceCatalogue } from '../../../src/seed/catalogue'
import { defineServiceLine } from '../../../src/core/service-line'
import { createTestApp, type TestApp } from '../../helpers/test-app'

describe('catalogue', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ demo: false })
  })
  afterAll(() => t.close())

  describe('GET /api/services', () => {
    it('lists every service line of the brief in grid order, without login', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/services' })
      expect(response.statusCode).toBe(200)
      const services = response.json().services as Array<{ key: string; name: string; status: string; entryPath: string | null }>
      expect(services.map((line) => line.key)).toEqual(serviceCatalogue(registry).map((line) => line.key))
      expect(services.map((line) => line.name)).toEqual(expect.arrayContaining(['入会', '法律援助', '困难帮扶', '教育培训', '会员卡·优惠']))
    })

    it('never gives an entry page for a line that is not open', async () => {
      await t.database.db
        .update(serviceLines)
        .set({ status: 'coming_soon', entryPath: '/somewhere/index' })
        .where(eq(serviceLines.key, 'training'))
      const services = (await t.app.inject({ method: 'GET', url: '/api/services' })).json().services as Array<{
        key: string
        entryPath: string | null
        status: string
      }>
      expect(services.find((line) => line.key === 'training')).toMatchObject({ status: 'coming_soon', entryPath: null })
    })

    it('when the catalogue in code changes, then the next start brings the table in line', async () => {
      await t.database.db.update(serviceLines).set({ name: 'stale name' }).where(eq(serviceLines.key, 'hardship'))
      await seedReferenceData(t.database.db, registry)
      const services = (await t.app.inject({ method: 'GET', url: '/api/services' })).json().services as Array<{ key: string; name: string }>
      expect(services.find((line) => line.key === 'hardship')?.name).toBe('困难帮扶')
    })
  })

  describe('GET /api/notices', () => {
    it('lists notices newest first', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/notices' })
      expect(response.statusCode).toBe(200)
      const notices = response.json().notices as Array<{ title: string; publishedAt: string }>
      expect(notices.length).toBeGreaterThan(0)
      const times = notices.map((notice) => Date.parse(notice.publishedAt))
      expect([...times].sort((a, b) => b - a)).toEqual(times)
    })
  })
})

describe('GET /api/services with what lines have open right now', () => {
  let t: TestApp
  let open = true
  const quiet = { describe: async () => null, erase: async () => ({ outcome: null, storageKeys: [] }) }
  const campaignLine = defineServiceLine({
    key: 'badge_test',
    routes: [],
    catalogue: [],
    personalData: quiet,
    // A line's badge for a tile of another key (a line may own several tiles), and only while it lasts.
    tileBadges: async () => (open ? [{ tileKey: 'legal_aid', text: '活动中', detail: '名额剩 3 个', path: null }] : []),
  })
  const brokenLine = defineServiceLine({
    key: 'badge_broken',
    routes: [],
    catalogue: [],
    personalData: quiet,
    tileBadges: async () => {
      throw new Error('the campaign table is not there')
    },
  })
  beforeAll(async () => {
    t = await createTestApp({ demo: false, lines: [...registry, campaignLine, brokenLine] })
  })
  afterAll(() => t.close())

  const tiles = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/services' })).json().services as Array<{ key: string; badge?: unknown }>

  it('when a line has something open, then its tile carries the badge; the others none', async () => {
    const services = await tiles()
    expect(services.find((line) => line.key === 'legal_aid')?.badge).toEqual({ text: '活动中', detail: '名额剩 3 个', path: null })
    expect(services.filter((line) => line.badge !== undefined).map((line) => line.key)).toEqual(['legal_aid'])
  })

  it('when it closes, then the badge goes; a line whose badges fail never breaks the grid', async () => {
    open = false
    const services = await tiles()
    expect(services.length).toBeGreaterThan(0)
    expect(services.some((line) => line.badge !== undefined)).toBe(false)
    expect(t.logs.join('')).toContain('tile badges failed')
  })
})
