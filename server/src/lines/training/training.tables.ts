import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
// Relative, not @contract: drizzle-kit and Jest's global setup load this file without path aliases.
import {
  ATTENDANCE_METHODS,
  ATTENDANCE_STATUSES,
  AUDIENCES,
  CLAIM_STATUSES,
  COURSE_CATEGORIES,
  COURSE_MODES,
  COURSE_STATUSES,
  DEFAULT_CANCEL_CUTOFF_HOURS,
  DEFAULT_COMPLETION_PERCENT,
  DEFAULT_WAITLIST_CONFIRM_HOURS,
  DISTRICTS,
  ENROLLMENT_STATUSES,
  SUBSIDY_KINDS,
} from '../../../../contract/lines/training'
import { users } from '../../platform/auth/auth.tables'
import { orgs } from '../../platform/orgs/orgs.tables'

/**
 * A course: who runs it, where, when (its sessions), how many seats, who may enroll, what it
 * costs and what completing it takes. `seatsTaken` and `waitlistCount` are kept by
 * training.seats.ts in the same statements that change enrollments — never recounted on a read,
 * and never changed anywhere else.
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    /** The union that runs it: its staff manage it (the city's 劳动和经济工作部 for city courses). */
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status', { enum: COURSE_STATUSES }).notNull().default('draft'),
    title: text('title').notNull(),
    category: text('category', { enum: COURSE_CATEGORIES }).notNull(),
    summary: text('summary').notNull(),
    organiser: text('organiser').notNull(),
    teacher: text('teacher').notNull(),
    mode: text('mode', { enum: COURSE_MODES }).notNull(),
    district: text('district', { enum: DISTRICTS }),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
    seatsTaken: integer('seats_taken').notNull().default(0),
    waitlistCount: integer('waitlist_count').notNull().default(0),
    enrollDeadline: timestamp('enroll_deadline', { withTimezone: true }).notNull(),
    audience: text('audience', { enum: AUDIENCES }).notNull().default('members'),
    feeFen: integer('fee_fen').notNull().default(0),
    subsidyFen: integer('subsidy_fen').notNull().default(0),
    completionRule: text('completion_rule').notNull(),
    completionPercent: integer('completion_percent').notNull().default(DEFAULT_COMPLETION_PERCENT),
    certificate: boolean('certificate').notNull().default(true),
    cancelCutoffHours: integer('cancel_cutoff_hours').notNull().default(DEFAULT_CANCEL_CUTOFF_HOURS),
    /** Copied from the sessions whenever they change: the catalogue sorts and filters on them. */
    firstSessionAt: timestamp('first_session_at', { withTimezone: true }),
    lastSessionEndsAt: timestamp('last_session_ends_at', { withTimezone: true }),
    sessionCount: integer('session_count').notNull().default(0),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** When completion was settled for everyone, after the last session (the job's mark). */
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (table) => [
    index('training_courses_catalogue').on(table.status, table.firstSessionAt),
    index('training_courses_org').on(table.orgId),
    // A seat count can never pass the capacity, whatever a statement does.
    check(
      'training_courses_seats',
      sql`${table.seatsTaken} >= 0 and ${table.seatsTaken} <= ${table.capacity} and ${table.waitlistCount} >= 0`,
    ),
  ],
)

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    topic: text('topic'),
    /** When the absent were recorded after it ended (the job's mark). */
    attendanceClosedAt: timestamp('attendance_closed_at', { withTimezone: true }),
  },
  (table) => [index('training_sessions_course').on(table.courseId, table.startsAt), index('training_sessions_ends').on(table.endsAt)],
)

/**
 * A person's place in a course: a seat (enrolled), a place in line (waitlisted), a freed seat
 * waiting for them to confirm (offered), and how it ended. At most one live enrollment per person
 * and course: the partial unique index holds it under any concurrency.
 */
