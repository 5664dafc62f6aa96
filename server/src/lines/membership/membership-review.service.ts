import { and, eq, gt, sql } from 'drizzle-orm'
import {
  applicationStatusLabel,
  type ApproveBody,
  type RejectBody,
  type ReviewDecision,
  type ReviewDetail,
  type ReviewQueue,
  type ReviewQueueQuery,
} from '@contract/lines/membership'
import type { StaffRole } from '@contract/auth'
import { recordAudit } from '../../core/audit'
import { scopeIncludes, staffScope, type StaffScope } from '../../core/access'
import { queueStatusUpdate, type SubscribeMessageQueue } from '../../core/subscribe-messages'
import { appendTimelineEvent, listTimeline } from '../../core/timeline'
import type { Queryable, Transaction } from '../../db/client'
import type { FieldCipher } from '../../lib/crypto'
import { AppError, forbidden, notFound } from '../../lib/errors'
import type { AuthUser } from '../../platform/auth/auth.service'
import { users } from '../../platform/auth/auth.tables'
import { notifyInApp } from '../../platform/inbox/inbox.service'
import {
  findActiveMembershipByIdHash,
  findActiveMembershipOfUser,
  findApplication,
  findMembershipOfApplication,
  idRevealsOf,
  nextMemberSequence,
  queueCounts,
  queuePage,
  type QueueStatus,
} from './membership.repository'
import { membershipApplications, memberships } from './membership.tables'
import { APPLICATION_SUBJECT } from './membership.service'
import { applicationDetail, orgPathNames } from './membership.views'

/** Who reviews applications: union staff for their union and those under it; city admins everywhere. */
export const REVIEWER_ROLES: StaffRole[] = ['union_staff', 'city_admin']

const PAGE_SIZE = 20
const DAY_MS = 24 * 3600 * 1000

export function reviewScope(user: AuthUser): StaffScope {
  return staffScope(user, REVIEWER_ROLES)
}

/** The role a reviewer acts in, for the timeline: the widest they hold. */
function actingRole(user: AuthUser): StaffRole {
  return user.roles.some((grant) => grant.role === 'city_admin') ? 'city_admin' : 'union_staff'
}

export async function reviewQueue(db: Queryable, user: AuthUser, query: ReviewQueueQuery, now = Date.now()): Promise<ReviewQueue> {
  const scope = reviewScope(user)
  const status: QueueStatus = query.status ?? 'submitted'
  if (scope.kind === 'none') return { items: [], counts: { submitted: 0, approved: 0, rejected: 0 }, nextOffset: null }
  const offset = Number(query.offset ?? '0')
  const q = query.q?.trim() || undefined
  const rows = await queuePage(db, {
    scope,
    status,
    // Waiting work: whoever has waited longest first. Decided work: the latest first.
    sort: query.sort ?? (status === 'submitted' ? 'oldest' : 'newest'),
    q,
    offset,
    limit: PAGE_SIZE + 1,
  })
  const page = rows.slice(0, PAGE_SIZE)
  return {
    items: page.map(({ application, org }) => ({
      id: application.id,
      status: application.status,
      name: application.name ?? '',
      gender: application.gender ?? 'male',
      orgId: org.id,
      orgName: org.name,
      employmentType: (application.employmentType ?? 'full_time') as ReviewQueue['items'][number]['employmentType'],
      submittedAt: application.submittedAt.toISOString(),
      waitingDays: Math.max(0, Math.floor((now - application.submittedAt.getTime()) / DAY_MS)),
      phoneConflict: application.phoneConflict,
    })),
    counts: await queueCounts(db, scope, q),
    nextOffset: rows.length > PAGE_SIZE ? offset + PAGE_SIZE : null,
  }
}

export async function waitingCount(db: Queryable, user: AuthUser): Promise<number> {
  const scope = reviewScope(user)
  if (scope.kind === 'none') return 0
  return (await queueCounts(db, scope)).submitted
}

/**
 * An application the reviewer may see: in their scope and not withdrawn. Anything else is a 404,
 * so staff of one union cannot even learn that another union's application exists.
 */
