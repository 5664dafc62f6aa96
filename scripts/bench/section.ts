import type { FastifyInstance } from 'fastify'

/** What one autocannon run measured. */
export interface Figures {
  /** Answered 2xx, per second. */
  rps: number
  /** Over every answer, the refused ones included. */
  p99: number
  /** Failed connections and answers other than 2xx and 503. */
  errors: number
  /** Answered 503 by load shedding (MAX_IN_FLIGHT, MAX_EVENT_LOOP_DELAY_MS): refused at once rather than queued. */
  shed: number
  /**
   * CPU per answer in µs (all answers, shed ones included), where /proc tells: the server's
   * process, and the PostgreSQL server's processes (absent on PGlite, which runs inside the server).
   */
  cpu?: { server: number; database?: number }
}

export interface MeasureOptions {
  method?: 'GET' | 'POST'
  /** A session token: sent as `Authorization: Bearer`. */
  token?: string
  body?: unknown
  connections?: number
}

/** One printed line of a section: figures (with a ratio to the yardstick measured beside them), or a sentence. */
export interface BenchRow {
  label: string
  figures?: Figures
  /** The cached `GET /api/services`, measured in slices alternating with `figures`: the ratio's divisor. */
  baseline?: Figures
  /** What the ratio or the figures should reach, as printed (e.g. `≥ 0.25, p99 ≤ 50 ms`). */
  target?: string
  /** A result that is not throughput: `50 enrolled, 450 waitlisted`. */
  text?: string
}

export interface ServerBenchContext {
  /** The server under test, e.g. http://127.0.0.1:41234 */
  url: string
  /** `PGlite` or `PostgreSQL`. */
  database: string
  /** What this section's `prepare` returned, inside the server process. */
  prepared: unknown
  measure(path: string, options?: MeasureOptions): Promise<Figures>
  /** The route against the cached `GET /api/services`, in alternating slices of the same run (use as a row's figures and baseline). */
  compare(path: string, options?: MeasureOptions): Promise<{ figures: Figures; baseline: Figures }>
}

/**
 * A part of `npm run bench` that measures the server. `prepare` runs inside the server process
 * before it listens (it may insert data and mint session tokens with the bench's own secret) and
 * returns JSON for `run`; `run` drives the server over HTTP from the bench process. Each section
 * runs once per database, and the rows of both are printed side by side.
 */
export interface ServerBenchSection {
  name: string
  prepare?(app: FastifyInstance): Promise<unknown>
  run(context: ServerBenchContext): Promise<BenchRow[]>
}

/** A part that measures the mini-program's H5 build (bytes, time to first screen): once per run. */
export interface ClientBenchSection {
  name: string
  run(): Promise<BenchRow[]>
}
