import { and, eq, inArray, sql } from 'drizzle-orm'
import {
  districtLabel,
  merchantCategoryLabel,
  PLAN,
  signalKindLabel,
  type District,
  type FraudSignal,
  type FraudSignalList,
  type MerchantCategory,
  type ReviewSignalBody,
  type SignalKind,
} from '@contract/lines/benefits'
import type { Dashboard } from '@contract/kit/stats'
import { chinaDate } from '@contract/rules/working-days'
import { requireLineAccess } from '../../core/access'
import type { ServiceContext } from '../../core/context'
import { benefitsAccess, requireActing } from './benefits.staff'
import { benefitsCampaigns, benefitsCoupons, benefitsMerchants, benefitsRedemptions, benefitsSignalReviews } from './benefits.tables'
import { rowsOf, startOfChinaDay, yuan } from './benefits.views'

/** The dashboard against the plan, and fraud signals for review. */

const SIGNED = ['signed', 'active', 'suspended'] as const

export async function benefitsStats(context: ServiceContext): Promise<Dashboard> {
  requireLineAccess(context.user, benefitsAccess)
  const { db, now } = context
  const year = Number(chinaDate(now).slice(0, 4))
  const yearStart = startOfChinaDay(`${year}-01-01`)
  const planYear = Math.min(3, Math.max(1, year - PLAN.firstYear + 1))
  const cards = await context.members.countActive(context, { joinedSince: yearStart })
  const [merchants] = await db
    .select({ signed: sql<number>`count(*)::int` })
    .from(benefitsMerchants)
    .where(inArray(benefitsMerchants.status, [...SIGNED]))
  const [campaigns] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(benefitsCampaigns)
    .where(sql`${benefitsCampaigns.startsOn} >= ${`${year}-01-01`} and ${benefitsCampaigns.startsOn} <= ${`${year}-12-31`}`)
  const thisYear = and(eq(benefitsRedemptions.status, 'done'), sql`${benefitsRedemptions.at} >= ${yearStart}`)
  const [totals] = await db
    .select({ count: sql<number>`count(*)::int`, saved: sql<number>`coalesce(sum(${benefitsRedemptions.savedFen}), 0)::int` })
    .from(benefitsRedemptions)
    .where(thisYear)
  const [claims] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(benefitsCoupons)
    .where(sql`${benefitsCoupons.claimedAt} >= ${yearStart}`)
  const by = async (column: typeof benefitsMerchants.category | typeof benefitsMerchants.district) =>
    db
      .select({
        key: column,
        count: sql<number>`count(*)::int`,
        saved: sql<number>`coalesce(sum(${benefitsRedemptions.savedFen}), 0)::int`,
      })
      .from(benefitsRedemptions)
      .innerJoin(benefitsMerchants, eq(benefitsMerchants.id, benefitsRedemptions.merchantId))
      .where(thisYear)
      .groupBy(column)
  const byCategory = await by(benefitsMerchants.category)
  const byDistrict = await by(benefitsMerchants.district)
  const largestFirst = <T extends { value: number }>(rows: T[]) => rows.sort((a, b) => b.value - a.value)
  return {
    periodLabel: `${year} 年`,
    asOf: now.toISOString(),
    metrics: [
      {
        key: 'cards_year',
        label: '今年新发会员卡',
        value: cards.joinedSince,
        format: 'count',
        unit: '张',
        target: PLAN.cardsPerYear,
        targetLabel: `${year} 年目标`,
        note: '今年入会且会员资格有效的会员，每人一张电子会员卡',
      },
      {
        key: 'cards_total',
        label: '有效会员卡',
        value: cards.active,
        format: 'count',
        unit: '张',
        target: PLAN.cardsTotal,
        targetLabel: '规划三年目标',
      },
      {
        key: 'merchants',
        label: '已签约商户',
        value: Number(merchants?.signed ?? 0),
        format: 'count',
        unit: '家',
        target: PLAN.merchantsByYear[planYear - 1],
        targetLabel: `规划第 ${planYear} 年目标`,
      },
      {
        key: 'campaigns',
        label: '今年营销活动',
        value: Number(campaigns?.count ?? 0),
        format: 'count',
        unit: '场',
        target: PLAN.campaignsPerYear,
        targetLabel: `${year} 年目标`,
      },
      { key: 'claims', label: '今年领券', value: Number(claims?.count ?? 0), format: 'count', unit: '张' },
      { key: 'redemptions', label: '今年核销', value: Number(totals?.count ?? 0), format: 'count', unit: '笔' },
      { key: 'saved', label: '会员今年共节省', value: yuan(Number(totals?.saved ?? 0)), format: 'yuan' },
    ],
    breakdowns: [
      {
        key: 'saved_by_category',
        label: '按类别：会员节省',
        format: 'yuan',
        rows: largestFirst(
          byCategory.map((row) => ({ label: merchantCategoryLabel[row.key as MerchantCategory], value: yuan(Number(row.saved)) })),
        ),
      },
      {
        key: 'redemptions_by_district',
        label: '按区县：核销笔数',
        format: 'count',
        unit: '笔',
        rows: largestFirst(byDistrict.map((row) => ({ label: districtLabel[row.key as District], value: Number(row.count) }))),
      },
    ],
  }
}

