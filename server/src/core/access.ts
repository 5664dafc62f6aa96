import { like, or, type AnyColumn, type SQL } from 'drizzle-orm'
import type { StaffRole } from '@contract/auth'
import { forbidden, notFound } from '../lib/errors'
import type { AuthUser } from '../platform/auth/auth.service'

/**
 * One rule for every record of every line:
 * - applicants see their own records (anyone else's: 404, we never confirm it exists);
 * - staff see records by role and by org subtree — outside their subtree a record is a 404, and a
 *   logged-in user without the role gets 403 on the line's staff routes;
 * - oversight roles read, never act, and every such read is audited by the line;
 * - nobody acts on a record they applied for.
 */
export interface AccessRule {
  /** Roles that act on the line's records within their org subtree. */
  act: readonly StaffRole[]
  /** Oversight roles: they may read (audited), never act. */
  oversee?: readonly StaffRole[]
  /**
   * `subtree`: a grant reaches the records of its org and the orgs under it. `city`: the line's
   * records belong to the city as a whole (legal aid is handled by one city department), so any
   * grant of the role reaches all of them.
   */
  reach: 'subtree' | 'city'
  /** What a staff member is told when they try to act on their own record (the line's words). */
  ownRecordMessage?: string
}

export type StaffAccess = 'act' | 'read'

/** What part of the organisation tree a staff member reaches: all of it, some subtrees, or none. */
export type StaffScope = { kind: 'all' } | { kind: 'subtrees'; orgPaths: string[] } | { kind: 'none' }

export function staffScope(user: AuthUser, roles: readonly StaffRole[], reach: AccessRule['reach'] = 'subtree'): StaffScope {
  // A scoped grant (a merchant's cashier) is held for one unit, never for an org's subtree.
  const grants = user.roles.filter((grant) => roles.includes(grant.role) && grant.scopeId === null)
  if (grants.length === 0) return { kind: 'none' }
  // A city administrator is granted at the city federation: the whole tree.
  if (reach === 'city' || grants.some((grant) => grant.role === 'city_admin')) return { kind: 'all' }
  // Drop paths already covered by a wider grant.
  const paths = [...new Set(grants.map((grant) => grant.orgPath))].sort()
  const orgPaths = paths.filter((candidate) => !paths.some((other) => other !== candidate && candidate.startsWith(other)))
  return { kind: 'subtrees', orgPaths }
}

/** The units a scoped role is held for (the merchants a cashier works at); see RoleDefinition.scope. */
export function unitsHeld(user: AuthUser, role: StaffRole): string[] {
  return user.roles.flatMap((grant) => (grant.role === role && grant.scopeId !== null ? [grant.scopeId] : []))
}

export function scopeIncludes(scope: StaffScope, orgPath: string): boolean {
  if (scope.kind === 'all') return true
  if (scope.kind === 'none') return false
  return scope.orgPaths.some((prefix) => orgPath.startsWith(prefix))
}

/**
 * SQL condition limiting an org-path column to the scope; undefined means no limit. Callers must
 * handle `none` before querying (it has no SQL form on purpose: there is nothing to query).
 */
export function scopeCondition(scope: Exclude<StaffScope, { kind: 'none' }>, orgPathColumn: AnyColumn): SQL | undefined {
  if (scope.kind === 'all') return undefined
  return or(...scope.orgPaths.map((prefix) => like(orgPathColumn, `${prefix}%`)))
}

/** The widest access the user has to a line's records at all (for its queue): act, read, or none. */
export function lineAccess(
  user: AuthUser,
  rule: AccessRule,
): { access: StaffAccess; scope: Exclude<StaffScope, { kind: 'none' }> } | undefined {
  const acting = staffScope(user, rule.act, rule.reach)
  if (acting.kind !== 'none') return { access: 'act', scope: acting }
  const reading = staffScope(user, rule.oversee ?? [], rule.reach)
  if (reading.kind !== 'none') return { access: 'read', scope: reading }
  return undefined
}

/** The line's queue: staff of the line only (403 for anyone else, who has no queue to see). */
export function requireLineAccess(user: AuthUser, rule: AccessRule) {
  const found = lineAccess(user, rule)
  if (!found) throw forbidden()
  return found
}

export interface GuardedRecord {
  /** The person the record is about (who applied). */
  applicantId: string
  /** The org the record belongs to (path), for `subtree` rules. */
  orgPath?: string
}

/**
 * A staff member's access to one record. Outside their scope (or without any role of the line) it
 * does not exist for them (404); needing `act` with read-only access is 403; and acting on a record
 * they applied for themselves is 403 — it takes a second person.
 */
export function staffAccessTo(
  user: AuthUser,
  rule: AccessRule,
  record: GuardedRecord,
  need: StaffAccess,
  notFoundMessage?: string,
): StaffAccess {
  const reaches = (roles: readonly StaffRole[]) => {
    const scope = staffScope(user, roles, rule.reach)
    return scope.kind !== 'none' && (rule.reach === 'city' || scopeIncludes(scope, record.orgPath ?? ''))
  }
  const access: StaffAccess | undefined = reaches(rule.act) ? 'act' : reaches(rule.oversee ?? []) ? 'read' : undefined
  if (!access) throw notFound(notFoundMessage)
  if (need === 'act') {
    if (access !== 'act') throw forbidden('您可以查看，但不能办理')
    refuseOwnRecord(user, record, rule.ownRecordMessage)
  }
  return access
}

/** Whether the user may act on this record (for the `actions` a detail view offers). */
export function mayAct(user: AuthUser, access: StaffAccess, record: GuardedRecord): boolean {
  return access === 'act' && record.applicantId !== user.id
}

export function refuseOwnRecord(user: AuthUser, record: GuardedRecord, message = '不能办理自己提交的申请，请由其他工作人员办理'): void {
  if (record.applicantId === user.id) throw forbidden(message)
}

/** The applicant's own record, or 404 (another person's record does not exist for them). */
export function requireOwnRecord<T extends GuardedRecord>(user: AuthUser, record: T | undefined, notFoundMessage?: string): T {
  if (!record || record.applicantId !== user.id) throw notFound(notFoundMessage)
  return record
}
