import { and, eq, isNull, like, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { StaffList, StaffQuery } from '@contract/staff-invites'
import { recordAudit } from '../../core/audit'
import type { ServiceContext } from '../../core/context'
import { keyset } from '../../core/paging'
import { AppError, notFound, validationFailed } from '../../lib/errors'
import { staffRoles, users } from '../auth/auth.tables'
import { findOrg } from '../orgs/orgs.repository'
import { orgs } from '../orgs/orgs.tables'

const grantor = alias(users, 'grantor')

/** Who holds which staff role, for the city administrator who manages staff: newest grants first. */
export async function staffList(context: ServiceContext, query: StaffQuery): Promise<StaffList> {
  let within: string | undefined
  if (query.orgId) {
    const org = await findOrg(context.db, query.orgId)
    if (!org) throw validationFailed({ orgId: '没有找到这个工会组织' })
    within = org.path
  }
  const page = keyset(
    [
      { expr: sql`-extract(epoch from ${staffRoles.createdAt})`, type: 'float8' },
      { expr: sql`${staffRoles.id}`, type: 'uuid' },
    ],
    query,
  )
  const rows = await context.db
    .select({
      grant: staffRoles,
      name: sql<string>`coalesce(${users.realName}, nullif(${users.nickname}, ''), '微信用户')`,
      orgName: orgs.name,
      orgKind: orgs.kind,
      grantedByName: sql<string | null>`coalesce(${grantor.realName}, ${grantor.nickname})`,
      cursorKey: page.cursorKey,
    })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .innerJoin(orgs, eq(orgs.id, staffRoles.orgId))
    .leftJoin(grantor, eq(grantor.id, staffRoles.grantedBy))
    .where(and(isNull(staffRoles.revokedAt), isNull(users.deletedAt), within ? like(orgs.path, `${within}%`) : undefined, page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return page.page(rows, (row) => ({
    id: row.grant.id,
    userId: row.grant.userId,
    name: row.name,
    role: row.grant.role,
    roleLabel: context.roles.labelAt(row.grant.role, row.orgKind),
    orgId: row.grant.orgId,
    orgName: row.orgName,
    grantedAt: row.grant.createdAt.toISOString(),
    grantedByName: row.grantedByName,
  }))
}

/**
 * Takes a role back, at once (roles are read on every request) and on the record: the grant stays
 * with who revoked it and when, and the audit log says why. Nobody revokes their own role: the
 * city would be left without an administrator by a slip of the finger.
 */
export async function revokeRole(context: ServiceContext, grantId: string, reason: string): Promise<{ userId: string }> {
  const [grant] = await context.db
    .select()
    .from(staffRoles)
    .where(and(eq(staffRoles.id, grantId), isNull(staffRoles.revokedAt)))
  if (!grant) throw notFound('没有找到这项授权，可能已被撤销')
  if (grant.userId === context.user.id) throw new AppError(403, 'FORBIDDEN', '不能撤销自己的角色，请由其他管理员操作')
  await context.db.update(staffRoles).set({ revokedAt: context.now, revokedBy: context.user.id }).where(eq(staffRoles.id, grant.id))
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: 'staff_role.revoke',
    subjectType: 'user',
    subjectId: grant.userId,
    detail: { role: grant.role, orgId: grant.orgId, reason },
  })
  return { userId: grant.userId }
}
