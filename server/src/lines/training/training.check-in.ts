import { and, eq } from 'drizzle-orm'
import {
  arrivalStatus,
  CHECK_IN_CODE_TTL_SECONDS,
  CHECK_IN_OPENS_MINUTES_BEFORE,
  checkInOpen,
  type AttendanceBody,
  type AttendanceResult,
  type AttendanceStatus,
  type CheckInBody,
  type CheckInResult,
} from '@contract/lines/training'
import type { RotatingQr } from '@contract/kit/codes'
import { maskName } from '@contract/rules/mask'
import { staffAccessTo } from '../../core/access'
import type { ServiceContext, SystemContext } from '../../core/context'
import { checkRotatingCode, issueRotatingCode, toRotatingQr } from '../../core/rotating-code'
import { AppError, notFound } from '../../lib/errors'
import { courseAccess } from './training.access'
import { settleEnrollment } from './training.completion'
import {
  findCourse,
  findEnrollment,
  findSession,
  liveEnrollment,
  SEATED_FOR_ATTENDANCE,
  type CourseWithOrg,
  type EnrollmentRow,
  type SessionRow,
} from './training.repository'
import { trainingAttendance } from './training.tables'
import { toSessionView } from './training.views'

/**
 * Check-in at the venue. Staff show a rotating code for the session on their phone: signed with
 * its own purpose (no member card, coupon or session token is ever accepted as one), naming the
 * session, living a minute (the page fetches the next before it runs out), and issued only while
 * the session's check-in is open. The worker scans it; the server checks the signature, the
 * expiry, the session window, that it is the session the worker meant, and that they hold a seat.
 * Or staff scan the worker's member card. One row per person and session: a second scan changes
 * nothing.
 */

const CHECK_IN_PURPOSE = 'training-check-in'

interface CheckInPayload {
  /** The session id. */
  s: string
}

const isCheckInPayload = (value: unknown): value is CheckInPayload =>
  typeof value === 'object' && value !== null && typeof (value as { s?: unknown }).s === 'string'

const windowWords = `签到时间为上课前 ${CHECK_IN_OPENS_MINUTES_BEFORE} 分钟到下课`

/** A session with its course, for staff: out of reach is a 404, read-only staff may not act. */
export async function sessionForStaff(context: ServiceContext, sessionId: string, need: 'act' | 'read') {
  const session = await findSession(context.db, sessionId)
  const found = session ? await findCourse(context.db, session.courseId) : undefined
  if (!session || !found) throw notFound('没有找到这次课')
  // A course has no applicant: nobody's own record (attendance marks check the trainee below).
  const access = staffAccessTo(context.user, courseAccess, { applicantId: '', orgPath: found.orgPath }, need, '没有找到这次课')
  return { session, found, access }
}

function requireOpenWindow(session: SessionRow, found: CourseWithOrg, now: Date): void {
  if (found.course.status === 'cancelled' || found.course.status === 'draft')
    throw new AppError(409, 'CHECK_IN_CLOSED', '这门课程不在进行中，不能签到')
  if (!checkInOpen(toSessionView(session), now)) {
    const early = now.getTime() < session.startsAt.getTime()
    throw new AppError(409, 'CHECK_IN_CLOSED', early ? `还没到签到时间。${windowWords}` : `这次课已经结束，不能再签到。${windowWords}`)
  }
}

export async function issueCheckInCode(context: ServiceContext, sessionId: string): Promise<RotatingQr> {
  const { session, found } = await sessionForStaff(context, sessionId, 'act')
  requireOpenWindow(session, found, context.now)
  const code = issueRotatingCode<CheckInPayload>(
    context.config.authSecret,
    CHECK_IN_PURPOSE,
    { s: session.id },
    CHECK_IN_CODE_TTL_SECONDS,
    context.now,
  )
  return toRotatingQr(code)
}

/**
 * Records an arrival, once: on time or late by the clock. Returns the row as it stands and whether
 * this call wrote it.
 */
async function recordArrival(
  context: SystemContext,
  session: SessionRow,
  enrollment: EnrollmentRow,
  method: 'code' | 'card',
  markedBy: string | null,
): Promise<{ status: AttendanceStatus; checkedInAt: Date | null; firstTime: boolean }> {
  const { db, now } = context
  const status = arrivalStatus(toSessionView(session), now)
  const [inserted] = await db
    .insert(trainingAttendance)
    .values({ sessionId: session.id, enrollmentId: enrollment.id, status, method, checkedInAt: now, markedBy, updatedAt: now })
    .onConflictDoNothing()
    .returning()
  if (inserted) return { status: inserted.status, checkedInAt: inserted.checkedInAt, firstTime: true }
  const [existing] = await db
    .select()
    .from(trainingAttendance)
    .where(and(eq(trainingAttendance.sessionId, session.id), eq(trainingAttendance.enrollmentId, enrollment.id)))
  return { status: existing!.status, checkedInAt: existing!.checkedInAt, firstTime: false }
}

function invalidCode(message: string): AppError {
  return new AppError(400, 'CHECK_IN_CODE_INVALID', message, { code: message })
}

