import { and, inArray, sql } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import type { Queryable } from '../../db/client'
import { benefitsMerchants, benefitsOffers } from './benefits.tables'
import { liveOfferOn, merchantSummaryColumns, type MerchantSummaryRow } from './benefits.views'

/** A row's version: PostgreSQL gives every update of a row a new `xmin`, whoever wrote it and however. */
export const rowVersion = sql<string>`${benefitsMerchants}.xmin::text`

/** A shop the search found: which one, the version of its row, and (near searches) how far. */
export interface FoundShop {
  id: string
  version: string
}

/**
 * What the member's merchant list shows of each shop, kept in this instance's memory per shop and
 * checked on every read: the search returns each row's version with its id, and a summary is used
 * only when it was read from that same version. So the search itself stays one walk of the GiST
 * index returning ids, a changed or new shop is read again in one query for all of them, and a
 * list never shows a shop as it was before an edit. (A list of 20 shops spent most of its time
 * turning the same rows into the same objects, request after request.)
 */
export class ShopSummaries {
  private readonly kept = new LRUCache<string, { version: string; row: MerchantSummaryRow }>({ max: 20_000 })

  async of(db: Queryable, found: readonly FoundShop[]): Promise<Map<string, MerchantSummaryRow>> {
    const rows = new Map<string, MerchantSummaryRow>()
    const stale: string[] = []
    for (const { id, version } of found) {
      const kept = this.kept.get(id)
      if (kept && kept.version === version) rows.set(id, kept.row)
      else stale.push(id)
    }
    if (stale.length === 0) return rows
    const fresh = await db
      .select({ row: merchantSummaryColumns, version: rowVersion })
      .from(benefitsMerchants)
      .where(inArray(benefitsMerchants.id, stale))
    for (const { row, version } of fresh) {
      this.kept.set(row.id, { version, row })
      rows.set(row.id, row)
    }
    return rows
  }
}

/**
 * How many live offers with coupons left each shop has, for the list's "N 个优惠可领": one grouped
 * query shared for `ttlMs` (a badge a few seconds behind a claim is fine; the shop's page and
 * claiming read the offers themselves). 0: read on every list.
 */
export class LiveOfferCounts {
  private readonly byDay: LRUCache<string, Map<string, number>, Queryable> | undefined

  constructor(ttlMs: number) {
    this.byDay =
      ttlMs > 0
        ? new LRUCache({ max: 2, ttl: ttlMs, fetchMethod: (today, _stale, { context }) => countLiveOffers(context, today) })
        : undefined
  }

  async on(db: Queryable, today: string): Promise<Map<string, number>> {
    return (await this.byDay?.fetch(today, { context: db })) ?? countLiveOffers(db, today)
  }
}

async function countLiveOffers(db: Queryable, today: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ merchantId: benefitsOffers.merchantId, count: sql<number>`count(*)::int` })
    .from(benefitsOffers)
    .where(and(liveOfferOn(today), sql`${benefitsOffers.claimed} < ${benefitsOffers.stock}`))
    .groupBy(benefitsOffers.merchantId)
  return new Map(rows.map((row) => [row.merchantId, Number(row.count)]))
}

/** What the list needs kept between requests: per app, so two apps in one process never share rows. */
export interface MerchantDirectory {
  shops: ShopSummaries
  liveOffers: LiveOfferCounts
}

export const merchantDirectory = (liveOffersTtlMs: number): MerchantDirectory => ({
  shops: new ShopSummaries(),
  liveOffers: new LiveOfferCounts(liveOffersTtlMs),
})
