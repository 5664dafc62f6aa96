import { LRUCache } from 'lru-cache'
import stableStringify from 'safe-stable-stringify'
import {
  checkInOpen,
  enrollmentWorkflow,
  type CancelEnrollmentBody,
  type CourseDetail,
  type CourseList,
  type CourseQuery,
  type EnrollBody,
  type EnrollmentResult,
  type MyEnrollmentList,
  type WorkerCourseAction,
} from '@contract/lines/training'
import type { ServiceContext, SystemContext } from '../../core/context'
import type { MemberRecord } from '../../core/members'
import { creditsFor, grantSubscribeCredits } from '../../core/notify'
import { appendTimelineEvent } from '../../core/timeline'
import { transition } from '../../core/workflow'
import { holdTransactionLock, type Queryable } from '../../db/client'
import { AppError, notFound, validationFailed } from '../../lib/errors'
import { ENROLLMENT_SUBJECT, chinaTime, enrollmentNotices, tellTrainee } from './training.notices'
import {
  attendanceOfEnrollment,
  attendanceTotals,
  certificateOfEnrollments,
  cataloguePage,
  liveStatusesOf,
  enrollmentsOfUser,
  findCourse,
  liveEnrollment,
  overlappingCourse,
  sessionsOf,
  sessionsPastByCourse,
  type CourseRow,
  type EnrollmentRow,
  type SessionRow,
} from './training.repository'
import { leaveCourse, takeSeat, waitlistPosition } from './training.seats'
import { seatPolicy } from './training.settings'
import { trainingEnrollments } from './training.tables'
import { courseCore, placeOf, sessionWhen, toCourseSummary, toSessionView } from './training.views'

/** The worker's side of training: the catalogue, a course, enrolling, the waitlist, my courses. */

const NOT_FOUND_MESSAGE = '没有找到这门课程'

/** A course a worker may see: anything but a draft. */
async function visibleCourse(context: SystemContext, id: string) {
  const found = await findCourse(context.db, id)
  if (!found || found.course.status === 'draft') throw notFound(NOT_FOUND_MESSAGE)
  return found
}

/**
 * One person's enrollments are decided one at a time: the checks for an enrollment already held
 * and for overlapping sessions then see everything the person's other requests wrote.
 */
const lockPerson = (db: Queryable, userId: string) => holdTransactionLock(db, `training-person:${userId}`)

/** Whether a newcomer may enroll now: published, before the deadline and the first session. */
function takesEnrollmentsNow(course: CourseRow, now: Date): boolean {
  return (
    course.status === 'published' &&
    course.enrollDeadline.getTime() > now.getTime() &&
    (!course.firstSessionAt || course.firstSessionAt.getTime() > now.getTime())
  )
}

/** The last moment a seat may be given up: the cut-off before the first session. */
export function cancelByOf(course: CourseRow): Date | null {
  return course.firstSessionAt ? new Date(course.firstSessionAt.getTime() - course.cancelCutoffHours * 3600_000) : null
}

const closedMessage = (course: CourseRow, now: Date): string => {
  if (course.status === 'cancelled') return '这门课程已取消'
  if (course.status === 'closed') return '这门课程已停止报名'
  if (course.firstSessionAt && course.firstSessionAt.getTime() <= now.getTime()) return '这门课程已经开课，不能再报名'
  return '报名已截止'
}

const membersOnlyMessage = '这门课程限工会会员报名。入会申请通过后即可报名。'

/** A catalogue page as everyone sees it: the courses' summaries without anyone's own status. */
async function sharedCataloguePage(db: Queryable, query: CourseQuery, now: Date): Promise<CourseList> {
  const page = await cataloguePage(db, query, now)
  return { ...page, items: page.items.map((row) => toCourseSummary(row.course, null, now)) }
}

/**
 * Catalogue pages as everyone sees them, each kept for a few seconds per query: every worker
 * opening 教育培训 asks for the same first page, and seats left (or a phase) a few seconds old are
 * fine on a list (the course page and enrolling read the row itself). Concurrent misses share one
 * query. Each instance keeps its own, so a change shows everywhere within `ttlMs`.
 */
export class CatalogueCache {
  private readonly pages: LRUCache<string, CourseList, { db: Queryable; query: CourseQuery; now: Date }> | null

  constructor(ttlMs: number) {
    this.pages =
      ttlMs > 0
        ? new LRUCache({
            max: 500,
            ttl: ttlMs,
            fetchMethod: (_key, _stale, { context }) => sharedCataloguePage(context.db, context.query, context.now),
          })
        : null
  }

