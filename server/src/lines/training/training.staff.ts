import { and, eq, inArray } from 'drizzle-orm'
import {
  attendancePercent,
  COURSE_ACTIONS,
  courseWorkflow,
  type CancelCourseBody,
  type CourseInput,
  type CourseMessageBody,
  type MessageResult,
  type Roster,
  type RosterQuery,
  type StaffCourseDetail,
  type StaffCourseList,
  type StaffCourseQuery,
  type StaffSessionDetail,
  type StaffSessionView,
} from '@contract/lines/training'
import { attendanceStatusLabel, courseCategoryLabel, districtLabel, enrollmentStatusLabel } from '@contract/lines/training'
import { pages } from '@contract/pages'
import { mayAct, requireLineAccess, scopeIncludes, staffAccessTo, staffScope, type StaffAccess } from '../../core/access'
import { recordAudit } from '../../core/audit'
import { chinaDate } from '../../core/calendar'
import type { ServiceContext } from '../../core/context'
import { notifyApplicant } from '../../core/notify'
import { sheet, workbookBuffer } from '../../core/spreadsheet'
import { appendTimelineEvent, listTimeline } from '../../core/timeline'
import { transition } from '../../core/workflow'
import { forbidden, notFound, validationFailed } from '../../lib/errors'
import { findOrg } from '../../platform/orgs/orgs.repository'
import { courseAccess } from './training.access'
import { sessionForStaff } from './training.check-in'
import { chinaTime, enrollmentNotices, tellTrainee } from './training.notices'
import {
  attendanceOfCourse,
  attendanceTotals,
  countSeatedOf,
  findCourse,
  rosterCounts,
  rosterPage,
  sessionRosterPage,
  sessionsOf,
  sessionTotals,
  staffCourseCounts,
  staffCoursePage,
  wholeRoster,
  type CourseWithOrg,
  type SessionRow,
} from './training.repository'
import { fillFromWaitlist, releaseEveryone } from './training.seats'
import { seatPolicy } from './training.settings'
import { trainingAttendance, trainingCourses, trainingEnrollments, trainingSessions } from './training.tables'
import { tellOffered } from './training.worker'
import { COURSE_SUBJECT, courseCore, fen, placeOf, sessionWhen, toSessionView, toStaffCourseSummary } from './training.views'

/** Staff's side of courses: write and publish them, the roster, attendance, messages, the export. */

const NOT_FOUND_MESSAGE = '没有找到这门课程'

/** A course as staff may see it: out of their unions' reach it does not exist (404). */
async function courseForStaff(
  context: ServiceContext,
  id: string,
  need: StaffAccess,
): Promise<{ found: CourseWithOrg; access: StaffAccess }> {
  const found = await findCourse(context.db, id)
  if (!found) throw notFound(NOT_FOUND_MESSAGE)
  // A course has no applicant of its own: the own-record rule applies to attendance, not here.
  const access = staffAccessTo(context.user, courseAccess, { applicantId: '', orgPath: found.orgPath }, need, NOT_FOUND_MESSAGE)
  return { found, access }
}

export async function listStaffCourses(context: ServiceContext, query: StaffCourseQuery): Promise<StaffCourseList> {
  const { scope } = requireLineAccess(context.user, courseAccess)
  const tab = query.tab ?? 'active'
  const page = await staffCoursePage(context.db, scope, tab, query, context.now)
  return {
    items: page.items.map((row) => toStaffCourseSummary(row, context.now)),
    nextCursor: page.nextCursor,
    counts: await staffCourseCounts(context.db, scope, query.q, context.now),
  }
}

function sessionViewWith(
  session: SessionRow,
  totals: Map<string, { present: number; late: number; absent: number; excused: number }>,
  now: Date,
): StaffSessionView {
  const view = toSessionView(session)
  const counts = totals.get(session.id) ?? { present: 0, late: 0, absent: 0, excused: 0 }
  return { ...view, ...counts, checkInOpen: isRunning(now, session) }
}

