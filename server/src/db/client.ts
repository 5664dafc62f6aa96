import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { cube } from '@electric-sql/pglite/contrib/cube'
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import pg from 'pg'

/**
 * Either driver's database: the query builder is the same, so feature code never knows which.
 * Tables are imported where they are used (each beside the code that owns it); no relational
 * schema is registered, since nothing queries through one.
 */
type NoRelations = Record<string, never>
export type Database = PgDatabase<PgQueryResultHKT, NoRelations>
export type Transaction = PgTransaction<PgQueryResultHKT, NoRelations, ExtractTablesWithRelations<NoRelations>>
/** Something queries can run on: the database, or a transaction inside it. */
export type Queryable = Database | Transaction

export type DatabaseKind = 'pglite' | 'postgres'

export interface DatabaseHandle {
  db: Database
  kind: DatabaseKind
  /** The embedded client when kind is 'pglite' (tests dump it as a template). */
  pglite?: PGlite
  /** Round-trip time of `select 1`, in milliseconds; throws when the database is unreachable. */
  ping(): Promise<number>
  /** Follows a NOTIFY channel (see ChannelListener); close the returned feed when done. */
  listen(channel: string, listener: ChannelListener): ChannelFeed
  close(): Promise<void>
}

/**
 * What a follower of a NOTIFY channel hears. `connected` comes first (and again after a lost
 * connection is back); between `lost` and the next `connected` messages may have been missed, so
 * whatever was kept on their strength must be dropped.
 */
export interface ChannelListener {
  message(payload: string): void
  connected(): void
  lost(): void
}

export interface ChannelFeed {
  close(): Promise<void>
}

/** PGlite's contrib modules the migrations may create, as on a PostgreSQL server with contrib. */
export const PGLITE_EXTENSIONS = { cube, earthdistance }

export const migrationsFolder = path.resolve(__dirname, '..', '..', 'migrations')

export interface OpenDatabaseOptions {
  /** postgres://… — when set, PostgreSQL; otherwise the embedded PGlite. */
  databaseUrl?: string
  /** PGlite's data directory; in memory when absent. */
  pgliteDataDir?: string
  /** A PGlite data-dir dump to start from (tests start every file from one migrated template). */
  pgliteTemplate?: Blob
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const { handle, migrate } = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options)
  if (options.migrate !== false) {
    try {
      await migrate()
    } catch (error) {
      await handle.close()
      throw error
    }
  }
  return handle
}

interface Opened {
  handle: DatabaseHandle
  migrate(): Promise<void>
}

async function openPglite(options: OpenDatabaseOptions): Promise<Opened> {
  if (options.pgliteDataDir) fs.mkdirSync(path.dirname(options.pgliteDataDir), { recursive: true })
  const client = new PGlite({
    dataDir: options.pgliteDataDir,
    loadDataDir: options.pgliteTemplate,
    // Contrib modules a migration may CREATE EXTENSION (geographic search: cube + earthdistance).
    // PostgreSQL ships them with the server; PGlite loads only those registered when it opens.
    extensions: PGLITE_EXTENSIONS,
  })
  await client.waitReady
  const db = drizzlePglite(client)
  return {
    handle: {
      db,
      kind: 'pglite',
      pglite: client,
      ping: () => timeSelectOne(db),
      listen: (channel, listener) => listenOnPglite(client, channel, listener),
      close: () => client.close(),
    },
    migrate: () => migratePglite(db, { migrationsFolder }),
  }
}

async function openPostgres(databaseUrl: string): Promise<Opened> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5000 })
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined)
  const db = drizzlePostgres(pool)
  return {
    handle: {
      db,
      kind: 'postgres',
      ping: () => timeSelectOne(db),
      listen: (channel, listener) => listenOnPostgres(databaseUrl, channel, listener),
      close: () => pool.end(),
    },
    migrate: () => migratePostgresLocked(databaseUrl),
  }
}

