import { sql } from 'drizzle-orm'
import {
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
// Relative, not @contract: drizzle-kit and Jest's global setup load this file without path aliases.
import {
  AUDIENCES,
  DISTRICTS,
  MERCHANT_CATEGORIES,
  OFFER_KINDS,
  type OfferTerms,
  type OpeningHours,
} from '../../../../contract/lines/benefits'
import { users } from '../../platform/auth/auth.tables'

/** earthdistance's point type (a cube in metres from the earth's centre), as the text PostgreSQL prints. */
const earth = customType<{ data: string; driverData: string }>({ dataType: () => 'earth' })

const MERCHANT_STATUS = ['applied', 'approved', 'rejected', 'signed', 'active', 'suspended', 'removed'] as const
const REDEMPTION_KINDS = [...OFFER_KINDS, 'card'] as const

/**
 * 加盟商户: from the online application to the street. Where it is (lat/lng) is searched with
 * cube + earthdistance over a GiST index on `earth`, the point kept beside lat/lng so a search
 * does not compute `ll_to_earth` again for every shop it looks at; the contact's phone is
 * personal information (encrypted); the shop's own number is public.
 */
export const benefitsMerchants = pgTable(
  'benefits_merchants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status', { enum: MERCHANT_STATUS }).notNull().default('applied'),
    name: text('name').notNull(),
    category: text('category', { enum: MERCHANT_CATEGORIES }).notNull(),
    district: text('district', { enum: DISTRICTS }).notNull(),
    address: text('address').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    earth: earth('earth')
      .notNull()
      .generatedAlwaysAs(sql`ll_to_earth(lat, lng)`),
    phone: text('phone').notNull(),
    hours: jsonb('hours').$type<OpeningHours>().notNull(),
    description: text('description'),
    /** A standing member-card discount (88 = pay 88 %), or null. */
    cardPayPercent: integer('card_pay_percent'),
    cardDiscountNote: text('card_discount_note'),
    creditCode: text('credit_code').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhoneEnc: text('contact_phone_enc').notNull(),
    proposedOffers: text('proposed_offers').notNull().default(''),
    /** Who applied (null for merchants the union entered itself, and once the applicant deleted their account). */
    applicantId: uuid('applicant_id').references(() => users.id),
    contractNo: text('contract_no'),
    contractStartsOn: date('contract_starts_on', { mode: 'string' }),
    contractEndsOn: date('contract_ends_on', { mode: 'string' }),
    decisionReason: text('decision_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('benefits_merchants_earth').using('gist', table.earth),
    index('benefits_merchants_status').on(table.status, table.district),
    index('benefits_merchants_applicant').on(table.applicantId),
  ],
)

/** 营销活动: offers grouped over some dates. */
export const benefitsCampaigns = pgTable('benefits_campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description'),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  status: text('status', { enum: ['active', 'paused', 'ended'] })
    .notNull()
    .default('active'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * An offer of a merchant. `claimed` is counted up in the same statement that checks it against
 * `stock` (a row lock), so a flash offer never gives out more than it has.
 */
export const benefitsOffers = pgTable(
  'benefits_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => benefitsMerchants.id),
    campaignId: uuid('campaign_id').references(() => benefitsCampaigns.id),
    title: text('title').notNull(),
    description: text('description'),
    kind: text('kind', { enum: OFFER_KINDS }).notNull(),
    terms: jsonb('terms').$type<OfferTerms>().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    stock: integer('stock').notNull(),
    claimed: integer('claimed').notNull().default(0),
    perMemberLimit: integer('per_member_limit').notNull().default(1),
    perMemberDailyLimit: integer('per_member_daily_limit').notNull().default(1),
    validDays: integer('valid_days').notNull().default(30),
    audience: text('audience', { enum: AUDIENCES }).notNull().default('members'),
    audienceOrgIds: jsonb('audience_org_ids').$type<string[]>().notNull().default([]),
    status: text('status', { enum: ['active', 'paused', 'withdrawn'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('benefits_offers_merchant').on(table.merchantId, table.status), index('benefits_offers_campaign').on(table.campaignId)],
)

/** A member's coupon: claimed, then redeemed once at the shop (expired is read from `expiresAt`). */
export const benefitsCoupons = pgTable(
  'benefits_coupons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => benefitsOffers.id),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => benefitsMerchants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['active', 'redeemed'] })
      .notNull()
      .default('active'),
    /** The China date it was claimed, for the per-day limit. */
    claimedOn: date('claimed_on', { mode: 'string' }).notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    /** Where the member was when they last showed its code, if they had shared it (fraud signals). */
    shownLat: doublePrecision('shown_lat'),
    shownLng: doublePrecision('shown_lng'),
  },
  (table) => [
    index('benefits_coupons_user').on(table.userId, table.claimedAt),
    index('benefits_coupons_offer_user').on(table.offerId, table.userId, table.claimedOn),
  ],
)

/**
 * One use of a coupon or of the member card's discount at a till. `codeHash` is unique: the same
 * shown code is redeemed once, whichever cashier scans it first. Undone ones stay, marked.
 */
export const benefitsRedemptions = pgTable(
  'benefits_redemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => benefitsMerchants.id),
    couponId: uuid('coupon_id').references(() => benefitsCoupons.id),
    offerId: uuid('offer_id').references(() => benefitsOffers.id),
    /** The member (null once they deleted their account: the statement keeps the count and value). */
    userId: uuid('user_id').references(() => users.id),
    memberMasked: text('member_masked').notNull(),
    kind: text('kind', { enum: REDEMPTION_KINDS }).notNull(),
    title: text('title').notNull(),
    billFen: integer('bill_fen'),
    savedFen: integer('saved_fen').notNull(),
    fundedBy: text('funded_by', { enum: ['union', 'merchant'] }).notNull(),
    cashierId: uuid('cashier_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    status: text('status', { enum: ['done', 'undone'] })
      .notNull()
      .default('done'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by').references(() => users.id),
    undoReason: text('undo_reason'),
  },
  (table) => [
    uniqueIndex('benefits_redemptions_code').on(table.codeHash),
    index('benefits_redemptions_merchant').on(table.merchantId, table.at),
    index('benefits_redemptions_user').on(table.userId, table.at),
  ],
)

/** A merchant's month settled: the union paid for the vouchers redeemed that month. */
export const benefitsSettlements = pgTable(
  'benefits_settlements',
  {
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => benefitsMerchants.id),
    month: text('month').notNull(),
    voucherCount: integer('voucher_count').notNull(),
    voucherValueFen: integer('voucher_value_fen').notNull(),
    note: text('note'),
    settledBy: uuid('settled_by')
      .notNull()
      .references(() => users.id),
    settledAt: timestamp('settled_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.merchantId, table.month] })],
)

/** A fraud signal staff looked at (signals are computed; only the review is kept). */
export const benefitsSignalReviews = pgTable('benefits_signal_reviews', {
  key: text('key').primaryKey(),
  note: text('note'),
  reviewedBy: uuid('reviewed_by')
    .notNull()
    .references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull(),
})

/** The line's settings (one row): how long a cashier may undo a redemption. */
export const benefitsSettings = pgTable('benefits_settings', {
  id: text('id').primaryKey().default('default'),
  undoMinutes: integer('undo_minutes').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
