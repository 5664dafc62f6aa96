import { and, count, eq, ilike, inArray, ne, sql } from 'drizzle-orm'
import type { ReviewTab } from '@contract/lines/membership'
import { keyset } from '../../core/paging'
import type { Queryable } from '../../db/client'
import { scopeCondition, type StaffScope } from '../../core/access'
import { orgs } from '../../platform/orgs/orgs.tables'
import { memberNumberSequence, membershipApplications, memberships } from './membership.tables'

export type ApplicationRow = typeof membershipApplications.$inferSelect
export type NewApplicationRow = typeof membershipApplications.$inferInsert
export type MembershipRow = typeof memberships.$inferSelect
export type OrgRef = { id: string; name: string; path: string; kind: string }

const orgRef = { id: orgs.id, name: orgs.name, path: orgs.path, kind: orgs.kind }

/** The user's application that is not withdrawn (there is at most one). */
export async function findLiveApplicationOfUser(db: Queryable, userId: string) {
  const [row] = await db
    .select({ application: membershipApplications, org: orgRef })
    .from(membershipApplications)
    .innerJoin(orgs, eq(orgs.id, membershipApplications.orgId))
    .where(and(eq(membershipApplications.userId, userId), ne(membershipApplications.status, 'withdrawn')))
  return row
}

export async function findApplication(db: Queryable, id: string) {
  const [row] = await db
    .select({ application: membershipApplications, org: orgRef })
    .from(membershipApplications)
    .innerJoin(orgs, eq(orgs.id, membershipApplications.orgId))
    .where(eq(membershipApplications.id, id))
  return row
}

export async function findActiveMembershipOfUser(db: Queryable, userId: string) {
  const [row] = await db
    .select({ membership: memberships, org: orgRef })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')))
  return row
}

export async function findMembershipOfApplication(db: Queryable, applicationId: string): Promise<MembershipRow | undefined> {
  const [row] = await db.select().from(memberships).where(eq(memberships.applicationId, applicationId))
  return row
}

/** Who is an active member with this ID number, and in which union. */
export async function findActiveMembershipByIdHash(db: Queryable, idNumberHash: string) {
  const [row] = await db
    .select({ membership: memberships, orgName: orgs.name })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(eq(memberships.idNumberHash, idNumberHash), eq(memberships.status, 'active')))
  return row
}

/** An application with this ID number waiting for review, other than `exceptId`. */
export async function findPendingApplicationByIdHash(db: Queryable, idNumberHash: string, exceptId?: string) {
  const [row] = await db
    .select({ id: membershipApplications.id, userId: membershipApplications.userId, orgName: orgs.name })
    .from(membershipApplications)
    .innerJoin(orgs, eq(orgs.id, membershipApplications.orgId))
    .where(
      and(
        eq(membershipApplications.idNumberHash, idNumberHash),
        eq(membershipApplications.status, 'submitted'),
        exceptId ? ne(membershipApplications.id, exceptId) : undefined,
      ),
    )
  return row
}

export async function nextMemberSequence(db: Queryable): Promise<number> {
  const result = (await db.execute(sql`select nextval(${memberNumberSequence.seqName})::int as value`)) as unknown as {
    rows: Array<{ value: number | string }>
  }
  return Number(result.rows[0]?.value)
}

export type QueueStatus = ReviewTab

export interface QueueFilter {
  scope: Exclude<StaffScope, { kind: 'none' }>
  status: QueueStatus
  sort: 'oldest' | 'newest'
  q?: string
}

function nameLike(q: string | undefined) {
  if (!q) return undefined
  return ilike(membershipApplications.name, `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`)
}

/** A page of the review queue within the caller's scope: longest waiting first, or the latest. */
export async function queuePage(db: Queryable, filter: QueueFilter, query: { cursor?: string; limit?: string }) {
  const submitted = sql`extract(epoch from ${membershipApplications.submittedAt})`
  const page = keyset(
    [
      { expr: filter.sort === 'oldest' ? submitted : sql`-${submitted}`, type: 'float8' },
      { expr: sql`${membershipApplications.id}`, type: 'uuid' },
    ],
    query,
  )
  const rows = await db
    .select({ application: membershipApplications, org: orgRef, cursorKey: page.cursorKey })
    .from(membershipApplications)
    .innerJoin(orgs, eq(orgs.id, membershipApplications.orgId))
    .where(and(eq(membershipApplications.status, filter.status), scopeCondition(filter.scope, orgs.path), nameLike(filter.q), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return page.page(rows, ({ application, org }) => ({ application, org }))
}

/** How many applications per status within the scope (and search). */
export async function queueCounts(db: Queryable, scope: QueueFilter['scope'], q?: string): Promise<Record<QueueStatus, number>> {
  const rows = await db
    .select({ status: membershipApplications.status, value: count() })
    .from(membershipApplications)
    .innerJoin(orgs, eq(orgs.id, membershipApplications.orgId))
    .where(
      and(inArray(membershipApplications.status, ['submitted', 'approved', 'rejected']), scopeCondition(scope, orgs.path), nameLike(q)),
    )
    .groupBy(membershipApplications.status)
  const counts: Record<QueueStatus, number> = { submitted: 0, approved: 0, rejected: 0 }
  for (const row of rows) if (row.status in counts) counts[row.status as QueueStatus] = Number(row.value)
  return counts
}

/** Who revealed an application's ID number, newest first. */
