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

  it('the waiting case is past its deadline on the day it was seeded, and the worker is told so and what happens next', async () => {
    const waiting = '00000000-0000-4000-8000-00000000a001'
    const mine = await caseOf(waiting)
    expect(mine.status).toBe('submitted')
    expect(mine.nextStep).toMatch(/^已超过受理期限（\d{1,2}月\d{1,2}日），我们正在加紧办理；也可以拨打 12351 职工维权服务热线询问$/)
    expect(mine.nextStep).not.toMatch(/将在.*前决定是否受理/)

    const queue = (await t.as('demo-legal')({ method: 'GET', url: '/api/workbench/legal-aid/cases?overdue=true' })).json()
    expect(queue.items.map((item: { id: string }) => item.id)).toContain(waiting)
  })
})
