import { sql } from 'drizzle-orm'
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
// Relative, not @contract: drizzle-kit and Jest's global setup load this file without path aliases.
import { CASE_OUTCOMES, CASE_STATUSES, CASE_TYPES, type CaseType } from '../../../../contract/lines/legal-aid'
import { users } from '../../platform/auth/auth.tables'

/** 工会阳光法律援助志愿者: the lawyers legal staff assign cases to. */
export const legalAidLawyers = pgTable('legal_aid_lawyers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  firm: text('firm').notNull(),
  phone: text('phone').notNull(),
  specialties: jsonb('specialties').$type<CaseType[]>().notNull().default([]),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
})

/**
 * A worker's request for legal aid in a labour dispute. The description (案情) and monthly
 * income are sensitive personal information: stored encrypted (`*Enc`), never logged.
 * Money is kept in fen (分) as integers.
 */
export const legalAidCases = pgTable(
  'legal_aid_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Running number for the human-readable case number. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id),
    type: text('type', { enum: CASE_TYPES }).notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('submitted'),
    descriptionEnc: text('description_enc').notNull(),
    employerName: text('employer_name').notNull(),
    employerAddress: text('employer_address').notNull(),
    amountInvolvedFen: bigint('amount_involved_fen', { mode: 'number' }),
    demand: text('demand').notNull(),
    monthlyIncomeEnc: text('monthly_income_enc').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    /** Working-day deadlines, China dates. */
    decideBy: date('decide_by', { mode: 'string' }).notNull(),
    assignBy: date('assign_by', { mode: 'string' }),
    declineReason: text('decline_reason'),
    lawyerId: text('lawyer_id').references(() => legalAidLawyers.id),
    outcome: text('outcome', { enum: CASE_OUTCOMES }),
    amountRecoveredFen: bigint('amount_recovered_fen', { mode: 'number' }),
    closingSummary: text('closing_summary'),
    /** The worker wrote last and staff have not answered. */
    awaitingReply: boolean('awaiting_reply').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Set when the worker deleted their account: the case stays as an anonymous record, no longer theirs to see. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (table) => [
    index('legal_aid_cases_applicant').on(table.applicantId, table.seq),
    index('legal_aid_cases_status').on(table.status),
    index('legal_aid_cases_updated').on(table.updatedAt),
  ],
)

/** The thread between the worker and the people handling the case. Bodies are encrypted. */
export const legalAidMessages = pgTable(
  'legal_aid_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => legalAidCases.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorRole: text('author_role', { enum: ['worker', 'staff'] }).notNull(),
    bodyEnc: text('body_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [index('legal_aid_messages_case').on(table.caseId, table.seq)],
)
