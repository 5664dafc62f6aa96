import { createTestApp, type TestApp } from '../../helpers/test-app'
import { CENTRE, get, GRASSROOTS } from './helpers'

describe('hardship demo data', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  }, 180_000)
  afterAll(() => t.close())

  it('has cases at every step, files due for review (one overdue) and an open 金秋助学 on the home grid', async () => {
    const all = (await get(t, CENTRE, '/api/workbench/hardship/applications?tab=all&limit=50')).json()
    const statuses = new Set(all.items.map((item: { status: string }) => item.status))
    for (const status of ['first_review', 'first_review_docs', 'publicity', 'city_review', 'approved', 'paid', 'rejected']) {
      expect(statuses).toContain(status)
    }
    expect(all.items.some((item: { overdue: boolean }) => item.overdue)).toBe(true)
    const files = (await get(t, CENTRE, '/api/workbench/hardship/files?tab=review_due')).json()
    expect(files.items.length).toBeGreaterThanOrEqual(2)
    expect(files.items.some((file: { overdue: boolean }) => file.overdue)).toBe(true)
    const stats = (await get(t, CENTRE, '/api/workbench/hardship/stats')).json()
    expect(stats.metrics.find((metric: { key: string }) => metric.key === 'lift_rate').value).toBeGreaterThan(0)
    const grid = (await get(t, 'demo-member', '/api/services')).json()
    const tile = grid.services.find((line: { key: string }) => line.key === 'hardship')
    expect(tile?.badge?.text).toBe('金秋助学')
    // The grassroots persona of the hospital sees its own union's cases only.
    const mine = (await get(t, GRASSROOTS, '/api/workbench/hardship/applications?tab=all&limit=50')).json()
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.items.every((item: { orgName: string }) => item.orgName === '连云港市第一人民医院工会')).toBe(true)
  })

  it('seeds once: a second start adds nothing', async () => {
    const before = (await get(t, CENTRE, '/api/workbench/hardship/applications?tab=all&limit=50')).json().counts.all
    const { seedDemoData } = await import('../../../src/seed/demo')
    const { serviceLines } = await import('../../../src/lines/registry')
    await seedDemoData(t.app.systemContext(), serviceLines)
    const after = (await get(t, CENTRE, '/api/workbench/hardship/applications?tab=all&limit=50')).json().counts.all
    expect(after).toBe(before)
  })
})
