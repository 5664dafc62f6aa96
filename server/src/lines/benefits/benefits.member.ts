import { and, desc, eq, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm'
import {
  claimBlockLabel,
  COUPON_CODE_TTL_SECONDS,
  DEFAULT_RADIUS_METRES,
  describeHours,
  describeTerms,
  MAX_RADIUS_METRES,
  merchantCategoryLabel,
  type ClaimBlock,
  type Coupon,
  type CouponCode,
  type CouponCodeQuery,
  type CouponList,
  type CouponQuery,
  type MerchantApplicationInput,
  type MerchantDetail,
  type MerchantList,
  type MerchantQuery,
  type MyMerchantApplication,
  type MyMerchantApplications,
  type MyRedemptionList,
  type Offer,
  type OfferList,
  type OfferQuery,
} from '@contract/lines/benefits'
import type { PageQuery } from '@contract/kit/paging'
import { pages } from '@contract/pages'
import { chinaDate } from '@contract/rules/working-days'
import type { ServiceContext, SystemContext } from '../../core/context'
import type { MemberRecord } from '../../core/members'
import { holdTransactionLock, type Queryable } from '../../db/client'
import { keyset, preparedKeyset, type SortKey } from '../../core/paging'
import { issueRotatingCode, toRotatingQr } from '../../core/rotating-code'
import { listTimeline, appendTimelineEvent } from '../../core/timeline'
import { AppError, notFound } from '../../lib/errors'
import { orgs } from '../../platform/orgs/orgs.tables'
import { attachUploads, toAttachment, uploadsFor } from '../../platform/uploads/uploads.service'
import { benefitsCampaigns, benefitsCoupons, benefitsMerchants, benefitsOffers, benefitsRedemptions } from './benefits.tables'
import {
  chinaClock,
  endOfChinaDay,
  liveOfferCondition,
  MERCHANT_SUBJECT,
  openNowSql,
  startOfChinaDay,
  toMerchantSummary,
  toOffer,
  yuan,
  type MerchantRow,
  type OfferRow,
} from './benefits.views'
import { rowVersion, type FoundShop, type MerchantDirectory } from './benefits.directory'

/** The member's side: merchants near me, offers, claims, coupons and their codes, history, applying as a merchant. */

// No dot: a signed token's parts are dot-separated.
export const COUPON_PURPOSE = 'benefits_coupon'
export interface CouponPayload {
  /** Coupon id. */
  c: string
}
export const isCouponPayload = (value: unknown): value is CouponPayload =>
  typeof value === 'object' && value !== null && typeof (value as { c?: unknown }).c === 'string'

const here = (query: { lat?: string; lng?: string }) => {
  if (query.lat === undefined || query.lng === undefined) return null
  const lat = Number(query.lat)
  const lng = Number(query.lng)
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null
}

/** Which optional filters a merchant search uses: each combination is one prepared statement. */
interface SearchShape {
  near: boolean
  category: boolean
  district: boolean
  q: boolean
  openNow: boolean
}

type Bind = (name: string) => unknown

/** earthdistance's radius of the earth (its `earth()`), in metres. */
const EARTH_RADIUS_METRES = 6378168

/**
 * The GiST index orders shops by the straight line through the earth (cube distance, `<->`); the
 * distance along the surface follows from it, as earthdistance's own `sec_to_gc` computes it.
 * Done here rather than with earth_distance() in the statement: that SQL function, called once per
 * shop, was most of the statement's time. The two orders are the same.
 */
const alongSurface = (chord: number) => 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, chord / (2 * EARTH_RADIUS_METRES)))
/** The straight line for a distance along the surface (earthdistance's `gc_to_sec`). */
const chordFor = (metres: number) => 2 * EARTH_RADIUS_METRES * Math.sin(Math.min(Math.PI / 2, metres / (2 * EARTH_RADIUS_METRES)))

const RADIANS_PER_DEGREE = Math.PI / 180
/**
 * The member's point as earthdistance's `ll_to_earth` makes it (metres from the earth's centre),
 * in cube's text form. Computed here and bound as a plain cube: `ll_to_earth($1, $2)` in a
 * prepared statement is evaluated at every execution, and its cast to the `earth` domain sets up
 * the domain's checks from the catalogue each time — more than the index walk itself (PostgreSQL
 * CPU per search 168 µs against 82 µs with the point bound).
 */
