import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import { enrollmentWorkflow, type EnrollmentStatus } from '@contract/lines/training'
import type { SystemContext } from '../../core/context'
import type { ActorRole } from '../../core/timeline'
import { transition } from '../../core/workflow'
import type { Queryable } from '../../db/client'
import { trainingCourses, trainingEnrollments } from './training.tables'

/**
 * Seats, the waitlist and freed seats — the booking logic of training, kept apart from the rest of
 * the line because the next booking line (疗休养, recuperation trips) needs the same and this
 * module is meant to become the shared kit then. What it guarantees, on PGlite and PostgreSQL,
 * under any concurrency and with any number of server instances on one database:
 *
 * 1. **Never over capacity.** A seat is taken by one conditional statement: the course row's
 *    `seats_taken` goes up only `where seats_taken < capacity`, and the enrollment is inserted from
 *    that same statement's result (a data-modifying CTE). No read-then-write: PostgreSQL re-checks
 *    the condition on the latest row version once a concurrent writer commits. A check constraint
 *    (`seats_taken <= capacity`) is the backstop.
 * 2. **The waitlist is served in order, and never skipped.** Joining the waitlist is also one
 *    conditional statement on the course row (`where seats_taken >= capacity`), so it holds the
 *    row's lock until commit. Whoever frees a seat locks the course row first and only then looks
 *    for the first in line — so a waitlist entry is either committed and seen, or it runs after
 *    and finds the seat already offered. A freed seat goes to the first on the waitlist as an
 *    *offer* (the seat stays taken while they decide); only when nobody waits does the count drop.
 *    While anyone waits there is no free seat for a newcomer to take.
 * 3. **One lock order.** Every path that frees or offers a seat locks the course row before any
 *    enrollment row, so two of them never deadlock.
 *
 * The caller supplies the transaction (through the context), the person's details and the policy
 * (how long an offer waits); it tells people what happened — this module only moves seats.
 * Statuses here are the enrollment workflow's; every change goes through the kit's `transition`.
 */

export type EnrollmentRow = typeof trainingEnrollments.$inferSelect

export interface SeatHolder {
  userId: string
  traineeName: string
  traineeUnit: string
  member: boolean
}

export type SeatOutcome =
  | { kind: 'seated'; enrollment: EnrollmentRow }
  | { kind: 'waitlisted'; enrollment: EnrollmentRow; position: number }
  /** No seat, and the caller did not ask for the waitlist. */
  | { kind: 'full' }
  /** The course takes no enrollments now (not published, or past its deadline). */
  | { kind: 'closed' }

export interface SeatPolicy {
  /** How long a freed seat waits for the person offered it (capped at the first session's start). */
  offerHours: number
}

/** Statuses that hold a seat (the count in `seats_taken`). */
const HOLDS_SEAT: readonly EnrollmentStatus[] = ['enrolled', 'offered', 'completed', 'not_completed']

export const holdsSeat = (status: EnrollmentStatus): boolean => HOLDS_SEAT.includes(status)

type RowsOf<T> = { rows: T[] }

async function enrollmentById(db: Queryable, id: string): Promise<EnrollmentRow> {
  const [row] = await db.select().from(trainingEnrollments).where(eq(trainingEnrollments.id, id))
  if (!row) throw new Error('enrollment vanished inside its own transaction')
  return row
}

/**
 * One statement: change the course row if it is open and `condition` holds, and insert the
 * enrollment only if it did. Returns the new enrollment, or undefined when the course row did not
 * match (no seat, or no longer full, or closed).
 */
