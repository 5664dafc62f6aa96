import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm'
import { withDb, type SystemContext } from '../../core/context'
import { defineJob } from '../../core/jobs'
import { AppError } from '../../lib/errors'
import { attendanceWork, closeSessionAttendance, settleCourse } from './training.completion'
import { enrollmentNotices, tellTrainee } from './training.notices'
import { findCourse, findEnrollment, findSession } from './training.repository'
import { leaveCourse } from './training.seats'
import { seatPolicy } from './training.settings'
import { trainingCourses, trainingEnrollments, trainingReminders, trainingSessions } from './training.tables'
import { tellOffered } from './training.worker'
import { placeOf, sessionWhen } from './training.views'

/**
 * The line's scheduled work. The kit runs each on one instance per interval; inside, every step
 * claims its row with a conditional statement (or a compare-and-set transition), so even a run
 * overlapping another does each thing once.
 */

/** Each in its own transaction: one failure leaves the others done. */
async function eachInTransaction<T>(context: SystemContext, items: readonly T[], work: (context: SystemContext, item: T) => Promise<void>) {
  for (const item of items) {
    try {
      await context.db.transaction((tx) => work(withDb(context, tx), item))
    } catch (error) {
      // Someone acted first (a confirmation just before the expiry): nothing left to do here.
      if (error instanceof AppError && error.code === 'WRONG_STATUS') continue
      throw error
    }
  }
}

/** Offers not confirmed in time lapse; the seat goes to the next in line, who is told. */
export const offerExpiryJob = defineJob({
  name: 'training.waitlist-offers',
  everyMs: 60_000,
  async run(context) {
    const due = await context.db
      .select({ id: trainingEnrollments.id })
      .from(trainingEnrollments)
      .where(and(eq(trainingEnrollments.status, 'offered'), lte(trainingEnrollments.offerExpiresAt, context.now)))
      .orderBy(asc(trainingEnrollments.offerExpiresAt))
      .limit(200)
    await eachInTransaction(context, due, async (tx, { id }) => {
      const enrollment = await findEnrollment(tx.db, id)
      const found = enrollment ? await findCourse(tx.db, enrollment.courseId) : undefined
      if (!enrollment || !found || enrollment.status !== 'offered') return
      const departure = await leaveCourse(
        tx,
        enrollment,
        { action: 'lapse', actor: { id: null, role: 'system' }, note: '确认时限已过' },
        await seatPolicy(tx.db),
      )
      await tellTrainee(
        tx,
        departure.enrollment,
        found.course.title,
        enrollmentNotices.lapsed({ title: found.course.title }),
        'training.lapsed',
      )
      await tellOffered(tx, found.course, departure.offered)
    })
  },
})

/** The day before a session: everyone seated is reminded, once per session. */
export const reminderJob = defineJob({
  name: 'training.reminders',
  everyMs: 15 * 60_000,
  async run(context) {
    const soon = await context.db
      .select({ id: trainingSessions.id })
      .from(trainingSessions)
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
      .where(
        and(
          inArray(trainingCourses.status, ['published', 'closed']),
          gt(trainingSessions.startsAt, context.now),
          lte(trainingSessions.startsAt, new Date(context.now.getTime() + 24 * 3600_000)),
        ),
      )
      .limit(200)
    await eachInTransaction(context, soon, async (tx, { id }) => {
      const session = await findSession(tx.db, id)
      const found = session ? await findCourse(tx.db, session.courseId) : undefined
      if (!session || !found) return
      const seated = await tx.db
        .select()
        .from(trainingEnrollments)
        .where(and(eq(trainingEnrollments.courseId, session.courseId), eq(trainingEnrollments.status, 'enrolled')))
      if (seated.length === 0) return
      const sent = await tx.db
        .insert(trainingReminders)
        .values(seated.map((enrollment) => ({ sessionId: session.id, enrollmentId: enrollment.id, sentAt: tx.now })))
        .onConflictDoNothing()
        .returning({ enrollmentId: trainingReminders.enrollmentId })
      const notice = enrollmentNotices.reminder({ title: found.course.title, when: sessionWhen(session), where: placeOf(found.course) })
      for (const { enrollmentId } of sent) {
        const enrollment = seated.find((row) => row.id === enrollmentId)!
        await tellTrainee(tx, enrollment, found.course.title, notice, 'training.reminder')
      }
    })
  },
})

/** After each session the absent are recorded; after the last, completion and certificates. */
export const attendanceJob = defineJob({
  name: 'training.attendance',
  everyMs: 5 * 60_000,
  async run(context) {
    const work = await attendanceWork(context.db, context.now)
    await eachInTransaction(context, work.sessions, async (tx, session) => {
      await closeSessionAttendance(tx, session)
    })
    await eachInTransaction(context, work.courseIds, async (tx, courseId) => {
      await settleCourse(tx, courseId)
    })
  },
})

export const trainingJobs = [offerExpiryJob, reminderJob, attendanceJob]
