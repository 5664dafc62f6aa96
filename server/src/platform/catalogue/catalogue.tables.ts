import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** The service lines on the home grid. Reference data: rewritten from code at every start. */
export const serviceLines = pgTable('service_lines', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  summary: text('summary').notNull(),
  glyph: text('glyph').notNull(),
  color: text('color').notNull(),
  status: text('status', { enum: ['open', 'coming_soon'] }).notNull(),
  entryPath: text('entry_path'),
  myPath: text('my_path'),
  myLabel: text('my_label'),
  sortOrder: integer('sort_order').notNull(),
})

export const notices = pgTable('notices', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
})