const isRunning = (now: Date, session: SessionRow) =>
  now.getTime() >= session.startsAt.getTime() - 30 * 60_000 && now.getTime() < session.endsAt.getTime()

export async function getStaffCourse(context: ServiceContext, id: string): Promise<StaffCourseDetail> {
  const { found, access } = await courseForStaff(context, id, 'read')
  return staffCourseDetail(context, found, access)
}

async function staffCourseDetail(context: ServiceContext, found: CourseWithOrg, access: StaffAccess): Promise<StaffCourseDetail> {
  const { course, orgName } = found
  const sessions = await sessionsOf(context.db, [course.id])
  const totals = await sessionTotals(
    context.db,
    sessions.map((session) => session.id),
  )
  const seated = await countSeatedOf(context.db, course.id)
  const acting = mayAct(context.user, access, { applicantId: '' })
  return {
    ...courseCore(course, context.now),
    summary: course.summary,
    address: course.address,
    latitude: course.latitude,
    longitude: course.longitude,
    onlineUrl: course.onlineUrl,
    completionRule: course.completionRule,
    completionPercent: course.completionPercent,
    cancelCutoffHours: course.cancelCutoffHours,
    orgId: course.orgId,
    orgName,
    sessions: sessions.map((session) => sessionViewWith(session, totals, context.now)),
    enrolledCount: seated.enrolled,
    offeredCount: seated.offered,
    cancelReason: course.cancelReason,
    updatedAt: course.updatedAt.toISOString(),
    actions: acting ? COURSE_ACTIONS.filter((action) => courseWorkflow.next(course.status, action).ok) : [],
    canAct: acting,
    timeline: await listTimeline(context.db, context.roles, COURSE_SUBJECT, course.id, 'staff'),
  }
}

/** The union a new course belongs to: the one named, if the staff member manages it, or their own. */
async function chosenOrg(context: ServiceContext, orgId: string | undefined): Promise<string> {
  const scope = staffScope(context.user, courseAccess.act, courseAccess.reach)
  if (scope.kind === 'none') throw forbidden()
  const grant =
    context.user.roles.find((role) => role.role === 'training_staff' && role.scopeId === null) ??
    context.user.roles.find((role) => courseAccess.act.includes(role.role) && role.scopeId === null)
  const wanted = orgId ?? grant?.orgId
  const org = wanted ? await findOrg(context.db, wanted) : undefined
  if (!org || !scopeIncludes(scope, org.path)) throw validationFailed({ orgId: '只能为您所在的工会及下级工会开设课程' })
  return org.id
}

/** The columns a course's input sets (the sessions are kept apart). */
function courseValues(input: CourseInput) {
  const online = input.mode === 'online'
  return {
    title: input.title,
    category: input.category,
    summary: input.summary,
    organiser: input.organiser,
    teacher: input.teacher,
    mode: input.mode,
    district: input.district ?? null,
    address: online ? null : (input.address?.trim() ?? null),
    latitude: online ? null : (input.latitude ?? null),
    longitude: online ? null : (input.longitude ?? null),
    onlineUrl: online ? (input.onlineUrl?.trim() ?? null) : null,
    capacity: input.capacity,
    enrollDeadline: new Date(input.enrollDeadline),
    audience: input.audience,
    feeFen: fen(input.fee),
    subsidyFen: fen(input.subsidy),
    completionRule: input.completionRule,
    completionPercent: input.completionPercent,
    certificate: input.certificate,
    cancelCutoffHours: input.cancelCutoffHours,
  }
}

function scheduleOf(sessions: ReadonlyArray<{ startsAt: Date; endsAt: Date }>) {
  const starts = sessions.map((session) => session.startsAt.getTime())
  const ends = sessions.map((session) => session.endsAt.getTime())
  return {
    firstSessionAt: starts.length ? new Date(Math.min(...starts)) : null,
    lastSessionEndsAt: ends.length ? new Date(Math.max(...ends)) : null,
    sessionCount: sessions.length,
  }
}

