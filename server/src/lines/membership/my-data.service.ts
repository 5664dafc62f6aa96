import { and, eq, ne } from 'drizzle-orm'
import type { DeleteAccountResult, MyData, PhoneResult } from '@contract/lines/membership'
import { maskPhone } from '@contract/rules/mask'
import { recordAudit } from '../../core/audit'
import { idempotencyKeys } from '../../core/core.tables'
import { appendTimelineEvent } from '../../core/timeline'
import type { Queryable, Transaction } from '../../db/client'
import { AppError } from '../../lib/errors'
import { WechatError, wechatErrorToAppError, type WechatClient } from '../../lib/wechat'
import { staffRoles, users } from '../../platform/auth/auth.tables'
import type { AuthUser } from '../../platform/auth/auth.service'
import { inboxMessages } from '../../platform/inbox/inbox.tables'
import { findActiveMembershipOfUser, findLiveApplicationOfUser, otherAccountsWithPhone } from './membership.repository'
import { APPLICATION_SUBJECT, resolvePhone } from './membership.service'
import { membershipApplications, memberships } from './membership.tables'
import { applicationDetail, membershipSummary } from './membership.views'

/** Everything we hold about the user, as they may see it (PIPL art. 45): sensitive numbers masked. */
export async function myData(db: Queryable, user: AuthUser): Promise<MyData> {
  const live = await findLiveApplicationOfUser(db, user.id)
  const active = await findActiveMembershipOfUser(db, user.id)
  const detail = live ? applicationDetail(live.application, live.org, [], active?.membership.memberNumber ?? null) : null
  return {
    account: {
      nickname: user.nickname || '微信用户',
      phoneMasked: user.phone ? maskPhone(user.phone) : null,
      phoneVerified: user.phoneVerified,
      createdAt: user.createdAt.toISOString(),
    },
    application:
      live && detail
        ? {
            status: detail.status,
            name: detail.name,
            gender: detail.gender,
            ethnicity: detail.ethnicity,
            birthDate: detail.birthDate,
            idNumberMasked: detail.idNumberMasked,
            phoneMasked: detail.phoneMasked,
            employer: detail.employer,
            employmentType: detail.employmentType,
            migrantWorker: detail.migrantWorker,
            education: detail.education,
            politicalStatus: detail.politicalStatus,
            hukouType: detail.hukouType,
            hukouPlace: detail.hukouPlace,
            orgName: detail.orgName,
            submittedAt: detail.submittedAt,
            consentAt: (live.application.consentAt ?? live.application.submittedAt).toISOString(),
          }
        : null,
    membership: active ? membershipSummary(active.membership, active.org) : null,
    staffRoles: user.roles.map(({ role, orgId, orgName }) => ({ role, orgId, orgName })),
  }
}

/**
 * A corrected phone goes to the account and to the live application, and the change shows in the
 * application's timeline so the reviewing union knows which number to call.
 */
async function applyPhone(tx: Transaction, user: AuthUser, phone: string, verified: boolean, conflict: boolean): Promise<void> {
  const now = new Date()
  await tx
    .update(users)
    .set({ phone, phoneVerifiedAt: verified ? now : null, updatedAt: now })
    .where(eq(users.id, user.id))
  const live = await findLiveApplicationOfUser(tx, user.id)
  if (!live || live.application.phone === phone) return
  await tx
    .update(membershipApplications)
    .set({ phone, phoneVerified: verified, phoneConflict: conflict, updatedAt: now })
    .where(eq(membershipApplications.id, live.application.id))
  await appendTimelineEvent(tx, {
    subjectType: APPLICATION_SUBJECT,
    subjectId: live.application.id,
    actorId: user.id,
    actorRole: 'applicant',
    fromStatus: live.application.status,
    toStatus: live.application.status,
    note: verified ? '本人更正了联系电话（已通过微信验证）' : '本人更正了联系电话',
  })
}

export async function updateContactPhone(tx: Transaction, user: AuthUser, phone: string): Promise<PhoneResult> {
  const resolved = await resolvePhone(tx, user, { phoneSource: 'typed', phone })
  await applyPhone(tx, user, resolved.phone, resolved.verified, resolved.conflict)
  await recordAudit(tx, {
    actorId: user.id,
    action: 'account.phone.update',
    subjectType: 'user',
    subjectId: user.id,
    detail: { verified: false },
  })
  return { phoneMasked: maskPhone(resolved.phone), verified: resolved.verified, sharedWithOtherAccount: resolved.conflict }
}

