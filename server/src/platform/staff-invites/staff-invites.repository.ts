import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { PageOf, PageQuery } from '@contract/kit/paging'
import { keyset } from '../../core/paging'
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
  createdByName: sql<string>`coalesce(${creator.realName}, ${creator.nickname})`,
  redeemedByName: sql<string | null>`coalesce(${redeemer.realName}, ${redeemer.nickname})`,
}

/** An invite with the names of its org, maker and redeemer. */
export interface InviteWithNames {
  invite: InviteRow
  orgName: string
  orgKind: string
  createdByName: string
  redeemedByName: string | null
}

/** Invites with the names of their org, maker and redeemer: one page of them, newest first. */
export async function listInvites(db: Queryable, query: PageQuery): Promise<PageOf<InviteWithNames>> {
  const page = keyset(
    [
      { expr: sql`-extract(epoch from ${staffInvites.createdAt})`, type: 'float8' },
      { expr: sql`${staffInvites.id}`, type: 'uuid' },
    ],
    query,
  )
  const rows = await db
    .select({ ...inviteWithNames, cursorKey: page.cursorKey })
    .from(staffInvites)
    .innerJoin(orgs, eq(orgs.id, staffInvites.orgId))
    .innerJoin(creator, eq(creator.id, staffInvites.createdBy))
    .leftJoin(redeemer, eq(redeemer.id, staffInvites.redeemedBy))
    .where(page.after)
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return page.page(rows, ({ cursorKey: _cursorKey, ...row }) => row)
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
