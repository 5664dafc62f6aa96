import { eq } from 'drizzle-orm'
import {
  membershipWorkflow,
  type ApplicationBody,
  type MyApplication,
  type MyMembership,
  type ResubmitBody,
} from '@contract/lines/membership'
import { checkIdNumber } from '@contract/rules/id-number'
import { maskIdNumber } from '@contract/rules/mask'
import { pages } from '@contract/pages'
import { recordAudit } from '../../core/audit'
import type { ServiceContext } from '../../core/context'
import { grantSubscribeCredits, notifyApplicant } from '../../core/notify'
import { appendTimelineEvent, listTimeline } from '../../core/timeline'
import { transition } from '../../core/workflow'
import { isUniqueViolation, type Queryable } from '../../db/client'
import type { FieldCipher } from '../../lib/crypto'
import { defaultErrorMessage } from '@contract/errors'
import { AppError, notFound, validationFailed } from '../../lib/errors'
import { rememberTypedPhone, resolvePhone, type ResolvedPhone } from '../../platform/account/phone'
import { findOrg } from '../../platform/orgs/orgs.repository'
import { MEMBERSHIP_DECISION_WITHIN_DAYS } from './membership.rules'
import {
  findActiveMembershipByIdHash,
  findActiveMembershipOfUser,
  findApplication,
  findLiveApplicationOfUser,
  findMembershipOfApplication,
  findPendingApplicationByIdHash,
} from './membership.repository'
import { membershipApplications } from './membership.tables'
import { applicationDetail, membershipSummary, orgPathNames } from './membership.views'

/** The subject type of applications in the timeline, the audit log and subscribe permissions. */
export const APPLICATION_SUBJECT = membershipWorkflow.subject

/** Unions a worker can join directly: a grassroots union, or a district's holding pool. */
const JOINABLE_KINDS = new Set(['grassroots', 'pool'])

/** A decision follows each submission: one WeChat message is all that can be owed. */
const ONE_MESSAGE = 1

export async function myApplicationView(
  context: Pick<ServiceContext, 'db' | 'roles' | 'cipher'>,
  userId: string,
): Promise<MyApplication | null> {
  const row = await findLiveApplicationOfUser(context.db, userId)
  if (!row) return null
  const membership = await findMembershipOfApplication(context.db, row.application.id)
  return {
    ...applicationDetail(
      context.cipher,
      row.application,
      row.org,
      await orgPathNames(context.db, row.org.path),
      membership?.memberNumber ?? null,
    ),
    timeline: await listTimeline(context.db, context.roles, APPLICATION_SUBJECT, row.application.id, 'applicant'),
  }
}