/** The worker scanned the code staff show (or typed it). */
export async function checkInWithCode(context: ServiceContext, body: CheckInBody): Promise<CheckInResult> {
  const { now, user } = context
  const check = checkRotatingCode(context.config.authSecret, CHECK_IN_PURPOSE, body.code, now, isCheckInPayload)
  if (check.result === 'expired') throw invalidCode('签到码已过期，请扫描工作人员手机上最新的签到码')
  if (check.result === 'invalid') throw invalidCode('这不是有效的签到码，请扫描工作人员出示的签到码')
  if (body.sessionId && body.sessionId !== check.payload.s)
    throw new AppError(409, 'CHECK_IN_WRONG_SESSION', '这是另一次课的签到码，请核对上课时间和教室')
  const session = await findSession(context.db, check.payload.s)
  const found = session ? await findCourse(context.db, session.courseId) : undefined
  if (!session || !found) throw invalidCode('这个签到码对应的课程已不存在')
  requireOpenWindow(session, found, now)
  const enrollment = await liveEnrollment(context.db, found.course.id, user.id)
  if (!enrollment || !SEATED_FOR_ATTENDANCE.includes(enrollment.status)) {
    throw new AppError(
      409,
      'NOT_ENROLLED',
      enrollment?.status === 'offered'
        ? `请先在课程页确认参加《${found.course.title}》，再签到`
        : `您没有报名《${found.course.title}》，不能签到`,
    )
  }
  const arrival = await recordArrival(context, session, enrollment, 'code', null)
  return {
    sessionId: session.id,
    courseId: found.course.id,
    courseTitle: found.course.title,
    status: arrival.status,
    checkedInAt: (arrival.checkedInAt ?? now).toISOString(),
    firstTime: arrival.firstTime,
  }
}

/** Staff record attendance: a scanned member card, or one trainee by hand. */
export async function recordAttendance(context: ServiceContext, sessionId: string, body: AttendanceBody): Promise<AttendanceResult> {
  const { session, found } = await sessionForStaff(context, sessionId, 'act')
  if (body.kind === 'card') {
    requireOpenWindow(session, found, context.now)
    const card = await context.members.checkCardCode(context, body.code)
    if (card.result === 'expired') throw invalidCode('会员码已过期，请职工刷新会员码后再扫')
    if (card.result === 'invalid') throw invalidCode('这不是有效的会员码')
    const enrollment = await liveEnrollment(context.db, found.course.id, card.member.userId)
    if (!enrollment || !SEATED_FOR_ATTENDANCE.includes(enrollment.status)) {
      throw new AppError(409, 'NOT_ENROLLED', `${maskName(card.member.name ?? '')}没有报名这门课程`)
    }
    staffAccessTo(context.user, courseAccess, { applicantId: enrollment.userId, orgPath: found.orgPath }, 'act')
    const arrival = await recordArrival(context, session, enrollment, 'card', context.user.id)
    return {
      enrollmentId: enrollment.id,
      name: enrollment.traineeName,
      status: arrival.status,
      checkedInAt: arrival.checkedInAt?.toISOString() ?? null,
      changed: arrival.firstTime,
    }
  }

  const enrollment = await findEnrollment(context.db, body.enrollmentId)
  if (!enrollment || enrollment.courseId !== found.course.id || !SEATED_FOR_ATTENDANCE.includes(enrollment.status)) {
    throw notFound('这次课的名单里没有这位学员')
  }
  // Nobody records their own attendance.
  staffAccessTo(context.user, courseAccess, { applicantId: enrollment.userId, orgPath: found.orgPath }, 'act')
  const opens = session.startsAt.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000
  if (context.now.getTime() < opens) throw new AppError(409, 'CHECK_IN_CLOSED', '这次课还没开始，不能记考勤')
  const [before] = await context.db
    .select()
    .from(trainingAttendance)
    .where(and(eq(trainingAttendance.sessionId, session.id), eq(trainingAttendance.enrollmentId, enrollment.id)))
  const arrived = body.status === 'present' || body.status === 'late'
  const checkedInAt = arrived ? (before?.checkedInAt ?? context.now) : null
  await context.db
    .insert(trainingAttendance)
    .values({
      sessionId: session.id,
      enrollmentId: enrollment.id,
      status: body.status,
      method: 'manual',
      checkedInAt,
      markedBy: context.user.id,
      updatedAt: context.now,
    })
    .onConflictDoUpdate({
      target: [trainingAttendance.sessionId, trainingAttendance.enrollmentId],
      set: { status: body.status, method: 'manual', checkedInAt, markedBy: context.user.id, updatedAt: context.now },
    })
  // After the course was settled, a correction may change completion (and the certificate).
  if (found.course.settledAt) await settleEnrollment(context, found.course, enrollment)
  return {
    enrollmentId: enrollment.id,
    name: enrollment.traineeName,
    status: body.status,
    checkedInAt: checkedInAt?.toISOString() ?? null,
    changed: before?.status !== body.status,
  }
}
