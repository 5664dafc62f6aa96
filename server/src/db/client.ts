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
    handle: { db, kind: 'pglite', pglite: client, ping: () => timeSelectOne(db), close: () => client.close() },
    migrate: () => migratePglite(db, { migrationsFolder }),
  }
}

async function openPostgres(databaseUrl: string): Promise<Opened> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5000 })
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined)
  const db = drizzlePostgres(pool)
  return {
    handle: { db, kind: 'postgres', ping: () => timeSelectOne(db), close: () => pool.end() },
    migrate: () => migratePostgresLocked(databaseUrl),
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
