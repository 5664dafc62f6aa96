import { and, asc, eq, gt, gte, ilike, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import {
  LIVE_ENROLLMENT_STATUSES,
  type CourseQuery,
  type EnrollmentStatus,
  type RosterTab,
  type StaffCourseCounts,
  type StaffCourseTab,
} from '@contract/lines/training'
import type * as z from 'zod/mini'
import { scopeCondition, type StaffScope } from '../../core/access'
import { keyset, type SortKey } from '../../core/paging'
import type { Queryable } from '../../db/client'
import { preparedPerDatabase } from '../../db/prepared'
import { orgs } from '../../platform/orgs/orgs.tables'
import { trainingAttendance, trainingCertificates, trainingCourses, trainingEnrollments, trainingSessions } from './training.tables'

export type CourseRow = typeof trainingCourses.$inferSelect
export type SessionRow = typeof trainingSessions.$inferSelect
export type EnrollmentRow = typeof trainingEnrollments.$inferSelect
export type AttendanceRow = typeof trainingAttendance.$inferSelect
export type CertificateRow = typeof trainingCertificates.$inferSelect

export interface CourseWithOrg {
  course: CourseRow
  orgName: string
  orgPath: string
}

const courseColumns = { course: trainingCourses, orgName: orgs.name, orgPath: orgs.path }

export async function findCourse(db: Queryable, id: string): Promise<CourseWithOrg | undefined> {
  const [row] = await db
    .select(courseColumns)
    .from(trainingCourses)
    .innerJoin(orgs, eq(orgs.id, trainingCourses.orgId))
    .where(eq(trainingCourses.id, id))
  return row
}

export async function sessionsOf(db: Queryable, courseIds: readonly string[]): Promise<SessionRow[]> {
  if (courseIds.length === 0) return []
  return db
    .select()
    .from(trainingSessions)
    .where(inArray(trainingSessions.courseId, [...courseIds]))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
}

export async function findSession(db: Queryable, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id))
  return row
}

/** Like `%text%`, with the pattern's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

/** The first instant of this month and of the next, in China time. */
export function chinaMonthBounds(now: Date): { start: Date; end: Date } {
  const china = new Date(now.getTime() + 8 * 3600_000)
  const year = china.getUTCFullYear()
  const month = china.getUTCMonth()
  return { start: new Date(Date.UTC(year, month, 1) - 8 * 3600_000), end: new Date(Date.UTC(year, month + 1, 1) - 8 * 3600_000) }
}

/** Open for a newcomer: published, before its deadline. */
export const takesEnrollments = (now: Date): SQL => and(eq(trainingCourses.status, 'published'), gt(trainingCourses.enrollDeadline, now))!

const liveStatuses = [...LIVE_ENROLLMENT_STATUSES] as EnrollmentStatus[]

/**
 * The worker's catalogue: published courses that have not ended (open ones and those past their
 * deadline, still running), by first session, with the caller's own enrollment in each.
 */
/**
 * One page of the catalogue as everyone sees it (no one's own enrollments): what may be cached
 * for all callers; `liveStatusesOf` adds the caller's.
 */
export async function cataloguePage(db: Queryable, query: CourseQuery, now: Date) {
  const page = keyset(
    [
      { expr: sql`extract(epoch from ${trainingCourses.firstSessionAt})`, type: 'float8' },
      { expr: sql`${trainingCourses.id}`, type: 'uuid' },
    ],
    query,
  )
  const conditions: Array<SQL | undefined> = [
    inArray(trainingCourses.status, ['published', 'closed']),
    gt(trainingCourses.lastSessionEndsAt, now),
    query.category ? eq(trainingCourses.category, query.category) : undefined,
    query.mode ? eq(trainingCourses.mode, query.mode) : undefined,
    query.district ? eq(trainingCourses.district, query.district) : undefined,
    query.cost === 'free' ? sql`${trainingCourses.feeFen} - ${trainingCourses.subsidyFen} = 0` : undefined,
    query.cost === 'subsidised' ? gt(trainingCourses.subsidyFen, 0) : undefined,
    query.seats === 'available' ? and(takesEnrollments(now), lt(trainingCourses.seatsTaken, trainingCourses.capacity)) : undefined,
    page.after,
  ]
  if (query.starts === 'this_month') {
    const month = chinaMonthBounds(now)
    conditions.push(gte(trainingCourses.firstSessionAt, month.start), lt(trainingCourses.firstSessionAt, month.end))
  }
  if (query.q) {
    const pattern = containsPattern(query.q)
    conditions.push(
      or(
        ilike(trainingCourses.title, pattern),
        ilike(trainingCourses.organiser, pattern),
        ilike(trainingCourses.teacher, pattern),
        ilike(trainingCourses.summary, pattern),
      ),
    )
  }
  const rows = await db
    .select({ course: trainingCourses, cursorKey: page.cursorKey })
    .from(trainingCourses)
    .where(and(...conditions))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return page.page(rows, (row) => row)
}

