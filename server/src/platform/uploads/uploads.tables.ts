import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.tables'

/**
 * Uploaded files (evidence photos, PDFs). The bytes live in file storage under `storageKey`;
 * this row says whose they are and what they belong to. A file nobody attached within a day
 * is removed by the sweep.
 */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    /** Random; never derived from anything the client sent. */
    storageKey: text('storage_key').notNull().unique(),
    /** The name the user gave it, cleaned; for display only, never used as a path. */
    originalName: text('original_name').notNull(),
    /** From the content's magic bytes, not from the name or the client's claim. */
    contentType: text('content_type', { enum: ['image/jpeg', 'image/png', 'application/pdf'] }).notNull(),
    size: integer('size').notNull(),
    /** What the file is attached to, e.g. `legal_aid_case` + the case id; null while pending. */
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attachedAt: timestamp('attached_at', { withTimezone: true }),
  },
  (table) => [index('uploads_subject').on(table.subjectType, table.subjectId), index('uploads_pending').on(table.createdAt)],
)