function earthPoint(at: { lat: number; lng: number }): [number, number, number] {
  const lat = at.lat * RADIANS_PER_DEGREE
  const lng = at.lng * RADIANS_PER_DEGREE
  return [
    EARTH_RADIUS_METRES * Math.cos(lat) * Math.cos(lng),
    EARTH_RADIUS_METRES * Math.cos(lat) * Math.sin(lng),
    EARTH_RADIUS_METRES * Math.sin(lat),
  ]
}
const cubeText = (...corners: Array<readonly number[]>) => corners.map((corner) => `(${corner.join(', ')})`).join(',')
/** earthdistance's `earth_box`: the cube around a point that holds every point within `chord` of it. */
const earthBox = (point: readonly number[], chord: number) =>
  cubeText(
    point.map((value) => value - chord),
    point.map((value) => value + chord),
  )

/**
 * Nearest first with nothing else narrowing it (the page as it opens once a member shares where
 * they are): the statement walks the GiST index outward from the member and stops after a page of
 * shops, whatever the radius, and the radius is applied to those here. With the earth box in the
 * statement the planner (which takes any box to hold 0.1 % of the shops) reads every shop in the
 * box and sorts them instead: three times the work in a busy district. With any other filter the
 * box stays, because a walk for a rare match could cross the whole city.
 */
const walksOutward = (shape: SearchShape) => shape.near && !shape.category && !shape.district && !shape.q && !shape.openNow

/**
 * The search's parts, with every value taken through `bind`: a placeholder for the prepared
 * statement, or the value itself for the one-off query that reads ties (below).
 */
function searchParts(shape: SearchShape, bind: Bind) {
  const origin = sql`${bind('origin')}::cube`
  const chord = sql<number>`(${benefitsMerchants.earth} <-> ${origin})`
  const conditions: Array<SQL | undefined> = [
    // Written out, not a parameter: the planner then knows nearly every shop is active and walks
    // the GiST index by distance instead of intersecting it with the status index.
    sql`${benefitsMerchants.status} = 'active'`,
    shape.category ? sql`${benefitsMerchants.category} = ${bind('category')}` : undefined,
    shape.district ? sql`${benefitsMerchants.district} = ${bind('district')}` : undefined,
    shape.q
      ? or(ilike(benefitsMerchants.name, sql`${bind('pattern')}`), ilike(benefitsMerchants.address, sql`${bind('pattern')}`))
      : undefined,
    shape.openNow ? openNowSql({ weekday: bind('weekday'), yesterday: bind('yesterday'), minute: bind('minute') }) : undefined,
    shape.near && !walksOutward(shape) ? sql`${bind('box')}::cube @> ${benefitsMerchants.earth}` : undefined,
    shape.near && !walksOutward(shape) ? sql`${chord} <= ${bind('chordRadius')}::float8` : undefined,
  ]
  return { origin, chord, conditions }
}

const nearestKeys = (chord: SQL): SortKey[] => [
  { expr: chord, type: 'float8' },
  { expr: sql`${benefitsMerchants.id}`, type: 'uuid' },
]
const districtKeys: SortKey[] = [
  { expr: sql`${benefitsMerchants.district}`, type: 'text' },
  { expr: sql`${benefitsMerchants.name}`, type: 'text' },
  { expr: sql`${benefitsMerchants.id}`, type: 'uuid' },
]

/** A shop the search found, where it falls in the list; what it shows comes from ShopSummaries. */
interface SearchRow extends FoundShop {
  /** The straight line from the member in metres (near searches), else null. */
  chord: number | null
  cursorKey: Array<string | number> | string
}

const byChordThenId = (a: SearchRow, b: SearchRow) => Number(a.chord) - Number(b.chord) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const searchPages = new Map<string, ReturnType<typeof preparedKeyset<SearchRow>>>()

/**
 * The prepared page reader for one shape. Nearest first walks the GiST index in distance order
 * (`<->`), which stops after a page's worth of shops; the index cannot also order by id, so the
 * rows are put in (distance, id) order here, and when shops at exactly the same distance straddle
 * the page's end, every one of them is read (`shopsAtDistance`) so paging never skips or repeats.
 * Only ids, row versions and distances come back: the shops' summaries are kept (ShopSummaries).
 */
