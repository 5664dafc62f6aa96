import { createTestApp, type TestApp } from '../../helpers/test-app'

describe('legal-aid demo data', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const caseOf = async (id: string) => (await t.as('demo-worker')({ method: 'GET', url: `/api/legal-aid/cases/${id}` })).json()

  it('tells each case’s history at the dates the case itself shows, not at the moment it was seeded', async () => {
    const closed = await caseOf('00000000-0000-4000-8000-00000000a003')
    const times = closed.timeline.map((event: { at: string }) => Date.parse(event.at))
    expect(closed.timeline.map((event: { toStatus: string }) => event.toStatus)).toEqual([
      'submitted',
      'accepted',
      'assigned',
      'in_progress',
      'closed',
    ])
    expect(times[0]).toBe(Date.parse(closed.createdAt))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(new Set(times).size).toBe(times.length)
    // Submitted sixty days ago and closed forty days after that: nothing happened today.
    expect(Date.now() - times[4]).toBeGreaterThan(15 * 24 * 3600_000)

    const assigned = await caseOf('00000000-0000-4000-8000-00000000a002')
    const assignedAt = Date.parse(assigned.timeline.at(-1).at)
    expect(assigned.messages).toHaveLength(1)
    expect(Date.parse(assigned.messages[0].createdAt)).toBeGreaterThan(assignedAt)
    expect(Date.parse(assigned.messages[0].createdAt)).toBeLessThan(Date.now())
  })
})