/**
 * PGlite is one session in this process: its notifications arrive as the committing statement
 * returns, and the session cannot be lost while the process lives.
 */
function listenOnPglite(client: PGlite, channel: string, listener: ChannelListener): ChannelFeed {
  let closed = false
  const subscribed = client
    .listen(channel, (payload) => listener.message(payload))
    .then(
      (unsubscribe) => {
        if (!closed) listener.connected()
        return unsubscribe
      },
      () => {
        listener.lost()
        return undefined
      },
    )
  return {
    close: async () => {
      closed = true
      const unsubscribe = await subscribed
      if (unsubscribe && !client.closed) await unsubscribe().catch(() => undefined)
    },
  }
}

const LISTEN_RETRY_FIRST_MS = 250
const LISTEN_RETRY_MAX_MS = 10_000

/**
 * On PostgreSQL a channel is followed on a connection of its own (a pooled one would be handed to
 * queries and LISTEN would go with it). When it drops, the follower is told at once and the
 * connection is made again with a growing pause until the server answers.
 */
function listenOnPostgres(databaseUrl: string, channel: string, listener: ChannelListener): ChannelFeed {
  let current: pg.Client | undefined
  let retry: NodeJS.Timeout | undefined
  let pauseMs = LISTEN_RETRY_FIRST_MS
  let closed = false

  const scheduleRetry = () => {
    if (closed || retry) return
    retry = setTimeout(() => {
      retry = undefined
      void connect()
    }, pauseMs)
    pauseMs = Math.min(pauseMs * 2, LISTEN_RETRY_MAX_MS)
  }

  // Called for every way a connection ends (error, end, a failed LISTEN); only the live one counts.
  const dropped = (client: pg.Client) => {
    client.removeAllListeners('end')
    client.on('error', () => undefined)
    void client.end().catch(() => undefined)
    if (current === client) {
      current = undefined
      listener.lost()
    }
    scheduleRetry()
  }

  const connect = async () => {
    const client = new pg.Client({ connectionString: databaseUrl })
    client.on('notification', (notice) => {
      if (notice.channel === channel) listener.message(notice.payload ?? '')
    })
    client.on('error', () => dropped(client))
    client.on('end', () => dropped(client))
    try {
      await client.connect()
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`)
    } catch {
      dropped(client)
      return
    }
    if (closed) {
      await client.end().catch(() => undefined)
      return
    }
    current = client
    pauseMs = LISTEN_RETRY_FIRST_MS
    listener.connected()
  }

  void connect()
  return {
    close: async () => {
      closed = true
      clearTimeout(retry)
      const client = current
      current = undefined
      if (client) {
        client.removeAllListeners('end')
        await client.end().catch(() => undefined)
      }
    },
  }
}

async function timeSelectOne(db: Database): Promise<number> {
  const started = performance.now()
  await db.execute(sql`select 1`)
  return Math.round((performance.now() - started) * 100) / 100
}

/**
 * Several instances may start at once against one PostgreSQL: an advisory lock, held on a
 * dedicated connection, lets one apply the migrations while the others wait and then find none.
 */
async function migratePostgresLocked(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('select pg_advisory_lock(727274)')
    await migratePostgres(drizzlePostgres(client), { migrationsFolder })
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => undefined)
    await client.end()
  }
}

/** Postgres SQLSTATE of a failed query, whichever driver (and Drizzle's wrapping) raised it. */
export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

export const isUniqueViolation = (error: unknown): boolean => sqlStateOf(error) === '23505'

/**
 * Holds the lock called `name` until the surrounding transaction ends (a transaction-level
 * advisory lock, so it holds across instances): two requests about the same thing (one person's
 * claims, opening a campaign of one kind) take turns, and each one's checks see what the other
 * wrote. Inside a transaction only: on its own a statement would let go of it as it ended.
 */
export async function holdTransactionLock(db: Queryable, name: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`)
}