/** WeChat's getPhoneNumber code → the number WeChat verified, bound to the account. */
export async function phoneFromWechat(wechat: WechatClient, code: string): Promise<string> {
  if (!wechat.configured) throw new AppError(503, 'WECHAT_UNAVAILABLE', '暂时无法通过微信验证手机号，请直接填写手机号')
  try {
    return (await wechat.phoneNumberFromCode(code)).phoneNumber
  } catch (error) {
    if (!(error instanceof WechatError)) throw error
    const mapped = wechatErrorToAppError(error)
    if (mapped.code === 'WECHAT_CODE_INVALID') throw new AppError(400, 'WECHAT_CODE_INVALID', '手机号验证已失效，请重新点击验证')
    throw mapped
  }
}

export async function bindVerifiedPhone(tx: Transaction, user: AuthUser, phone: string): Promise<PhoneResult> {
  const shared = (await otherAccountsWithPhone(tx, phone, user.id)) > 0
  await applyPhone(tx, user, phone, true, shared)
  await recordAudit(tx, {
    actorId: user.id,
    action: shared ? 'account.phone.verified_shared' : 'account.phone.verified',
    subjectType: 'user',
    subjectId: user.id,
    detail: { sharedWithOtherAccount: shared },
  })
  return { phoneMasked: maskPhone(phone), verified: true, sharedWithOtherAccount: shared }
}

/**
 * Deleting the account withdraws consent (PIPL art. 15, 47). What happens, as the page explains:
 * - a membership ends at once: the card stops verifying and the member number is retired, never
 *   given to anyone else;
 * - the application stays as an anonymised record (status 已撤回): which union, when it was
 *   submitted and decided, and the member number — the union's membership register has to account
 *   for its numbers — while name, ID number, phone, work and background are erased;
 * - messages, staff roles and remembered answers (which hold masked personal data) are deleted,
 *   and the account row keeps only its WeChat openid, so that logging in again starts afresh;
 * - the timeline and the audit log record that it happened and when.
 */
export async function deleteAccount(tx: Transaction, user: AuthUser): Promise<DeleteAccountResult> {
  const now = new Date()
  const active = await findActiveMembershipOfUser(tx, user.id)
  if (active) {
    await tx
      .update(memberships)
      .set({ status: 'ended', endedAt: now, endReason: 'account_deleted', name: null, idNumberHash: null })
      .where(eq(memberships.id, active.membership.id))
  }
  const live = await findLiveApplicationOfUser(tx, user.id)
  if (live) {
    await tx
      .update(membershipApplications)
      .set({
        status: 'withdrawn',
        name: null,
        gender: null,
        ethnicity: null,
        birthDate: null,
        idNumberCipher: null,
        idNumberHash: null,
        idNumberMasked: null,
        phone: null,
        phoneVerified: false,
        phoneConflict: false,
        employer: null,
        employmentType: null,
        migrantWorker: null,
        education: null,
        politicalStatus: null,
        hukouType: null,
        hukouPlace: null,
        rejectionReason: null,
        updatedAt: now,
        anonymisedAt: now,
      })
      .where(and(eq(membershipApplications.id, live.application.id), ne(membershipApplications.status, 'withdrawn')))
    await appendTimelineEvent(tx, {
      subjectType: APPLICATION_SUBJECT,
      subjectId: live.application.id,
      actorId: user.id,
      actorRole: 'applicant',
      fromStatus: live.application.status,
      toStatus: 'withdrawn',
      note: active
        ? `本人注销账号：会员资格终止，会员号 ${active.membership.memberNumber} 停用，个人信息已删除`
        : '本人注销账号：申请撤回，个人信息已删除',
    })
  }
  await tx.delete(inboxMessages).where(eq(inboxMessages.userId, user.id))
  await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.userId, user.id))
  await tx.delete(staffRoles).where(eq(staffRoles.userId, user.id))
  await tx
    .update(users)
    .set({ nickname: '', phone: null, phoneVerifiedAt: null, deletedAt: now, updatedAt: now })
    .where(eq(users.id, user.id))
  await recordAudit(tx, {
    actorId: user.id,
    action: 'account.delete',
    subjectType: 'user',
    subjectId: user.id,
    detail: { membershipEnded: Boolean(active), applicationWithdrawn: Boolean(live) },
  })
  return { deleted: true, retiredMemberNumber: active?.membership.memberNumber ?? null }
}