const liveStatusesQuery = preparedPerDatabase((db) =>
  db
    .select({ courseId: trainingEnrollments.courseId, status: trainingEnrollments.status })
    .from(trainingEnrollments)
    .where(
      and(
        eq(trainingEnrollments.userId, sql.placeholder('userId')),
        sql`${trainingEnrollments.courseId} = any(${sql.placeholder('courseIds')}::uuid[])`,
        inArray(trainingEnrollments.status, liveStatuses),
      ),
    )
    .prepare('training_live_statuses_of_user'),
)

/**
 * The caller's live enrollment status in each of these courses (those they hold none in are
 * absent). It runs on every catalogue page, so it is one prepared statement taking the page's
 * course ids as one array, not a query built per page with a parameter per id.
 */
export async function liveStatusesOf(db: Queryable, userId: string, courseIds: string[]): Promise<Map<string, EnrollmentStatus>> {
  if (courseIds.length === 0) return new Map()
  const rows = await liveStatusesQuery(db).execute({ userId, courseIds })
  return new Map(rows.map((row) => [row.courseId, row.status]))
}

/** What each staff tab holds. */
function staffTabCondition(tab: StaffCourseTab, now: Date): SQL | undefined {
  switch (tab) {
    case 'draft':
      return eq(trainingCourses.status, 'draft')
    case 'cancelled':
      return eq(trainingCourses.status, 'cancelled')
    case 'finished':
      return and(inArray(trainingCourses.status, ['published', 'closed']), lte(trainingCourses.lastSessionEndsAt, now))
    case 'active':
      return and(
        inArray(trainingCourses.status, ['published', 'closed']),
        or(isNull(trainingCourses.lastSessionEndsAt), gt(trainingCourses.lastSessionEndsAt, now)),
      )
    case 'all':
      return undefined
  }
}

function staffFilter(scope: Exclude<StaffScope, { kind: 'none' }>, q: string | undefined): SQL | undefined {
  return and(scopeCondition(scope, orgs.path), q ? ilike(trainingCourses.title, containsPattern(q)) : undefined)
}