function searchPage(shape: SearchShape) {
  const name = `benefits_merchants_${Object.values(shape)
    .map((on) => (on ? 1 : 0))
    .join('')}`
  let readPage = searchPages.get(name)
  if (readPage) return readPage
  const parts = searchParts(shape, (field) => sql.placeholder(field))
  readPage = preparedKeyset<SearchRow>(name, shape.near ? nearestKeys(parts.chord) : districtKeys, (db, list, statementName) => {
    if (!shape.near) {
      return db
        .select({ id: benefitsMerchants.id, version: rowVersion, chord: sql<null>`null::float8`, cursorKey: list.cursorKey })
        .from(benefitsMerchants)
        .where(and(...parts.conditions, list.after))
        .orderBy(...list.orderBy)
        .limit(list.limit)
        .prepare(statementName)
    }
    const statement = db
      .select({ id: benefitsMerchants.id, version: rowVersion, chord: parts.chord })
      .from(benefitsMerchants)
      .where(and(...parts.conditions, list.after))
      .orderBy(sql`${benefitsMerchants.earth} <-> ${parts.origin}`)
      .limit(list.limit)
      .prepare(statementName)
    return {
      async execute(values: Record<string, unknown>) {
        // The cursor is the (distance, id) of the page's last row, made here for every row found.
        const found: SearchRow[] = (await statement.execute(values))
          .map((row) => ({ ...row, chord: Number(row.chord), cursorKey: [Number(row.chord), row.id] }))
          .sort(byChordThenId)
        const limit = Number(values.pageLimit)
        const radius = Number(values.radius)
        // A shop past the radius ends the list: every shop after it is farther still.
        const rows = walksOutward(shape) ? found.filter((row) => alongSurface(Number(row.chord)) <= radius) : found
        if (rows.length < found.length) return rows
        const boundary = rows.at(-1)?.chord
        if (rows.length < limit || rows.at(-2)?.chord !== boundary) return rows
        const ties = await shopsAtDistance(db, shape, values, Number(boundary))
        return [...rows.filter((row) => Number(row.chord) < Number(boundary)), ...ties].slice(0, limit)
      },
    }
  })
  searchPages.set(name, readPage)
  return readPage
}

/** Every shop the search finds at exactly this distance (after the cursor), by id: rare, so not prepared. */
async function shopsAtDistance(db: Queryable, shape: SearchShape, values: Record<string, unknown>, chord: number): Promise<SearchRow[]> {
  const parts = searchParts(shape, (field) => values[field])
  const cursor =
    values.cursor0 === undefined
      ? undefined
      : sql`(${parts.chord}, ${benefitsMerchants.id}) > (${values.cursor0}::float8, ${values.cursor1}::uuid)`
  const rows = await db
    .select({ id: benefitsMerchants.id, version: rowVersion })
    .from(benefitsMerchants)
    .where(and(...parts.conditions, cursor, sql`${parts.chord} = ${chord}::float8`))
    .orderBy(benefitsMerchants.id)
    .limit(Number(values.pageLimit))
  return rows.map((row) => ({ ...row, chord, cursorKey: [chord, row.id] }))
}

/**
 * Active merchants: nearest first with the distance when the member shared where they are (a
 * nearest-first walk over the GiST index, with an earth box when other filters narrow it, then
 * the exact distance within the radius), otherwise by district and name. Category, district,
 * search and open-now narrow either.
 */
