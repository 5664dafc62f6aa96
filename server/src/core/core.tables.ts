import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../platform/auth/auth.tables'

/**
 * Remembered answers to submissions that carried an Idempotency-Key, so that a retried or
 * double-tapped submission returns the first answer instead of creating a second record.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.scope, table.key] })],
)

/** Who looked at or did what to sensitive records (revealing an ID number, say). Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('audit_log_subject').on(table.subjectType, table.subjectId)],
)

/**
 * Status history of any request (membership application, legal-aid case…): one row per change,
 * with who made it and why. `internal` rows are seen by staff only.
 */
export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: clocks (PGlite's especially) are too coarse to order by time alone. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    /** The actor's role when acting: 'applicant', 'union_staff', 'legal_staff', 'system'… */
    actorRole: text('actor_role').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    visibility: text('visibility', { enum: ['public', 'internal'] })
      .notNull()
      .default('public'),
    // clock_timestamp, not now(): events written in one transaction must keep their order.
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [index('timeline_events_subject').on(table.subjectType, table.subjectId, table.seq)],
)