/** The courses a staff member's scope holds, by tab: drafts by last change, others by first session. */
export async function staffCoursePage(
  db: Queryable,
  scope: Exclude<StaffScope, { kind: 'none' }>,
  tab: StaffCourseTab,
  query: { q?: string; cursor?: string; limit?: string },
  now: Date,
) {
  const keys: SortKey[] =
    tab === 'draft'
      ? [{ expr: sql`-extract(epoch from ${trainingCourses.updatedAt})`, type: 'float8' }]
      : tab === 'active'
        ? [{ expr: sql`coalesce(extract(epoch from ${trainingCourses.firstSessionAt}), 0)`, type: 'float8' }]
        : [{ expr: sql`-coalesce(extract(epoch from ${trainingCourses.firstSessionAt}), 0)`, type: 'float8' }]
  const page = keyset([...keys, { expr: sql`${trainingCourses.id}`, type: 'uuid' }], query)
  const rows = await db
    .select({ ...courseColumns, cursorKey: page.cursorKey })
    .from(trainingCourses)
    .innerJoin(orgs, eq(orgs.id, trainingCourses.orgId))
    .where(and(staffTabCondition(tab, now), staffFilter(scope, query.q), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return page.page(rows, (row) => row)
}

export async function staffCourseCounts(
  db: Queryable,
  scope: Exclude<StaffScope, { kind: 'none' }>,
  q: string | undefined,
  now: Date,
): Promise<z.infer<typeof StaffCourseCounts>> {
  const count = (tab: StaffCourseTab) => sql<number>`count(*) filter (where ${staffTabCondition(tab, now) ?? sql`true`})::int`
  const [row] = await db
    .select({
      active: count('active'),
      draft: count('draft'),
      finished: count('finished'),
      cancelled: count('cancelled'),
      all: count('all'),
    })
    .from(trainingCourses)
    .innerJoin(orgs, eq(orgs.id, trainingCourses.orgId))
    .where(staffFilter(scope, q))
  return {
    active: Number(row?.active ?? 0),
    draft: Number(row?.draft ?? 0),
    finished: Number(row?.finished ?? 0),
    cancelled: Number(row?.cancelled ?? 0),
    all: Number(row?.all ?? 0),
  }
}

/** The person's live enrollment in a course (at most one, by the unique index). */
export async function liveEnrollment(db: Queryable, courseId: string, userId: string): Promise<EnrollmentRow | undefined> {
  const [row] = await db
    .select()
    .from(trainingEnrollments)
    .where(
      and(
        eq(trainingEnrollments.courseId, courseId),
        eq(trainingEnrollments.userId, userId),
        inArray(trainingEnrollments.status, liveStatuses),
      ),
    )
  return row
}

export async function findEnrollment(db: Queryable, id: string): Promise<EnrollmentRow | undefined> {
  const [row] = await db.select().from(trainingEnrollments).where(eq(trainingEnrollments.id, id))
  return row
}

/**
 * A live enrollment of the person (a seat, an offer or a place in line) in another course with a
 * session overlapping one of these: the course it is, or undefined.
 */
export async function overlappingCourse(
  db: Queryable,
  userId: string,
  courseId: string,
  sessions: ReadonlyArray<Pick<SessionRow, 'startsAt' | 'endsAt'>>,
): Promise<{ id: string; title: string } | undefined> {
  if (sessions.length === 0) return undefined
  const overlaps = or(
    ...sessions.map((session) => and(lt(trainingSessions.startsAt, session.endsAt), gt(trainingSessions.endsAt, session.startsAt))),
  )
  const [row] = await db
    .select({ id: trainingCourses.id, title: trainingCourses.title })
    .from(trainingEnrollments)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingEnrollments.courseId))
    .innerJoin(trainingSessions, eq(trainingSessions.courseId, trainingCourses.id))
    .where(
      and(
        eq(trainingEnrollments.userId, userId),
        inArray(trainingEnrollments.status, ['enrolled', 'waitlisted', 'offered']),
        ne(trainingEnrollments.courseId, courseId),
        ne(trainingCourses.status, 'cancelled'),
        overlaps,
      ),
    )
    .limit(1)
  return row
}