export async function myMembership(context: ServiceContext): Promise<MyMembership> {
  const active = await findActiveMembershipOfUser(context.db, context.user.id)
  return {
    application: await myApplicationView(context, context.user.id),
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

/**
 * An ID number that is already a member's, or waits in another application, cannot be used — and
 * the applicant is told only that, and how to reach a union: naming the union (or even saying
 * "member" or "waiting") would let anyone look up other people by their ID numbers.
 */
async function heldBy(db: Queryable, idNumberHash: string, exceptApplicationId?: string) {
  const member = await findActiveMembershipByIdHash(db, idNumberHash)
  if (member) return { applicationId: member.membership.applicationId, userId: member.membership.userId, status: 'approved' }
  const pending = await findPendingApplicationByIdHash(db, idNumberHash, exceptApplicationId)
  return pending ? { applicationId: pending.id, userId: pending.userId, status: 'submitted' } : undefined
}

function idNumberUnavailable(): AppError {
  const message = defaultErrorMessage.ID_NUMBER_UNAVAILABLE
  return new AppError(409, 'ID_NUMBER_UNAVAILABLE', message, { idNumber: message })
}

/** Inside the submission: the backstop for a race the pre-check could not see. */
async function refuseDuplicateIdNumber(db: Queryable, idNumberHash: string, exceptApplicationId?: string): Promise<void> {
  if (await heldBy(db, idNumberHash, exceptApplicationId)) throw idNumberUnavailable()
}

/**
 * Before a submission: is the ID number free? If not, the union that holds it is told, on its
 * record (an internal note and the audit log), that someone tried — in its own transaction, since
 * the refused submission writes nothing — and the applicant gets the plain refusal.
 */
export async function precheckIdNumber(context: ServiceContext, idNumber: string | undefined, exceptApplicationId?: string): Promise<void> {
  if (!idNumber) return
  const check = checkIdNumber(idNumber)
  if (!check.ok) return
  const holder = await heldBy(context.db, context.cipher.lookupHash(check.idNumber), exceptApplicationId)
  // The person's own application or membership: a retry, or applying twice — said elsewhere (APPLICATION_EXISTS, the replayed answer).
  if (!holder || holder.userId === context.user.id) return
  await context.db.transaction(async (tx) => {
    await appendTimelineEvent(tx, {
      subjectType: APPLICATION_SUBJECT,
      subjectId: holder.applicationId,
      actorId: null,
      actorRole: 'system',
      fromStatus: holder.status,
      toStatus: holder.status,
      action: 'note',
      note: '有人用这份申请的身份证号提交了新的入会申请，系统已拦截，未告知对方任何信息。如本人反映身份证号被冒用，请核实后处理。',
      visibility: 'internal',
    })
    await recordAudit(tx, {
      actorId: context.user.id,
      action: 'membership.id_number.conflict',
      subjectType: APPLICATION_SUBJECT,
      subjectId: holder.applicationId,
    })
  })
  throw idNumberUnavailable()
}

async function recordPhoneConflict(context: ServiceContext, applicationId: string, status: string): Promise<void> {
  await appendTimelineEvent(context.db, {
    subjectType: APPLICATION_SUBJECT,
    subjectId: applicationId,
    actorId: null,
    actorRole: 'system',
    fromStatus: status,
    toStatus: status,
    action: 'note',
    note: '该手机号同时绑定在其他账号上；申请人已通过微信验证本人使用该号码，系统允许继续办理。',
    visibility: 'internal',
  })
  await recordAudit(context.db, {
    actorId: context.user.id,
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

/** The phone the application is reached at (encrypted), and when the consents were given. */
function contactColumns(cipher: FieldCipher, phone: ResolvedPhone, now: Date) {
  return { phoneEnc: cipher.encrypt(phone.phone), phoneVerified: phone.verified, phoneConflict: phone.conflict, consentAt: now }
}

function idNumberColumns(cipher: FieldCipher, idNumber: string) {
  const check = checkIdNumber(idNumber)
  if (!check.ok) throw validationFailed({ idNumber: '身份证号不正确' })
  return {
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
    if (constraint === 'membership_applications_pending_id' || constraint === 'memberships_active_id') throw idNumberUnavailable()
    throw new AppError(409, 'APPLICATION_EXISTS')
  }
  throw error
}

/** Tells the worker their application is in, and how long the review usually takes. */
async function confirmReceipt(context: ServiceContext, orgName: string, corrected: boolean): Promise<void> {
  await notifyApplicant(context, {
    userId: context.user.id,
    title: corrected ? '入会申请已重新提交' : '入会申请已提交',
    body: `“${orgName}”的工作人员一般在 ${MEMBERSHIP_DECISION_WITHIN_DAYS} 个工作日内审核，结果会在这里通知您。`,
    link: pages.membership.status.url(),
  })
}

export async function submitApplication(context: ServiceContext, body: ApplicationBody): Promise<MyApplication> {
  const { db: tx, user, cipher, now } = context
  const org = await requireJoinableOrg(tx, body.orgId)
  if ((await findLiveApplicationOfUser(tx, user.id)) || (await findActiveMembershipOfUser(tx, user.id))) {
    throw new AppError(409, 'APPLICATION_EXISTS')
  }
  const idColumns = idNumberColumns(cipher, body.idNumber)
  await refuseDuplicateIdNumber(tx, idColumns.idNumberHash)
  const phone = await resolvePhone(tx, cipher, user, body)

  let applicationId: string
  try {
    const [row] = await tx
      .insert(membershipApplications)
      .values({
        userId: user.id,
        status: 'submitted',
        ...formColumns(body),
        ...idColumns,
        ...contactColumns(cipher, phone, now),
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: membershipApplications.id })
    applicationId = row!.id
  } catch (error) {
    uniqueViolationToConflict(error)
  }
  await grantSubscribeCredits(tx, {
    userId: user.id,
    subject: { type: APPLICATION_SUBJECT, id: applicationId },
    accepted: body.subscribeAccepted ?? 0,
    max: ONE_MESSAGE,
    now,
  })
  await rememberTypedPhone(tx, cipher, user, phone, now)
  await appendTimelineEvent(tx, {
    subjectType: APPLICATION_SUBJECT,
    subjectId: applicationId,
    actorId: user.id,
    actorRole: 'applicant',
    fromStatus: null,
    toStatus: 'submitted',
    action: 'submit',
    note: '提交入会申请',
  })
  if (phone.conflict) await recordPhoneConflict(context, applicationId, 'submitted')
  await confirmReceipt(context, org.name, false)
  return (await myApplicationView(context, user.id))!
}

/**
 * The worker corrects their application: after a rejection it goes back to the queue; while it
 * is still waiting it is changed in place and keeps its place in the queue (a reviewer who read
 * the old version is told when deciding: their decision names the version they read).
 */
export async function resubmitApplication(context: ServiceContext, applicationId: string, body: ResubmitBody): Promise<MyApplication> {
  const { db: tx, user, cipher, now } = context
  const found = await findApplication(tx, applicationId)
  if (!found || found.application.userId !== user.id || found.application.status === 'withdrawn') throw notFound()
  const { application } = found
  const action = application.status === 'submitted' ? 'edit' : 'resubmit'
  const allowed = membershipWorkflow.next(application.status, action)
  if (!allowed.ok) throw new AppError(409, 'WRONG_STATUS', '申请已经通过，不能再修改')
  const org = await requireJoinableOrg(tx, body.orgId)

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
  const phone = await resolvePhone(tx, cipher, user, body)

  try {
    await transition(context, {
      workflow: membershipWorkflow,
      table: membershipApplications,
      record: application,
      action,
      actor: { id: user.id, role: 'applicant' },
      changes: {
        ...formColumns(body),
        ...idColumns,
        ...contactColumns(cipher, phone, now),
        ...(action === 'edit' ? {} : { submittedAt: now }),
        rejectionReason: null,
        reviewedBy: null,
        reviewedAt: null,
      },
      note: action === 'edit' ? '修改了申请信息' : '修改后重新提交',
    })
  } catch (error) {
    if (error instanceof AppError) {
      // A reviewer decided it meanwhile.
      if (error.code === 'WRONG_STATUS') throw new AppError(409, 'WRONG_STATUS', '申请刚刚已被审核，请刷新查看结果')
      throw error
    }
    uniqueViolationToConflict(error)
  }
  await grantSubscribeCredits(tx, {
    userId: user.id,
    subject: { type: APPLICATION_SUBJECT, id: application.id },
    accepted: body.subscribeAccepted ?? 0,
    max: ONE_MESSAGE,
    now,
  })
  await rememberTypedPhone(tx, cipher, user, phone, now)
  if (phone.conflict) await recordPhoneConflict(context, application.id, 'submitted')
  if (action === 'resubmit') await confirmReceipt(context, org.name, true)
  return (await myApplicationView(context, user.id))!
}

/** A corrected contact phone reaches the live application, and its timeline, so the union calls the right number. */
export async function applyContactPhone(
  context: ServiceContext,
  change: { phone: string; verified: boolean; conflict: boolean },
): Promise<void> {
  const live = await findLiveApplicationOfUser(context.db, context.user.id)
  if (!live || (live.application.phoneEnc && context.cipher.decrypt(live.application.phoneEnc) === change.phone)) return
  await context.db
    .update(membershipApplications)
    .set({
      phoneEnc: context.cipher.encrypt(change.phone),
      phoneVerified: change.verified,
      phoneConflict: change.conflict,
      updatedAt: context.now,
    })
    .where(eq(membershipApplications.id, live.application.id))
  await appendTimelineEvent(context.db, {
    subjectType: APPLICATION_SUBJECT,
    subjectId: live.application.id,
    actorId: context.user.id,
    actorRole: 'applicant',
    fromStatus: live.application.status,
    toStatus: live.application.status,
    action: 'note',
    note: change.verified ? '本人更正了联系电话（已通过微信验证）' : '本人更正了联系电话',
  })
}
