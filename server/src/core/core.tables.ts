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
    /** The workflow action that made this step (`accept`, `reassign`, `note`…); null for older rows. */
    action: text('action'),
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

/**
 * WeChat subscribe messages a user allowed about one record (each acceptance in WeChat allows one
 * message). Every line spends from here; one row per (user, record).
 */
export const subscribeCredits = pgTable(
  'subscribe_credits',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    credits: integer('credits').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.subjectType, table.subjectId] })],
)

/**
 * Messages promised to someone outside the database (WeChat subscribe messages), written in the
 * same transaction as the change they announce and sent afterwards by a job: a crash between the
 * commit and the send loses nothing. `payload` holds what is sent (never an openid: it is looked
 * up at send time, so a deleted account gets nothing).
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: ['wechat_subscribe'] }).notNull(),
    /** What happened, for logs (`legal_aid.accept`); never personal data. */
    event: text('event').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** The credit spent for it, given back when WeChat refuses the message. */
    creditSubjectType: text('credit_subject_type'),
    creditSubjectId: uuid('credit_subject_id'),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** While one instance is sending it, others leave it alone (a lease, not a lock). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [index('outbox_due').on(table.status, table.nextAttemptAt)],
)

/**
 * Scheduled work that must run on exactly one instance: each run first claims the job's row for
 * its interval, in one statement, so two instances ticking at once run it once.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  /** Who ran it last (host and process), for operators. */
  lastRunner: text('last_runner'),
  lastError: text('last_error'),
  runs: integer('runs').notNull().default(0),
})

/**
 * Rate-limit counters every instance shares (logins per address, submissions per user…): one row
 * per key and window, counted up in one statement, so N instances do not multiply the limit and a
 * restart does not reset it.
 */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
})