/**
 * Replaces a course's sessions with the input's: kept ones (by id) are moved, missing ones are
 * removed — unless attendance was recorded for them — and new ones are added.
 */
async function writeSessions(context: ServiceContext, courseId: string, input: CourseInput['sessions']): Promise<boolean> {
  const { db } = context
  const existing = await sessionsOf(db, [courseId])
  const keptIds = input.flatMap((session) => (session.id ? [session.id] : []))
  const unknown = keptIds.filter((id) => !existing.some((session) => session.id === id))
  if (unknown.length) throw validationFailed({ sessions: '课次已变化，请刷新后再修改' })
  const removed = existing.filter((session) => !keptIds.includes(session.id))
  if (removed.length) {
    const marked = await db
      .select({ sessionId: trainingAttendance.sessionId })
      .from(trainingAttendance)
      .where(
        inArray(
          trainingAttendance.sessionId,
          removed.map((session) => session.id),
        ),
      )
      .limit(1)
    if (marked.length) throw validationFailed({ sessions: '已记录考勤的课次不能删除' })
    await db.delete(trainingSessions).where(
      inArray(
        trainingSessions.id,
        removed.map((session) => session.id),
      ),
    )
  }
  let moved = removed.length > 0
  for (const session of input) {
    const values = { startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt), topic: session.topic || null }
    if (session.id) {
      const before = existing.find((row) => row.id === session.id)!
      if (before.startsAt.getTime() !== values.startsAt.getTime() || before.endsAt.getTime() !== values.endsAt.getTime()) moved = true
      await db.update(trainingSessions).set(values).where(eq(trainingSessions.id, session.id))
    } else {
      moved = true
      await db.insert(trainingSessions).values({ courseId, ...values })
    }
  }
  return moved
}

export async function createCourse(context: ServiceContext, input: CourseInput): Promise<StaffCourseDetail> {
  if (requireLineAccess(context.user, courseAccess).access !== 'act') throw forbidden('您可以查看课程，但不能开设课程')
  const orgId = await chosenOrg(context, input.orgId)
  const sessions = input.sessions.map((session) => ({ startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt) }))
  const [row] = await context.db
    .insert(trainingCourses)
    .values({
      ...courseValues(input),
      ...scheduleOf(sessions),
      orgId,
      status: 'draft',
      createdBy: context.user.id,
      createdAt: context.now,
      updatedAt: context.now,
    })
    .returning()
  if (!row) throw new Error('insert returned no row')
  await context.db.insert(trainingSessions).values(
    input.sessions.map((session) => ({
      courseId: row.id,
      startsAt: new Date(session.startsAt),
      endsAt: new Date(session.endsAt),
      topic: session.topic || null,
    })),
  )
  await appendCourseEvent(context, row.id, null, 'draft', 'create', null)
  const found = await findCourse(context.db, row.id)
  return staffCourseDetail(context, found!, 'act')
}

async function appendCourseEvent(
  context: ServiceContext,
  courseId: string,
  from: string | null,
  to: string,
  action: string,
  note: string | null,
) {
  await appendTimelineEvent(context.db, {
    subjectType: COURSE_SUBJECT,
    subjectId: courseId,
    actorId: context.user.id,
    actorRole: actingRole(context),
    fromStatus: from,
    toStatus: to,
    action,
    note,
  })
}

/** The role staff act in, for the timeline: training staff when they hold it, union staff otherwise. */
function actingRole(context: ServiceContext): string {
  return context.user.roles.some((grant) => grant.role === 'training_staff') ? 'training_staff' : 'union_staff'
}

/**
 * Edits a course: its details, seats and sessions. Seats cannot drop below those taken; more seats
 * go to the waitlist at once; a changed timetable is told to everyone enrolled.
 */
