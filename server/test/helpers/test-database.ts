import fs from 'node:fs'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sql } from 'drizzle-orm'
import { openDatabase, type Database, type DatabaseHandle } from '../../src/db/client'

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL (dropped again on close).
 */
export async function freshDatabase(): Promise<DatabaseHandle & { url?: string }> {
  if (!process.env.TEST_DATABASE_URL) {
    const template = process.env.TEST_PGLITE_TEMPLATE
    return openDatabase({ pgliteTemplate: template ? new Blob([fs.readFileSync(template)]) : undefined })
  }
  const created = await createPostgresDatabase(process.env.TEST_DATABASE_URL)
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

/** An empty database on the PostgreSQL server of `adminUrl`, for one test file; `drop` removes it. */
export async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lgh_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
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
