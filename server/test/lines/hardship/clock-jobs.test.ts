import { and, eq, sql } from 'drizzle-orm'
import { timelineEvents } from '../../../src/core/core.tables'
import { inboxMessages } from '../../../src/platform/inbox/inbox.tables'
import { users } from '../../../src/platform/auth/auth.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { application, CENTRE, get, GRASSROOTS, members, post, recommend, submit, uploadPng } from './helpers'

/** 补充材料 stops the step's clock; the yearly review and the reminders are jobs that run once across two instances. */
describe('hardship deadlines and jobs', () => {
  let t: TestApp
  let second: TestApp
  let now = new Date('2026-11-02T01:00:00Z')
  const at = (iso: string) => {
    now = new Date(iso)
  }
  beforeAll(async () => {
    t = await createTestApp({ clock: () => now })
    second = await createTestApp({ clock: () => now, database: t.database })
  }, 180_000)
  afterAll(async () => {
    await second.close()
    await t.close()
  })
  const caseUrl = (id: string) => `/api/workbench/hardship/applications/${id}`

  it('the first review’s clock stands still while documents are awaited, and moves on by as many working days', async () => {
    at('2026-11-02T01:00:00Z') // Monday: 10 working days → Monday 16 November
    const [worker] = await members(t)
    const id = await submit(t, worker!.openid, await application(t, worker!.openid))
    at('2026-11-04T01:00:00Z')
    const asked = await post(t, GRASSROOTS, `${caseUrl(id)}/request-documents`, {
      slots: ['hukou_book', 'income:0'],
      note: '户口本缺少子女页，收入证明需盖章',
    })
    expect(asked.json()).toMatchObject({ status: 'first_review_docs', awaitingDocuments: true, dueBy: '2026-11-16', steps: [] })
    const told = (await get(t, worker!.openid, '/api/messages')).json()
    expect(JSON.stringify(told)).toContain('请补充：户口本（全家各页）、收入证明（王建军）')

    // Three weeks later the deadline has passed, but the case is not overdue: it waits for the worker.
    at('2026-11-23T01:00:00Z')
    const waiting = (await get(t, GRASSROOTS, caseUrl(id))).json()
    expect(waiting).toMatchObject({ overdue: false, dueBy: '2026-11-16' })
    const overdueQueue = (await get(t, GRASSROOTS, '/api/workbench/hardship/applications?tab=all&overdue=true&limit=50')).json()
    expect(overdueQueue.items.map((item: { id: string }) => item.id)).not.toContain(id)
    const mine = (await get(t, worker!.openid, `/api/hardship/applications/${id}`)).json()
    expect(mine.canSupplement).toBe(true)
    expect(mine.documentsRequest.slots.map((slot: { key: string }) => slot.key)).toEqual(['hukou_book', 'income:0'])

    const partial = await post(t, worker!.openid, `/api/hardship/applications/${id}/supplements`, {
      files: { hukou_book: [await uploadPng(t, worker!.openid)] },
    })
    expect([partial.statusCode, partial.json().fields]).toEqual([400, { 'files.income:0': '请上传收入证明（王建军）' }])
    const answered = await post(t, worker!.openid, `/api/hardship/applications/${id}/supplements`, {
      files: { hukou_book: [await uploadPng(t, worker!.openid)], 'income:0': [await uploadPng(t, worker!.openid)] },
      note: '已补齐',
    })
    expect(answered.statusCode).toBe(200)
    // 13 working days stood still (5 Nov – 23 Nov): 16 Nov + 13 working days = 3 December.
    const resumed = (await get(t, GRASSROOTS, caseUrl(id))).json()
    expect(resumed).toMatchObject({ status: 'first_review', dueBy: '2026-12-03', overdue: false, documentsRequest: null })
    expect(resumed.proofs.find((slot: { key: string }) => slot.key === 'hukou_book').files).toHaveLength(2)
  })

  it('the yearly review job puts a due file in its union’s queue once, with two instances ticking; the review ends it', async () => {
    at('2026-11-02T01:00:00Z')
    const [worker] = await members(t)
    const id = await submit(t, worker!.openid, await application(t, worker!.openid))
    await recommend(t, id, '2026-11-02')
    at('2026-11-10T01:00:00Z')
    await post(t, GRASSROOTS, `${caseUrl(id)}/end-publicity`)
    await post(t, CENTRE, `${caseUrl(id)}/decision`, { decision: 'approve', tier: 'deep', items: [{ type: 'living', amount: 2000 }] })
    const fileId = (await get(t, worker!.openid, '/api/hardship/file')).json().file.id

    at('2027-11-10T01:00:00Z')
    await Promise.all([t.app.jobs.tick(), second.app.jobs.tick(), t.app.jobs.tick(), second.app.jobs.tick()])
    const scheduled = await t.database.db
      .select({ value: sql<number>`count(*)::int` })
      .from(timelineEvents)
      .where(and(eq(timelineEvents.subjectId, fileId), eq(timelineEvents.action, 'schedule_review')))
    expect(Number(scheduled[0]!.value)).toBe(1)
    const queue = (await get(t, GRASSROOTS, '/api/workbench/hardship/files?tab=review_due&limit=50')).json()
    const due = queue.items.find((file: { id: string }) => file.id === fileId)
    expect(due).toMatchObject({ status: 'review_due', reviewBy: '2027-12-08', overdue: false })
    expect((await get(t, worker!.openid, '/api/hardship/file')).json().file).toMatchObject({
      status: 'review_due',
      nextReviewOn: '2027-11-10',
    })
    // Out of the subtree the file does not exist.
    await t.tokenFor('hs-jobs-outsider')

    const url = `/api/workbench/hardship/files/${fileId}/annual-review`
    const tooSoon = await post(t, GRASSROOTS, url, {
      outcome: 'lift',
      householdIncome: 3000,
      householdSize: 3,
      circumstances: '本人工资上涨，妻子病情稳定。',
      monthsAboveDibao: 4,
    })
    expect(tooSoon.json().fields).toEqual({ monthsAboveDibao: '连续 6 个月高于低保才能脱困' })
    const tooPoor = await post(t, GRASSROOTS, url, {
      outcome: 'lift',
      householdIncome: 2400,
      householdSize: 3,
      circumstances: '本人工资上涨，妻子病情稳定。',
      monthsAboveDibao: 7,
    })
    expect(tooPoor.json().fields).toEqual({ householdIncome: '人均月收入 800 元，未高于低保 800 元，不能脱困' })
    const lifted = await post(t, GRASSROOTS, url, {
      outcome: 'lift',
      householdIncome: 3000,
      householdSize: 3,
      circumstances: '本人工资上涨，妻子病情稳定。',
      monthsAboveDibao: 7,
    })
    expect(lifted.json()).toMatchObject({ status: 'lifted', canReview: false })
    expect(lifted.json().reviews).toEqual([expect.objectContaining({ outcome: 'lift', perCapitaIncome: 1000 })])
    const again = await post(t, GRASSROOTS, url, { outcome: 'close', closeReason: 'moved', circumstances: '已迁出本市。' })
    expect([again.statusCode, again.json().code]).toEqual([409, 'WRONG_STATUS'])
    const stats = (await get(t, CENTRE, '/api/workbench/hardship/stats')).json()
    expect(stats.metrics.find((metric: { key: string }) => metric.key === 'lift_rate')).toMatchObject({ target: 20 })
    expect(stats.metrics.find((metric: { key: string }) => metric.key === 'lift_rate').value).toBeGreaterThan(0)
  })

  it('reminds the responsible staff of an overdue step once a day, however many instances tick', async () => {
    at('2026-11-02T01:00:00Z')
    const [worker] = await members(t)
    await submit(t, worker!.openid, await application(t, worker!.openid))
    // After the yearly-review test's ticks (a day's interval later): still overdue, long past its deadline.
    at('2027-11-12T01:00:00Z')
    const [chen] = await t.database.db.select().from(users).where(eq(users.openid, GRASSROOTS))
    const count = async () =>
      Number(
        (
          await t.database.db
            .select({ value: sql<number>`count(*)::int` })
            .from(inboxMessages)
            .where(and(eq(inboxMessages.userId, chen!.id), eq(inboxMessages.title, '困难帮扶申请已超期')))
        )[0]!.value,
      )
    const before = await count()
    await Promise.all([t.app.jobs.tick(), second.app.jobs.tick()])
    const after = await count()
    expect(after).toBeGreaterThan(before)
    await Promise.all([t.app.jobs.tick(), second.app.jobs.tick()])
    expect(await count()).toBe(after)
  })
})