export async function listMerchants(context: SystemContext, query: MerchantQuery, directory: MerchantDirectory): Promise<MerchantList> {
  const { db, now } = context
  const at = here(query)
  const shape: SearchShape = {
    near: at !== null,
    category: Boolean(query.category),
    district: Boolean(query.district),
    q: Boolean(query.q),
    openNow: query.openNow === 'true',
  }
  const values: Record<string, unknown> = {}
  if (at) {
    const radius = Math.min(MAX_RADIUS_METRES, Math.max(100, query.radius ? Number(query.radius) : DEFAULT_RADIUS_METRES))
    const point = earthPoint(at)
    const chordRadius = chordFor(radius)
    Object.assign(values, { origin: cubeText(point), box: earthBox(point, chordRadius), radius, chordRadius })
  }
  if (shape.category) values.category = query.category
  if (shape.district) values.district = query.district
  if (shape.q) values.pattern = `%${query.q!.replace(/[\\%_]/g, (match) => `\\${match}`)}%`
  if (shape.openNow) Object.assign(values, chinaClock(now))
  const page = await searchPage(shape)(db, values, query, (row) => row)
  const [shops, liveOffers] = await Promise.all([directory.shops.of(db, page.items), directory.liveOffers.on(db, chinaDate(now))])
  return {
    items: page.items.flatMap((found) => {
      const shop = shops.get(found.id)
      // Gone between the two reads (removed, say): left out rather than shown half.
      if (!shop) return []
      return [
        toMerchantSummary(shop, now, {
          distanceMetres: found.chord === null ? null : alongSurface(found.chord),
          liveOffers: liveOffers.get(found.id) ?? 0,
        }),
      ]
    }),
    nextCursor: page.nextCursor,
  }
}

/** A merchant the public may see (active), or 404. */
async function publicMerchant(context: SystemContext, id: string): Promise<MerchantRow> {
  const [row] = await context.db.select().from(benefitsMerchants).where(eq(benefitsMerchants.id, id))
  if (!row || row.status !== 'active') throw notFound('没有找到这家商户，可能已暂停合作')
  return row
}

export async function getMerchant(context: ServiceContext, id: string, query: { lat?: string; lng?: string }): Promise<MerchantDetail> {
  const row = await publicMerchant(context, id)
  const at = here(query)
  const [distanceRow] = at
    ? await context.db
        .select({ metres: sql<number>`earth_distance(${benefitsMerchants.earth}, ll_to_earth(${at.lat}::float8, ${at.lng}::float8))` })
        .from(benefitsMerchants)
        .where(eq(benefitsMerchants.id, id))
    : []
  const offers = await liveOffers(context, { merchantId: id })
  const photos = await uploadsFor(context.db, `${MERCHANT_SUBJECT}_photo`, [id])
  return {
    ...toMerchantSummary(row, context.now, {
      distanceMetres: distanceRow ? Number(distanceRow.metres) : null,
      liveOffers: offers.filter((offer) => offer.remaining > 0).length,
    }),
    description: row.description,
    phone: row.phone,
    hoursText: describeHours(row.hours),
    photos: photos.map((upload) => toAttachment(context.config.authSecret, upload, context.now.getTime())),
    offers,
    cardDiscountNote: row.cardDiscountNote,
  }
}

// ── Offers and claims ────────────────────────────────────────────────────────────────────────

async function offerNames(context: SystemContext, rows: readonly OfferRow[]) {
  const merchantIds = [...new Set(rows.map((row) => row.merchantId))]
  const campaignIds = [...new Set(rows.flatMap((row) => (row.campaignId ? [row.campaignId] : [])))]
  const merchants = merchantIds.length
    ? await context.db
        .select({ id: benefitsMerchants.id, name: benefitsMerchants.name })
        .from(benefitsMerchants)
        .where(inArray(benefitsMerchants.id, merchantIds))
    : []
  const campaigns = campaignIds.length
    ? await context.db
        .select({ id: benefitsCampaigns.id, name: benefitsCampaigns.name })
        .from(benefitsCampaigns)
        .where(inArray(benefitsCampaigns.id, campaignIds))
    : []
  const merchantName = new Map(merchants.map((row) => [row.id, row.name]))
  const campaignName = new Map(campaigns.map((row) => [row.id, row.name]))
  return (row: OfferRow) => ({
    merchantName: merchantName.get(row.merchantId) ?? '',
    campaignName: row.campaignId ? (campaignName.get(row.campaignId) ?? null) : null,
  })
}

export async function toOffers(context: SystemContext, rows: readonly OfferRow[]): Promise<Offer[]> {
  const names = await offerNames(context, rows)
  return rows.map((row) => toOffer(row, names(row)))
}

