import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { AidType, CapUsage, EventKind } from '@contract/lines/hardship'
import type { Queryable } from '../../db/client'
import { users } from '../../platform/auth/auth.tables'
import { orgs } from '../../platform/orgs/orgs.tables'
import {
  hardshipApplications,
  hardshipCampaigns,
  hardshipFiles,
  hardshipItems,
  hardshipObjections,
  hardshipPayments,
  hardshipProofSlots,
  hardshipVisits,
} from './hardship.tables'
import type { ApplicationRow, ItemRow, SlotRow } from './hardship.views'

/** Queries of 困难帮扶 that more than one side needs. */

export interface ApplicationBundle {
  row: ApplicationRow
  items: ItemRow[]
  slots: SlotRow[]
  orgName: string
}

export async function findApplication(db: Queryable, id: string, lock = false): Promise<ApplicationBundle | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const query = db
    .select({ row: hardshipApplications, orgName: orgs.name })
    .from(hardshipApplications)
    .innerJoin(orgs, eq(orgs.id, hardshipApplications.orgId))
    .where(eq(hardshipApplications.id, id))
  const [found] = lock ? await query.for('update', { of: hardshipApplications }) : await query
  if (!found) return undefined
  const items = await db.select().from(hardshipItems).where(eq(hardshipItems.applicationId, id))
  const slots = await db.select().from(hardshipProofSlots).where(eq(hardshipProofSlots.applicationId, id))
  const order: AidType[] = ['living', 'medical', 'education', 'temporary']
  items.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))
  return { row: found.row, items, slots, orgName: found.orgName }
}

/** The household's approved items (any application), for the caps and the ledger. */
export async function approvedItemsOfFile(db: Queryable, fileId: string, exceptApplicationId?: string) {
  return db
    .select({
      applicationId: hardshipItems.applicationId,
      type: hardshipItems.type,
      approvedFen: hardshipItems.approvedFen,
      paidFen: hardshipItems.paidFen,
      decidedYear: hardshipItems.decidedYear,
      childHash: hardshipItems.childHash,
      schoolYear: hardshipItems.schoolYear,
      eventKind: hardshipItems.eventKind,
    })
    .from(hardshipItems)
    .innerJoin(hardshipApplications, eq(hardshipApplications.id, hardshipItems.applicationId))
    .where(
      and(
        eq(hardshipApplications.fileId, fileId),
        inArray(hardshipApplications.status, ['approved', 'paid']),
        sql`${hardshipItems.approvedFen} > 0`,
        exceptApplicationId ? ne(hardshipApplications.id, exceptApplicationId) : undefined,
      ),
    )
}

/** What the household has had already, as the caps count it. */
export async function capUsageOf(
  db: Queryable,
  fileId: string,
  item: { childHash: string | null; schoolYear: number | null },
  year: number,
  exceptApplicationId?: string,
): Promise<CapUsage> {
  const approved = await approvedItemsOfFile(db, fileId, exceptApplicationId)
  const sum = (rows: typeof approved) => rows.reduce((total, row) => total + (row.approvedFen ?? 0), 0)
  return {
    livingThisYearFen: sum(approved.filter((row) => row.type === 'living' && row.decidedYear === year)),
    educationThisSchoolYearFen: sum(
      approved.filter(
        (row) =>
          row.type === 'education' && item.childHash !== null && row.childHash === item.childHash && row.schoolYear === item.schoolYear,
      ),
    ),
    temporaryApproved: approved
      .filter((row) => row.type === 'temporary')
      .map((row) => ({ eventKind: (row.eventKind ?? 'other') as EventKind })),
  }
}

export async function findFile(db: Queryable, id: string, lock = false) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const query = db
    .select({ row: hardshipFiles, orgName: orgs.name })
    .from(hardshipFiles)
    .innerJoin(orgs, eq(orgs.id, hardshipFiles.orgId))
    .where(eq(hardshipFiles.id, id))
  const [found] = lock ? await query.for('update', { of: hardshipFiles }) : await query
  return found
}

export async function visitOf(db: Queryable, applicationId: string) {
  const [found] = await db
    .select({ visit: hardshipVisits, recordedByName: sql<string | null>`coalesce(${users.realName}, ${users.nickname})` })
    .from(hardshipVisits)
    .leftJoin(users, eq(users.id, hardshipVisits.recordedBy))
    .where(eq(hardshipVisits.applicationId, applicationId))
  return found
}

export async function objectionsOf(db: Queryable, applicationId: string) {
  return db
    .select()
    .from(hardshipObjections)
    .where(eq(hardshipObjections.applicationId, applicationId))
    .orderBy(asc(hardshipObjections.createdAt))
}

export async function paymentsOf(db: Queryable, applicationId: string) {
  return db
    .select({ payment: hardshipPayments, recordedByName: sql<string | null>`coalesce(${users.realName}, ${users.nickname})` })
    .from(hardshipPayments)
    .leftJoin(users, eq(users.id, hardshipPayments.recordedBy))
    .where(eq(hardshipPayments.applicationId, applicationId))
    .orderBy(asc(hardshipPayments.createdAt))
}

export async function userName(db: Queryable, id: string | null): Promise<string | null> {
  if (!id) return null
  const [row] = await db
    .select({ name: sql<string>`coalesce(${users.realName}, ${users.nickname})` })
    .from(users)
    .where(eq(users.id, id))
  return row?.name ?? null
}

export async function campaignsAll(db: Queryable) {
  return db
    .select()
    .from(hardshipCampaigns)
    .orderBy(sql`${hardshipCampaigns.opensOn} desc`, hardshipCampaigns.id)
}

/** The campaign open today that an application of these aid types counts in (the first that fits). */
export async function openCampaignFor(db: Queryable, today: string, aidTypes: readonly AidType[]) {
  const open = await db
    .select()
    .from(hardshipCampaigns)
    .where(
      and(
        eq(hardshipCampaigns.status, 'open'),
        sql`${hardshipCampaigns.opensOn} <= ${today}`,
        sql`${hardshipCampaigns.closesOn} >= ${today}`,
      ),
    )
  return open.find((campaign) => campaign.aidTypes.some((type) => aidTypes.includes(type)))
}
