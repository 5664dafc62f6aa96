import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Queryable } from '../../db/client'
import { users } from '../auth/auth.tables'
import { orgs } from '../orgs/orgs.tables'
import { staffInvites } from './staff-invites.tables'

export type InviteRow = typeof staffInvites.$inferSelect

const creator = alias(users, 'creator')
const redeemer = alias(users, 'redeemer')

const inviteWithNames = {
  invite: staffInvites,
  orgName: orgs.name,
  orgKind: orgs.kind,
  createdByName: creator.nickname,
  redeemedByName: redeemer.nickname,
}

/** Invites with the names of their org, maker and redeemer, newest first. */
export async function listInvites(db: Queryable, limit = 100) {
  return db
    .select(inviteWithNames)
    .from(staffInvites)
    .innerJoin(orgs, eq(orgs.id, staffInvites.orgId))
    .innerJoin(creator, eq(creator.id, staffInvites.createdBy))
    .leftJoin(redeemer, eq(redeemer.id, staffInvites.redeemedBy))
    .orderBy(desc(staffInvites.createdAt), desc(staffInvites.id))
    .limit(limit)
}

export async function findInviteWithNames(db: Queryable, id: string) {
  const [row] = await db
    .select(inviteWithNames)
    .from(staffInvites)
    .innerJoin(orgs, eq(orgs.id, staffInvites.orgId))
    .innerJoin(creator, eq(creator.id, staffInvites.createdBy))
    .leftJoin(redeemer, eq(redeemer.id, staffInvites.redeemedBy))
    .where(eq(staffInvites.id, id))
  return row
}

export async function findInviteByCodeHash(db: Queryable, codeHash: string): Promise<InviteRow | undefined> {
  const [row] = await db.select().from(staffInvites).where(eq(staffInvites.codeHash, codeHash))
  return row
}

/**
 * Uses the invite in one statement, so two people racing with the same code cannot both get
 * the role: only an unused, unrevoked, unexpired invite is updated.
 */
export async function claimInvite(db: Queryable, id: string, userId: string, now: Date): Promise<boolean> {
  const claimed = await db
    .update(staffInvites)
    .set({ redeemedBy: userId, redeemedAt: now })
    .where(and(eq(staffInvites.id, id), isNull(staffInvites.redeemedAt), isNull(staffInvites.revokedAt), gt(staffInvites.expiresAt, now)))
    .returning({ id: staffInvites.id })
  return claimed.length > 0
}

export async function revokeInvite(db: Queryable, id: string, userId: string, now: Date): Promise<boolean> {
  const revoked = await db
    .update(staffInvites)
    .set({ revokedBy: userId, revokedAt: now })
    .where(and(eq(staffInvites.id, id), isNull(staffInvites.redeemedAt), isNull(staffInvites.revokedAt)))
    .returning({ id: staffInvites.id })
  return revoked.length > 0
}
