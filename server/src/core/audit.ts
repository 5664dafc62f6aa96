import { and, desc, eq } from 'drizzle-orm'
import type { Queryable } from '../db/client'
import { auditLog } from './core.tables'

export interface AuditEntry {
  actorId: string | null
  /** Dotted verb, e.g. `membership.id_number.reveal`. */
  action: string
  subjectType: string
  subjectId: string
  /** Never the sensitive value itself: what was done, not what was seen. */
  detail?: Record<string, unknown>
}

export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ ...entry, detail: entry.detail ?? {} })
}

export async function auditTrail(db: Queryable, subjectType: string, subjectId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, subjectId)))
    .orderBy(desc(auditLog.createdAt))
}
