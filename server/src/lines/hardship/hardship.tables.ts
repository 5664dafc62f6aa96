import { sql } from 'drizzle-orm'
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
// Relative, not @contract: drizzle-kit and Jest's global setup load this file without path aliases.
import {
  AID_TYPES,
  APPLICATION_STATUSES,
  CAMPAIGN_KINDS,
  CAUSES,
  CLOSE_REASONS,
  EVENT_KINDS,
  FILE_STATUSES,
  PAYMENT_METHODS,
  TIERS,
  type AidType,
} from '../../../../contract/lines/hardship'
import { users } from '../../platform/auth/auth.tables'
import { orgs } from '../../platform/orgs/orgs.tables'

/**
 * 困难帮扶. Everything about a family's circumstances — the household (members, ID numbers, health,
 * income), the causes told in words, the home-visit findings, objections, the bank account — is
 * sensitive personal information: stored encrypted (`*Enc`), masked in responses, never logged.
 * ID numbers are matched by keyed hashes only. Money is in fen (分), as integers.
 */

/**
 * The household and its file (困难职工档案): one per household, made by its first application (so a
 * second one joins it) and archived (建档) by the first approval; reviewed yearly until 脱困.
 */
export const hardshipFiles = pgTable(
  'hardship_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    status: text('status', { enum: FILE_STATUSES }).notNull().default('pending'),
    /** The grassroots union that holds the file (the approved applicant's): its yearly review is theirs. */
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    /** The applicant of the approval that archived or last updated it. */
    headName: text('head_name').notNull(),
    tier: text('tier', { enum: TIERS }),
    mainCause: text('main_cause', { enum: CAUSES }),
    secondaryCause: text('secondary_cause', { enum: CAUSES }),
    /** The household as last approved or reviewed (JSON of members): encrypted. */
    membersEnc: text('members_enc'),
    perCapitaIncomeEnc: text('per_capita_income_enc'),
    /** China dates. */
    archivedOn: date('archived_on', { mode: 'string' }),
    fellBackOn: date('fell_back_on', { mode: 'string' }),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
    /** Once due, the yearly review's deadline. */
    reviewBy: date('review_by', { mode: 'string' }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason', { enum: CLOSE_REASONS }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('hardship_files_review').on(table.status, table.nextReviewOn),
    index('hardship_files_org').on(table.orgPath.op('text_pattern_ops')),
  ],
)

/** Who belongs to which household, by the keyed hash of their ID number: one household per person. */
export const hardshipFilePeople = pgTable(
  'hardship_file_people',
  {
    idHash: text('id_hash').primaryKey(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => hardshipFiles.id),
  },
  (table) => [index('hardship_file_people_file').on(table.fileId)],
)

export interface DocumentsRequest {
  slots: string[]
  note: string
  requestedAt: string
  requestedBy: string
  step: 'first_review' | 'city_review'
}

/** An application for aid: one or more aid items, proof by slot, the review's state and deadlines. */
export const hardshipApplications = pgTable(
  'hardship_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => hardshipFiles.id),
    /** The applicant's union when they applied: its staff (and its parents') do the first review. */
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('first_review'),
    aidTypes: jsonb('aid_types').$type<AidType[]>().notNull(),
    campaignId: uuid('campaign_id').references(() => hardshipCampaigns.id),
    applicantName: text('applicant_name').notNull(),
    unitName: text('unit_name').notNull(),
    contactPhoneEnc: text('contact_phone_enc'),
    migrantWorker: boolean('migrant_worker').notNull().default(false),
    contractMonths: integer('contract_months'),
    /** Members, housing, 户口 and the account of the family's hardship (JSON): encrypted. */
    householdEnc: text('household_enc').notNull(),
    memberCount: integer('member_count').notNull(),
    mainCause: text('main_cause', { enum: CAUSES }).notNull(),
    secondaryCause: text('secondary_cause', { enum: CAUSES }),
    perCapitaIncomeEnc: text('per_capita_income_enc').notNull(),
    suggestedTier: text('suggested_tier', { enum: TIERS }),
    tier: text('tier', { enum: TIERS }),
    tierReason: text('tier_reason'),
    bankName: text('bank_name').notNull(),
    accountName: text('account_name').notNull(),
    accountNumberEnc: text('account_number_enc'),
    accountNumberMasked: text('account_number_masked').notNull(),
    /** When the pledge was signed and the two consents given (again at each resubmission). */
    pledgedAt: timestamp('pledged_at', { withTimezone: true }).notNull(),
    /** The current step's working-day deadline (China date), and since when it stands still. */
    dueBy: date('due_by', { mode: 'string' }),
    pausedOn: date('paused_on', { mode: 'string' }),
    /** The last day the responsible staff were reminded of it. */
    remindedOn: date('reminded_on', { mode: 'string' }),
    publicityEndsOn: date('publicity_ends_on', { mode: 'string' }),
    documentsRequest: jsonb('documents_request').$type<DocumentsRequest>(),
    firstReviewerId: uuid('first_reviewer_id').references(() => users.id),
    firstReviewedAt: timestamp('first_reviewed_at', { withTimezone: true }),
    deciderId: uuid('decider_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    approvedTotalFen: bigint('approved_total_fen', { mode: 'number' }).notNull().default(0),
    paidTotalFen: bigint('paid_total_fen', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the applicant deleted their account: the record stays anonymous, no longer theirs. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (table) => [
    index('hardship_applications_applicant').on(table.applicantId, table.seq),
    index('hardship_applications_status').on(table.status, table.dueBy),
    index('hardship_applications_file').on(table.fileId),
    index('hardship_applications_org').on(table.orgPath.op('text_pattern_ops')),
  ],
)

/** One aid item of an application: its own fields (encrypted), what its cap rests on, the decision. */
export const hardshipItems = pgTable(
  'hardship_items',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => hardshipApplications.id),
    type: text('type', { enum: AID_TYPES }).notNull(),
    detailsEnc: text('details_enc').notNull(),
    /** 医疗: the out-of-pocket part; 临时: the loss after compensation (the cap). */
    basisFen: bigint('basis_fen', { mode: 'number' }),
    /** 助学: the child (keyed hash of their ID number) and the school year (its first year). */
    childHash: text('child_hash'),
    schoolYear: integer('school_year'),
    eventKind: text('event_kind', { enum: EVENT_KINDS }),
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    /** The cap when it was decided, and the calendar year it counts in. */
    capFen: bigint('cap_fen', { mode: 'number' }),
    decidedYear: integer('decided_year'),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.applicationId, table.type] })],
)

