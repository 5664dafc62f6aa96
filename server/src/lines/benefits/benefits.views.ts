import { eq, getTableName, sql, type SQL } from 'drizzle-orm'
import {
  audienceLabel,
  describeTerms,
  fundedByOf,
  isOpenAt,
  UNDO_MINUTES_DEFAULT,
  type MerchantSummary,
  type Offer,
  type Redemption,
} from '@contract/lines/benefits'
import { chinaDate } from '@contract/rules/working-days'
import type { Queryable } from '../../db/client'
import { benefitsMerchants, benefitsOffers, type benefitsRedemptions, benefitsSettings } from './benefits.tables'

export type MerchantRow = typeof benefitsMerchants.$inferSelect
export type OfferRow = typeof benefitsOffers.$inferSelect
export type RedemptionRow = typeof benefitsRedemptions.$inferSelect

export const MERCHANT_SUBJECT = 'benefits_merchant'
export const OFFER_SUBJECT = 'benefits_offer'
export const CAMPAIGN_SUBJECT = 'benefits_campaign'
export const REDEMPTION_SUBJECT = 'benefits_redemption'

export const fen = (yuan: number): number => Math.round(yuan * 100)
export const yuan = (fenValue: number): number => fenValue / 100

/** The end of a China date (its last instant), as a timestamp. */
export const endOfChinaDay = (day: string): Date => new Date(`${day}T23:59:59.999+08:00`)
export const startOfChinaDay = (day: string): Date => new Date(`${day}T00:00:00+08:00`)

/**
 * An offer members may claim today: on, within its dates, at a merchant that is active. (Stock
 * and per-member limits are checked when claiming, in the statement that takes a coupon.)
 */
export function liveOfferCondition(now: Date): SQL {
  return liveOfferOn(chinaDate(now))
}

/** The same on a China date given as a value or as a prepared statement's placeholder. */
export function liveOfferOn(today: unknown): SQL {
  return sql`(${benefitsOffers.status} = 'active' and ${benefitsOffers.startsOn} <= ${today}::date and ${benefitsOffers.endsOn} >= ${today}::date)`
}

/**
 * How many live offers the merchant of the surrounding query's row has (in stock only, for
 * members), as a subquery for its select list. The merchant's id is written out with its table:
 * drizzle prints a one-table query's columns bare, and a bare "id" inside the subquery would be
 * the offer's own.
 */
export function liveOfferCount(today: unknown, options: { inStock: boolean }): SQL<number> {
  const merchantId = sql`${sql.identifier(getTableName(benefitsMerchants))}.${sql.identifier(benefitsMerchants.id.name)}`
  const inStock = options.inStock ? sql` and ${benefitsOffers.claimed} < ${benefitsOffers.stock}` : sql``
  return sql<number>`(select count(*)::int from ${benefitsOffers} where ${benefitsOffers.merchantId} = ${merchantId} and ${liveOfferOn(today)}${inStock})`
}

/** The China weekday (1 = Monday), the day before it and the minute of the day at `now`. */
export function chinaClock(now: Date): { weekday: number; yesterday: number; minute: number } {
  const local = new Date(now.getTime() + 8 * 3600_000)
  const weekday = ((local.getUTCDay() + 6) % 7) + 1
  return { weekday, yesterday: weekday === 1 ? 7 : weekday - 1, minute: local.getUTCHours() * 60 + local.getUTCMinutes() }
}

/**
 * Whether the shop is open at the China weekday and minute given (values or placeholders) — the
 * SQL twin of the contract's `isOpenAt` (a test holds them together): a closing time at or before
 * the opening time runs past midnight, counted as the day it opened.
 */
