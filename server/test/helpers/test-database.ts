import fs from 'node:fs'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sql } from 'drizzle-orm'
import { openDatabase, type Database, type DatabaseHandle } from '../../src/db/client'

/**
 * What a test file's database starts as. `migrated`: the schema and nothing else. `reference`:
 * what an app without demo data holds once started (reference data, upgrades). `demo`: what a
 * default test app holds once started, every line's demo data too. All made once per run by the
 * global setup, since seeding five lines' demo data costs seconds per app.
 */
export type DatabaseStart = 'migrated' | 'reference' | 'demo'

/** Where the global setup left each template (environment variables reach every Jest worker). */
export const TEMPLATE_ENV = {
  /** PGlite data-dir dumps, one per start. */
  pglite: { migrated: 'TEST_PGLITE_TEMPLATE', reference: 'TEST_PGLITE_REFERENCE_TEMPLATE', demo: 'TEST_PGLITE_DEMO_TEMPLATE' },
  /** Template databases on the PostgreSQL server of TEST_DATABASE_URL. */
  postgres: { migrated: 'TEST_POSTGRES_TEMPLATE', reference: 'TEST_POSTGRES_REFERENCE_TEMPLATE', demo: 'TEST_POSTGRES_DEMO_TEMPLATE' },
  /** The uploaded files the demo data refers to (proof photos), copied into each demo app's upload dir. */
  demoUploads: 'TEST_DEMO_UPLOADS',
} as const

/** Whether the global setup made a template for `start` (without one, apps seed themselves). */
export function hasTemplate(start: DatabaseStart): boolean {
  const names = process.env.TEST_DATABASE_URL ? TEMPLATE_ENV.postgres : TEMPLATE_ENV.pglite
  return Boolean(process.env[names[start]])
}

/**
 * A fresh database for one test file: a copy of the PGlite template, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (copied from its template, dropped again on close).
 * Without a template it is migrated here.
 */
export async function freshDatabase(start: DatabaseStart = 'migrated'): Promise<DatabaseHandle & { url?: string }> {
  if (!process.env.TEST_DATABASE_URL) {
    const template = process.env[TEMPLATE_ENV.pglite[start]]
    return openDatabase({ pgliteTemplate: template ? new Blob([fs.readFileSync(template)]) : undefined })
  }
  const created = await createPostgresDatabase(process.env.TEST_DATABASE_URL, { template: process.env[TEMPLATE_ENV.postgres[start]] })
  const handle = await openDatabase({ databaseUrl: created.url })
  return {
    ...handle,
    url: created.url,
    async close() {
      await handle.close()
      await created.drop()
    },
  }
}

/**
 * An empty database on the PostgreSQL server of `adminUrl`, for one test file (or a copy of the
 * database `template`, which must have no open connections); `drop` removes it.
 */
export async function createPostgresDatabase(
  adminUrl: string,
  options: { template?: string; prefix?: string } = {},
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${options.prefix ?? 'lgh_test'}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(options.template ? `create database ${name} template ${options.template}` : `create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    drop: () => dropPostgresDatabase(adminUrl, name),
  }
}

export async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  const cleanup = new pg.Client({ connectionString: adminUrl })
  await cleanup.connect()
  try {
    await cleanup.query(`drop database if exists ${name} with (force)`)
  } finally {
    await cleanup.end()
  }
}

export interface StoredText {
  table: string
  column: string
  value: string
}

/**
 * Every non-null text, JSON and array value in every table, as text: what a dump of the database
 * would show. Tests search it for things that must never be stored in clear.
 */
export async function storedTexts(db: Database): Promise<StoredText[]> {
  const columns = (await db.execute(
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
  )) as unknown as { rows: Array<{ table_name: string; column_name: string }> }
  const texts: StoredText[] = []
  for (const { table_name: table, column_name: column } of columns.rows) {
    const result = (await db.execute(
      sql`select ${sql.identifier(column)}::text as value from ${sql.identifier(table)} where ${sql.identifier(column)} is not null`,
    )) as unknown as { rows: Array<{ value: string }> }
    texts.push(...result.rows.map(({ value }) => ({ table, column, value })))
  }
  return texts
}

/**
 * The bytes of the database's own files — the table and index files, without the write-ahead log,
 * which PostgreSQL recycles on its own schedule — as latin1 text to search. PGlite only.
 */
export async function tableFileBytes(handle: DatabaseHandle): Promise<string> {
  if (!handle.pglite) throw new Error('tableFileBytes reads PGlite files')
  // What is only in the buffer cache is written to the files first, as a copy of the disk would see it.
  await handle.db.execute(sql`checkpoint`)
  const tar = Buffer.from(await (await handle.pglite.dumpDataDir('none')).arrayBuffer())
  const parts: string[] = []
  for (let offset = 0; offset + 512 <= tar.length;) {
    const name = tar
      .subarray(offset, offset + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '')
    if (!name) break
    const size = parseInt(
      tar
        .subarray(offset + 124, offset + 136)
        .toString('utf8')
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    )
    const start = offset + 512
    if (!name.includes('pg_wal/')) parts.push(tar.subarray(start, start + size).toString('latin1'))
    offset = start + Math.ceil(size / 512) * 512
  }
  return parts.join('\n')
}