/** Live offers (of one merchant or campaign), each with what the asking member holds and may do. */
async function liveOffers(context: ServiceContext, filter: { merchantId?: string; campaignId?: string }, page?: PageQuery) {
  const conditions = [
    liveOfferCondition(context.now),
    eq(benefitsMerchants.status, 'active'),
    filter.merchantId ? eq(benefitsOffers.merchantId, filter.merchantId) : undefined,
    filter.campaignId ? eq(benefitsOffers.campaignId, filter.campaignId) : undefined,
  ]
  const paging = keyset(
    [
      { expr: sql`${benefitsOffers.endsOn}::text`, type: 'text' },
      { expr: sql`${benefitsOffers.id}`, type: 'uuid' },
    ],
    page ?? { limit: '50' },
  )
  const rows = await context.db
    .select({ offer: benefitsOffers, cursorKey: paging.cursorKey })
    .from(benefitsOffers)
    .innerJoin(benefitsMerchants, eq(benefitsMerchants.id, benefitsOffers.merchantId))
    .where(and(...conditions, paging.after))
    .orderBy(...paging.orderBy)
    .limit(paging.limit)
  const shown = paging.page(rows, (row) => row.offer)
  const member = await context.members.activeMemberOf(context, context.user.id)
  const offers = await toOffers(context, shown.items)
  const held = await heldCounts(
    context,
    shown.items.map((row) => row.id),
  )
  const withMine = await Promise.all(
    shown.items.map(async (row, index) => ({
      ...offers[index]!,
      mine: { claimed: held.get(row.id)?.total ?? 0, block: await claimBlock(context, row, member, held.get(row.id)) },
    })),
  )
  return Object.assign(withMine, { nextCursor: shown.nextCursor })
}

export async function listOffers(context: ServiceContext, query: OfferQuery): Promise<OfferList> {
  const items = await liveOffers(context, { merchantId: query.merchantId, campaignId: query.campaignId }, query)
  return { items: [...items], nextCursor: items.nextCursor }
}

async function heldCounts(context: ServiceContext, offerIds: readonly string[]) {
  if (offerIds.length === 0) return new Map<string, { total: number; today: number }>()
  const today = chinaDate(context.now)
  const rows = await context.db
    .select({
      offerId: benefitsCoupons.offerId,
      total: sql<number>`count(*)::int`,
      today: sql<number>`(count(*) filter (where ${benefitsCoupons.claimedOn} = ${today}))::int`,
    })
    .from(benefitsCoupons)
    .where(and(eq(benefitsCoupons.userId, context.user.id), inArray(benefitsCoupons.offerId, [...offerIds])))
    .groupBy(benefitsCoupons.offerId)
  return new Map(rows.map((row) => [row.offerId, { total: Number(row.total), today: Number(row.today) }]))
}

async function isNewFormMember(context: SystemContext, member: MemberRecord): Promise<boolean> {
  const [org] = await context.db.select({ kind: orgs.kind }).from(orgs).where(eq(orgs.id, member.orgId))
  return org?.kind === 'pool'
}

/** Why this member cannot claim the offer now, or null. */
async function claimBlock(
  context: ServiceContext,
  offer: OfferRow,
  member: MemberRecord | null,
  held: { total: number; today: number } | undefined,
): Promise<ClaimBlock | null> {
  const today = chinaDate(context.now)
  if (!member) return 'not_member'
  if (offer.audience === 'new_form' && !(await isNewFormMember(context, member))) return 'not_eligible'
  if (offer.audience === 'orgs' && !offer.audienceOrgIds.some((orgId) => member.orgPath.includes(`/${orgId}/`) || member.orgId === orgId))
    return 'not_eligible'
  if (offer.status === 'paused') return 'paused'
  if (offer.status === 'withdrawn' || offer.endsOn < today) return 'ended'
  if (offer.startsOn > today) return 'not_started'
  if ((held?.total ?? 0) >= offer.perMemberLimit) return 'limit'
  if ((held?.today ?? 0) >= offer.perMemberDailyLimit) return 'daily_limit'
  if (offer.claimed >= offer.stock) return 'sold_out'
  return null
}

const refuse = (block: ClaimBlock) => new AppError(409, 'CLAIM_REFUSED', claimBlockLabel[block])