async function insertIfCourse(
  context: SystemContext,
  courseId: string,
  holder: SeatHolder,
  status: 'enrolled' | 'waitlisted',
): Promise<EnrollmentRow | undefined> {
  const { db, now } = context
  const change = status === 'enrolled' ? sql`seats_taken = seats_taken + 1` : sql`waitlist_count = waitlist_count + 1`
  const condition = status === 'enrolled' ? sql`seats_taken < capacity` : sql`seats_taken >= capacity`
  const seatedAt = status === 'enrolled' ? now : null
  const result = (await db.execute(sql`
    with course as (
      update training_courses set ${change}
      where id = ${courseId}::uuid and status = 'published' and enroll_deadline > ${now}::timestamptz and ${condition}
      returning id
    )
    insert into training_enrollments (course_id, user_id, status, trainee_name, trainee_unit, member, seated_at, created_at, updated_at)
    select id, ${holder.userId}::uuid, ${status}, ${holder.traineeName}, ${holder.traineeUnit}, ${holder.member}::boolean,
      ${seatedAt}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
    from course
    returning id
  `)) as unknown as RowsOf<{ id: string }>
  const id = result.rows[0]?.id
  return id ? enrollmentById(db, id) : undefined
}

async function courseSeats(db: Queryable, courseId: string) {
  const [course] = await db
    .select({
      status: trainingCourses.status,
      enrollDeadline: trainingCourses.enrollDeadline,
      capacity: trainingCourses.capacity,
      seatsTaken: trainingCourses.seatsTaken,
    })
    .from(trainingCourses)
    .where(eq(trainingCourses.id, courseId))
  return course
}

/**
 * A seat for this person, or a place on the waitlist when the course is full and they asked for
 * one. The caller has checked who may enroll (membership, overlaps, an enrollment already held).
 */
export async function takeSeat(
  context: SystemContext,
  courseId: string,
  holder: SeatHolder,
  options: { waitlist: boolean },
): Promise<SeatOutcome> {
  // Each round is decided by a conditional statement; a round repeats only when a seat was freed
  // between two of them, so a few rounds are plenty.
  for (let round = 0; round < 5; round++) {
    const seated = await insertIfCourse(context, courseId, holder, 'enrolled')
    if (seated) return { kind: 'seated', enrollment: seated }
    const course = await courseSeats(context.db, courseId)
    if (!course || course.status !== 'published' || course.enrollDeadline.getTime() <= context.now.getTime()) return { kind: 'closed' }
    if (course.seatsTaken < course.capacity) continue
    if (!options.waitlist) return { kind: 'full' }
    const queued = await insertIfCourse(context, courseId, holder, 'waitlisted')
    if (queued) return { kind: 'waitlisted', enrollment: queued, position: await waitlistPosition(context.db, queued) }
  }
  throw new Error('seat contention did not settle')
}

/** Locks the course row: the first step of everything that frees or offers a seat (see 3. above). */
export async function lockCourse(db: Queryable, courseId: string) {
  const [course] = await db.select().from(trainingCourses).where(eq(trainingCourses.id, courseId)).for('update')
  return course
}

/** 1 for the first in line. */
export async function waitlistPosition(db: Queryable, enrollment: Pick<EnrollmentRow, 'courseId' | 'seq'>): Promise<number> {
  const [row] = await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(trainingEnrollments)
    .where(
      and(
        eq(trainingEnrollments.courseId, enrollment.courseId),
        eq(trainingEnrollments.status, 'waitlisted'),
        lte(trainingEnrollments.seq, enrollment.seq),
      ),
    )
  return Number(row?.ahead ?? 1)
}

/**
 * Offers the course's free seats to the first on its waitlist, in order: each gets the seat held
 * for them for the policy's hours (or until the first session, if sooner). Nothing is offered once
 * the course has begun or for a cancelled course. Returns the enrollments offered a seat.
 */
