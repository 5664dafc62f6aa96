import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase } from '../../src/db/client'

/**
 * Once per run: on PGlite, migrate one in-memory database and dump it, so every test file
 * starts from a copy in about a second instead of running initdb; on PostgreSQL, check the
 * server answers. Either way, say which database the API suite runs on.
 */
export default async function globalSetup(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (adminUrl) {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    const { rows } = await client.query<{ version: string }>('select version()')
    await client.end()
    console.log(`\n[api tests] database: PostgreSQL server — ${rows[0]?.version ?? 'unknown version'}\n`)
    return
  }
  const started = Date.now()
  const handle = await openDatabase({})
  const version = (await handle.db.execute(sql`select version()`)) as unknown as { rows: Array<{ version?: string }> }
  const dump = await handle.pglite!.dumpDataDir('none')
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-pglite-')), 'template.tar')
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  await handle.close()
  process.env.TEST_PGLITE_TEMPLATE = file
  const versionText = version.rows[0]?.version ?? ''
  console.log(`\n[api tests] database: PGlite (embedded) — ${versionText}; template ready in ${Date.now() - started} ms\n`)
}