export async function editCourse(
  context: ServiceContext,
  id: string,
  input: CourseInput,
  expectVersion?: string,
): Promise<StaffCourseDetail> {
  const { found } = await courseForStaff(context, id, 'act')
  const { course } = found
  if (input.capacity < course.seatsTaken) {
    throw validationFailed({ capacity: `已有 ${course.seatsTaken} 人占用名额，招生人数不能少于 ${course.seatsTaken}` })
  }
  const orgId = input.orgId && input.orgId !== course.orgId ? await chosenOrg(context, input.orgId) : course.orgId
  const moved = await writeSessions(context, course.id, input.sessions)
  const sessions = await sessionsOf(context.db, [course.id])
  const row = await transition(context, {
    workflow: courseWorkflow,
    table: trainingCourses,
    record: course,
    action: 'edit',
    actor: { id: context.user.id, role: actingRole(context) },
    changes: { ...courseValues(input), ...scheduleOf(sessions), orgId },
    expectVersion,
    changedMessage: '课程刚刚被其他工作人员修改过，请刷新后再改',
  })
  const policy = await seatPolicy(context.db)
  const offered = input.capacity > course.capacity ? await fillFromWaitlist(context, course.id, policy) : []
  await tellOffered(context, row, offered)
  if (moved && row.status !== 'draft') {
    const people = await context.db
      .select()
      .from(trainingEnrollments)
      .where(and(eq(trainingEnrollments.courseId, course.id), inArray(trainingEnrollments.status, ['enrolled', 'offered', 'waitlisted'])))
    const notice = enrollmentNotices.rescheduled({ title: row.title, when: sessionWhen(sessions[0]) })
    for (const person of people) await tellTrainee(context, person, row.title, notice, 'training.rescheduled')
  }
  const reloaded = await findCourse(context.db, course.id)
  return staffCourseDetail(context, reloaded!, 'act')
}

/** Publish: the course appears in the catalogue; it needs sessions ahead and a deadline not yet passed. */
export async function publishCourse(context: ServiceContext, id: string): Promise<StaffCourseDetail> {
  const { found } = await courseForStaff(context, id, 'act')
  const { course } = found
  const now = context.now.getTime()
  if (course.sessionCount === 0 || !course.firstSessionAt) throw validationFailed({ sessions: '请先添加上课时间' })
  if (course.firstSessionAt.getTime() <= now) throw validationFailed({ sessions: '第一次课的时间已过，请修改上课时间后再发布' })
  if (course.enrollDeadline.getTime() <= now) throw validationFailed({ enrollDeadline: '报名截止时间已过，请修改后再发布' })
  await transition(context, {
    workflow: courseWorkflow,
    table: trainingCourses,
    record: course,
    action: 'publish',
    actor: { id: context.user.id, role: actingRole(context) },
    changes: { publishedAt: context.now },
  })
  return staffCourseDetail(context, (await findCourse(context.db, id))!, 'act')
}

/** Stop (or restart) taking enrollments; those in the course are told on stopping. */
export async function closeCourse(context: ServiceContext, id: string, action: 'close' | 'reopen'): Promise<StaffCourseDetail> {
  const { found } = await courseForStaff(context, id, 'act')
  const row = await transition(context, {
    workflow: courseWorkflow,
    table: trainingCourses,
    record: found.course,
    action,
    actor: { id: context.user.id, role: actingRole(context) },
  })
  if (action === 'close') {
    const people = await context.db
      .select()
      .from(trainingEnrollments)
      .where(and(eq(trainingEnrollments.courseId, id), inArray(trainingEnrollments.status, ['enrolled', 'offered', 'waitlisted'])))
    for (const person of people) {
      const notice = enrollmentNotices.courseClosed({ title: row.title }, person.status === 'waitlisted')
      await tellTrainee(context, person, row.title, notice, 'training.course_closed', { wechat: false })
    }
  }
  return staffCourseDetail(context, (await findCourse(context.db, id))!, 'act')
}

