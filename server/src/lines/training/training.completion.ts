import { randomInt } from 'node:crypto'
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm'
import {
  attendancePercent,
  enrollmentWorkflow,
  normaliseVerifyCode,
  type CertificateList,
  type CertificateVerification,
  type CertificateView,
} from '@contract/lines/training'
import { maskName } from '@contract/rules/mask'
import { chinaDate } from '../../core/calendar'
import type { ServiceContext, SystemContext } from '../../core/context'
import { keyset } from '../../core/paging'
import { transition } from '../../core/workflow'
import type { Queryable } from '../../db/client'
import { notFound } from '../../lib/errors'
import { enrollmentNotices, tellTrainee } from './training.notices'
import { SEATED_FOR_ATTENDANCE, type CertificateRow, type CourseRow, type EnrollmentRow, type SessionRow } from './training.repository'
import { trainingAttendance, trainingCertificates, trainingCourses, trainingEnrollments, trainingSessions } from './training.tables'

/**
 * After a session: the seated trainees who never checked in are recorded absent. After the last
 * session: each trainee's attendance is weighed against the course's completion percentage, and
 * those who reach it complete (with a certificate when the course gives one). A correction of
 * attendance afterwards settles that trainee again. Every step claims its row with a conditional
 * update first, so two instances running the job at once do it once.
 */

