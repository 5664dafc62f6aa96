import { count, eq } from 'drizzle-orm'
import { seedDemoData } from '../../../src/seed/demo'
import { membershipApplications, memberships } from '../../../src/lines/membership/membership.tables'
import { timelineEvents } from '../../../src/core/core.tables'
import { APPLICATION_SUBJECT } from '../../../src/lines/membership/membership.apply'
import { serviceLines } from '../../../src/lines/registry'
import { createTestApp, type TestApp } from '../../helpers/test-app'

describe('membership demo data', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const counts = async () => {
    const db = t.database.db
    const [applications] = await db.select({ value: count() }).from(membershipApplications)
    const [members] = await db.select({ value: count() }).from(memberships)
    const [events] = await db.select({ value: count() }).from(timelineEvents).where(eq(timelineEvents.subjectType, APPLICATION_SUBJECT))
    return { applications: Number(applications!.value), members: Number(members!.value), events: Number(events!.value) }
  }

  it('gives newcomers a member with a card and waiting applications in several unions', async () => {
    expect(await counts()).toEqual({ applications: 7, members: 1, events: 8 })
    const card = await t.as('demo-member')({ method: 'GET', url: '/api/membership/card' })
    expect(card.statusCode).toBe(200)
  })

  it('runs at every start without adding anything twice, and leaves what people did alone', async () => {
    const queue = (await t.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/membership/applications' })).json()
    await t.as('demo-city-admin')({
      method: 'POST',
      url: `/api/workbench/membership/applications/${queue.items[0].id}/reject`,
      payload: { reason: '演示：请补充工作单位' },
    })
    const before = await counts()
    await seedDemoData(t.app.systemContext(), serviceLines)
    expect(await counts()).toEqual(before)
    const after = (await t.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/membership/applications' })).json()
    expect(after.counts).toEqual({ submitted: 5, approved: 1, rejected: 1 })
  })
})