export function openNowSql(clock: { weekday: unknown; yesterday: unknown; minute: unknown }): SQL {
  const hours = benefitsMerchants.hours
  const opens = sql`(substr(${hours}->>'opens', 1, 2)::int * 60 + substr(${hours}->>'opens', 4, 2)::int)`
  const closes = sql`(substr(${hours}->>'closes', 1, 2)::int * 60 + substr(${hours}->>'closes', 4, 2)::int)`
  const onDay = (day: unknown) => sql`(${hours}->'days') @> jsonb_build_array(${day}::int)`
  const minute = sql`${clock.minute}::int`
  return sql`(case when ${closes} > ${opens}
    then ${onDay(clock.weekday)} and ${minute} >= ${opens} and ${minute} < ${closes}
    else (${onDay(clock.weekday)} and ${minute} >= ${opens}) or (${onDay(clock.yesterday)} and ${minute} < ${closes}) end)`
}

/** What a merchant's line in a list is made from. */
export const merchantSummaryColumns = {
  id: benefitsMerchants.id,
  name: benefitsMerchants.name,
  category: benefitsMerchants.category,
  district: benefitsMerchants.district,
  address: benefitsMerchants.address,
  lat: benefitsMerchants.lat,
  lng: benefitsMerchants.lng,
  hours: benefitsMerchants.hours,
  cardPayPercent: benefitsMerchants.cardPayPercent,
}
export type MerchantSummaryRow = Pick<MerchantRow, keyof typeof merchantSummaryColumns>

export function toMerchantSummary(
  row: MerchantSummaryRow,
  now: Date,
  extra: { distanceMetres: number | null; liveOffers: number },
): MerchantSummary {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    district: row.district,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    distanceMetres: extra.distanceMetres === null ? null : Math.round(extra.distanceMetres),
    hours: row.hours,
    openNow: isOpenAt(row.hours, now),
    cardPayPercent: row.cardPayPercent,
    liveOffers: extra.liveOffers,
  }
}

export function toOffer(row: OfferRow, names: { merchantName: string; campaignName: string | null }): Offer {
  return {
    id: row.id,
    merchantId: row.merchantId,
    merchantName: names.merchantName,
    campaignId: row.campaignId,
    campaignName: names.campaignName,
    title: row.title,
    description: row.description,
    terms: row.terms,
    summary: describeTerms(row.terms),
    fundedBy: fundedByOf(row.kind),
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    stock: row.stock,
    claimed: row.claimed,
    remaining: Math.max(0, row.stock - row.claimed),
    perMemberLimit: row.perMemberLimit,
    perMemberDailyLimit: row.perMemberDailyLimit,
    validDays: row.validDays,
    audience: row.audience,
    audienceText: audienceLabel[row.audience],
    status: row.status,
  }
}

export function undoUntil(row: RedemptionRow, undoMinutes: number, now: Date): Date | null {
  if (row.status !== 'done') return null
  const until = new Date(row.at.getTime() + undoMinutes * 60_000)
  return until > now ? until : null
}

export function toRedemption(row: RedemptionRow, cashierName: string, undoMinutes: number, now: Date): Redemption {
  return {
    id: row.id,
    merchantId: row.merchantId,
    kind: row.kind,
    title: row.title,
    memberNameMasked: row.memberMasked,
    bill: row.billFen === null ? null : yuan(row.billFen),
    saved: yuan(row.savedFen),
    fundedBy: row.fundedBy,
    at: row.at.toISOString(),
    cashierName,
    status: row.status,
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoReason: row.undoReason,
    undoUntil: undoUntil(row, undoMinutes, now)?.toISOString() ?? null,
  }
}

export async function undoMinutesOf(db: Queryable): Promise<number> {
  const [row] = await db
    .select({ undoMinutes: benefitsSettings.undoMinutes })
    .from(benefitsSettings)
    .where(eq(benefitsSettings.id, 'default'))
  return row?.undoMinutes ?? UNDO_MINUTES_DEFAULT
}

/** The rows of a query result, whichever driver (PGlite and node-postgres both give `rows`). */
export async function rowsOf<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}