/** Unambiguous letters and digits (no 0/O, 1/I/L): read off paper and typed by anyone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function newVerifyCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

/** ABCDE-FGHJK, as printed. */
export const printedCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`

/** Records as absent every seated trainee with nothing recorded for this ended session; once. */
export async function closeSessionAttendance(context: SystemContext, session: SessionRow): Promise<number> {
  const { db, now } = context
  const claimed = await db
    .update(trainingSessions)
    .set({ attendanceClosedAt: now })
    .where(and(eq(trainingSessions.id, session.id), isNull(trainingSessions.attendanceClosedAt), lte(trainingSessions.endsAt, now)))
    .returning({ id: trainingSessions.id })
  if (claimed.length === 0) return 0
  const result = (await db.execute(sql`
    insert into training_attendance (session_id, enrollment_id, status, method, updated_at)
    select ${session.id}::uuid, e.id, 'absent', 'system', ${now}::timestamptz
    from training_enrollments e
    where e.course_id = ${session.courseId}::uuid and e.status in ('enrolled', 'completed', 'not_completed')
    on conflict do nothing
    returning enrollment_id
  `)) as unknown as { rows: unknown[] }
  return result.rows.length
}

/** Attended (present or late) sessions of one enrollment. */
async function attendedCount(db: Queryable, enrollmentId: string): Promise<number> {
  const [row] = await db
    .select({ value: sql<number>`count(*)::int` })
    .from(trainingAttendance)
    .where(and(eq(trainingAttendance.enrollmentId, enrollmentId), inArray(trainingAttendance.status, ['present', 'late'])))
  return Number(row?.value ?? 0)
}

async function issueCertificate(context: SystemContext, course: CourseRow, enrollment: EnrollmentRow, percent: number): Promise<void> {
  const { db, now } = context
  const [existing] = await db.select().from(trainingCertificates).where(eq(trainingCertificates.enrollmentId, enrollment.id))
  if (existing) {
    // A correction restored completion: the same certificate holds again.
    await db
      .update(trainingCertificates)
      .set({ revokedAt: null, attendancePercent: percent })
      .where(eq(trainingCertificates.id, existing.id))
    return
  }
  const code = newVerifyCode()
  const [row] = await db
    .insert(trainingCertificates)
    .values({
      enrollmentId: enrollment.id,
      userId: enrollment.userId,
      courseId: course.id,
      // The number follows the row's sequence, set just below.
      number: `pending-${enrollment.id}`,
      verifyCode: code,
      holderName: enrollment.traineeName,
      attendancePercent: percent,
      issuedAt: now,
    })
    .returning({ id: trainingCertificates.id, seq: trainingCertificates.seq })
  if (!row) throw new Error('insert returned no row')
  await db
    .update(trainingCertificates)
    .set({ number: `连工培〔${chinaDate(now).slice(0, 4)}〕${String(row.seq).padStart(6, '0')}号` })
    .where(eq(trainingCertificates.id, row.id))
}

/**
 * Weighs one trainee's attendance once the course has ended: completed (and certified) at the
 * course's percentage or more, not completed below it. Nothing changes when the outcome stands.
 */
export async function settleEnrollment(context: SystemContext, course: CourseRow, enrollment: EnrollmentRow): Promise<void> {
  if (!SEATED_FOR_ATTENDANCE.includes(enrollment.status) || course.sessionCount === 0) return
  const attended = await attendedCount(context.db, enrollment.id)
  const percent = attendancePercent(attended, course.sessionCount)
  const completes = percent >= course.completionPercent
  const action = completes ? 'complete' : 'not_complete'
  if (enrollment.status === (completes ? 'completed' : 'not_completed')) return
  if (!enrollmentWorkflow.next(enrollment.status, action).ok) return
  const row = await transition(context, {
    workflow: enrollmentWorkflow,
    table: trainingEnrollments,
    record: enrollment,
    action,
    actor: { id: null, role: 'system' },
    note: `出勤 ${attended}/${course.sessionCount} 次（${percent}%），结业要求 ${course.completionPercent}%`,
  })
  if (completes) {
    if (course.certificate) await issueCertificate(context, course, row, percent)
    await tellTrainee(
      context,
      row,
      course.title,
      enrollmentNotices.completed({ title: course.title }, course.certificate),
      'training.completed',
    )
  } else {
    await context.db
      .update(trainingCertificates)
      .set({ revokedAt: context.now })
      .where(and(eq(trainingCertificates.enrollmentId, row.id), isNull(trainingCertificates.revokedAt)))
    await tellTrainee(
      context,
      row,
      course.title,
      enrollmentNotices.notCompleted({ title: course.title }, percent, course.completionPercent),
      'training.not_completed',
    )
  }
}

/** Settles every trainee of a course whose last session has ended; once. */
export async function settleCourse(context: SystemContext, courseId: string): Promise<number> {
  const { db, now } = context
  const [course] = await db
    .update(trainingCourses)
    .set({ settledAt: now })
    .where(
      and(
        eq(trainingCourses.id, courseId),
        isNull(trainingCourses.settledAt),
        inArray(trainingCourses.status, ['published', 'closed']),
        lte(trainingCourses.lastSessionEndsAt, now),
      ),
    )
    .returning()
  if (!course) return 0
  const seated = await db
    .select()
    .from(trainingEnrollments)
    .where(and(eq(trainingEnrollments.courseId, courseId), eq(trainingEnrollments.status, 'enrolled')))
    .orderBy(asc(trainingEnrollments.seq))
  for (const enrollment of seated) await settleEnrollment(context, course, enrollment)
  return seated.length
}

/** Ended sessions whose absences are not yet recorded, and ended courses not yet settled. */
export async function attendanceWork(db: Queryable, now: Date) {
  const sessions = await db
    .select({ session: trainingSessions })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(
      and(
        isNull(trainingSessions.attendanceClosedAt),
        lte(trainingSessions.endsAt, now),
        inArray(trainingCourses.status, ['published', 'closed']),
      ),
    )
    .orderBy(asc(trainingSessions.endsAt))
    .limit(200)
  const courses = await db
    .select({ id: trainingCourses.id })
    .from(trainingCourses)
    .where(
      and(
        isNull(trainingCourses.settledAt),
        isNotNull(trainingCourses.lastSessionEndsAt),
        lte(trainingCourses.lastSessionEndsAt, now),
        inArray(trainingCourses.status, ['published', 'closed']),
      ),
    )
    .limit(100)
  return { sessions: sessions.map((row) => row.session), courseIds: courses.map((row) => row.id) }
}

// ── Certificates ──

async function certificateViewRows(db: Queryable, where: ReturnType<typeof and>) {
  return db
    .select({ certificate: trainingCertificates, course: trainingCourses })
    .from(trainingCertificates)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCertificates.courseId))
    .where(where)
}

function toCertificateView({ certificate, course }: { certificate: CertificateRow; course: CourseRow }): CertificateView {
  return {
    id: certificate.id,
    number: certificate.number,
    verifyCode: printedCode(certificate.verifyCode),
    holderName: certificate.holderName,
    courseId: course.id,
    courseTitle: course.title,
    organiser: course.organiser,
    category: course.category,
    startedOn: course.firstSessionAt ? chinaDate(course.firstSessionAt) : '',
    endedOn: course.lastSessionEndsAt ? chinaDate(course.lastSessionEndsAt) : '',
    attendancePercent: certificate.attendancePercent,
    issuedAt: certificate.issuedAt.toISOString(),
    revoked: certificate.revokedAt !== null,
  }
}

export async function listMyCertificates(context: ServiceContext, query: { cursor?: string; limit?: string }): Promise<CertificateList> {
  const page = keyset([{ expr: sql`-${trainingCertificates.seq}`, type: 'int' }], query)
  const rows = await context.db
    .select({ certificate: trainingCertificates, course: trainingCourses, cursorKey: page.cursorKey })
    .from(trainingCertificates)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCertificates.courseId))
    .where(and(eq(trainingCertificates.userId, context.user.id), isNull(trainingCertificates.revokedAt), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return page.page(rows, toCertificateView)
}

export async function getMyCertificate(context: ServiceContext, id: string): Promise<CertificateView> {
  const [row] = await certificateViewRows(
    context.db,
    and(eq(trainingCertificates.id, id), eq(trainingCertificates.userId, context.user.id), isNull(trainingCertificates.revokedAt)),
  )
  if (!row) throw notFound('没有找到这张证书')
  return toCertificateView(row)
}

/**
 * The public check: anyone with the code on a certificate learns whether it is genuine, and only
 * what matches the paper — the number, a masked name, the course, the organiser and the day.
 */
export async function verifyCertificate(context: SystemContext, code: string): Promise<CertificateVerification> {
  const [row] = await certificateViewRows(context.db, eq(trainingCertificates.verifyCode, normaliseVerifyCode(code)))
  if (!row) throw notFound('没有找到这个查验码对应的证书，请核对后再试')
  return {
    result: row.certificate.revokedAt ? 'revoked' : 'valid',
    number: row.certificate.number,
    holderNameMasked: maskName(row.certificate.holderName),
    courseTitle: row.course.title,
    organiser: row.course.organiser,
    issuedOn: chinaDate(row.certificate.issuedAt),
  }
}
