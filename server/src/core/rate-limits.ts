import { lt, sql } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import type { Database, Queryable } from '../db/client'
import { AppError } from '../lib/errors'
import { rateLimitCounters } from './core.tables'
import { defineJob } from './jobs'

/** One hit on a counter; the window restarts when it has run out. Returns the hits so far and the time left. */
export async function hit(db: Queryable, key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
  const windowOver = sql`${rateLimitCounters.windowStartedAt} + make_interval(secs => ${windowMs / 1000}) <= now()`
  const result = (await db.execute(sql`
    insert into ${rateLimitCounters} (key, window_started_at, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when ${windowOver} then 1 else ${rateLimitCounters.hits} + 1 end,
      window_started_at = case when ${windowOver} then now() else ${rateLimitCounters.windowStartedAt} end
    returning hits::int as hits,
      greatest(0, extract(epoch from (window_started_at + make_interval(secs => ${windowMs / 1000}) - now())) * 1000)::float8 as ttl_ms
  `)) as unknown as { rows: Array<{ hits: number | string; ttl_ms: number | string }> }
  const row = result.rows[0]
  return { hits: Number(row?.hits ?? 1), ttlMs: Number(row?.ttl_ms ?? windowMs) }
}

export interface Quota {
  max: number
  windowMs: number
  /** What the person is told when they reach it (plain Chinese, with what to do). */
  message: string
}

/**
 * Counts one use of a quota, in the caller's transaction: when the work is rolled back the use
 * does not count, and concurrent uses queue on the counter's row, so the quota holds exactly.
 */
export async function consumeQuota(db: Queryable, key: string, quota: Quota): Promise<void> {
  const { hits } = await hit(db, key, quota.windowMs)
  if (hits > quota.max) throw new AppError(429, 'RATE_LIMITED', quota.message)
}

/**
 * A store for @fastify/rate-limit in PostgreSQL (or PGlite): the same counters for every
 * instance. One store per route (`child`), so each route has its own budget.
 */
export function databaseRateLimitStore(db: Database) {
  class DatabaseStore {
    private readonly route: string
    /** The plugin constructs the root store with its options; each route's store is made by `child`. */
    constructor(options?: unknown) {
      this.route = typeof options === 'string' ? options : ''
    }

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      hit(db, `route:${this.route}:${key}`, timeWindow).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (error: Error) => callback(error),
      )
    }

    /** The plugin passes the route's merged options, with the route under `routeInfo`. */
    child(routeOptions: unknown) {
      const info = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo
      return new DatabaseStore(`${String(info?.method ?? '')} ${String(info?.url ?? '')}`)
    }
  }
  return DatabaseStore
}

/** The key a request is limited on: the user when logged in, otherwise the real client address. */
export function rateLimitKey(request: FastifyRequest, userIdOf: (request: FastifyRequest) => string | undefined): string {
  const userId = userIdOf(request)
  return userId ? `user:${userId}` : `ip:${request.ip}`
}

/** Daily, on one instance: counters whose window ended long ago. */
export const rateLimitCleanupJob = defineJob({
  name: 'rate-limits.cleanup',
  everyMs: 24 * 3600_000,
  async run(context) {
    await context.db
      .delete(rateLimitCounters)
      .where(lt(rateLimitCounters.windowStartedAt, new Date(context.now.getTime() - 7 * 24 * 3600_000)))
  },
})
