import { eq } from 'drizzle-orm'
import {
  membershipWorkflow,
  REVIEW_ACTIONS,
  type ApproveBody,
  type RejectBody,
  type ReviewDecision,
  type ReviewDetail,
  type ReviewQueue,
  type ReviewQueueQuery,
} from '@contract/lines/membership'
import { pages } from '@contract/pages'
import { mayAct, staffAccessTo, staffScope, type AccessRule, type StaffAccess } from '../../core/access'
import { revealSealed, revealsOf } from '../../core/reveal'
import type { ServiceContext } from '../../core/context'
import { notifyApplicant } from '../../core/notify'
import { listTimeline } from '../../core/timeline'
import { transition } from '../../core/workflow'
import { AppError, forbidden, notFound } from '../../lib/errors'
import { users } from '../../platform/auth/auth.tables'
import { APPLICATION_SUBJECT } from './membership.apply'
import {
  findActiveMembershipByIdHash,
  findActiveMembershipOfUser,
  findApplication,
  findMembershipOfApplication,
  nextMemberSequence,
  queueCounts,
  queuePage,
  type QueueStatus,
} from './membership.repository'
import { membershipApplications, memberships } from './membership.tables'
import { applicationDetail, orgPathNames, phoneOf } from './membership.views'

/** Who reviews applications: union staff for their union and those under it; city admins everywhere. */
export const membershipAccess: AccessRule = {
  act: ['union_staff', 'city_admin'],
  reach: 'subtree',
  ownRecordMessage: '不能审核自己的入会申请，请由其他工作人员审核',
}

const DAY_MS = 24 * 3600 * 1000

/** The role a reviewer acts in, for the timeline: the widest they hold. */
function actingRole(context: ServiceContext): string {
  return context.user.roles.some((grant) => grant.role === 'city_admin') ? 'city_admin' : 'union_staff'
}

export async function reviewQueue(context: ServiceContext, query: ReviewQueueQuery): Promise<ReviewQueue> {
  const scope = staffScope(context.user, membershipAccess.act)
  if (scope.kind === 'none') throw forbidden()
  const status: QueueStatus = query.status ?? 'submitted'
  const q = query.q?.trim() || undefined
  // Waiting work: whoever has waited longest first. Decided work: the latest first.
  const sort = query.sort ?? (status === 'submitted' ? 'oldest' : 'newest')
  const page = await queuePage(context.db, { scope, status, sort, q }, query)
  return {
    items: page.items.map(({ application, org }) => ({
      id: application.id,
      status: application.status,
      name: application.name ?? '',
      gender: application.gender ?? 'male',
      orgId: org.id,
      orgName: org.name,
      employmentType: (application.employmentType ?? 'full_time') as ReviewQueue['items'][number]['employmentType'],
      submittedAt: application.submittedAt.toISOString(),
      waitingDays: Math.max(0, Math.floor((context.now.getTime() - application.submittedAt.getTime()) / DAY_MS)),
      phoneConflict: application.phoneConflict,
    })),
    nextCursor: page.nextCursor,
    counts: await queueCounts(context.db, scope, q),
  }
}

export async function waitingCount(context: ServiceContext): Promise<number> {
  const scope = staffScope(context.user, membershipAccess.act)
  if (scope.kind === 'none') return 0
  return (await queueCounts(context.db, scope)).submitted
}

/**
 * An application the reviewer may see: in their scope and not withdrawn. Anything else is a 404,
 * so staff of one union cannot even learn that another union's application exists.
 */
async function reviewable(context: ServiceContext, id: string, need: StaffAccess) {
  const found = await findApplication(context.db, id)
  if (!found || found.application.status === 'withdrawn') throw notFound()
  const access = staffAccessTo(context.user, membershipAccess, { applicantId: found.application.userId, orgPath: found.org.path }, need)
  return { ...found, access }
}

export async function reviewDetail(context: ServiceContext, id: string): Promise<ReviewDetail> {
  const { application, org, access } = await reviewable(context, id, 'read')
  const membership = await findMembershipOfApplication(context.db, application.id)
  const [applicant] = await context.db.select({ nickname: users.nickname }).from(users).where(eq(users.id, application.userId))
  const acting = mayAct(context.user, access, { applicantId: application.userId })
  return {
    ...applicationDetail(context.cipher, application, org, await orgPathNames(context.db, org.path), membership?.memberNumber ?? null),
    phone: phoneOf(context.cipher, application),
    phoneConflict: application.phoneConflict,
    applicantNickname: applicant?.nickname || '微信用户',
    idReveals: await revealsOf(context.db, APPLICATION_SUBJECT, application.id, ID_REVEAL),
    timeline: await listTimeline(context.db, context.roles, APPLICATION_SUBJECT, application.id, 'staff'),
    actions: acting ? REVIEW_ACTIONS.filter((action) => membershipWorkflow.next(application.status, action).ok) : [],
  }
}