async function reviewable(db: Queryable, user: AuthUser, id: string) {
  const found = await findApplication(db, id)
  if (!found || found.application.status === 'withdrawn' || !scopeIncludes(reviewScope(user), found.org.path)) throw notFound()
  return found
}

/**
 * The application as a decision may take it: reviewable, still waiting, and — when the reviewer
 * names the version they read — unchanged since. The row is locked until the decision commits,
 * so a worker's edit lands either before (and the decision is refused) or after (and finds it
 * decided); never in between.
 */
async function decidable(tx: Transaction, user: AuthUser, id: string, version: string | undefined) {
  const found = await reviewable(tx, user, id)
  refuseOwnApplication(user, found.application.userId)
  const [locked] = await tx
    .select({ status: membershipApplications.status, updatedAt: membershipApplications.updatedAt })
    .from(membershipApplications)
    .where(eq(membershipApplications.id, found.application.id))
    .for('update')
  if (!locked || locked.status !== 'submitted') throw alreadyDecided(locked?.status ?? found.application.status)
  if (version !== undefined && locked.updatedAt.toISOString() !== version) throw new AppError(409, 'APPLICATION_CHANGED')
  return found
}

export async function reviewDetail(db: Queryable, user: AuthUser, id: string): Promise<ReviewDetail> {
  const { application, org } = await reviewable(db, user, id)
  const membership = await findMembershipOfApplication(db, application.id)
  const [applicant] = await db.select({ nickname: users.nickname }).from(users).where(eq(users.id, application.userId))
  const reveals = await idRevealsOf(db, application.id)
  return {
    ...applicationDetail(application, org, await orgPathNames(db, org.path), membership?.memberNumber ?? null),
    phone: application.phone ?? '',
    phoneConflict: application.phoneConflict,
    applicantNickname: applicant?.nickname || '微信用户',
    idReveals: reveals.map((reveal) => ({ at: reveal.at.toISOString(), actorName: reveal.actorName || '工作人员' })),
    timeline: await listTimeline(db, APPLICATION_SUBJECT, application.id, 'staff'),
  }
}

/** The full ID number, for the rare check that needs it; every reveal is written to the audit log. */
export async function revealIdNumber(tx: Transaction, cipher: FieldCipher, user: AuthUser, id: string): Promise<string> {
  const { application, org } = await reviewable(tx, user, id)
  if (!application.idNumberCipher) throw notFound()
  await recordAudit(tx, {
    actorId: user.id,
    action: 'membership.id_number.reveal',
    subjectType: APPLICATION_SUBJECT,
    subjectId: application.id,
    detail: { orgId: org.id, role: actingRole(user) },
  })
  return cipher.decrypt(application.idNumberCipher)
}

/** Nobody decides their own application: it takes a second person. */
function refuseOwnApplication(user: AuthUser, applicantId: string): void {
  if (user.id === applicantId) throw forbidden('不能审核自己的入会申请，请由其他工作人员审核')
}