/** Cancel the course: everyone in it (seats, offers and the waitlist) is let go and told why. */
export async function cancelCourse(context: ServiceContext, id: string, body: CancelCourseBody): Promise<StaffCourseDetail> {
  const { found } = await courseForStaff(context, id, 'act')
  const row = await transition(context, {
    workflow: courseWorkflow,
    table: trainingCourses,
    record: found.course,
    action: 'cancel',
    actor: { id: context.user.id, role: actingRole(context) },
    changes: { cancelReason: body.reason },
    note: body.reason,
  })
  const released = await releaseEveryone(context, id, {
    actor: { id: context.user.id, role: actingRole(context) },
    note: `课程取消：${body.reason}`,
  })
  const notice = enrollmentNotices.courseCancelled({ title: row.title }, body.reason)
  for (const person of released) await tellTrainee(context, person, row.title, notice, 'training.course_cancelled')
  return staffCourseDetail(context, (await findCourse(context.db, id))!, 'act')
}

export async function courseRoster(context: ServiceContext, id: string, query: RosterQuery): Promise<Roster> {
  const { found } = await courseForStaff(context, id, 'read')
  const page = await rosterPage(context.db, found.course.id, query.tab ?? 'seated', query)
  const totals = await attendanceTotals(
    context.db,
    page.items.map((row) => row.enrollment.id),
  )
  return {
    items: page.items.map(({ enrollment, position }) => {
      const total = totals.get(enrollment.id) ?? { attended: 0, late: 0, absent: 0 }
      return {
        enrollmentId: enrollment.id,
        name: enrollment.traineeName,
        unit: enrollment.traineeUnit,
        member: enrollment.member,
        status: enrollment.status,
        waitlistPosition: position === null ? null : Number(position),
        enrolledAt: enrollment.createdAt.toISOString(),
        attended: total.attended,
        late: total.late,
        absent: total.absent,
        attendancePercent: attendancePercent(total.attended, found.course.sessionCount),
      }
    }),
    nextCursor: page.nextCursor,
    counts: await rosterCounts(context.db, found.course.id),
  }
}

export async function sessionDetail(
  context: ServiceContext,
  sessionId: string,
  query: { cursor?: string; limit?: string },
): Promise<StaffSessionDetail> {
  const { session, found, access } = await sessionForStaff(context, sessionId, 'read')
  const page = await sessionRosterPage(context.db, session, query)
  const totals = await sessionTotals(context.db, [session.id])
  const seated = await countSeatedOf(context.db, found.course.id)
  return {
    session: sessionViewWith(session, totals, context.now),
    courseId: found.course.id,
    courseTitle: found.course.title,
    courseStatus: found.course.status,
    items: page.items.map(({ enrollment, attendance }) => ({
      enrollmentId: enrollment.id,
      name: enrollment.traineeName,
      unit: enrollment.traineeUnit,
      attendance: attendance?.status ?? null,
      method: attendance?.method ?? null,
      checkedInAt: attendance?.checkedInAt?.toISOString() ?? null,
    })),
    nextCursor: page.nextCursor,
    seated: seated.enrolled,
    canAct: mayAct(context.user, access, { applicantId: '' }),
  }
}