  async page(db: Queryable, query: CourseQuery, now: Date): Promise<CourseList> {
    if (!this.pages) return sharedCataloguePage(db, query, now)
    const found = await this.pages.fetch(stableStringify(query) ?? '', { context: { db, query, now } })
    return found ?? sharedCataloguePage(db, query, now)
  }
}

/** The shared page with the caller's own status (已报名, 候补中…) read fresh and laid over it. */
export async function listCatalogue(context: ServiceContext, query: CourseQuery, cache: CatalogueCache): Promise<CourseList> {
  const page = await cache.page(context.db, query, context.now)
  const mine = await liveStatusesOf(
    context.db,
    context.user.id,
    page.items.map((item) => item.id),
  )
  // Most callers hold no seat on the page: they get the shared summaries as they are.
  if (mine.size === 0) return page
  return { ...page, items: page.items.map((item) => (mine.has(item.id) ? { ...item, myStatus: mine.get(item.id)! } : item)) }
}

export async function getCourse(context: ServiceContext, id: string): Promise<CourseDetail> {
  const { db, now, user } = context
  const { course, orgName } = await visibleCourse(context, id)
  const [sessions, mine, member] = await Promise.all([
    sessionsOf(db, [course.id]),
    liveEnrollment(db, course.id, user.id),
    context.members.activeMemberOf(context, user.id),
  ])
  const attendance = mine ? await attendanceOfEnrollment(db, mine.id) : []
  const seated = mine !== undefined && ['enrolled', 'completed', 'not_completed'].includes(mine.status)
  const core = courseCore(course, now)

  let enrollBlocked: string | null = null
  const actions: WorkerCourseAction[] = []
  if (!mine) {
    if (!takesEnrollmentsNow(course, now)) enrollBlocked = closedMessage(course, now)
    else if (course.audience === 'members' && !member) enrollBlocked = membersOnlyMessage
    else {
      const clash = await overlappingCourse(db, user.id, course.id, sessions)
      if (clash) enrollBlocked = `上课时间与您已报名的《${clash.title}》冲突`
      else actions.push(core.seatsLeft > 0 ? 'enroll' : 'waitlist')
    }
  } else {
    if (mine.status === 'offered') actions.push('confirm')
    if (mayCancelNow(course, mine, now)) actions.push('cancel')
  }

  return {
    ...core,
    summary: course.summary,
    address: course.address,
    latitude: course.latitude,
    longitude: course.longitude,
    onlineUrl: seated ? course.onlineUrl : null,
    completionRule: course.completionRule,
    completionPercent: course.completionPercent,
    cancelCutoffHours: course.cancelCutoffHours,
    orgName,
    sessions: sessions.map((session) => {
      const record = attendance.find((row) => row.sessionId === session.id)
      return {
        ...toSessionView(session),
        attendance: record?.status ?? null,
        checkedInAt: record?.checkedInAt?.toISOString() ?? null,
        checkInOpen: seated && course.status !== 'cancelled' && checkInOpen(toSessionView(session), now),
      }
    }),
    mine: mine ? await myEnrollmentPart(context, course, mine, sessions) : null,
    isMember: member !== null,
    actions,
    enrollBlocked,
  }
}

function mayCancelNow(course: CourseRow, mine: EnrollmentRow, now: Date): boolean {
  if (!enrollmentWorkflow.next(mine.status, 'cancel').ok) return false
  if (mine.status !== 'enrolled') return true
  const cancelBy = cancelByOf(course)
  return cancelBy === null || now.getTime() < cancelBy.getTime()
}

async function myEnrollmentPart(context: ServiceContext, course: CourseRow, mine: EnrollmentRow, sessions: SessionRow[]) {
  const [totals, certificates, credits] = await Promise.all([
    attendanceTotals(context.db, [mine.id]),
    certificateOfEnrollments(context.db, [mine.id]),
    creditsFor(context.db, context.user.id, { type: ENROLLMENT_SUBJECT, id: mine.id }),
  ])
  const certificate = certificates.get(mine.id)
  return {
    id: mine.id,
    status: mine.status,
    waitlistPosition: mine.status === 'waitlisted' ? await waitlistPosition(context.db, mine) : null,
    offerExpiresAt: mine.status === 'offered' ? (mine.offerExpiresAt?.toISOString() ?? null) : null,
    cancelBy: mine.status === 'enrolled' ? (cancelByOf(course)?.toISOString() ?? null) : null,
    canCancel: mayCancelNow(course, mine, context.now),
    attended: totals.get(mine.id)?.attended ?? 0,
    sessionsPast: sessions.filter((session) => session.endsAt.getTime() <= context.now.getTime()).length,
    certificateId: certificate && !certificate.revokedAt ? certificate.id : null,
    subscribeCredits: credits,
  }
}

