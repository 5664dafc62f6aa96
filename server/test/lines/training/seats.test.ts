import { and, eq, like } from 'drizzle-orm'
import { openDatabase, type DatabaseHandle } from '../../../src/db/client'
import { trainingCourses, trainingEnrollments } from '../../../src/lines/training/training.tables'
import { inboxMessages } from '../../../src/platform/inbox/inbox.tables'
import { makeMembers, type TestMember } from '../../helpers/members'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { asMember, cancel, confirm, courseInput, enroll, freshKey, HOUR, myStatus, publishedCourse } from './helpers'

/**
 * Seats under concurrency (two server instances on one database), the waitlist and its offers with
 * their expiry job, the cancel cut-off, overlapping sessions, who may enroll, and a retried tap.
 */
// Two instances and many requests on a shared, busy machine: a test may take a while.
jest.setTimeout(120_000)

describe('training seats: capacity, waitlist, offers, cut-off, overlaps', () => {
  let first: TestApp
  let second: TestApp
  let now = new Date()
  let members: TestMember[]
  let ownPool: DatabaseHandle | undefined

  beforeAll(async () => {
    first = await createTestApp({ clock: () => now })
    // On PostgreSQL the second instance has a connection pool of its own, as a second server would;
    // PGlite is one in-process database that both share.
    const url = (first.database as DatabaseHandle & { url?: string }).url
    ownPool = url ? await openDatabase({ databaseUrl: url, migrate: false }) : undefined
    second = await createTestApp({ clock: () => now, database: ownPool ?? first.database })
    members = await makeMembers(first, 24, { prefix: 'seat-test' })
  }, 120_000)
  afterAll(async () => {
    await second.close()
    await ownPool?.close()
    await first.close()
  })

  const seatCounts = async (courseId: string) => {
    const [course] = await first.database.db.select().from(trainingCourses).where(eq(trainingCourses.id, courseId))
    const rows = await first.database.db.select().from(trainingEnrollments).where(eq(trainingEnrollments.courseId, courseId))
    const count = (status: string) => rows.filter((row) => row.status === status).length
    return {
      seatsTaken: course!.seatsTaken,
      waitlistCount: course!.waitlistCount,
      enrolled: count('enrolled'),
      waitlisted: count('waitlisted'),
      offered: count('offered'),
    }
  }

  it('20 people enrolling at once through two instances into 5 seats: exactly 5 seated, 15 in line, each place once', async () => {
    const course = await publishedCourse(first, courseInput(now, { capacity: 5, startsInHours: 24 * 10 }))
    const people = members.slice(0, 20)
    const responses = await Promise.all(
      people.map((member, index) => enroll(index % 2 === 0 ? first : second, member, course.id, { waitlist: true })),
    )
    expect(responses.map((response) => response.statusCode)).toEqual(people.map(() => 201))
    const results = responses.map((response) => response.json() as { status: string; waitlistPosition: number | null })
    expect(results.filter((result) => result.status === 'enrolled')).toHaveLength(5)
    expect(results.filter((result) => result.status === 'waitlisted')).toHaveLength(15)
    expect(await seatCounts(course.id)).toEqual({ seatsTaken: 5, waitlistCount: 15, enrolled: 5, waitlisted: 15, offered: 0 })
    const detail = (await asMember(first, members[23]!)({ method: 'GET', url: `/api/training/courses/${course.id}` })).json()
    expect(detail).toMatchObject({ seatsLeft: 0, waitlistCount: 15, actions: ['waitlist'] })
    // Once everything has settled, the line is 1…15 in order of arrival.
    const waiting = await first.database.db
      .select({ userId: trainingEnrollments.userId })
      .from(trainingEnrollments)
      .where(and(eq(trainingEnrollments.courseId, course.id), eq(trainingEnrollments.status, 'waitlisted')))
      .orderBy(trainingEnrollments.seq)
    const positions = []
    for (const { userId } of waiting) {
      const member = people.find((person) => person.userId === userId)!
      positions.push(
        (await asMember(first, member)({ method: 'GET', url: `/api/training/courses/${course.id}` })).json().mine.waitlistPosition,
      )
    }
    expect(positions).toEqual(Array.from({ length: 15 }, (_, index) => index + 1))
  })

  it('without asking for the waitlist a full course refuses with COURSE_FULL; never more seats than capacity', async () => {
    const course = await publishedCourse(first, courseInput(now, { capacity: 3, startsInHours: 24 * 20 }))
    const responses = await Promise.all(members.slice(0, 8).map((member, index) => enroll(index % 2 ? first : second, member, course.id)))
    const codes = responses.map((response) => response.statusCode).sort()
    expect(codes).toEqual([201, 201, 201, 409, 409, 409, 409, 409])
    expect(responses.filter((response) => response.statusCode === 409).map((response) => response.json().code)).toEqual(
      Array(5).fill('COURSE_FULL'),
    )
    expect(await seatCounts(course.id)).toMatchObject({ seatsTaken: 3, enrolled: 3, waitlisted: 0 })
  })

  it('a retried tap (the same key, at once and again later) makes one enrollment; a new tap says ALREADY_ENROLLED', async () => {
    const course = await publishedCourse(first, courseInput(now, { capacity: 5, startsInHours: 24 * 30 }))
    const key = freshKey()
    const [a, b] = await Promise.all([enroll(first, members[0]!, course.id, {}, key), enroll(second, members[0]!, course.id, {}, key)])
    expect([a.statusCode, b.statusCode]).toEqual([201, 201])
    expect(a.json().enrollmentId).toBe(b.json().enrollmentId)
    expect((await enroll(first, members[0]!, course.id, {}, key)).json().enrollmentId).toBe(a.json().enrollmentId)
    const again = await enroll(first, members[0]!, course.id)
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('ALREADY_ENROLLED')
    expect(await seatCounts(course.id)).toMatchObject({ seatsTaken: 1, enrolled: 1 })
  })

  it('a freed seat is offered to the first in line, who is told and confirms; a lapsed offer passes on through the job, once across instances', async () => {
    const course = await publishedCourse(first, courseInput(now, { capacity: 2, startsInHours: 24 * 40 }))
    const [a, b, c, d, e] = members.slice(0, 5) as [TestMember, TestMember, TestMember, TestMember, TestMember]
    for (const member of [a, b]) expect((await enroll(first, member, course.id)).json().status).toBe('enrolled')
    for (const member of [c, d, e]) expect((await enroll(first, member, course.id, { waitlist: true })).json().status).toBe('waitlisted')
    expect((await asMember(first, e)({ method: 'GET', url: `/api/training/courses/${course.id}` })).json().mine.waitlistPosition).toBe(3)

    // A leaves: C (first in line) is offered the seat; the seat stays taken while C decides.
    expect((await cancel(first, a, course.id)).json().status).toBe('cancelled')
    expect(await myStatus(first, c, course.id)).toBe('offered')
    expect(await seatCounts(course.id)).toMatchObject({ seatsTaken: 2, offered: 1, waitlisted: 2, waitlistCount: 2 })
    const told = await first.database.db
      .select()
      .from(inboxMessages)
      .where(and(eq(inboxMessages.userId, c.userId), like(inboxMessages.title, '候补到位%')))
    expect(told.length).toBeGreaterThan(0)
    // Nobody else can take the offered seat meanwhile.
    const newcomer = await enroll(first, members[10]!, course.id)
    expect(newcomer.json().code).toBe('COURSE_FULL')
    expect((await confirm(first, c, course.id)).json().status).toBe('enrolled')

    // B leaves: D is offered, lets the window pass; the job on both instances moves it on to E once.
    await cancel(first, b, course.id)
    expect(await myStatus(first, d, course.id)).toBe('offered')
    now = new Date(now.getTime() + 25 * HOUR)
    await Promise.all([first.app.jobs.tick(), second.app.jobs.tick()])
    const [lapsed] = await first.database.db
      .select({ status: trainingEnrollments.status })
      .from(trainingEnrollments)
      .where(and(eq(trainingEnrollments.courseId, course.id), eq(trainingEnrollments.userId, d.userId)))
    expect(lapsed?.status).toBe('lapsed')
    expect(await myStatus(first, d, course.id)).toBeNull()
    expect(await myStatus(first, e, course.id)).toBe('offered')
    expect(await seatCounts(course.id)).toMatchObject({ seatsTaken: 2, enrolled: 1, offered: 1, waitlisted: 0 })
    const late = await confirm(first, d, course.id)
    expect(late.statusCode).toBe(409)
    // E declines: nobody waits now, so the seat comes free for anyone.
    await cancel(first, e, course.id)
    expect(await seatCounts(course.id)).toMatchObject({ seatsTaken: 1, enrolled: 1, offered: 0, waitlisted: 0, waitlistCount: 0 })
    expect((await enroll(first, members[10]!, course.id)).json().status).toBe('enrolled')
  })

  it('a seat may be given up until the cut-off before the first session, a place in line at any time', async () => {
    const course = await publishedCourse(first, courseInput(now, { capacity: 1, startsInHours: 48, cancelCutoffHours: 24 }))
    const [a, b] = members.slice(12, 14) as [TestMember, TestMember]
    await enroll(first, a, course.id)
    await enroll(first, b, course.id, { waitlist: true })
    now = new Date(now.getTime() + 25 * HOUR)
    const refused = await cancel(first, a, course.id)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().code).toBe('CANCEL_TOO_LATE')
    const detail = (await asMember(first, a)({ method: 'GET', url: `/api/training/courses/${course.id}` })).json()
    expect(detail.mine).toMatchObject({ status: 'enrolled', canCancel: false })
    expect(detail.actions).not.toContain('cancel')
    expect((await cancel(first, b, course.id)).json().status).toBe('cancelled')
  })

  it('no two enrollments in overlapping sessions; a course at another time is fine', async () => {
    const base = courseInput(now, { capacity: 5, startsInHours: 24 * 50, sessionCount: 1 })
    const morning = await publishedCourse(first, base)
    const start = Date.parse(base.sessions[0]!.startsAt)
    const overlapping = await publishedCourse(
      first,
      courseInput(now, {
        title: '测试课程·同时段的另一门',
        capacity: 5,
        sessions: [{ startsAt: new Date(start + HOUR).toISOString(), endsAt: new Date(start + 3 * HOUR).toISOString() }],
        enrollDeadline: new Date(start - 3 * HOUR).toISOString(),
      }),
    )
    const later = await publishedCourse(
      first,
      courseInput(now, { title: '测试课程·第二天的课', capacity: 5, startsInHours: 24 * 50 + 26, sessionCount: 1 }),
    )
    const member = members[15]!
    expect((await enroll(first, member, morning.id)).statusCode).toBe(201)
    const clash = await enroll(first, member, overlapping.id)
    expect(clash.statusCode).toBe(409)
    expect(clash.json()).toMatchObject({ code: 'SCHEDULE_CONFLICT' })
    expect(clash.json().message).toContain('测试课程·钳工技能提升')
    expect((await asMember(first, member)({ method: 'GET', url: `/api/training/courses/${overlapping.id}` })).json().actions).toEqual([])
    expect((await enroll(first, member, later.id)).statusCode).toBe(201)
    // Having left the first, the overlapping one is open to them.
    await cancel(first, member, morning.id)
    expect((await enroll(first, member, overlapping.id)).statusCode).toBe(201)
  })

  it('members-only courses refuse a non-member; a course open to all workers takes them with a name', async () => {
    const membersOnly = await publishedCourse(first, courseInput(now, { capacity: 5, startsInHours: 24 * 60 }))
    const refused = await first.as('demo-worker')({
      method: 'POST',
      url: `/api/training/courses/${membersOnly.id}/enrollment`,
      payload: {},
      headers: { 'idempotency-key': freshKey() },
    })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().code).toBe('NOT_A_MEMBER')
    const open = await publishedCourse(first, courseInput(now, { capacity: 5, startsInHours: 24 * 62, audience: 'all_workers' }))
    const nameless = await first.as('demo-worker')({
      method: 'POST',
      url: `/api/training/courses/${open.id}/enrollment`,
      payload: {},
      headers: { 'idempotency-key': freshKey() },
    })
    expect(nameless.statusCode).toBe(400)
    expect(nameless.json().fields).toHaveProperty('name')
    const taken = await first.as('demo-worker')({
      method: 'POST',
      url: `/api/training/courses/${open.id}/enrollment`,
      payload: { name: '王小明', employer: '美团外卖' },
      headers: { 'idempotency-key': freshKey() },
    })
    expect(taken.statusCode).toBe(201)
  })

  it('the day before a session everyone seated is reminded once, however often the job runs on either instance', async () => {
    const course = await publishedCourse(first, courseInput(now, { capacity: 5, startsInHours: 30, title: '测试课程·提醒' }))
    const [a, b] = members.slice(16, 18) as [TestMember, TestMember]
    await enroll(first, a, course.id)
    await enroll(first, b, course.id)
    const reminders = async (member: TestMember) =>
      (
        await first.database.db
          .select()
          .from(inboxMessages)
          .where(and(eq(inboxMessages.userId, member.userId), like(inboxMessages.title, '%提醒%')))
      ).length
    now = new Date(now.getTime() + 10 * HOUR)
    await Promise.all([first.app.jobs.tick(), second.app.jobs.tick()])
    now = new Date(now.getTime() + HOUR)
    await Promise.all([first.app.jobs.tick(), second.app.jobs.tick()])
    expect(await reminders(a)).toBe(1)
    expect(await reminders(b)).toBe(1)
  })
})
