import { sql } from 'drizzle-orm'
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.tables'

/** In-app messages (消息): what changed in a user's requests, readable in the app. */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: clocks (PGlite's especially) are too coarse to order by time alone. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    /** Encrypted: a notice may name a lawyer's number or a reason that speaks of the person. */
    bodyEnc: text('body_enc'),
    /** Written in clear before message bodies were encrypted; emptied into body_enc at start. */
    legacyBody: text('body'),
    /** Page in the mini-program that the message opens, e.g. `/legal-aid/pages/case/index?id=…`. */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [index('inbox_messages_user').on(table.userId, table.seq)],
)