/**
 * Claim a coupon. The member's own claims of this offer are taken one at a time (a transaction
 * lock on the pair), so their limits are counted right; the stock is taken last, in one
 * conditional UPDATE (`claimed < stock`), so the offer's row is locked only for the end of the
 * transaction and a flash offer never gives out more than it has. A refusal rolls everything back.
 */
export async function claimOffer(context: ServiceContext, offerId: string): Promise<Coupon> {
  const { db, now, user } = context
  const [found] = await db
    .select({ offer: benefitsOffers, merchant: benefitsMerchants })
    .from(benefitsOffers)
    .innerJoin(benefitsMerchants, eq(benefitsMerchants.id, benefitsOffers.merchantId))
    .where(eq(benefitsOffers.id, offerId))
  if (!found || found.merchant.status === 'applied' || found.merchant.status === 'rejected' || found.merchant.status === 'approved')
    throw notFound('没有找到这个优惠')
  if (found.merchant.status !== 'active') throw new AppError(409, 'CLAIM_REFUSED', '该商户暂停合作，暂时不能领取')
  const member = await context.members.activeMemberOf(context, user.id)
  // Sold out as last read: refused without queueing for the offer's row.
  const early = await claimBlock(context, found.offer, member, undefined)
  if (early) throw refuse(early)
  await holdTransactionLock(db, `benefits.claim:${offerId}:${user.id}`)
  const held = (await heldCounts(context, [offerId])).get(offerId)
  if ((held?.total ?? 0) >= found.offer.perMemberLimit) throw refuse('limit')
  if ((held?.today ?? 0) >= found.offer.perMemberDailyLimit) throw refuse('daily_limit')
  const today = chinaDate(now)
  const expiresAt = new Date(Math.min(now.getTime() + found.offer.validDays * 86_400_000, endOfChinaDay(found.offer.endsOn).getTime()))
  const [coupon] = await db
    .insert(benefitsCoupons)
    .values({ offerId, merchantId: found.offer.merchantId, userId: user.id, claimedOn: today, claimedAt: now, expiresAt })
    .returning()
  const [taken] = await db
    .update(benefitsOffers)
    .set({ claimed: sql`${benefitsOffers.claimed} + 1` })
    .where(
      and(eq(benefitsOffers.id, offerId), eq(benefitsOffers.status, 'active'), sql`${benefitsOffers.claimed} < ${benefitsOffers.stock}`),
    )
    .returning()
  if (!taken) throw refuse('sold_out')
  return toCoupon(coupon!, taken, found.merchant, now, null)
}

// ── Coupons ──────────────────────────────────────────────────────────────────────────────────

type CouponRow = typeof benefitsCoupons.$inferSelect

function toCoupon(row: CouponRow, offer: OfferRow, merchant: MerchantRow, now: Date, savedFen: number | null): Coupon {
  return {
    id: row.id,
    offerId: row.offerId,
    merchantId: row.merchantId,
    merchantName: merchant.name,
    merchantAddress: merchant.address,
    title: offer.title,
    summary: describeTerms(offer.terms),
    kind: offer.kind,
    status: row.status === 'redeemed' ? 'redeemed' : row.expiresAt <= now ? 'expired' : 'active',
    claimedAt: row.claimedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    redeemedAt: row.redeemedAt?.toISOString() ?? null,
    saved: savedFen === null ? null : yuan(savedFen),
  }
}

const couponStatusCondition = (status: 'active' | 'redeemed' | 'expired', now: Date) =>
  status === 'redeemed'
    ? eq(benefitsCoupons.status, 'redeemed')
    : status === 'active'
      ? and(eq(benefitsCoupons.status, 'active'), sql`${benefitsCoupons.expiresAt} > ${now}`)
      : and(eq(benefitsCoupons.status, 'active'), lte(benefitsCoupons.expiresAt, now))

const savedOfCoupon = sql<
  number | null
>`(select ${benefitsRedemptions.savedFen} from ${benefitsRedemptions} where ${benefitsRedemptions.couponId} = ${benefitsCoupons.id} and ${benefitsRedemptions.status} = 'done' limit 1)`

