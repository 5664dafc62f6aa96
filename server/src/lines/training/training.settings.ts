import { desc, eq, sql } from 'drizzle-orm'
import {
  DEFAULT_SUBSIDY_QUOTA,
  DEFAULT_WAITLIST_CONFIRM_HOURS,
  type TrainingSettings,
  type TrainingSettingsView,
} from '@contract/lines/training'
import { requireLineAccess } from '../../core/access'
import { recordAudit } from '../../core/audit'
import type { ServiceContext } from '../../core/context'
import type { Queryable } from '../../db/client'
import { forbidden } from '../../lib/errors'
import { subsidyAccess } from './training.access'
import type { SeatPolicy } from './training.seats'
import { trainingSettings, trainingSubsidyQuotas } from './training.tables'

/** The line's settings: the waitlist's confirmation window, and each year's subsidy quota. */

export async function seatPolicy(db: Queryable): Promise<SeatPolicy> {
  const [row] = await db
    .select({ hours: trainingSettings.waitlistConfirmHours })
    .from(trainingSettings)
    .where(eq(trainingSettings.id, 'default'))
  return { offerHours: row?.hours ?? DEFAULT_WAITLIST_CONFIRM_HOURS }
}

export const chinaYear = (now: Date): number => new Date(now.getTime() + 8 * 3600_000).getUTCFullYear()

/** This year's quota row, made from the latest year's quota (or the default) the first time it is needed. */
export async function quotaOf(db: Queryable, year: number): Promise<{ year: number; quota: number; used: number }> {
  const [existing] = await db.select().from(trainingSubsidyQuotas).where(eq(trainingSubsidyQuotas.year, year))
  if (existing) return { year, quota: existing.quota, used: existing.used }
  const [latest] = await db
    .select({ quota: trainingSubsidyQuotas.quota })
    .from(trainingSubsidyQuotas)
    .orderBy(desc(trainingSubsidyQuotas.year))
    .limit(1)
  await db
    .insert(trainingSubsidyQuotas)
    .values({ year, quota: latest?.quota ?? DEFAULT_SUBSIDY_QUOTA })
    .onConflictDoNothing()
  const [row] = await db.select().from(trainingSubsidyQuotas).where(eq(trainingSubsidyQuotas.year, year))
  return { year, quota: row?.quota ?? DEFAULT_SUBSIDY_QUOTA, used: row?.used ?? 0 }
}

/**
 * Takes one place of the year's quota, in one conditional statement: two approvals at once, on any
 * number of instances, never take more than the quota. False when it is used up.
 */
export async function takeQuotaPlace(db: Queryable, year: number): Promise<boolean> {
  await quotaOf(db, year)
  const taken = await db
    .update(trainingSubsidyQuotas)
    .set({ used: sql`${trainingSubsidyQuotas.used} + 1`, updatedAt: sql`now()` })
    .where(sql`${trainingSubsidyQuotas.year} = ${year} and ${trainingSubsidyQuotas.used} < ${trainingSubsidyQuotas.quota}`)
    .returning({ used: trainingSubsidyQuotas.used })
  return taken.length > 0
}

export async function readSettings(context: ServiceContext): Promise<TrainingSettingsView> {
  requireLineAccess(context.user, subsidyAccess)
  const year = chinaYear(context.now)
  const [policy, quota] = await Promise.all([seatPolicy(context.db), quotaOf(context.db, year)])
  return { waitlistConfirmHours: policy.offerHours, subsidyQuota: quota.quota, year, subsidyUsed: quota.used }
}

/** City training staff change the settings; the change is on the record. */
export async function saveSettings(context: ServiceContext, input: TrainingSettings): Promise<TrainingSettingsView> {
  if (requireLineAccess(context.user, subsidyAccess).access !== 'act') throw forbidden('您可以查看，但不能修改设置')
  const year = chinaYear(context.now)
  await context.db
    .insert(trainingSettings)
    .values({ id: 'default', waitlistConfirmHours: input.waitlistConfirmHours, updatedAt: context.now, updatedBy: context.user.id })
    .onConflictDoUpdate({
      target: trainingSettings.id,
      set: { waitlistConfirmHours: input.waitlistConfirmHours, updatedAt: context.now, updatedBy: context.user.id },
    })
  await quotaOf(context.db, year)
  await context.db
    .update(trainingSubsidyQuotas)
    .set({ quota: input.subsidyQuota, updatedAt: context.now })
    .where(eq(trainingSubsidyQuotas.year, year))
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: 'training.settings.save',
    subjectType: 'training_settings',
    subjectId: 'default',
    detail: { waitlistConfirmHours: input.waitlistConfirmHours, subsidyQuota: input.subsidyQuota, year },
  })
  return readSettings(context)
}
