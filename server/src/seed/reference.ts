import { count, sql } from 'drizzle-orm'
import type { Queryable } from '../db/client'
import { notices, serviceLines } from '../platform/catalogue/catalogue.tables'
import { orgs } from '../platform/orgs/orgs.tables'
import type { ServiceLineDefinition } from '../core/service-line'
import { lianyungangOrgTree, type OrgSeed } from './org-tree'
import { seedNotices, serviceCatalogue } from './catalogue'

/**
 * Reference data every deployment needs, applied at each start and safe to re-apply:
 * the organisation tree (new orgs added, existing ones left as staff edited them), the service
 * catalogue (always matches the code), and the first notices (only into an empty table).
 */
export async function seedReferenceData(db: Queryable, lines: ReadonlyArray<Pick<ServiceLineDefinition, 'catalogue'>>): Promise<void> {
  await db.transaction(async (tx) => {
    const rows: Array<typeof orgs.$inferInsert> = []
    const walk = (node: OrgSeed, parent: { id: string; path: string } | null, index: number) => {
      const path = `${parent?.path ?? '/'}${node.id}/`
      rows.push({ id: node.id, parentId: parent?.id ?? null, name: node.name, kind: node.kind, path, sortOrder: index })
      node.children?.forEach((child, childIndex) => walk(child, { id: node.id, path }, childIndex))
    }
    walk(lianyungangOrgTree, null, 0)
    await tx.insert(orgs).values(rows).onConflictDoNothing()

    await tx
      .insert(serviceLines)
      .values(serviceCatalogue(lines).map((line, index) => ({ ...line, sortOrder: index })))
      .onConflictDoUpdate({
        target: serviceLines.key,
        set: {
          name: sql`excluded.name`,
          summary: sql`excluded.summary`,
          glyph: sql`excluded.glyph`,
          color: sql`excluded.color`,
          status: sql`excluded.status`,
          entryPath: sql`excluded.entry_path`,
          myPath: sql`excluded.my_path`,
          myLabel: sql`excluded.my_label`,
          sortOrder: sql`excluded.sort_order`,
        },
      })

    const [existing] = await tx.select({ value: count() }).from(notices)
    if (Number(existing?.value ?? 0) === 0) {
      await tx.insert(notices).values(seedNotices.map((notice) => ({ ...notice, publishedAt: new Date(notice.publishedAt) })))
    }
  })
}
