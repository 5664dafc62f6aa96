import { and, eq, inArray, sql } from 'drizzle-orm'
import type { MemberDirectory, MemberRecord } from '../../core/members'
import type { Queryable } from '../../db/client'
import { orgs } from '../../platform/orgs/orgs.tables'
import { checkCardToken } from './card-token'
import { memberships } from './membership.tables'

/** The member directory other lines use (core/members.ts), answered from this line's tables. */
export const membershipDirectory: MemberDirectory = {
  async activeMemberOf({ db }, userId) {
    return (await activeMembers(db, [eq(memberships.userId, userId)]))[0] ?? null
  },
  async activeMembersOf({ db }, userIds) {
    if (userIds.length === 0) return new Map()
    const rows = await activeMembers(db, [inArray(memberships.userId, [...userIds])])
    return new Map(rows.map((member) => [member.userId, member]))
  },
  async checkCardCode(context, code) {
    const check = checkCardToken(context.config.authSecret, code, context.now)
    if (check.result !== 'valid') return check
    const [member] = await activeMembers(context.db, [eq(memberships.id, check.membershipId)])
    return member ? { result: 'valid', member } : { result: 'invalid' }
  },
  async countActive({ db }, options = {}) {
    const since = options.joinedSince ?? new Date(0)
    const [row] = await db
      .select({
        active: sql<number>`count(*)::int`,
        joinedSince: sql<number>`(count(*) filter (where ${memberships.joinedAt} >= ${since}))::int`,
      })
      .from(memberships)
      .where(eq(memberships.status, 'active'))
    return { active: Number(row?.active ?? 0), joinedSince: Number(row?.joinedSince ?? 0) }
  },
}

async function activeMembers(db: Queryable, conditions: Parameters<typeof and>): Promise<MemberRecord[]> {
  return db
    .select({
      membershipId: memberships.id,
      userId: memberships.userId,
      orgId: memberships.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
      memberNumber: memberships.memberNumber,
      idNumberHash: memberships.idNumberHash,
      name: memberships.name,
      joinedAt: memberships.joinedAt,
    })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(and(eq(memberships.status, 'active'), ...conditions))
}