/** Who the person is on the roster: a member's name and union, or what a non-member gave. */
function holderFor(context: ServiceContext, member: MemberRecord | null, body: EnrollBody) {
  if (member) return { userId: context.user.id, traineeName: member.name ?? body.name ?? '', traineeUnit: member.orgName, member: true }
  if (!body.name) throw validationFailed({ name: '请填写姓名（用于签到名单和结业证书）' })
  return { userId: context.user.id, traineeName: body.name, traineeUnit: body.employer ?? '', member: false }
}

/**
 * Enroll, or join the waitlist of a full course when asked to. Refused, each with its own code:
 * a course not taking enrollments, a members-only course for a non-member, an enrollment already
 * held, sessions overlapping another of the person's courses, and a full course without the
 * waitlist asked for.
 */
export async function enroll(context: ServiceContext, courseId: string, body: EnrollBody): Promise<EnrollmentResult> {
  const { db, user, now } = context
  const { course } = await visibleCourse(context, courseId)
  await lockPerson(db, user.id)
  const held = await liveEnrollment(db, course.id, user.id)
  if (held) {
    throw new AppError(409, 'ALREADY_ENROLLED', `您已经报名了这门课程（${enrollmentWorkflow.statusLabel[held.status]}），不用重复报名`)
  }
  if (!takesEnrollmentsNow(course, now)) throw new AppError(409, 'ENROLLMENT_CLOSED', closedMessage(course, now))
  const member = await context.members.activeMemberOf(context, user.id)
  if (course.audience === 'members' && !member) throw new AppError(403, 'NOT_A_MEMBER', membersOnlyMessage)
  const holder = holderFor(context, member, body)
  const sessions = await sessionsOf(db, [course.id])
  const clash = await overlappingCourse(db, user.id, course.id, sessions)
  if (clash) throw new AppError(409, 'SCHEDULE_CONFLICT', `上课时间与您已报名的《${clash.title}》冲突，不能同时报名`)

  const outcome = await takeSeat(context, course.id, holder, { waitlist: body.waitlist === true })
  if (outcome.kind === 'full') throw new AppError(409, 'COURSE_FULL')
  if (outcome.kind === 'closed') throw new AppError(409, 'ENROLLMENT_CLOSED', closedMessage(course, now))

  const { enrollment } = outcome
  await appendTimelineEvent(db, {
    subjectType: ENROLLMENT_SUBJECT,
    subjectId: enrollment.id,
    actorId: user.id,
    actorRole: 'applicant',
    fromStatus: null,
    toStatus: enrollment.status,
    action: outcome.kind === 'seated' ? 'enroll' : 'waitlist',
  })
  await grantSubscribeCredits(db, {
    userId: user.id,
    subject: { type: ENROLLMENT_SUBJECT, id: enrollment.id },
    accepted: body.subscribeAccepted ?? 0,
    now,
  })
  const facts = { title: course.title, when: sessionWhen(sessions[0]), where: placeOf(course) }
  const position = outcome.kind === 'waitlisted' ? outcome.position : null
  const notice = position === null ? enrollmentNotices.enrolled(facts) : enrollmentNotices.waitlisted(facts, position)
  // The person is looking at the answer: the message goes to 消息, WeChat's is kept for what comes later.
  await tellTrainee(context, enrollment, course.title, notice, `training.${outcome.kind}`, { wechat: false })
  return { enrollmentId: enrollment.id, courseId: course.id, status: enrollment.status, waitlistPosition: position, message: notice.body }
}

/** Tells those a freed seat was offered to, with the time they have to confirm. */
export async function tellOffered(context: SystemContext, course: CourseRow, offered: readonly EnrollmentRow[]): Promise<void> {
  for (const row of offered) {
    const notice = enrollmentNotices.offered({ title: course.title }, row.offerExpiresAt ?? context.now)
    await tellTrainee(context, row, course.title, notice, 'training.offered')
  }
}

