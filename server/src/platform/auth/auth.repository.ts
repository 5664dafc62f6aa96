import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { StaffRole } from '@contract/auth'
import type { Database, Queryable } from '../../db/client'
import { preparedPerDatabase } from '../../db/prepared'
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

/** The auth query, prepared once per database: on PostgreSQL its plan is kept per connection. */
const sessionUserQuery = preparedPerDatabase((db) =>
  db
    .select({
      user: users,
      role: staffRoles.role,
      orgId: staffRoles.orgId,
      orgName: orgs.name,
      orgPath: orgs.path,
      orgKind: orgs.kind,
      scopeId: staffRoles.scopeId,
    })
    .from(users)
    .leftJoin(staffRoles, and(eq(staffRoles.userId, users.id), isNull(staffRoles.revokedAt)))
    .leftJoin(orgs, eq(orgs.id, staffRoles.orgId))
    .where(and(eq(users.id, sql.placeholder('userId')), isNull(users.deletedAt)))
    .orderBy(staffRoles.createdAt)
    .prepare('session_user'),
)

/**
 * The caller behind a session with their role grants, in one indexed lookup: it runs on every
 * authenticated request.
 */
export async function findSessionUser(db: Database, userId: string): Promise<{ user: UserRow; roles: RoleGrantRow[] } | undefined> {
  const rows = await sessionUserQuery(db).execute({ userId })
  const first = rows[0]
  if (!first) return undefined
  const roles: RoleGrantRow[] = []
  for (const row of rows) {
    if (row.role === null || row.orgId === null || row.orgName === null || row.orgPath === null || row.orgKind === null) continue
    roles.push({ role: row.role, orgId: row.orgId, orgName: row.orgName, orgPath: row.orgPath, orgKind: row.orgKind, scopeId: row.scopeId })
  }
  return { user: first.user, roles }
}

export async function rolesOfUser(db: Queryable, userId: string): Promise<RoleGrantRow[]> {
  return (await rolesOfUsers(db, [userId])).get(userId) ?? []
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
    .orderBy(staffRoles.createdAt)
  for (const { userId, ...grant } of rows) byUser.set(userId, [...(byUser.get(userId) ?? []), grant])
  return byUser
}

export async function grantRole(
  db: Queryable,
  grant: { userId: string; role: StaffRole; orgId: string; scopeId?: string | null; grantedBy?: string },
): Promise<void> {
  await db.insert(staffRoles).values(grant).onConflictDoNothing()
}
