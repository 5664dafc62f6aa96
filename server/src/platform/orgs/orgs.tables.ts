import { type AnyPgColumn, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * The union organisation tree: 市总工会 → 县区总工会 → 基层工会 / holding-pool unions.
 * `path` is the chain of ids from the root, `/`-separated and `/`-terminated, so that
 * "this org and everything under it" is one indexed prefix match.
 */
export const orgs = pgTable(
  'orgs',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id').references((): AnyPgColumn => orgs.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['city', 'district', 'grassroots', 'pool'] }).notNull(),
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('orgs_parent').on(table.parentId), index('orgs_path').on(table.path.op('text_pattern_ops'))],
)