/** The roster and the attendance sheet as one workbook; who exported which course is on the record. */
export async function rosterWorkbook(context: ServiceContext, id: string): Promise<{ fileName: string; body: Buffer }> {
  const { found, access } = await courseForStaff(context, id, 'read')
  const { course } = found
  const [rows, sessions, attendance] = await Promise.all([
    wholeRoster(context.db, course.id),
    sessionsOf(context.db, [course.id]),
    attendanceOfCourse(context.db, course.id),
  ])
  const totals = await attendanceTotals(
    context.db,
    rows.map((row) => row.enrollment.id),
  )
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: 'training.roster.export',
    subjectType: COURSE_SUBJECT,
    subjectId: course.id,
    detail: { access, rows: rows.length },
  })
  const exported = `导出时间：${chinaTime(context.now)}`
  const caption = [
    `${course.title}（${courseCategoryLabel[course.category]}）`,
    `主办：${course.organiser}，地点：${course.mode === 'online' ? '线上' : `${course.district ? districtLabel[course.district] : ''} ${placeOf(course)}`}`,
    exported,
  ]
  type Row = (typeof rows)[number]
  const rosterSheet = sheet<Row>({
    name: '报名名单',
    caption,
    columns: [
      { header: '序号', value: (row) => rows.indexOf(row) + 1, format: 'count', width: 6 },
      { header: '姓名', value: (row) => row.enrollment.traineeName, width: 12 },
      { header: '所在工会/单位', value: (row) => row.enrollment.traineeUnit, width: 30 },
      { header: '会员', value: (row) => (row.enrollment.member ? '是' : '否'), width: 6 },
      { header: '状态', value: (row) => enrollmentStatusLabel[row.enrollment.status], width: 14 },
      { header: '候补顺位', value: (row) => (row.position === null ? null : Number(row.position)), format: 'count' },
      { header: '报名时间', value: (row) => row.enrollment.createdAt, format: 'datetime', width: 18 },
      { header: '出勤次数', value: (row) => totals.get(row.enrollment.id)?.attended ?? 0, format: 'count' },
    ],
    rows,
  })
  const seated = rows.filter((row) => ['enrolled', 'completed', 'not_completed'].includes(row.enrollment.status))
  const mark = (enrollmentId: string, sessionId: string) => {
    const found = attendance.find((item) => item.enrollmentId === enrollmentId && item.sessionId === sessionId)
    return found ? attendanceStatusLabel[found.status] : ''
  }
  const attendanceSheet = sheet<Row>({
    name: '考勤表',
    caption: [...caption.slice(0, 1), `共 ${sessions.length} 次课，结业要求出勤 ${course.completionPercent}%`, exported],
    columns: [
      { header: '姓名', value: (row) => row.enrollment.traineeName, width: 12 },
      { header: '所在工会/单位', value: (row) => row.enrollment.traineeUnit, width: 30 },
      ...sessions.map((session, index) => ({
        header: `第${index + 1}次 ${chinaDate(session.startsAt).slice(5)}`,
        value: (row: Row) => mark(row.enrollment.id, session.id),
        width: 12,
      })),
      { header: '出勤', value: (row) => totals.get(row.enrollment.id)?.attended ?? 0, format: 'count' },
      {
        header: '出勤率',
        value: (row) => attendancePercent(totals.get(row.enrollment.id)?.attended ?? 0, sessions.length) / 100,
        format: 'percent',
      },
      { header: '结业', value: (row) => enrollmentStatusLabel[row.enrollment.status], width: 10 },
    ],
    rows: seated,
  })
  const body = await workbookBuffer([rosterSheet, attendanceSheet], context.now)
  return { fileName: `${course.title}-名单与考勤.xlsx`, body }
}

/** A message from the organisers to everyone enrolled (and, if asked, the waitlist), in 消息. */
export async function messageEnrolled(context: ServiceContext, id: string, body: CourseMessageBody): Promise<MessageResult> {
  const { found } = await courseForStaff(context, id, 'act')
  const statuses = body.includeWaitlist ? (['enrolled', 'offered', 'waitlisted'] as const) : (['enrolled', 'offered'] as const)
  const people = await context.db
    .select()
    .from(trainingEnrollments)
    .where(and(eq(trainingEnrollments.courseId, id), inArray(trainingEnrollments.status, [...statuses])))
  const notice = enrollmentNotices.staffMessage({ title: found.course.title }, body.body)
  // In-app only: each trainee's WeChat messages are kept for the reminder and a seat offer.
  for (const person of people) {
    await notifyApplicant(context, {
      userId: person.userId,
      title: notice.title,
      body: notice.body,
      link: pages.training.course.url({ id }),
    })
  }
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: 'training.course.message',
    subjectType: COURSE_SUBJECT,
    subjectId: id,
    detail: { recipients: people.length, includeWaitlist: body.includeWaitlist === true },
  })
  return { sent: people.length }
}
