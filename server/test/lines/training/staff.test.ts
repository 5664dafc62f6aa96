import { and, eq, like } from 'drizzle-orm'
import { inboxMessages } from '../../../src/platform/inbox/inbox.tables'
import { makeMembers, type TestMember } from '../../helpers/members'
import { readWorkbook } from '../../helpers/spreadsheet'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { asMember, courseInput, enroll, freshKey, publishedCourse } from './helpers'

jest.setTimeout(120_000)

/**
 * Staff's side: a draft, edits and publishing; who may manage which course (the city's training
 * staff everything, a union's staff their own subtree, oversight reads only, a worker nothing);
 * the roster and its Excel export; messages and cancellation telling everyone; the dashboard.
 */
describe('training staff: courses, roster, export, authorization, dashboard', () => {
  let t: TestApp
  const now = new Date()
  let members: TestMember[]

  beforeAll(async () => {
    // The real clock: an edit's version is the time it was saved.
    t = await createTestApp()
    members = await makeMembers(t, 6, { prefix: 'staff-test' })
  }, 120_000)
  afterAll(() => t.close())

  const staff = (openid: string) => t.as(openid)
  const post = (openid: string, url: string, payload: unknown) =>
    staff(openid)({ method: 'POST', url, payload: payload as Record<string, unknown>, headers: { 'idempotency-key': freshKey() } })

  it('a draft is not in the catalogue; edited and published it is; a published course’s capacity cannot drop under its seats', async () => {
    const input = courseInput(now, { title: '测试课程·草稿到发布', capacity: 3 })
    const created = await post('demo-training', '/api/workbench/training/courses', input)
    expect(created.statusCode).toBe(201)
    const draft = created.json()
    expect(draft).toMatchObject({ status: 'draft', actions: expect.arrayContaining(['publish', 'edit']) })
    expect((await asMember(t, members[0]!)({ method: 'GET', url: `/api/training/courses/${draft.id}` })).statusCode).toBe(404)

    const edited = await staff('demo-training')({
      method: 'PUT',
      url: `/api/workbench/training/courses/${draft.id}?version=${encodeURIComponent(draft.updatedAt)}`,
      payload: { ...input, title: '测试课程·已改名' },
    })
    expect(edited.statusCode).toBe(200)
    expect(edited.json().title).toBe('测试课程·已改名')
    // An edit on a version the editor did not see is refused.
    const stale = await staff('demo-training')({
      method: 'PUT',
      url: `/api/workbench/training/courses/${draft.id}?version=${encodeURIComponent(draft.updatedAt)}`,
      payload: { ...input, title: '测试课程·过时的修改' },
    })
    expect(stale.statusCode).toBe(409)

    expect((await post('demo-training', `/api/workbench/training/courses/${draft.id}/publish`, {})).json().status).toBe('published')
    const catalogue = (await asMember(t, members[0]!)({ method: 'GET', url: '/api/training/courses?q=已改名' })).json()
    expect(catalogue.items.map((item: { id: string }) => item.id)).toEqual([draft.id])
    await enroll(t, members[0]!, draft.id)
    await enroll(t, members[1]!, draft.id)
    const current = (await staff('demo-training')({ method: 'GET', url: `/api/workbench/training/courses/${draft.id}` })).json()
    const shrink = await staff('demo-training')({
      method: 'PUT',
      url: `/api/workbench/training/courses/${draft.id}`,
      payload: {
        ...input,
        title: '测试课程·已改名',
        capacity: 1,
        sessions: current.sessions.map((s: { id: string; startsAt: string; endsAt: string }) => ({
          id: s.id,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
        })),
      },
    })
    expect(shrink.statusCode).toBe(400)
    expect(shrink.json().fields).toHaveProperty('capacity')
  })

  it('catalogue filters: category, mode, district, free, starts this month, has seats', async () => {
    const viewer = asMember(t, members[5]!)
    const all = (await viewer({ method: 'GET', url: '/api/training/courses?limit=50' })).json().items as Array<Record<string, unknown>>
    const online = (await viewer({ method: 'GET', url: '/api/training/courses?mode=online&limit=50' })).json().items as Array<{
      mode: string
    }>
    expect(online.length).toBeGreaterThan(0)
    expect(online.every((item) => item.mode === 'online')).toBe(true)
    const reading = (await viewer({ method: 'GET', url: '/api/training/courses?category=reading' })).json().items as Array<{
      category: string
    }>
    expect(reading.length).toBeGreaterThan(0)
    expect(reading.every((item) => item.category === 'reading')).toBe(true)
    const lianyun = (await viewer({ method: 'GET', url: '/api/training/courses?district=lianyun&limit=50' })).json().items as Array<{
      district: string
    }>
    expect(lianyun.every((item) => item.district === 'lianyun')).toBe(true)
    const free = (await viewer({ method: 'GET', url: '/api/training/courses?cost=free&limit=50' })).json().items as Array<{
      fee: number
      subsidy: number
    }>
    expect(free.every((item) => item.fee - item.subsidy === 0)).toBe(true)
    const seats = (await viewer({ method: 'GET', url: '/api/training/courses?seats=available&limit=50' })).json().items as Array<{
      seatsLeft: number
    }>
    expect(seats.every((item) => item.seatsLeft > 0)).toBe(true)
    expect(seats.length).toBeLessThan(all.length)
    const bad = await viewer({ method: 'GET', url: '/api/training/courses?district=nowhere' })
    expect(bad.statusCode).toBe(400)
  })

  it('who manages which course: a union’s staff their own unions, the city everything, oversight reads, a worker nothing', async () => {
    const port = await publishedCourse(
      t,
      courseInput(now, { title: '测试课程·港口工会的课', orgId: 'lyg-lianyun-port' }),
      'demo-training-union',
    )
    const city = await publishedCourse(t, courseInput(now, { title: '测试课程·市总的课' }))
    // The port union's staff cannot open a course for the city, nor see the city's.
    const outside = await post('demo-training-union', '/api/workbench/training/courses', courseInput(now, { orgId: 'lyg' }))
    expect(outside.statusCode).toBe(400)
    expect(outside.json().fields).toHaveProperty('orgId')
    expect((await staff('demo-training-union')({ method: 'GET', url: `/api/workbench/training/courses/${city.id}` })).statusCode).toBe(404)
    expect(
      (await staff('demo-training-union')({ method: 'GET', url: `/api/workbench/training/courses/${city.id}/roster` })).statusCode,
    ).toBe(404)
    expect((await post('demo-training-union', `/api/workbench/training/sessions/${city.sessionIds[0]}/check-in-code`, {})).statusCode).toBe(
      404,
    )
    const portList = (await staff('demo-training-union')({ method: 'GET', url: '/api/workbench/training/courses?limit=50' })).json()
      .items as Array<{ orgId: string }>
    expect(portList.length).toBeGreaterThan(0)
    expect(portList.every((item) => item.orgId.startsWith('lyg-lianyun-port'))).toBe(true)
    // The city's training staff reach the port's course.
    expect((await staff('demo-training')({ method: 'GET', url: `/api/workbench/training/courses/${port.id}` })).json().canAct).toBe(true)
    // The city administrator reads, and may not act.
    const overseen = (await staff('demo-city-admin')({ method: 'GET', url: `/api/workbench/training/courses/${port.id}` })).json()
    expect(overseen).toMatchObject({ canAct: false, actions: [] })
    expect(
      (await post('demo-city-admin', `/api/workbench/training/courses/${port.id}/cancel`, { reason: '监督不能取消' })).statusCode,
    ).toBe(403)
    // A worker reaches nothing of the workbench.
    expect((await staff('demo-member')({ method: 'GET', url: '/api/workbench/training/courses' })).statusCode).toBe(403)
    expect((await staff('demo-member')({ method: 'GET', url: `/api/workbench/training/courses/${port.id}/roster.xlsx` })).statusCode).toBe(
      404,
    )
    expect((await staff('demo-member')({ method: 'GET', url: '/api/workbench/training/stats' })).statusCode).toBe(403)
  })

  it('the roster in order with the waitlist, and its export opens as a workbook with those rows and the attendance sheet', async () => {
    const course = await publishedCourse(
      t,
      courseInput(now, { title: '测试课程·名单导出', capacity: 2, sessionCount: 3, startsInHours: 24 * 10 }),
    )
    for (const member of members.slice(0, 4)) await enroll(t, member, course.id, { waitlist: true })
    const roster = (
      await staff('demo-training')({ method: 'GET', url: `/api/workbench/training/courses/${course.id}/roster?tab=all` })
    ).json()
    expect(roster.counts).toMatchObject({ seated: 2, waitlisted: 2, all: 4 })
    const waiting = (
      await staff('demo-training')({ method: 'GET', url: `/api/workbench/training/courses/${course.id}/roster?tab=waitlisted` })
    ).json()
    expect(waiting.items.map((row: { name: string; waitlistPosition: number }) => [row.name, row.waitlistPosition])).toEqual([
      ['测试会员3', 1],
      ['测试会员4', 2],
    ])
    const exported = await staff('demo-training')({ method: 'GET', url: `/api/workbench/training/courses/${course.id}/roster.xlsx` })
    expect(exported.statusCode).toBe(200)
    expect(exported.headers['content-type']).toContain('spreadsheetml')
    const workbook = await readWorkbook(exported.rawPayload)
    const names = workbook.worksheets.map((sheet) => sheet.name)
    expect(names).toEqual(['报名名单', '考勤表'])
    const cells = (name: string) => {
      const rows: string[][] = []
      workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))))
      return rows
    }
    const rosterRows = cells('报名名单').filter((row) => row.some((value) => value.startsWith('测试会员')))
    expect(rosterRows.map((row) => row[1])).toEqual(['测试会员1', '测试会员2', '测试会员3', '测试会员4'])
    const header = cells('考勤表').find((row) => row[0] === '姓名')!
    expect(header.filter((value) => value.startsWith('第'))).toHaveLength(3)
    expect(
      cells('考勤表')
        .filter((row) => row[0]?.startsWith('测试会员'))
        .map((row) => row[0]),
    ).toEqual(['测试会员1', '测试会员2'])
  })

  it('a message reaches the enrolled; cancelling the course lets everyone go and tells them why', async () => {
    const course = await publishedCourse(t, courseInput(now, { title: '测试课程·将取消', capacity: 1, startsInHours: 24 * 20 }))
    await enroll(t, members[2]!, course.id)
    await enroll(t, members[3]!, course.id, { waitlist: true })
    expect(
      (
        await post('demo-training', `/api/workbench/training/courses/${course.id}/messages`, {
          body: '请带好身份证',
          includeWaitlist: true,
        })
      ).json(),
    ).toEqual({ sent: 2 })
    const cancelled = await post('demo-training', `/api/workbench/training/courses/${course.id}/cancel`, { reason: '老师临时出差' })
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', enrolledCount: 0 })
    for (const member of members.slice(2, 4)) {
      const told = await t.database.db
        .select()
        .from(inboxMessages)
        .where(and(eq(inboxMessages.userId, member.userId), like(inboxMessages.title, '课程已取消%')))
      expect(told).toHaveLength(1)
      expect((await asMember(t, member)({ method: 'GET', url: `/api/training/courses/${course.id}` })).json().mine).toBeNull()
    }
  })

  it('the dashboard: trainees this year against the plan, by category and district, full and under-filled, attendance', async () => {
    const dashboard = (await staff('demo-training')({ method: 'GET', url: '/api/workbench/training/stats' })).json()
    expect(dashboard.metrics.length).toBeGreaterThan(0)
    const target = dashboard.metrics.find((metric: { target?: number }) => metric.target)
    expect([5000, 7000, 8000]).toContain(target.target)
    expect(target.value).toBeGreaterThan(0)
    const labels = dashboard.breakdowns.map((breakdown: { label: string }) => breakdown.label).join(' ')
    expect(labels).toContain('类别')
    expect(labels).toContain('区县')
    // A union's staff see their own subtree's figures.
    expect((await staff('demo-training-union')({ method: 'GET', url: '/api/workbench/training/stats' })).statusCode).toBe(200)
  })
})
