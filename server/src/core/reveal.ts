import { and, desc, eq, sql } from 'drizzle-orm'
import type { RevealEntry } from '@contract/kit/reveal'
import type { Queryable } from '../db/client'
import { AppError } from '../lib/errors'
import { users } from '../platform/auth/auth.tables'
import { recordAudit } from './audit'
import type { ServiceContext } from './context'
import { auditLog } from './core.tables'

export interface RevealRequest {
  /** Dotted verb, e.g. `membership.id_number.reveal`, `hardship.bank_account.reveal`. */
  action: string
  subjectType: string
  subjectId: string
  /** The sealed value (FieldCipher); null when there is none to show. */
  sealed: string | null
  /** What the audit needs besides who and when (the org, the acting role) — never the value. */
  detail?: Record<string, unknown>
}

/**
 * Opens a sealed value for a staff member whose work needs it, after their access to the record
 * has been checked, and writes the reveal to the audit log in the same transaction.
 */
export async function revealSealed(context: ServiceContext, request: RevealRequest): Promise<string> {
  if (!request.sealed) throw new AppError(404, 'NOT_FOUND')
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: request.action,
    subjectType: request.subjectType,
    subjectId: request.subjectId,
    detail: request.detail ?? {},
  })
  return context.cipher.decrypt(request.sealed)
}

/** Who revealed this record's value, newest first. */
export async function revealsOf(db: Queryable, subjectType: string, subjectId: string, action: string): Promise<RevealEntry[]> {
  const rows = await db
    .select({ at: auditLog.createdAt, actorName: sql<string | null>`coalesce(${users.realName}, ${users.nickname})` })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, subjectId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.createdAt))
  return rows.map((row) => ({ at: row.at.toISOString(), actorName: row.actorName || '工作人员' }))
}
