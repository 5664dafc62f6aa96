import { sql } from 'drizzle-orm'
import { boolean, date, index, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
// Relative, not @contract: drizzle-kit and Jest's global setup load this file without path aliases.
import { APPLICATION_STATUSES } from '../../../../contract/lines/membership'
import { users } from '../../platform/auth/auth.tables'
import { orgs } from '../../platform/orgs/orgs.tables'

/**
 * Membership applications (入会申请). One live application per user: a rejected one is edited
 * and resubmitted in place, so its timeline tells the whole story. Personal columns are nullable
 * because a worker who deletes their account leaves the record behind anonymised (status
 * `withdrawn`, personal columns cleared; see membership.service deleteAccount).
 *
 * The ID number is never stored in clear: AES-256-GCM ciphertext for the rare staff reveal, a
 * keyed hash for duplicate checks, and the masked form for display.
 */
export const membershipApplications = pgTable(
  'membership_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    name: text('name'),
    gender: text('gender', { enum: ['male', 'female'] }),
    ethnicity: text('ethnicity'),
    birthDate: date('birth_date', { mode: 'string' }),
    idNumberCipher: text('id_number_cipher'),
    idNumberHash: text('id_number_hash'),
    idNumberMasked: text('id_number_masked'),
    phone: text('phone'),
    phoneVerified: boolean('phone_verified').notNull().default(false),
    /** The phone is also bound to another account (allowed only when WeChat verified it). */
    phoneConflict: boolean('phone_conflict').notNull().default(false),
    employer: text('employer'),
    employmentType: text('employment_type'),
    migrantWorker: boolean('migrant_worker'),
    education: text('education'),
    politicalStatus: text('political_status'),
    hukouType: text('hukou_type'),
    hukouPlace: text('hukou_place'),
    /** When the worker last gave the notice consent and the separate consent for the ID number. */
    consentAt: timestamp('consent_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (table) => [
    // A double tap racing itself, or two devices, still make one live application per user.
    uniqueIndex('membership_applications_live_user')
      .on(table.userId)
      .where(sql`${table.status} <> 'withdrawn'`),
    // One application waiting per ID number, whoever submits it.
    uniqueIndex('membership_applications_pending_id')
      .on(table.idNumberHash)
      .where(sql`${table.status} = 'submitted'`),
    index('membership_applications_queue').on(table.status, table.submittedAt),
    index('membership_applications_org').on(table.orgId),
  ],
)

/** Member numbers are never reused, not even after a membership ends. */
export const memberNumberSequence = pgSequence('member_number_seq', { startWith: 1, increment: 1 })

/**
 * Memberships: made when an application is approved. The member card is drawn from this row;
 * an ended membership's card stops verifying at once.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => membershipApplications.id),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    memberNumber: text('member_number').notNull().unique(),
    cardNumber: text('card_number').notNull().unique(),
    /** For the card; cleared when the membership ends with the account. */
    name: text('name'),
    idNumberHash: text('id_number_hash'),
    status: text('status', { enum: ['active', 'ended'] }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
  },
  (table) => [
    uniqueIndex('memberships_active_id')
      .on(table.idNumberHash)
      .where(sql`${table.status} = 'active'`),
    uniqueIndex('memberships_active_user')
      .on(table.userId)
      .where(sql`${table.status} = 'active'`),
  ],
)