export async function listCoupons(context: ServiceContext, query: CouponQuery): Promise<CouponList> {
  const { db, now, user } = context
  const status = query.status ?? 'active'
  const page = keyset(
    [
      { expr: sql`-extract(epoch from ${benefitsCoupons.claimedAt})`, type: 'float8' },
      { expr: sql`${benefitsCoupons.id}`, type: 'uuid' },
    ],
    query,
  )
  const rows = await db
    .select({
      coupon: benefitsCoupons,
      offer: benefitsOffers,
      merchant: benefitsMerchants,
      saved: savedOfCoupon,
      cursorKey: page.cursorKey,
    })
    .from(benefitsCoupons)
    .innerJoin(benefitsOffers, eq(benefitsOffers.id, benefitsCoupons.offerId))
    .innerJoin(benefitsMerchants, eq(benefitsMerchants.id, benefitsCoupons.merchantId))
    .where(and(eq(benefitsCoupons.userId, user.id), couponStatusCondition(status, now), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  const [counts] = await db
    .select({
      active: sql<number>`(count(*) filter (where ${couponStatusCondition('active', now)}))::int`,
      redeemed: sql<number>`(count(*) filter (where ${couponStatusCondition('redeemed', now)}))::int`,
      expired: sql<number>`(count(*) filter (where ${couponStatusCondition('expired', now)}))::int`,
    })
    .from(benefitsCoupons)
    .where(eq(benefitsCoupons.userId, user.id))
  return {
    ...page.page(rows, (row) => toCoupon(row.coupon, row.offer, row.merchant, now, row.saved === null ? null : Number(row.saved))),
    counts: { active: Number(counts?.active ?? 0), redeemed: Number(counts?.redeemed ?? 0), expired: Number(counts?.expired ?? 0) },
  }
}

/** The member's own coupon, or 404 (another member's coupon does not exist for them). */
async function ownCoupon(context: ServiceContext, id: string) {
  const [row] = await context.db
    .select({ coupon: benefitsCoupons, offer: benefitsOffers, merchant: benefitsMerchants, saved: savedOfCoupon })
    .from(benefitsCoupons)
    .innerJoin(benefitsOffers, eq(benefitsOffers.id, benefitsCoupons.offerId))
    .innerJoin(benefitsMerchants, eq(benefitsMerchants.id, benefitsCoupons.merchantId))
    .where(eq(benefitsCoupons.id, id))
  if (!row || row.coupon.userId !== context.user.id) throw notFound('没有找到这张优惠券')
  return row
}

/**
 * The coupon and, while it may be used, a code that rotates each minute (signed, for this coupon
 * only). Where the member is goes with it only if they already shared it on the merchants page.
 */
export async function couponCode(context: ServiceContext, id: string, query: CouponCodeQuery): Promise<CouponCode> {
  const row = await ownCoupon(context, id)
  const coupon = toCoupon(row.coupon, row.offer, row.merchant, context.now, row.saved === null ? null : Number(row.saved))
  if (coupon.status !== 'active') return { coupon, qr: null }
  const at = here(query)
  if (at) await context.db.update(benefitsCoupons).set({ shownLat: at.lat, shownLng: at.lng }).where(eq(benefitsCoupons.id, id))
  const code = issueRotatingCode<CouponPayload>(context.config.authSecret, COUPON_PURPOSE, { c: id }, COUPON_CODE_TTL_SECONDS, context.now)
  return { coupon, qr: await toRotatingQr(code) }
}

/** What the member redeemed and saved (this year's total on top), newest first. */
export async function myRedemptions(context: ServiceContext, query: PageQuery): Promise<MyRedemptionList> {
  const { db, now, user } = context
  const year = Number(chinaDate(now).slice(0, 4))
  const page = keyset(
    [
      { expr: sql`-extract(epoch from ${benefitsRedemptions.at})`, type: 'float8' },
      { expr: sql`${benefitsRedemptions.id}`, type: 'uuid' },
    ],
    query,
  )
  const rows = await db
    .select({ redemption: benefitsRedemptions, merchant: benefitsMerchants, cursorKey: page.cursorKey })
    .from(benefitsRedemptions)
    .innerJoin(benefitsMerchants, eq(benefitsMerchants.id, benefitsRedemptions.merchantId))
    .where(and(eq(benefitsRedemptions.userId, user.id), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  const [totals] = await db
    .select({ saved: sql<number>`coalesce(sum(${benefitsRedemptions.savedFen}), 0)::int`, count: sql<number>`count(*)::int` })
    .from(benefitsRedemptions)
    .where(
      and(
        eq(benefitsRedemptions.userId, user.id),
        eq(benefitsRedemptions.status, 'done'),
        sql`${benefitsRedemptions.at} >= ${startOfChinaDay(`${year}-01-01`)}`,
      ),
    )
  return {
    ...page.page(rows, ({ redemption, merchant }) => ({
      id: redemption.id,
      merchantName: merchant.name,
      merchantAddress: merchant.address,
      what: redemption.title,
      kind: redemption.kind,
      saved: yuan(redemption.savedFen),
      at: redemption.at.toISOString(),
      undone: redemption.status === 'undone',
    })),
    year,
    savedThisYear: yuan(Number(totals?.saved ?? 0)),
    countThisYear: Number(totals?.count ?? 0),
  }
}

// ── Applying as a merchant ───────────────────────────────────────────────────────────────────

export async function applyAsMerchant(context: ServiceContext, input: MerchantApplicationInput): Promise<MyMerchantApplication> {
  const { db, user, cipher, now } = context
  const [row] = await db
    .insert(benefitsMerchants)
    .values({
      status: 'applied',
      name: input.name,
      category: input.category,
      district: input.district,
      address: input.address,
      lat: input.lat,
      lng: input.lng,
      phone: input.phone,
      hours: input.hours,
      description: input.description ?? null,
      cardPayPercent: input.cardPayPercent ?? null,
      creditCode: input.creditCode,
      contactName: input.contactName,
      contactPhoneEnc: cipher.encrypt(input.contactPhone),
      proposedOffers: input.proposedOffers,
      applicantId: user.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  await attachUploads(db, {
    ownerId: user.id,
    ids: input.licenceIds,
    subjectType: `${MERCHANT_SUBJECT}_licence`,
    subjectId: row!.id,
    field: 'licenceIds',
  })
  await attachUploads(db, {
    ownerId: user.id,
    ids: input.photoIds ?? [],
    subjectType: `${MERCHANT_SUBJECT}_photo`,
    subjectId: row!.id,
    field: 'photoIds',
  })
  await appendTimelineEvent(db, {
    subjectType: MERCHANT_SUBJECT,
    subjectId: row!.id,
    actorId: user.id,
    actorRole: 'applicant',
    fromStatus: null,
    toStatus: 'applied',
    action: 'apply',
    note: `${merchantCategoryLabel[input.category]}商户申请加盟`,
  })
  return toMyApplication(context, row!)
}

const nextStepText: Record<MerchantRow['status'], string> = {
  applied: '已提交，市总工会工作人员将在 5 个工作日内审核，请保持电话畅通',
  approved: '审核已通过，工作人员将联系您签订加盟协议',
  rejected: '未通过审核',
  signed: '协议已签订，将在协议开始日上线；收银员邀请码请向工作人员索取',
  active: '已上线，会员可在“会员卡·优惠”中看到本店',
  suspended: '合作已暂停，会员暂时不能领取和使用本店优惠',
  removed: '已清退',
}

async function toMyApplication(context: ServiceContext, row: MerchantRow): Promise<MyMerchantApplication> {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    district: row.district,
    address: row.address,
    status: row.status,
    nextStep: nextStepText[row.status],
    contractStartsOn: row.contractStartsOn,
    contractEndsOn: row.contractEndsOn,
    decisionReason: row.decisionReason,
    createdAt: row.createdAt.toISOString(),
    timeline: await listTimeline(context.db, context.roles, MERCHANT_SUBJECT, row.id, 'applicant'),
  }
}

export async function myApplications(context: ServiceContext): Promise<MyMerchantApplications> {
  const rows = await context.db
    .select()
    .from(benefitsMerchants)
    .where(eq(benefitsMerchants.applicantId, context.user.id))
    .orderBy(desc(benefitsMerchants.createdAt))
    .limit(20)
  return { items: await Promise.all(rows.map((row) => toMyApplication(context, row))) }
}

export const merchantLink = (id: string) => pages.benefits.merchant.url({ id })