export async function fillFromWaitlist(context: SystemContext, courseId: string, policy: SeatPolicy): Promise<EnrollmentRow[]> {
  const { db, now } = context
  const course = await lockCourse(db, courseId)
  if (!course || course.status === 'cancelled' || course.status === 'draft') return []
  if (course.firstSessionAt && now.getTime() >= course.firstSessionAt.getTime()) return []
  const free = course.capacity - course.seatsTaken
  if (free <= 0 || course.waitlistCount <= 0) return []
  const next = await db
    .select()
    .from(trainingEnrollments)
    .where(and(eq(trainingEnrollments.courseId, courseId), eq(trainingEnrollments.status, 'waitlisted')))
    .orderBy(asc(trainingEnrollments.seq))
    .limit(free)
    .for('update')
  if (next.length === 0) return []
  const window = now.getTime() + policy.offerHours * 3600_000
  const offerExpiresAt = new Date(course.firstSessionAt ? Math.min(window, course.firstSessionAt.getTime()) : window)
  const offered: EnrollmentRow[] = []
  for (const row of next) {
    offered.push(
      await transition(context, {
        workflow: enrollmentWorkflow,
        table: trainingEnrollments,
        record: row,
        action: 'offer',
        actor: { id: null, role: 'system' },
        changes: { offeredAt: now, offerExpiresAt },
      }),
    )
  }
  await db
    .update(trainingCourses)
    .set({
      seatsTaken: sql`${trainingCourses.seatsTaken} + ${offered.length}`,
      waitlistCount: sql`greatest(${trainingCourses.waitlistCount} - ${offered.length}, 0)`,
    })
    .where(eq(trainingCourses.id, courseId))
  return offered
}

export interface Departure {
  enrollment: EnrollmentRow
  /** Those the freed seat was offered to (none, or the first in line). */
  offered: EnrollmentRow[]
}

/**
 * A person leaves a course: cancels (enrolled, waitlisted, or declining an offer) or lets an offer
 * lapse. A seat they held goes to the next in line; a place in line just closes up.
 */
export async function leaveCourse(
  context: SystemContext,
  enrollment: EnrollmentRow,
  step: { action: 'cancel' | 'lapse'; actor: { id: string | null; role: ActorRole }; note?: string | null; reason?: string | null },
  policy: SeatPolicy,
): Promise<Departure> {
  await lockCourse(context.db, enrollment.courseId)
  const row = await transition(context, {
    workflow: enrollmentWorkflow,
    table: trainingEnrollments,
    record: enrollment,
    action: step.action,
    actor: step.actor,
    changes: { endedAt: context.now, cancelReason: step.reason ?? null },
    note: step.note ?? null,
  })
  if (holdsSeat(enrollment.status)) {
    await context.db
      .update(trainingCourses)
      .set({ seatsTaken: sql`${trainingCourses.seatsTaken} - 1` })
      .where(eq(trainingCourses.id, enrollment.courseId))
    return { enrollment: row, offered: await fillFromWaitlist(context, enrollment.courseId, policy) }
  }
  await context.db
    .update(trainingCourses)
    .set({ waitlistCount: sql`greatest(${trainingCourses.waitlistCount} - 1, 0)` })
    .where(eq(trainingCourses.id, enrollment.courseId))
  return { enrollment: row, offered: [] }
}

/**
 * The course is cancelled: everyone still in it (a seat, in line, or offered) is let go, and the
 * counts follow. Returns those let go, for the caller to tell.
 */
export async function releaseEveryone(
  context: SystemContext,
  courseId: string,
  step: { actor: { id: string | null; role: ActorRole }; note: string },
): Promise<EnrollmentRow[]> {
  await lockCourse(context.db, courseId)
  const live = await context.db
    .select()
    .from(trainingEnrollments)
    .where(and(eq(trainingEnrollments.courseId, courseId), inArray(trainingEnrollments.status, ['enrolled', 'waitlisted', 'offered'])))
    .orderBy(asc(trainingEnrollments.seq))
  const released: EnrollmentRow[] = []
  for (const row of live) {
    released.push(
      await transition(context, {
        workflow: enrollmentWorkflow,
        table: trainingEnrollments,
        record: row,
        action: 'course_cancel',
        actor: step.actor,
        changes: { endedAt: context.now },
        note: step.note,
      }),
    )
  }
  const seats = live.filter((row) => holdsSeat(row.status)).length
  await context.db
    .update(trainingCourses)
    .set({ seatsTaken: sql`${trainingCourses.seatsTaken} - ${seats}`, waitlistCount: 0 })
    .where(eq(trainingCourses.id, courseId))
  return released
}