export async function cancelEnrollment(context: ServiceContext, courseId: string, body: CancelEnrollmentBody): Promise<EnrollmentResult> {
  const { db, user, now } = context
  const { course } = await visibleCourse(context, courseId)
  const mine = await liveEnrollment(db, course.id, user.id)
  if (!mine) throw new AppError(409, 'NOT_ENROLLED')
  if (mine.status === 'enrolled' && !mayCancelNow(course, mine, now)) {
    const cancelBy = cancelByOf(course)
    throw new AppError(
      409,
      'CANCEL_TOO_LATE',
      `开课前 ${course.cancelCutoffHours} 小时内不能取消报名（截至 ${cancelBy ? chinaTime(cancelBy) : ''}）。如有特殊情况，请联系${course.organiser}。`,
    )
  }
  const departure = await leaveCourse(
    context,
    mine,
    { action: 'cancel', actor: { id: user.id, role: 'applicant' }, note: body.reason || null, reason: body.reason || null },
    await seatPolicy(db),
  )
  await tellOffered(context, course, departure.offered)
  const notice = enrollmentNotices.cancelled({ title: course.title })
  await tellTrainee(context, departure.enrollment, course.title, notice, 'training.cancelled', { wechat: false })
  return { enrollmentId: mine.id, courseId: course.id, status: departure.enrollment.status, waitlistPosition: null, message: notice.body }
}

/** The first on the waitlist takes the seat offered to them, within the time they were given. */
export async function confirmOffer(context: ServiceContext, courseId: string): Promise<EnrollmentResult> {
  const { db, user, now } = context
  const { course } = await visibleCourse(context, courseId)
  await lockPerson(db, user.id)
  const mine = await liveEnrollment(db, course.id, user.id)
  if (!mine) throw new AppError(409, 'NOT_ENROLLED')
  if (mine.status === 'offered' && mine.offerExpiresAt && mine.offerExpiresAt.getTime() <= now.getTime()) {
    throw new AppError(409, 'WRONG_STATUS', '确认时限已过，名额已顺延给下一位。您可以重新报名或候补。')
  }
  const sessions = await sessionsOf(db, [course.id])
  const clash = await overlappingCourse(db, user.id, course.id, sessions)
  if (clash) throw new AppError(409, 'SCHEDULE_CONFLICT', `上课时间与您已报名的《${clash.title}》冲突。请先取消那门课程，再确认参加。`)
  const row = await transition(context, {
    workflow: enrollmentWorkflow,
    table: trainingEnrollments,
    record: mine,
    action: 'confirm',
    actor: { id: user.id, role: 'applicant' },
    changes: { seatedAt: now, offerExpiresAt: null },
  })
  const notice = enrollmentNotices.confirmed({ title: course.title, when: sessionWhen(sessions[0]) })
  await tellTrainee(context, row, course.title, notice, 'training.confirmed', { wechat: false })
  return { enrollmentId: row.id, courseId: course.id, status: row.status, waitlistPosition: null, message: notice.body }
}

export async function listMyEnrollments(context: ServiceContext, query: { cursor?: string; limit?: string }): Promise<MyEnrollmentList> {
  const { db, now } = context
  const page = await enrollmentsOfUser(db, context.user.id, query)
  const enrollmentIds = page.items.map((row) => row.enrollment.id)
  const courseIds = [...new Set(page.items.map((row) => row.course.id))]
  const [sessions, totals, past, certificates] = await Promise.all([
    sessionsOf(db, courseIds),
    attendanceTotals(db, enrollmentIds),
    sessionsPastByCourse(db, courseIds, now),
    certificateOfEnrollments(db, enrollmentIds),
  ])
  const items = []
  for (const { enrollment, course, position } of page.items) {
    const next = sessions.find((session) => session.courseId === course.id && session.endsAt.getTime() > now.getTime())
    const certificate = certificates.get(enrollment.id)
    items.push({
      id: enrollment.id,
      status: enrollment.status,
      course: toCourseSummary(course, enrollmentWorkflow.isOpen(enrollment.status) ? enrollment.status : null, now),
      nextSession: next && enrollmentWorkflow.isOpen(enrollment.status) ? toSessionView(next) : null,
      // Counted in the list's own query: no query per row.
      waitlistPosition: position === null ? null : Number(position),
      offerExpiresAt: enrollment.status === 'offered' ? (enrollment.offerExpiresAt?.toISOString() ?? null) : null,
      attended: totals.get(enrollment.id)?.attended ?? 0,
      sessionsPast: past.get(course.id) ?? 0,
      certificateId: certificate && !certificate.revokedAt ? certificate.id : null,
    })
  }
  return { items, nextCursor: page.nextCursor }
}