export const trainingEnrollments = pgTable(
  'training_enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of arrival: the waitlist is served in it. */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ENROLLMENT_STATUSES }).notNull(),
    /** The name on the roster and the certificate: the member's, or the one a non-member gave. */
    traineeName: text('trainee_name').notNull(),
    /** The member's union, or the employer a non-member gave. */
    traineeUnit: text('trainee_unit').notNull().default(''),
    member: boolean('member').notNull().default(false),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    seatedAt: timestamp('seated_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the person deleted their account: the row stays for the course's figures, no longer theirs. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('training_enrollments_live')
      .on(table.courseId, table.userId)
      .where(sql`${table.status} in ('enrolled', 'waitlisted', 'offered', 'completed', 'not_completed')`),
    index('training_enrollments_course').on(table.courseId, table.status, table.seq),
    index('training_enrollments_user').on(table.userId, table.status),
    index('training_enrollments_offers')
      .on(table.offerExpiresAt)
      .where(sql`${table.status} = 'offered'`),
  ],
)

/** One row per person and session: how they attended (or that they did not). */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => trainingEnrollments.id),
    status: text('status', { enum: ATTENDANCE_STATUSES }).notNull(),
    method: text('method', { enum: ATTENDANCE_METHODS }).notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    markedBy: uuid('marked_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.sessionId, table.enrollmentId] }),
    index('training_attendance_enrollment').on(table.enrollmentId),
  ],
)

/** Day-before reminders already sent: one per enrollment and session, however often the job runs. */
export const trainingReminders = pgTable(
  'training_reminders',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => trainingEnrollments.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.enrollmentId] })],
)

/** A completion certificate: its public number, and the code anyone can verify it with. */
export const trainingCertificates = pgTable(
  'training_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .unique()
      .references(() => trainingEnrollments.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    number: text('number').notNull().unique(),
    verifyCode: text('verify_code').notNull().unique(),
    holderName: text('holder_name').notNull(),
    attendancePercent: integer('attendance_percent').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    /** A correction of attendance took completion away, or the holder deleted their account. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('training_certificates_user').on(table.userId, table.seq)],
)

/**
 * A training-subsidy claim (技术等级提升补贴 / 学历教育补贴): the certificate, the eligibility the
 * worker declared, the proof files, and the decision. Paid to the worker's union, in fen.
 */
export const trainingSubsidyClaims = pgTable(
  'training_subsidy_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: SUBSIDY_KINDS }).notNull(),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('submitted'),
    certificateName: text('certificate_name').notNull(),
    certificateNo: text('certificate_no').notNull(),
    certificateDate: date('certificate_date', { mode: 'string' }).notNull(),
    /** The year the highest-only rule counts in: the certificate's. */
    certificateYear: integer('certificate_year').notNull(),
    employer: text('employer').notNull(),
    socialInsuranceMonths: integer('social_insurance_months').notNull(),
    /** The worker's union at the time: it receives the money, and its path scopes staff. */
    unitOrgId: text('unit_org_id')
      .notNull()
      .references(() => orgs.id),
    applicantName: text('applicant_name').notNull(),
    ruleAmountFen: integer('rule_amount_fen').notNull(),
    /** What the highest-only rule left payable when it was claimed (the rule's amount less that year's earlier grants). */
    payableFen: integer('payable_fen').notNull(),
    approvedAmountFen: integer('approved_amount_fen'),
    /** The budget year whose quota the approval used. */
    quotaYear: integer('quota_year'),
    rejectReason: text('reject_reason'),
    paymentReference: text('payment_reference'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
  },
  (table) => [
    index('training_subsidy_claims_applicant').on(table.applicantId, table.seq),
    index('training_subsidy_claims_status').on(table.status, table.seq),
  ],
)

/** The yearly quota of subsidy approvals the city sets; `used` moves in one conditional statement. */
export const trainingSubsidyQuotas = pgTable(
  'training_subsidy_quotas',
  {
    year: integer('year').primaryKey(),
    quota: integer('quota').notNull(),
    used: integer('used').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('training_subsidy_quotas_used', sql`${table.used} >= 0`)],
)

/** The line's settings (one row): staff of the city change them in the workbench. */
export const trainingSettings = pgTable('training_settings', {
  id: text('id').primaryKey().default('default'),
  waitlistConfirmHours: integer('waitlist_confirm_hours').notNull().default(DEFAULT_WAITLIST_CONFIRM_HOURS),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
})
