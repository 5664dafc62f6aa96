import { and, eq, sql } from 'drizzle-orm'
import type { ApplicationBody, CardVerifyResult, MemberCard, MyApplication, MyMembership, ResubmitBody } from '@contract/lines/membership'
import { checkIdNumber } from '@contract/rules/id-number'
import { maskIdNumber, maskName } from '@contract/rules/mask'
import { recordAudit } from '../../core/audit'
import { appendTimelineEvent, listTimeline } from '../../core/timeline'
import { isUniqueViolation, type Queryable, type Transaction } from '../../db/client'
import type { FieldCipher } from '../../lib/crypto'
import { AppError, notFound, validationFailed } from '../../lib/errors'
import { users } from '../../platform/auth/auth.tables'
import type { AuthUser } from '../../platform/auth/auth.service'
import { findOrg } from '../../platform/orgs/orgs.repository'
import { checkCardToken, issueCardToken, qrDataUrl } from './card-token'
import {
  findActiveMembershipByIdHash,
  findActiveMembershipOfUser,
  findApplication,
  findLiveApplicationOfUser,
  findMembership,
  findMembershipOfApplication,
  findPendingApplicationByIdHash,
  otherAccountsWithPhone,
} from './membership.repository'
import { membershipApplications } from './membership.tables'
import { applicationDetail, maskMemberNumber, membershipSummary, orgPathNames } from './membership.views'

/** The subject type of applications in the timeline and the audit log. */
export const APPLICATION_SUBJECT = 'membership_application'

/** Unions a worker can join directly: a grassroots union, or a district's holding pool. */
const JOINABLE_KINDS = new Set(['grassroots', 'pool'])

export async function myApplicationView(db: Queryable, userId: string): Promise<MyApplication | null> {
  const row = await findLiveApplicationOfUser(db, userId)
  if (!row) return null
  const membership = await findMembershipOfApplication(db, row.application.id)
  return {
    ...applicationDetail(row.application, row.org, await orgPathNames(db, row.org.path), membership?.memberNumber ?? null),
    timeline: await listTimeline(db, APPLICATION_SUBJECT, row.application.id, 'applicant'),
  }
}

export async function myMembership(db: Queryable, userId: string): Promise<MyMembership> {
  const active = await findActiveMembershipOfUser(db, userId)
  return {
    application: await myApplicationView(db, userId),
    membership: active ? membershipSummary(active.membership, active.org) : null,
  }
}

async function requireJoinableOrg(db: Queryable, orgId: string) {
  const org = await findOrg(db, orgId)
  if (!org || !JOINABLE_KINDS.has(org.kind)) {
    throw validationFailed({ orgId: '请选择一个基层工会，或所在县区的新就业形态劳动者联合工会' })
  }
  return org
}

/** An ID number already held by an active member, or waiting in another application, is named. */
async function refuseDuplicateIdNumber(db: Queryable, idNumberHash: string, exceptApplicationId?: string): Promise<void> {
  const member = await findActiveMembershipByIdHash(db, idNumberHash)
  if (member) {
    const message = `该身份证号已是“${member.orgName}”的会员，无需重复申请。如需转到其他工会，请联系该工会办理。`
    throw new AppError(409, 'ALREADY_MEMBER', message, { idNumber: message })
  }
  const pending = await findPendingApplicationByIdHash(db, idNumberHash, exceptApplicationId)
  if (pending) {
    const message = `该身份证号已有一份待“${pending.orgName}”审核的入会申请。如果不是您本人提交的，请联系该工会。`
    throw new AppError(409, 'ID_NUMBER_PENDING', message, { idNumber: message })
  }
}

export interface ResolvedPhone {
  phone: string
  verified: boolean
  /** Also bound to another account: allowed only when WeChat verified it, and shown to staff. */
  conflict: boolean
}

/**
 * Which phone an application or contact correction uses. A number WeChat verified is accepted
 * even when another account has it (people change phones; numbers get recycled) and the overlap
 * is recorded for staff. A typed number that belongs to another account is refused, with the
 * way out in the message: verify it through WeChat.
 */
export async function resolvePhone(
  db: Queryable,
  user: AuthUser,
  choice: { phoneSource: 'wechat' | 'typed'; phone?: string },
): Promise<ResolvedPhone> {
  if (choice.phoneSource === 'wechat') {
    if (!user.phone || !user.phoneVerified)
      throw new AppError(400, 'PHONE_NOT_VERIFIED', undefined, { phone: '请先点击“微信手机号快捷验证”' })
    return { phone: user.phone, verified: true, conflict: (await otherAccountsWithPhone(db, user.phone, user.id)) > 0 }
  }
  const phone = choice.phone ?? ''
  const others = await otherAccountsWithPhone(db, phone, user.id)
  if (user.phoneVerified && user.phone === phone) return { phone, verified: true, conflict: others > 0 }
  if (others > 0) {
    const message = '该手机号已绑定其他账号。请在微信小程序中用“微信手机号快捷验证”，或换一个手机号。'
    throw new AppError(409, 'PHONE_IN_USE', message, { phone: message })
  }
  return { phone, verified: false, conflict: false }
}

