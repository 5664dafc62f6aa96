import { and, eq, gt, sql } from 'drizzle-orm'
import { auditLog } from '../../core/core.tables'
import { defineJob } from '../../core/jobs'
import type { Queryable } from '../../db/client'

/**
 * Nightly, on one instance, when accounts were deleted since the last run: rewrite the tables
 * (VACUUM FULL) so that the erased values no longer sit in dead row versions in the database
 * files, and checkpoint. Backups made before stay as they are until they age out (README).
 */
export const privacyVacuumJob = defineJob({
  name: 'privacy.vacuum',
  everyMs: 24 * 3600_000,
  async run(context) {
    const since = new Date(context.now.getTime() - 25 * 3600_000)
    const [deleted] = await context.db
      .select({ value: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'account.delete'), gt(auditLog.createdAt, since)))
    if (Number(deleted?.value ?? 0) === 0) return
    await vacuumErasedRows(context.db)
  },
})

/** VACUUM cannot run inside a transaction: call it on the database itself (as jobs are given it). */
export async function vacuumErasedRows(db: Queryable): Promise<void> {
  await db.execute(sql`vacuum full`)
  await db.execute(sql`checkpoint`)
}