/** A named proof slot of an application; its files are uploads attached to it (subject `hardship_proof`). */
export const hardshipProofSlots = pgTable(
  'hardship_proof_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => hardshipApplications.id),
    slot: text('slot').notNull(),
  },
  (table) => [uniqueIndex('hardship_proof_slots_slot').on(table.applicationId, table.slot)],
)

/** The grassroots union's home visit (入户调查); its photos are uploads attached to it. */
export const hardshipVisits = pgTable('hardship_visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id')
    .notNull()
    .unique()
    .references(() => hardshipApplications.id),
  visitedOn: date('visited_on', { mode: 'string' }).notNull(),
  visitors: text('visitors').notNull(),
  findingsEnc: text('findings_enc').notNull(),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** An objection raised during the 公示, and how it was resolved. */
export const hardshipObjections = pgTable(
  'hardship_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => hardshipApplications.id),
    raisedByEnc: text('raised_by_enc'),
    contentEnc: text('content_enc').notNull(),
    status: text('status', { enum: ['open', 'dismissed', 'upheld'] })
      .notNull()
      .default('open'),
    resolutionNoteEnc: text('resolution_note_enc'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [index('hardship_objections_application').on(table.applicationId)],
)

/** Each payment of an approved item: how much, when, how, and who recorded it. */
export const hardshipPayments = pgTable(
  'hardship_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => hardshipApplications.id),
    type: text('type', { enum: AID_TYPES }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [index('hardship_payments_application').on(table.applicationId), index('hardship_payments_paid_on').on(table.paidOn)],
)

/** A yearly review (年度复核) of a file and its outcome. */
export const hardshipAnnualReviews = pgTable(
  'hardship_annual_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => hardshipFiles.id),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    outcome: text('outcome', { enum: ['keep', 'lift', 'close'] }).notNull(),
    perCapitaIncomeEnc: text('per_capita_income_enc'),
    circumstancesEnc: text('circumstances_enc').notNull(),
    tierBefore: text('tier_before', { enum: TIERS }),
    tierAfter: text('tier_after', { enum: TIERS }),
    tierReason: text('tier_reason'),
    monthsAboveDibao: integer('months_above_dibao'),
    closeReason: text('close_reason', { enum: CLOSE_REASONS }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [index('hardship_annual_reviews_file').on(table.fileId)],
)

/**
 * A seasonal campaign (送温暖, 金秋助学): a window with a budget and a quota. An application made
 * while it is open takes a place (`taken`, never past `quota`); an approval commits money
 * (`committedFen`, never past the budget). One open campaign of each kind at a time.
 */
export const hardshipCampaigns = pgTable(
  'hardship_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull(),
    name: text('name').notNull(),
    aidTypes: jsonb('aid_types').$type<AidType[]>().notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    committedFen: bigint('committed_fen', { mode: 'number' }).notNull().default(0),
    quota: integer('quota').notNull(),
    taken: integer('taken').notNull().default(0),
    status: text('status', { enum: ['draft', 'open', 'closed'] })
      .notNull()
      .default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('hardship_campaigns_open_kind')
      .on(table.kind)
      .where(sql`${table.status} = 'open'`),
  ],
)
