import { trainingCourses } from '../../../src/lines/training/training.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'

jest.setTimeout(120_000)

describe('training demo data', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  }, 120_000)
  afterAll(() => t.close())

  it('the catalogue shows 30 and more published courses across every category, by start date', async () => {
    const items: Array<{ id: string; category: string; firstSessionAt: string; phase: string; seatsLeft: number; waitlistCount: number }> =
      []
    let cursor: string | null = null
    for (let page = 0; page < 10; page++) {
      const response = await t.as('demo-member')({
        method: 'GET',
        url: `/api/training/courses?limit=20${cursor ? `&cursor=${cursor}` : ''}`,
      })
      expect(response.statusCode).toBe(200)
      const body = response.json()
      items.push(...body.items)
      cursor = body.nextCursor
      if (!cursor) break
    }
    expect(cursor).toBeNull()
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length)
    // 33 courses in all: those still ahead or running are in the catalogue, finished ones hold certificates.
    expect((await t.database.db.select({ id: trainingCourses.id }).from(trainingCourses)).length).toBeGreaterThanOrEqual(30)
    expect(items.length).toBeGreaterThanOrEqual(25)
    expect(new Set(items.map((item) => item.category)).size).toBe(6)
    const starts = items.map((item) => item.firstSessionAt)
    expect([...starts].sort()).toEqual(starts)
    // One running today, one full with a waitlist, one nearly full.
    expect(items.some((item) => item.phase === 'in_progress')).toBe(true)
    expect(items.some((item) => item.seatsLeft === 0 && item.waitlistCount > 0)).toBe(true)
    expect(items.some((item) => item.seatsLeft === 1)).toBe(true)
  })
})