function alreadyDecided(status: string): AppError {
  const label = applicationStatusLabel[status as keyof typeof applicationStatusLabel] ?? status
  return new AppError(409, 'WRONG_STATUS', `这份申请已是“${label}”状态，不能再审核。请刷新查看最新状态。`)
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

/** Where a decision's WeChat message goes: the template, and the queue sent after commit. */
export interface DecisionMessages {
  templateId: string
  queue: SubscribeMessageQueue
}

interface ApplicantNotice {
  title: string
  body: string
  link: string
  /** For the subscribe message: the result (≤ 5 characters) and a short hint. */
  phrase: string
  hint: string
  event: string
}

/**
 * Tells the applicant: an in-app message always, and a WeChat message when they allowed one
 * at the submit tap (spent here, in the decision's transaction).
 */
async function tellApplicant(
  tx: Transaction,
  messages: DecisionMessages | undefined,
  application: { id: string; userId: string },
  orgName: string,
  notice: ApplicantNotice,
): Promise<void> {
  await notifyInApp(tx, { userId: application.userId, title: notice.title, body: notice.body, link: notice.link })
  if (!messages?.templateId) return
  const [spent] = await tx
    .update(membershipApplications)
    .set({ subscribeCredits: sql`${membershipApplications.subscribeCredits} - 1` })
    .where(and(eq(membershipApplications.id, application.id), gt(membershipApplications.subscribeCredits, 0)))
    .returning({ id: membershipApplications.id })
  if (!spent) return
  await queueStatusUpdate(tx, messages.queue, {
    userId: application.userId,
    templateId: messages.templateId,
    page: notice.link.slice(1),
    event: notice.event,
    update: { subject: `入会申请·${orgName}`, phrase: notice.phrase, at: new Date(), hint: notice.hint },
  })
}

export async function approveApplication(
  tx: Transaction,
  user: AuthUser,
  id: string,
  { note, version }: ApproveBody,
  messages?: DecisionMessages,
): Promise<ReviewDecision> {
  const { application, org } = await decidable(tx, user, id, version)
  if (application.idNumberHash) {
    const member = await findActiveMembershipByIdHash(tx, application.idNumberHash)
    if (member) throw new AppError(409, 'ALREADY_MEMBER', `该身份证号已是“${member.orgName}”的会员，不能重复入会。请驳回并告知申请人。`)
  }
  if (await findActiveMembershipOfUser(tx, application.userId)) throw new AppError(409, 'ALREADY_MEMBER')

  const now = new Date()
  const decided = await tx
    .update(membershipApplications)
    .set({ status: 'approved', reviewedBy: user.id, reviewedAt: now, updatedAt: now })
    .where(and(eq(membershipApplications.id, application.id), eq(membershipApplications.status, 'submitted')))
    .returning({ id: membershipApplications.id })
  // Another reviewer got there first (two staff on one queue).
  if (decided.length === 0) throw alreadyDecided('approved')

  const numbers = memberNumbersFor(await nextMemberSequence(tx), now)
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
  await appendTimelineEvent(tx, {
    subjectType: APPLICATION_SUBJECT,
    subjectId: application.id,
    actorId: user.id,
    actorRole: actingRole(user),
    fromStatus: 'submitted',
    toStatus: 'approved',
    note: [`会员号 ${numbers.memberNumber}`, note?.trim()].filter(Boolean).join('；'),
  })
  await tellApplicant(tx, messages, application, org.name, {
    title: '入会申请已通过',
    body: `欢迎加入${org.name}！您的会员号是 ${numbers.memberNumber}，可以在“电子会员卡”中出示会员码。`,
    link: '/membership/pages/card/index',
    phrase: '已通过',
    hint: `会员号${numbers.memberNumber}，点此查看会员卡`,
    event: 'membership.approved',
  })
  return { id: application.id, status: 'approved', memberNumber: numbers.memberNumber }
}

export async function rejectApplication(
  tx: Transaction,
  user: AuthUser,
  id: string,
  { reason, version }: RejectBody,
  messages?: DecisionMessages,
): Promise<ReviewDecision> {
  const { application, org } = await decidable(tx, user, id, version)
  const now = new Date()
  const decided = await tx
    .update(membershipApplications)
    .set({ status: 'rejected', rejectionReason: reason, reviewedBy: user.id, reviewedAt: now, updatedAt: now })
    .where(and(eq(membershipApplications.id, application.id), eq(membershipApplications.status, 'submitted')))
    .returning({ id: membershipApplications.id })
  if (decided.length === 0) throw alreadyDecided('rejected')
  await appendTimelineEvent(tx, {
    subjectType: APPLICATION_SUBJECT,
    subjectId: application.id,
    actorId: user.id,
    actorRole: actingRole(user),
    fromStatus: 'submitted',
    toStatus: 'rejected',
    note: reason,
  })
  await tellApplicant(tx, messages, application, org.name, {
    title: '入会申请未通过',
    body: `${org.name}：${reason}。您可以修改后重新提交。`,
    link: '/membership/pages/status/index',
    phrase: '未通过',
    hint: '请查看原因，修改后重新提交',
    event: 'membership.rejected',
  })
  return { id: application.id, status: 'rejected', memberNumber: null }
}