/** Keeps the account's phone in step with what the worker gave, unless WeChat verified another. */
async function rememberTypedPhone(db: Queryable, user: AuthUser, phone: ResolvedPhone): Promise<void> {
  if (phone.verified || (user.phone && user.phoneVerified)) return
  await db.update(users).set({ phone: phone.phone, updatedAt: new Date() }).where(eq(users.id, user.id))
}

async function recordPhoneConflict(tx: Transaction, user: AuthUser, applicationId: string, status: string): Promise<void> {
  await appendTimelineEvent(tx, {
    subjectType: APPLICATION_SUBJECT,
    subjectId: applicationId,
    actorId: null,
    actorRole: 'system',
    fromStatus: status,
    toStatus: status,
    note: '该手机号同时绑定在其他账号上；申请人已通过微信验证本人使用该号码，系统允许继续办理。',
    visibility: 'internal',
  })
  await recordAudit(tx, {
    actorId: user.id,
    action: 'membership.phone_conflict',
    subjectType: APPLICATION_SUBJECT,
    subjectId: applicationId,
    detail: { verifiedThroughWechat: true },
  })
}

/** The columns an application takes from the form (everything but the ID number and phone). */
function formColumns(body: ApplicationBody | ResubmitBody) {
  return {
    orgId: body.orgId,
    name: body.name,
    gender: body.gender,
    ethnicity: body.ethnicity,
    employer: body.employer,
    employmentType: body.employmentType,
    migrantWorker: body.migrantWorker,
    education: body.education,
    politicalStatus: body.politicalStatus,
    hukouType: body.hukouType,
    hukouPlace: body.hukouPlace || null,
  }
}

function idNumberColumns(cipher: FieldCipher, idNumber: string) {
  const check = checkIdNumber(idNumber)
  if (!check.ok) throw validationFailed({ idNumber: '身份证号不正确' })
  return {
    birthDate: check.birthDate,
    idNumberCipher: cipher.encrypt(check.idNumber),
    idNumberHash: cipher.lookupHash(check.idNumber),
    idNumberMasked: maskIdNumber(check.idNumber),
  }
}

