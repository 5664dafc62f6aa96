import { coursePhase, type CourseSummary, type EnrollmentStatus, type SessionView, type StaffCourseSummary } from '@contract/lines/training'
import type { CourseRow, CourseWithOrg, SessionRow } from './training.repository'

/** Rows → the contract's shapes. Money is kept in fen and shown in yuan. */

export const yuan = (fen: number): number => fen / 100
export const fen = (amount: number): number => Math.round(amount * 100)
const iso = (date: Date | null): string | null => (date ? date.toISOString() : null)

export const COURSE_SUBJECT = 'training_course'

export function placeOf(course: CourseRow): string {
  return course.mode === 'online' ? '线上' : (course.address ?? '')
}

export function seatsLeftOf(course: CourseRow): number {
  return Math.max(0, course.capacity - course.seatsTaken)
}

/** What every view of a course starts with. */
export function courseCore(course: CourseRow, now: Date) {
  const seatsLeft = seatsLeftOf(course)
  const core = {
    id: course.id,
    title: course.title,
    category: course.category,
    mode: course.mode,
    district: course.district,
    organiser: course.organiser,
    teacher: course.teacher,
    place: placeOf(course),
    firstSessionAt: iso(course.firstSessionAt),
    lastSessionEndsAt: iso(course.lastSessionEndsAt),
    sessionCount: course.sessionCount,
    capacity: course.capacity,
    seatsLeft,
    waitlistCount: course.waitlistCount,
    enrollDeadline: course.enrollDeadline.toISOString(),
    audience: course.audience,
    fee: yuan(course.feeFen),
    subsidy: yuan(course.subsidyFen),
    selfPay: yuan(Math.max(0, course.feeFen - course.subsidyFen)),
    certificate: course.certificate,
    status: course.status,
  }
  return { ...core, phase: coursePhase(core, now) }
}

export function toCourseSummary(course: CourseRow, myStatus: EnrollmentStatus | null, now: Date): CourseSummary {
  return { ...courseCore(course, now), myStatus }
}

export function toStaffCourseSummary({ course, orgName }: CourseWithOrg, now: Date): StaffCourseSummary {
  return {
    ...courseCore(course, now),
    orgId: course.orgId,
    orgName,
    enrolledCount: course.seatsTaken,
    updatedAt: course.updatedAt.toISOString(),
  }
}

export function toSessionView(session: SessionRow): SessionView {
  return { id: session.id, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), topic: session.topic }
}

/** 11月23日 周一 09:00, for notices. */
export function sessionWhen(session: Pick<SessionRow, 'startsAt'> | undefined): string | undefined {
  if (!session) return undefined
  const china = new Date(session.startsAt.getTime() + 8 * 3600_000)
  const weekday = '日一二三四五六'[china.getUTCDay()]
  const hh = String(china.getUTCHours()).padStart(2, '0')
  const mm = String(china.getUTCMinutes()).padStart(2, '0')
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日（周${weekday}）${hh}:${mm}`
}
