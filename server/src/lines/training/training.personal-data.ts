import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { claimStatusLabel, enrollmentStatusLabel, subsidyKindLabel } from '@contract/lines/training'
import { timelineEvents } from '../../core/core.tables'
import type { PersonalDataHooks } from '../../core/service-line'
import { transition } from '../../core/workflow'
import { subsidyWorkflow } from '@contract/lines/training'
import { forgetUploads } from '../../platform/uploads/uploads.service'
import { CLAIM_SUBJECT, ENROLLMENT_SUBJECT } from './training.notices'
import { findCourse } from './training.repository'
import { leaveCourse } from './training.seats'
import { seatPolicy } from './training.settings'
import { claimNumber } from './training.subsidy'
import { trainingCertificates, trainingCourses, trainingEnrollments, trainingSubsidyClaims } from './training.tables'
import { tellOffered } from './training.worker'

const ERASED = '（已注销）'

async function enrollmentsOf(db: Parameters<PersonalDataHooks['describe']>[0]['db'], userId: string) {
  return db
    .select({ enrollment: trainingEnrollments, title: trainingCourses.title })
    .from(trainingEnrollments)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingEnrollments.courseId))
    .where(and(eq(trainingEnrollments.userId, userId), isNull(trainingEnrollments.anonymisedAt)))
    .orderBy(asc(trainingEnrollments.seq))
}

async function claimsOf(db: Parameters<PersonalDataHooks['describe']>[0]['db'], userId: string) {
  return db
    .select()
    .from(trainingSubsidyClaims)
    .where(and(eq(trainingSubsidyClaims.applicantId, userId), isNull(trainingSubsidyClaims.anonymisedAt)))
    .orderBy(asc(trainingSubsidyClaims.seq))
}

/**
 * What training holds about a person: their enrollments (the name and unit on the roster),
 * attendance, certificates, and subsidy claims (the certificate, the employer, the proof files).
 * Deleting the account gives up their seats (the next in line is offered them), revokes their
 * certificates, withdraws open claims, and erases the names, texts and files; the rows stay as
 * anonymous figures for the courses and the subsidy budget.
 */
export const trainingPersonalData: PersonalDataHooks = {
  async describe(context) {
    const enrollments = await enrollmentsOf(context.db, context.user.id)
    const claims = await claimsOf(context.db, context.user.id)
    if (enrollments.length === 0 && claims.length === 0) return null
    const certificates = await context.db
      .select()
      .from(trainingCertificates)
      .where(
        and(
          inArray(
            trainingCertificates.enrollmentId,
            enrollments.map(({ enrollment }) => enrollment.id),
          ),
          isNull(trainingCertificates.revokedAt),
        ),
      )
    return {
      line: 'training',
      title: '教育培训',
      records: [
        ...enrollments.map(({ enrollment, title }) => ({
          title: `课程：${title}`,
          facts: [
            { label: '状态', value: enrollmentStatusLabel[enrollment.status] },
            { label: '报名姓名', value: enrollment.traineeName },
            { label: '工会/单位', value: enrollment.traineeUnit || '未填' },
            { label: '报名时间', value: enrollment.createdAt.toISOString() },
            ...certificates
              .filter((certificate) => certificate.enrollmentId === enrollment.id)
              .map((certificate) => ({ label: '结业证书', value: certificate.number })),
          ],
        })),
        ...claims.map((claim) => ({
          title: `培训补贴 ${claimNumber(claim)}`,
          facts: [
            { label: '类别', value: subsidyKindLabel[claim.kind] },
            { label: '状态', value: claimStatusLabel[claim.status] },
            { label: '证书', value: `${claim.certificateName}（${claim.certificateNo}）` },
            { label: '工作单位', value: claim.employer },
            { label: '提交时间', value: claim.createdAt.toISOString() },
          ],
        })),
      ],
      onDelete: '您报名的课程会取消（名额顺延给候补的人），结业证书作废；未审核的补贴申请会撤回，申请中的证书信息和材料将被删除。',
    }
  },

  async erase(context) {
    const { db, user, now } = context
    const enrollments = await enrollmentsOf(db, user.id)
    const claims = await claimsOf(db, user.id)
    if (enrollments.length === 0 && claims.length === 0) return { outcome: null, storageKeys: [] }

    const policy = await seatPolicy(db)
    for (const { enrollment } of enrollments) {
      if (!['enrolled', 'waitlisted', 'offered'].includes(enrollment.status)) continue
      const departure = await leaveCourse(
        context,
        enrollment,
        { action: 'cancel', actor: { id: user.id, role: 'applicant' }, note: '本人注销账号：报名取消' },
        policy,
      )
      const found = await findCourse(db, enrollment.courseId)
      if (found) await tellOffered(context, found.course, departure.offered)
    }
    const enrollmentIds = enrollments.map(({ enrollment }) => enrollment.id)
    if (enrollmentIds.length) {
      await db
        .update(trainingEnrollments)
        .set({ traineeName: ERASED, traineeUnit: '', cancelReason: null, anonymisedAt: now, updatedAt: now })
        .where(inArray(trainingEnrollments.id, enrollmentIds))
      await db
        .update(trainingCertificates)
        .set({ holderName: ERASED, revokedAt: now })
        .where(inArray(trainingCertificates.enrollmentId, enrollmentIds))
      await db
        .update(timelineEvents)
        .set({ note: null })
        .where(and(eq(timelineEvents.subjectType, ENROLLMENT_SUBJECT), inArray(timelineEvents.subjectId, enrollmentIds)))
    }

    const claimIds = claims.map((claim) => claim.id)
    const storageKeys = await forgetUploads(db, { attachedTo: { subjectType: CLAIM_SUBJECT, subjectIds: claimIds } })
    for (const claim of claims) {
      if (subsidyWorkflow.next(claim.status, 'withdraw').ok) {
        await transition(context, {
          workflow: subsidyWorkflow,
          table: trainingSubsidyClaims,
          record: claim,
          action: 'withdraw',
          actor: { id: user.id, role: 'applicant' },
          note: '本人注销账号：申请撤回',
        })
      }
    }
    if (claimIds.length) {
      await db
        .update(trainingSubsidyClaims)
        .set({
          certificateName: '（已删除）',
          certificateNo: '',
          employer: '',
          applicantName: ERASED,
          rejectReason: null,
          anonymisedAt: now,
          updatedAt: now,
        })
        .where(inArray(trainingSubsidyClaims.id, claimIds))
      await db
        .update(timelineEvents)
        .set({ note: null })
        .where(and(eq(timelineEvents.subjectType, CLAIM_SUBJECT), inArray(timelineEvents.subjectId, claimIds)))
    }
    const parts = [enrollments.length ? `${enrollments.length} 条报名记录` : '', claims.length ? `${claims.length} 份补贴申请` : ''].filter(
      Boolean,
    )
    return { outcome: `教育培训：${parts.join('、')}的个人信息已删除`, storageKeys }
  },
}