const ID_REVEAL = 'membership.id_number.reveal'

/** The full ID number, for the rare check that needs it; every reveal is written to the audit log. */
export async function revealIdNumber(context: ServiceContext, id: string): Promise<string> {
  const { application, org } = await reviewable(context, id, 'read')
  return revealSealed(context, {
    action: ID_REVEAL,
    subjectType: APPLICATION_SUBJECT,
    subjectId: application.id,
    sealed: application.idNumberCipher,
    detail: { orgId: org.id, role: actingRole(context) },
  })
}

/** Luhn check digit, so a mistyped card number is caught at a counter. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 0) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return String((10 - (sum % 10)) % 10)
}

/**
 * Member number LG + year + six digits (never reused); card number 3207 (Lianyungang's region
 * code) + eleven digits + a Luhn digit, both from one sequence.
 */
export function memberNumbersFor(sequence: number, joinedAt: Date): { memberNumber: string; cardNumber: string } {
  const year = new Date(joinedAt.getTime() + 8 * 3600 * 1000).getUTCFullYear()
  const body = `3207${String(sequence).padStart(11, '0')}`
  return { memberNumber: `LG${year}${String(sequence).padStart(6, '0')}`, cardNumber: `${body}${luhnCheckDigit(body)}` }
}

const CHANGED_MESSAGE = '申请人刚刚修改了申请，请查看最新内容后再审核'

/** Tells the applicant the decision: in-app always, through WeChat when they allowed it at the submit tap. */
async function tellApplicant(
  context: ServiceContext,
  application: { id: string; userId: string },
  orgName: string,
  notice: { title: string; body: string; link: string; phrase: string; hint: string; event: string },
): Promise<void> {
  await notifyApplicant(context, {
    userId: application.userId,
    title: notice.title,
    body: notice.body,
    link: notice.link,
    wechat: {
      topic: 'membership',
      subject: { type: APPLICATION_SUBJECT, id: application.id },
      thing: `入会申请·${orgName}`,
      phrase: notice.phrase,
      hint: notice.hint,
      event: notice.event,
    },
  })
}

export async function approveApplication(context: ServiceContext, id: string, { note, version }: ApproveBody): Promise<ReviewDecision> {
  const { db: tx, now } = context
  const { application, org } = await reviewable(context, id, 'act')
  if (application.idNumberHash) {
    const member = await findActiveMembershipByIdHash(tx, application.idNumberHash)
    if (member) throw new AppError(409, 'ALREADY_MEMBER', `该身份证号已是“${member.orgName}”的会员，不能重复入会。请驳回并告知申请人。`)
  }
  if (await findActiveMembershipOfUser(tx, application.userId)) throw new AppError(409, 'ALREADY_MEMBER')

  const numbers = memberNumbersFor(await nextMemberSequence(tx), now)
  await transition(context, {
    workflow: membershipWorkflow,
    table: membershipApplications,
    record: application,
    action: 'approve',
    actor: { id: context.user.id, role: actingRole(context) },
    changes: { reviewedBy: context.user.id, reviewedAt: now },
    note: [`会员号 ${numbers.memberNumber}`, note?.trim()].filter(Boolean).join('；'),
    expectVersion: version,
    changedMessage: CHANGED_MESSAGE,
  })
  await tx.insert(memberships).values({
    userId: application.userId,
    applicationId: application.id,
    orgId: org.id,
    ...numbers,
    name: application.name,
    idNumberHash: application.idNumberHash,
    status: 'active',
    joinedAt: now,
  })
  await tellApplicant(context, application, org.name, {
    title: '入会申请已通过',
    body: `欢迎加入${org.name}！您的会员号是 ${numbers.memberNumber}，可以在“电子会员卡”中出示会员码。`,
    link: pages.membership.card.url(),
    phrase: '已通过',
    hint: `会员号${numbers.memberNumber}，点此查看会员卡`,
    event: 'membership.approved',
  })
  return { id: application.id, status: 'approved', memberNumber: numbers.memberNumber }
}

export async function rejectApplication(context: ServiceContext, id: string, { reason, version }: RejectBody): Promise<ReviewDecision> {
  const { application, org } = await reviewable(context, id, 'act')
  await transition(context, {
    workflow: membershipWorkflow,
    table: membershipApplications,
    record: application,
    action: 'reject',
    actor: { id: context.user.id, role: actingRole(context) },
    changes: { rejectionReason: reason, reviewedBy: context.user.id, reviewedAt: context.now },
    note: reason,
    expectVersion: version,
    changedMessage: CHANGED_MESSAGE,
  })
  await tellApplicant(context, application, org.name, {
    title: '入会申请未通过',
    body: `${org.name}：${reason}。您可以修改后重新提交。`,
    link: pages.membership.status.url(),
    phrase: '未通过',
    hint: '请查看原因，修改后重新提交',
    event: 'membership.rejected',
  })
  return { id: application.id, status: 'rejected', memberNumber: null }
}