/** The person's enrollments, those still ahead first (by first session), then the rest, newest first. */
export async function enrollmentsOfUser(db: Queryable, userId: string, query: { cursor?: string; limit?: string }) {
  const ahead = sql`${trainingEnrollments.status} in ('enrolled', 'offered', 'waitlisted')`
  const page = keyset(
    [
      {
        expr: sql`case when ${ahead} then 0 when ${trainingEnrollments.status} in ('completed', 'not_completed') then 1 else 2 end`,
        type: 'int',
      },
      {
        expr: sql`case when ${ahead} then coalesce(extract(epoch from ${trainingCourses.firstSessionAt}), 0) else -extract(epoch from ${trainingEnrollments.updatedAt}) end`,
        type: 'float8',
      },
      { expr: sql`${trainingEnrollments.id}`, type: 'uuid' },
    ],
    query,
  )
  const rows = await db
    .select({ enrollment: trainingEnrollments, ...courseColumns, position: waitlistPositionSql, cursorKey: page.cursorKey })
    .from(trainingEnrollments)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingEnrollments.courseId))
    .innerJoin(orgs, eq(orgs.id, trainingCourses.orgId))
    .where(and(eq(trainingEnrollments.userId, userId), isNull(trainingEnrollments.anonymisedAt), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return page.page(rows, (row) => row)
}

/** Attendance counts per enrollment (attended = present or late). */
export async function attendanceTotals(db: Queryable, enrollmentIds: readonly string[]) {
  const totals = new Map<string, { attended: number; late: number; absent: number }>()
  if (enrollmentIds.length === 0) return totals
  const rows = await db
    .select({
      enrollmentId: trainingAttendance.enrollmentId,
      attended: sql<number>`count(*) filter (where ${trainingAttendance.status} in ('present', 'late'))::int`,
      late: sql<number>`count(*) filter (where ${trainingAttendance.status} = 'late')::int`,
      absent: sql<number>`count(*) filter (where ${trainingAttendance.status} = 'absent')::int`,
    })
    .from(trainingAttendance)
    .where(inArray(trainingAttendance.enrollmentId, [...enrollmentIds]))
    .groupBy(trainingAttendance.enrollmentId)
  for (const row of rows)
    totals.set(row.enrollmentId, { attended: Number(row.attended), late: Number(row.late), absent: Number(row.absent) })
  return totals
}

export async function attendanceOfEnrollment(db: Queryable, enrollmentId: string): Promise<AttendanceRow[]> {
  return db.select().from(trainingAttendance).where(eq(trainingAttendance.enrollmentId, enrollmentId))
}

/** Sessions that have ended, per course. */
export async function sessionsPastByCourse(db: Queryable, courseIds: readonly string[], now: Date): Promise<Map<string, number>> {
  const past = new Map<string, number>()
  if (courseIds.length === 0) return past
  const rows = await db
    .select({ courseId: trainingSessions.courseId, value: sql<number>`count(*)::int` })
    .from(trainingSessions)
    .where(and(inArray(trainingSessions.courseId, [...courseIds]), lte(trainingSessions.endsAt, now)))
    .groupBy(trainingSessions.courseId)
  for (const row of rows) past.set(row.courseId, Number(row.value))
  return past
}

export async function certificateOfEnrollments(db: Queryable, enrollmentIds: readonly string[]): Promise<Map<string, CertificateRow>> {
  const found = new Map<string, CertificateRow>()
  if (enrollmentIds.length === 0) return found
  const rows = await db
    .select()
    .from(trainingCertificates)
    .where(inArray(trainingCertificates.enrollmentId, [...enrollmentIds]))
  for (const row of rows) found.set(row.enrollmentId, row)
  return found
}

export const rosterTabStatuses: Record<RosterTab, EnrollmentStatus[] | undefined> = {
  seated: ['enrolled', 'offered', 'completed', 'not_completed'],
  waitlisted: ['waitlisted'],
  left: ['cancelled', 'lapsed', 'course_cancelled'],
  all: undefined,
}

/** 1, 2, 3… for those in line (null for everyone else). */
// Written out in full: inside the subquery an unqualified column would name the inner row.
const waitlistPositionSql = sql<number | null>`case when training_enrollments.status = 'waitlisted' then (
  select count(*)::int from training_enrollments ahead
  where ahead.course_id = training_enrollments.course_id and ahead.status = 'waitlisted' and ahead.seq <= training_enrollments.seq
) end`

const rosterOrder: SortKey[] = [
  {
    expr: sql`case ${trainingEnrollments.status} when 'enrolled' then 0 when 'completed' then 0 when 'not_completed' then 0 when 'offered' then 1 when 'waitlisted' then 2 else 3 end`,
    type: 'int',
  },
  { expr: sql`${trainingEnrollments.seq}`, type: 'int' },
]

/** A course's enrollments: seats first, then offers, the waitlist in order, and those who left. */
export async function rosterPage(db: Queryable, courseId: string, tab: RosterTab, query: { cursor?: string; limit?: string }) {
  const page = keyset(rosterOrder, query)
  const statuses = rosterTabStatuses[tab]
  const rows = await db
    .select({ enrollment: trainingEnrollments, position: waitlistPositionSql, cursorKey: page.cursorKey })
    .from(trainingEnrollments)
    .where(
      and(eq(trainingEnrollments.courseId, courseId), statuses ? inArray(trainingEnrollments.status, statuses) : undefined, page.after),
    )
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return page.page(rows, (row) => row)
}

/** Every enrollment of the course in roster order (for the export). */
export async function wholeRoster(db: Queryable, courseId: string) {
  return db
    .select({ enrollment: trainingEnrollments, position: waitlistPositionSql })
    .from(trainingEnrollments)
    .where(eq(trainingEnrollments.courseId, courseId))
    .orderBy(...rosterOrder.map((key) => sql`${key.expr} asc`))
}

export async function rosterCounts(db: Queryable, courseId: string): Promise<Record<RosterTab, number>> {
  const rows = await db
    .select({ status: trainingEnrollments.status, value: sql<number>`count(*)::int` })
    .from(trainingEnrollments)
    .where(eq(trainingEnrollments.courseId, courseId))
    .groupBy(trainingEnrollments.status)
  const of = (statuses: EnrollmentStatus[] | undefined) =>
    rows.filter((row) => !statuses || statuses.includes(row.status)).reduce((sum, row) => sum + Number(row.value), 0)
  return {
    seated: of(rosterTabStatuses.seated),
    waitlisted: of(rosterTabStatuses.waitlisted),
    left: of(rosterTabStatuses.left),
    all: of(undefined),
  }
}

/** Those holding a confirmed seat (for attendance): enrolled, or already settled. */
export const SEATED_FOR_ATTENDANCE: EnrollmentStatus[] = ['enrolled', 'completed', 'not_completed']

/** One session's attendance list: every seated trainee with what was recorded for them. */
export async function sessionRosterPage(db: Queryable, session: SessionRow, query: { cursor?: string; limit?: string }) {
  const page = keyset([{ expr: sql`${trainingEnrollments.seq}`, type: 'int' }], query)
  const rows = await db
    .select({ enrollment: trainingEnrollments, attendance: trainingAttendance, cursorKey: page.cursorKey })
    .from(trainingEnrollments)
    .leftJoin(
      trainingAttendance,
      and(eq(trainingAttendance.enrollmentId, trainingEnrollments.id), eq(trainingAttendance.sessionId, session.id)),
    )
    .where(and(eq(trainingEnrollments.courseId, session.courseId), inArray(trainingEnrollments.status, SEATED_FOR_ATTENDANCE), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return page.page(rows, (row) => row)
}

/** Attendance counts per session of these courses. */
export async function sessionTotals(db: Queryable, sessionIds: readonly string[]) {
  const totals = new Map<string, { present: number; late: number; absent: number; excused: number }>()
  if (sessionIds.length === 0) return totals
  const rows = await db
    .select({
      sessionId: trainingAttendance.sessionId,
      present: sql<number>`count(*) filter (where ${trainingAttendance.status} = 'present')::int`,
      late: sql<number>`count(*) filter (where ${trainingAttendance.status} = 'late')::int`,
      absent: sql<number>`count(*) filter (where ${trainingAttendance.status} = 'absent')::int`,
      excused: sql<number>`count(*) filter (where ${trainingAttendance.status} = 'excused')::int`,
    })
    .from(trainingAttendance)
    .where(inArray(trainingAttendance.sessionId, [...sessionIds]))
    .groupBy(trainingAttendance.sessionId)
  for (const row of rows)
    totals.set(row.sessionId, {
      present: Number(row.present),
      late: Number(row.late),
      absent: Number(row.absent),
      excused: Number(row.excused),
    })
  return totals
}

/** Every attendance row of a course (for the export's attendance sheet). */
export async function attendanceOfCourse(db: Queryable, courseId: string): Promise<AttendanceRow[]> {
  return db
    .select({ attendance: trainingAttendance })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(eq(trainingSessions.courseId, courseId))
    .then((rows) => rows.map((row) => row.attendance))
}

export async function countSeatedOf(db: Queryable, courseId: string) {
  const [row] = await db
    .select({
      enrolled: sql<number>`count(*) filter (where ${trainingEnrollments.status} in ('enrolled', 'completed', 'not_completed'))::int`,
      offered: sql<number>`count(*) filter (where ${trainingEnrollments.status} = 'offered')::int`,
    })
    .from(trainingEnrollments)
    .where(eq(trainingEnrollments.courseId, courseId))
  return { enrolled: Number(row?.enrolled ?? 0), offered: Number(row?.offered ?? 0) }
}