/** The constraint a failed statement broke, whichever driver (and Drizzle's wrapping) raised it. */
export function constraintOf(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const constraint = (current as { constraint?: unknown }).constraint
    if (typeof constraint === 'string') return constraint
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/** Races the checks above cannot see (two devices at once) end on a unique index: say so plainly. */
function uniqueViolationToConflict(error: unknown): never {
  if (isUniqueViolation(error)) {
    const constraint = constraintOf(error)
    if (constraint === 'membership_applications_pending_id') throw new AppError(409, 'ID_NUMBER_PENDING')
    if (constraint === 'memberships_active_id') throw new AppError(409, 'ALREADY_MEMBER')
    throw new AppError(409, 'APPLICATION_EXISTS')
  }
  throw error
}

export async function submitApplication(
  tx: Transaction,
  cipher: FieldCipher,
  user: AuthUser,
  body: ApplicationBody,
): Promise<MyApplication> {
  await requireJoinableOrg(tx, body.orgId)
  if ((await findLiveApplicationOfUser(tx, user.id)) || (await findActiveMembershipOfUser(tx, user.id))) {
    throw new AppError(409, 'APPLICATION_EXISTS')
  }
  const idColumns = idNumberColumns(cipher, body.idNumber)
  await refuseDuplicateIdNumber(tx, idColumns.idNumberHash)
  const phone = await resolvePhone(tx, user, body)

  const now = new Date()
  let applicationId: string
  try {
    const [row] = await tx
      .insert(membershipApplications)
      .values({
        userId: user.id,
        status: 'submitted',
        ...formColumns(body),
        ...idColumns,
        phone: phone.phone,
        phoneVerified: phone.verified,
        phoneConflict: phone.conflict,
        consentAt: now,
        submittedAt: now,
        subscribeCredits: body.subscribeAccepted ?? 0,
      })
      .returning({ id: membershipApplications.id })
    applicationId = row!.id
  } catch (error) {
    uniqueViolationToConflict(error)
  }
  await rememberTypedPhone(tx, user, phone)
  await appendTimelineEvent(tx, {
    subjectType: APPLICATION_SUBJECT,
    subjectId: applicationId,
    actorId: user.id,
    actorRole: 'applicant',
    fromStatus: null,
    toStatus: 'submitted',
    note: '提交入会申请',
  })
  if (phone.conflict) await recordPhoneConflict(tx, user, applicationId, 'submitted')
  return (await myApplicationView(tx, user.id))!
}

/**
 * The worker corrects their application: after a rejection it goes back to the queue; while it
 * is still waiting it is changed in place and keeps its place in the queue (a reviewer who read
 * the old version is told when deciding, see `decidable`).
 */
export async function resubmitApplication(
  tx: Transaction,
  cipher: FieldCipher,
  user: AuthUser,
  applicationId: string,
  body: ResubmitBody,
): Promise<MyApplication> {
  const found = await findApplication(tx, applicationId)
  if (!found || found.application.userId !== user.id || found.application.status === 'withdrawn') throw notFound()
  const { application } = found
  if (application.status !== 'rejected' && application.status !== 'submitted') {
    throw new AppError(409, 'WRONG_STATUS', '申请已经通过，不能再修改')
  }
  const wasWaiting = application.status === 'submitted'
  await requireJoinableOrg(tx, body.orgId)

  let idColumns: Partial<ReturnType<typeof idNumberColumns>> = {}
  let idNumberHash = application.idNumberHash
  if (body.idNumber) {
    idColumns = idNumberColumns(cipher, body.idNumber)
    idNumberHash = idColumns.idNumberHash ?? null
  } else {
    // The ID number on file still has to agree with the gender given now.
    const onFile = checkIdNumber(cipher.decrypt(application.idNumberCipher ?? ''))
    if (onFile.ok && onFile.gender !== body.gender) throw validationFailed({ gender: '性别与身份证号不符，请核对' })
  }
  if (idNumberHash) await refuseDuplicateIdNumber(tx, idNumberHash, application.id)
  const phone = await resolvePhone(tx, user, body)

  const now = new Date()
  try {
    const updated = await tx
      .update(membershipApplications)
      .set({
        status: 'submitted',
        ...formColumns(body),
        ...idColumns,
        phone: phone.phone,
        phoneVerified: phone.verified,
        phoneConflict: phone.conflict,
        consentAt: now,
        ...(wasWaiting ? {} : { submittedAt: now }),
        rejectionReason: null,
        reviewedBy: null,
        reviewedAt: null,
        // One decision follows each submission: one message is all that can be owed.
        subscribeCredits: sql`least(${membershipApplications.subscribeCredits} + ${body.subscribeAccepted ?? 0}, 1)`,
        updatedAt: now,
      })
      .where(and(eq(membershipApplications.id, application.id), eq(membershipApplications.status, application.status)))
      .returning({ id: membershipApplications.id })
    // A reviewer decided it meanwhile.
    if (updated.length === 0) throw new AppError(409, 'WRONG_STATUS', '申请刚刚已被审核，请刷新查看结果')
  } catch (error) {
    if (error instanceof AppError) throw error
    uniqueViolationToConflict(error)
  }
  await rememberTypedPhone(tx, user, phone)
  await appendTimelineEvent(tx, {
    subjectType: APPLICATION_SUBJECT,
    subjectId: application.id,
    actorId: user.id,
    actorRole: 'applicant',
    fromStatus: application.status,
    toStatus: 'submitted',
    note: wasWaiting ? '修改了申请信息' : '修改后重新提交',
  })
  if (phone.conflict) await recordPhoneConflict(tx, user, application.id, 'submitted')
  return (await myApplicationView(tx, user.id))!
}

/** The member card, with a fresh QR token (each call makes a new one). */
export async function memberCard(db: Queryable, secret: string, userId: string): Promise<MemberCard> {
  const active = await findActiveMembershipOfUser(db, userId)
  if (!active) throw new AppError(404, 'NOT_A_MEMBER')
  const { membership, org } = active
  const token = issueCardToken(secret, membership.id)
  return {
    name: membership.name ?? '',
    memberNumber: membership.memberNumber,
    cardNumber: membership.cardNumber,
    orgName: org.name,
    joinedAt: membership.joinedAt.toISOString(),
    qr: {
      imageDataUrl: await qrDataUrl(token.token),
      expiresAt: token.expiresAt.toISOString(),
      issuedAt: token.issuedAt.toISOString(),
    },
  }
}

/** What a scanner learns from a card's QR token: whether it is good, and who, masked. */
export async function verifyCard(db: Queryable, secret: string, token: string): Promise<CardVerifyResult> {
  const checkedAt = new Date().toISOString()
  const check = checkCardToken(secret, token)
  if (check.result !== 'valid') return { result: check.result, member: null, checkedAt }
  const found = await findMembership(db, check.membershipId)
  if (!found || found.membership.status !== 'active') return { result: 'invalid', member: null, checkedAt }
  return {
    result: 'valid',
    member: {
      nameMasked: maskName(found.membership.name ?? ''),
      memberNumberMasked: maskMemberNumber(found.membership.memberNumber),
      orgName: found.org.name,
      joinedAt: found.membership.joinedAt.toISOString(),
    },
    checkedAt,
  }
}
