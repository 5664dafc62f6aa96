import { and, eq } from 'drizzle-orm'
import type { DeleteAccountResult, MyData, PhoneResult } from '@contract/account'
import { maskPhone } from '@contract/rules/mask'
import { recordAudit } from '../../core/audit'
import type { ServiceContext } from '../../core/context'
import { idempotencyKeys, outbox, subscribeCredits } from '../../core/core.tables'
import type { ServiceLineDefinition } from '../../core/service-line'
import { roleGrantViews } from '../auth/auth.service'
import { staffRoles, users } from '../auth/auth.tables'
import { inboxMessages } from '../inbox/inbox.tables'
import { forgetUploads } from '../uploads/uploads.service'
import { otherAccountsWithPhone, resolvePhone } from './phone'

type Lines = readonly ServiceLineDefinition[]

/** Everything we hold about the user, line by line, as they may see it (PIPL art. 45): sensitive numbers masked. */
export async function myData(context: ServiceContext, lines: Lines): Promise<MyData> {
  const { user } = context
  const sections = await Promise.all(lines.map((line) => line.personalData.describe(context)))
  return {
    account: {
      nickname: user.nickname || '微信用户',
      phoneMasked: user.phone ? maskPhone(user.phone) : null,
      phoneVerified: user.phoneVerified,
      createdAt: user.createdAt.toISOString(),
    },
    sections: sections.filter((section) => section !== null),
    staffRoles: roleGrantViews(context.roles, user.roles),
  }
}

/** The new phone goes to the account and to every line that copies it onto a live record. */
async function applyPhone(context: ServiceContext, lines: Lines, phone: string, verified: boolean, conflict: boolean): Promise<void> {
  await context.db
    .update(users)
    .set({ phone, phoneVerifiedAt: verified ? context.now : null, updatedAt: context.now })
    .where(eq(users.id, context.user.id))
  for (const line of lines) await line.personalData.contactChanged?.(context, { phone, verified, conflict })
}

export async function updateContactPhone(context: ServiceContext, lines: Lines, phone: string): Promise<PhoneResult> {
  const resolved = await resolvePhone(context.db, context.user, { phoneSource: 'typed', phone })
  await applyPhone(context, lines, resolved.phone, resolved.verified, resolved.conflict)
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: 'account.phone.update',
    subjectType: 'user',
    subjectId: context.user.id,
    detail: { verified: false },
  })
  return { phoneMasked: maskPhone(resolved.phone), verified: resolved.verified, sharedWithOtherAccount: resolved.conflict }
}

export async function bindVerifiedPhone(context: ServiceContext, lines: Lines, phone: string): Promise<PhoneResult> {
  const shared = (await otherAccountsWithPhone(context.db, phone, context.user.id)) > 0
  await applyPhone(context, lines, phone, true, shared)
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: shared ? 'account.phone.verified_shared' : 'account.phone.verified',
    subjectType: 'user',
    subjectId: context.user.id,
    detail: { sharedWithOtherAccount: shared },
  })
  return { phoneMasked: maskPhone(phone), verified: true, sharedWithOtherAccount: shared }
}

/**
 * Deleting the account withdraws consent (PIPL art. 15, 47), in one transaction across every line:
 * each line erases or anonymises what it holds (and says what it did); then the platform deletes
 * the user's files, messages, staff roles, remembered answers, message permissions and unsent
 * messages, and the account row keeps only its WeChat openid, so that logging in again starts
 * afresh. The audit log records that it happened. Returns the storage keys whose bytes go after
 * the commit.
 */
export async function deleteAccount(
  context: ServiceContext,
  lines: Lines,
): Promise<{ result: DeleteAccountResult; storageKeys: string[] }> {
  const { db, user, now } = context
  const outcomes: string[] = []
  const storageKeys: string[] = []
  for (const line of lines) {
    const erased = await line.personalData.erase(context)
    if (erased.outcome) outcomes.push(erased.outcome)
    storageKeys.push(...erased.storageKeys)
  }
  storageKeys.push(...(await forgetUploads(db, { ownerId: user.id })))
  await db.delete(inboxMessages).where(eq(inboxMessages.userId, user.id))
  await db.delete(idempotencyKeys).where(eq(idempotencyKeys.userId, user.id))
  await db.delete(subscribeCredits).where(eq(subscribeCredits.userId, user.id))
  await db.delete(outbox).where(and(eq(outbox.userId, user.id), eq(outbox.status, 'pending')))
  await db.delete(staffRoles).where(eq(staffRoles.userId, user.id))
  await db
    .update(users)
    .set({ nickname: '', phone: null, phoneVerifiedAt: null, deletedAt: now, updatedAt: now })
    .where(eq(users.id, user.id))
  await recordAudit(db, {
    actorId: user.id,
    action: 'account.delete',
    subjectType: 'user',
    subjectId: user.id,
    detail: { lines: lines.map((line) => line.key), files: storageKeys.length },
  })
  return { result: { deleted: true, outcomes }, storageKeys }
}
