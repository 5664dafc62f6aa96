import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { StaffRole } from '@contract/auth'
import type { Queryable } from '../../db/client'
import { orgs } from '../orgs/orgs.tables'
import { staffRoles, users } from './auth.tables'

export type UserRow = typeof users.$inferSelect

export interface RoleGrantRow {
  role: StaffRole
  orgId: string
  orgName: string
  orgPath: string
  orgKind: string
  /** The unit a scoped role is held for (a merchant); null otherwise. */
  scopeId: string | null
}

export async function findActiveUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
  return row
}

export async function findUserByOpenid(db: Queryable, openid: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.openid, openid))
  return row
}

/**
 * Finds or creates the user for an openid in one statement, so two first logins at once make
 * one user. A user who deleted their account and logs in again gets a fresh start on the same row.
 */
export async function upsertUserByOpenid(db: Queryable, openid: string, nickname: string): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ openid, nickname })
    .onConflictDoUpdate({
      target: users.openid,
      set: {
        deletedAt: null,
        sessionsValidAfter: sql`case when ${users.deletedAt} is null then ${users.sessionsValidAfter} else now() end`,
        nickname: sql`case when ${users.deletedAt} is null then ${users.nickname} else excluded.nickname end`,
        updatedAt: sql`case when ${users.deletedAt} is null then ${users.updatedAt} else now() end`,
      },
    })
    .returning()
  if (!row) throw new Error('upsert returned no row')
  return row
}

export async function rolesOfUser(db: Queryable, userId: string): Promise<RoleGrantRow[]> {
  return db
    .select({
      role: staffRoles.role,
      orgId: staffRoles.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
      orgKind: orgs.kind,
      scopeId: staffRoles.scopeId,
    })
    .from(staffRoles)
    .innerJoin(orgs, eq(orgs.id, staffRoles.orgId))
    .where(and(eq(staffRoles.userId, userId), isNull(staffRoles.revokedAt)))
    .orderBy(staffRoles.createdAt)
}

export async function rolesOfUsers(db: Queryable, userIds: string[]): Promise<Map<string, RoleGrantRow[]>> {
  const byUser = new Map<string, RoleGrantRow[]>()
  if (userIds.length === 0) return byUser
  const rows = await db
    .select({
      userId: staffRoles.userId,
      role: staffRoles.role,
      orgId: staffRoles.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
      orgKind: orgs.kind,
      scopeId: staffRoles.scopeId,
    })
    .from(staffRoles)
    .innerJoin(orgs, eq(orgs.id, staffRoles.orgId))
    .where(and(inArray(staffRoles.userId, userIds), isNull(staffRoles.revokedAt)))
  for (const { userId, ...grant } of rows) byUser.set(userId, [...(byUser.get(userId) ?? []), grant])
  return byUser
}

export async function grantRole(
  db: Queryable,
  grant: { userId: string; role: StaffRole; orgId: string; scopeId?: string | null; grantedBy?: string },
): Promise<void> {
  await db.insert(staffRoles).values(grant).onConflictDoNothing()
}
