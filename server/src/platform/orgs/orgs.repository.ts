import { and, asc, eq, ilike, inArray, isNull, like, ne } from 'drizzle-orm'
import type { Org } from '@contract/orgs'
import type { Queryable } from '../../db/client'
import { orgs } from './orgs.tables'

export type OrgRow = typeof orgs.$inferSelect

export async function findOrg(db: Queryable, id: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id))
  return row
}

export async function childOrgs(db: Queryable, parentId: string | null): Promise<OrgRow[]> {
  return db
    .select()
    .from(orgs)
    .where(parentId === null ? isNull(orgs.parentId) : eq(orgs.parentId, parentId))
    .orderBy(asc(orgs.sortOrder), asc(orgs.name))
}

/** Orgs whose name contains the text, unions people join first (grassroots and pools). */
export async function searchOrgs(db: Queryable, text: string, limit = 30): Promise<OrgRow[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
  return db
    .select()
    .from(orgs)
    .where(and(ilike(orgs.name, pattern), ne(orgs.kind, 'city')))
    .orderBy(asc(orgs.path))
    .limit(limit)
}

/** Is `org` the same as, or under, the org with path `ancestorPath`? */
export function isWithin(orgPath: string, ancestorPath: string): boolean {
  return orgPath.startsWith(ancestorPath)
}

/** SQL condition: the org path column is within one of these subtrees. */
export function pathWithin(column: typeof orgs.path, ancestorPath: string) {
  return like(column, `${ancestorPath}%`)
}

/** Turns rows into API orgs with the names of their ancestors, in one query for all. */
export async function toOrgViews(db: Queryable, rows: OrgRow[]): Promise<Org[]> {
  const ancestorIds = [...new Set(rows.flatMap((row) => row.path.split('/').filter(Boolean).slice(0, -1)))]
  const ancestors = ancestorIds.length
    ? await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, ancestorIds))
    : []
  const nameOf = new Map(ancestors.map((row) => [row.id, row.name]))
  return rows.map((row) => ({
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    kind: row.kind,
    pathNames: row.path
      .split('/')
      .filter(Boolean)
      .slice(0, -1)
      .map((id) => nameOf.get(id) ?? id),
  }))
}
