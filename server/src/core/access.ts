import { like, or, type SQL, type AnyColumn } from 'drizzle-orm'
import type { StaffRole } from '@contract/auth'
import type { AuthUser } from '../platform/auth/auth.service'

/**
 * What part of the organisation tree a staff member may act on, given the roles a feature
 * accepts: everything (a city admin, or a city-level grant), the subtrees of their orgs, or
 * nothing. Every staff query filters by this; a record outside it is answered with 404.
 */
export type StaffScope = { kind: 'all' } | { kind: 'subtrees'; orgPaths: string[] } | { kind: 'none' }

export function staffScope(user: AuthUser, roles: readonly StaffRole[]): StaffScope {
  const grants = user.roles.filter((grant) => roles.includes(grant.role))
  if (grants.length === 0) return { kind: 'none' }
  if (grants.some((grant) => grant.role === 'city_admin')) return { kind: 'all' }
  // Drop paths already covered by a wider grant.
  const paths = [...new Set(grants.map((grant) => grant.orgPath))].sort()
  const orgPaths = paths.filter((candidate) => !paths.some((other) => other !== candidate && candidate.startsWith(other)))
  return { kind: 'subtrees', orgPaths }
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