// ── Fraud signals ────────────────────────────────────────────────────────────────────────────

const SIGNAL_DAYS = 30
/** A code shown farther than this from the shop. */
const FAR_METRES = 5000
/** One member at this many shops within the window. */
const MANY_MERCHANTS = 3
const MANY_MERCHANTS_MINUTES = 30
/** A desk undoing this share of its redemptions (with at least a few). */
const UNDO_RATE = 0.2
const UNDO_MIN_COUNT = 5

interface SignalRow {
  kind: SignalKind
  ref: string
  merchant_id: string | null
  merchant_name: string | null
  member_masked: string | null
  detail: string
  at: string | Date
}

/**
 * Signals over the last 30 days, computed from the redemptions as they stand: codes shown far from
 * the shop, redemptions outside its hours, one member at several shops within minutes, desks that
 * undo much. Each has a stable key, so a review stays with it.
 */
export async function fraudSignals(context: ServiceContext): Promise<FraudSignalList> {
  requireLineAccess(context.user, benefitsAccess)
  const since = new Date(context.now.getTime() - SIGNAL_DAYS * 86_400_000)
  const r = benefitsRedemptions
  const m = benefitsMerchants
  const c = benefitsCoupons
  const far = await rowsOf<SignalRow>(
    context.db,
    sql`select 'far_from_shop' as kind, ${r.id}::text as ref, ${m.id}::text as merchant_id, ${m.name} as merchant_name, ${r.memberMasked} as member_masked,
      round(earth_distance(ll_to_earth(${c.shownLat}, ${c.shownLng}), ll_to_earth(${m.lat}, ${m.lng})) / 1000)::text as detail, ${r.at} as at
    from ${r} join ${c} on ${c.id} = ${r.couponId} join ${m} on ${m.id} = ${r.merchantId}
    where ${r.at} >= ${since} and ${r.status} = 'done' and ${c.shownLat} is not null
      and earth_distance(ll_to_earth(${c.shownLat}, ${c.shownLng}), ll_to_earth(${m.lat}, ${m.lng})) > ${FAR_METRES}
    order by ${r.at} desc limit 50`,
  )
  // Outside hours: the China weekday and minute of the redemption against the shop's hours, across midnight too.
  const local = sql`(${r.at} at time zone 'Asia/Shanghai')`
  const minute = sql`(extract(hour from ${local})::int * 60 + extract(minute from ${local})::int)`
  const weekday = sql`extract(isodow from ${local})::int`
  const yesterday = sql`(case when ${weekday} = 1 then 7 else ${weekday} - 1 end)`
  const opens = sql`(substr(${m.hours}->>'opens', 1, 2)::int * 60 + substr(${m.hours}->>'opens', 4, 2)::int)`
  const closes = sql`(substr(${m.hours}->>'closes', 1, 2)::int * 60 + substr(${m.hours}->>'closes', 4, 2)::int)`
  const onDay = (day: typeof weekday) => sql`(${m.hours}->'days') @> jsonb_build_array(${day})`
  const outside = await rowsOf<SignalRow>(
    context.db,
    sql`select 'outside_hours' as kind, ${r.id}::text as ref, ${m.id}::text as merchant_id, ${m.name} as merchant_name, ${r.memberMasked} as member_masked,
      to_char(${local}, 'MM-DD HH24:MI') as detail, ${r.at} as at
    from ${r} join ${m} on ${m.id} = ${r.merchantId}
    where ${r.at} >= ${since} and ${r.status} = 'done' and not (case when ${closes} > ${opens}
      then ${onDay(weekday)} and ${minute} >= ${opens} and ${minute} < ${closes}
      else (${onDay(weekday)} and ${minute} >= ${opens}) or (${onDay(yesterday)} and ${minute} < ${closes}) end)
    order by ${r.at} desc limit 50`,
  )
  const many = await rowsOf<SignalRow>(
    context.db,
    sql`select 'many_merchants' as kind, a.id::text as ref, null as merchant_id, null as merchant_name, a.member_masked,
      (select count(distinct b.merchant_id) from ${r} b where b.user_id = a.user_id and b.status = 'done'
        and b.at between a.at and a.at + make_interval(mins => ${MANY_MERCHANTS_MINUTES}))::text as detail, a.at
    from ${r} a
    where a.at >= ${since} and a.status = 'done' and a.user_id is not null
      and (select count(distinct b.merchant_id) from ${r} b where b.user_id = a.user_id and b.status = 'done'
        and b.at between a.at and a.at + make_interval(mins => ${MANY_MERCHANTS_MINUTES})) >= ${MANY_MERCHANTS}
      and not exists (select 1 from ${r} p where p.user_id = a.user_id and p.status = 'done' and p.at < a.at
        and p.at >= a.at - make_interval(mins => ${MANY_MERCHANTS_MINUTES}))
    order by a.at desc limit 50`,
  )
  const undo = await rowsOf<SignalRow>(
    context.db,
    sql`select 'undo_rate' as kind, ${m.id}::text || ':' || to_char(${context.now}::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM') as ref,
      ${m.id}::text as merchant_id, ${m.name} as merchant_name, null as member_masked,
      (count(*) filter (where ${r.status} = 'undone'))::text || '/' || count(*)::text as detail, max(${r.at}) as at
    from ${r} join ${m} on ${m.id} = ${r.merchantId}
    where ${r.at} >= ${since}
    group by ${m.id}, ${m.name}
    having count(*) >= ${UNDO_MIN_COUNT} and (count(*) filter (where ${r.status} = 'undone'))::float8 / count(*) >= ${UNDO_RATE}
    limit 50`,
  )
  const all = [...far, ...outside, ...many, ...undo]
  const keys = all.map((row) => `${row.kind}:${row.ref}`)
  const reviews = keys.length ? await context.db.select().from(benefitsSignalReviews).where(inArray(benefitsSignalReviews.key, keys)) : []
  const reviewOf = new Map(reviews.map((review) => [review.key, review]))
  const describe = (row: SignalRow): string => {
    switch (row.kind) {
      case 'far_from_shop':
        return `出示券码的位置距门店约 ${row.detail} 公里`
      case 'outside_hours':
        return `${row.detail} 核销，不在门店营业时间内`
      case 'many_merchants':
        return `${MANY_MERCHANTS_MINUTES} 分钟内在 ${row.detail} 家商户核销`
      case 'undo_rate': {
        const [undone, total] = row.detail.split('/')
        return `近 ${SIGNAL_DAYS} 天核销 ${total} 笔，撤销 ${undone} 笔`
      }
      default:
        return signalKindLabel[row.kind]
    }
  }
  const items: FraudSignal[] = all
    .map((row) => {
      const key = `${row.kind}:${row.ref}`
      const review = reviewOf.get(key)
      return {
        key,
        kind: row.kind,
        merchantId: row.merchant_id,
        merchantName: row.merchant_name,
        memberMasked: row.member_masked,
        detail: describe(row),
        at: new Date(row.at).toISOString(),
        reviewed: Boolean(review),
        reviewNote: review?.note ?? null,
      }
    })
    .sort((a, b) => Number(a.reviewed) - Number(b.reviewed) || b.at.localeCompare(a.at))
  return { items, since: since.toISOString() }
}

export async function reviewSignal(context: ServiceContext, body: ReviewSignalBody): Promise<{ ok: true }> {
  requireActing(context)
  await context.db
    .insert(benefitsSignalReviews)
    .values({ key: body.key, note: body.note ?? null, reviewedBy: context.user.id, reviewedAt: context.now })
    .onConflictDoUpdate({
      target: benefitsSignalReviews.key,
      set: { note: body.note ?? null, reviewedBy: context.user.id, reviewedAt: context.now },
    })
  return { ok: true }
}
