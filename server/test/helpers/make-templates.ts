import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase, type DatabaseHandle } from '../../src/db/client'
import { createTestApp } from './test-app'
import { createPostgresDatabase, TEMPLATE_ENV } from './test-database'

/**
 * Run by the global setup in a process of its own (under tsx, which resolves the app's path
 * aliases; Jest's global setup does not). Once per run, the two databases every test file starts from, so that no file runs initdb,
 * the migrations or five lines' demo seed itself:
 * - `migrated`: on PGlite a dump of a migrated in-memory database; on PostgreSQL a migrated
 *   template database (each test file's database is `create database … template` of it);
 * - `reference`: the same after an app without demo data started on it (reference data, upgrades);
 * - `demo`: the same after a default test app seeded it (reference data, upgrades, demo data),
 *   with the files the demo data uploaded.
 * Prints the environment that tells test files where the templates are, as one JSON line.
 */
async function makeTemplates(): Promise<void> {
  const started = Date.now()
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-templates-'))
  const made: Record<string, string> = { TEST_TEMPLATE_DIR: workDir }
  const adminUrl = process.env.TEST_DATABASE_URL
  let versionText: string
  if (adminUrl) {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    const { rows } = await client.query<{ version: string }>('select version()')
    await client.end()
    versionText = `PostgreSQL server — ${rows[0]?.version ?? 'unknown version'}`
    const migrated = await createPostgresDatabase(adminUrl, { prefix: 'lgh_template_migrated' })
    await (await openDatabase({ databaseUrl: migrated.url })).close()
    made[TEMPLATE_ENV.postgres.migrated] = migrated.name
    const reference = await createPostgresDatabase(adminUrl, { prefix: 'lgh_template_reference', template: migrated.name })
    const referenceHandle = await openDatabase({ databaseUrl: reference.url })
    await seedTemplate(referenceHandle, 'reference', workDir)
    await referenceHandle.close()
    made[TEMPLATE_ENV.postgres.reference] = reference.name
    const demo = await createPostgresDatabase(adminUrl, { prefix: 'lgh_template_demo', template: reference.name })
    const handle = await openDatabase({ databaseUrl: demo.url })
    made[TEMPLATE_ENV.demoUploads] = await seedTemplate(handle, 'demo', workDir)
    await handle.close()
    made[TEMPLATE_ENV.postgres.demo] = demo.name
  } else {
    const handle = await openDatabase({})
    const version = (await handle.db.execute(sql`select version()`)) as unknown as { rows: Array<{ version?: string }> }
    versionText = `PGlite (embedded) — ${version.rows[0]?.version ?? ''}`
    made[TEMPLATE_ENV.pglite.migrated] = await dumpPglite(handle, path.join(workDir, 'migrated.tar'))
    await seedTemplate(handle, 'reference', workDir)
    made[TEMPLATE_ENV.pglite.reference] = await dumpPglite(handle, path.join(workDir, 'reference.tar'))
    made[TEMPLATE_ENV.demoUploads] = await seedTemplate(handle, 'demo', workDir)
    made[TEMPLATE_ENV.pglite.demo] = await dumpPglite(handle, path.join(workDir, 'demo.tar'))
    await handle.close()
  }
  made.TEST_TEMPLATE_SUMMARY = `${versionText}; templates ready in ${Date.now() - started} ms`
  process.stdout.write(`${JSON.stringify(made)}\n`)
}

/**
 * Seeds `handle` as a default test app would (with demo data or without), keeping the files the
 * seed uploaded in a folder of `workDir`, whose path it returns.
 */
async function seedTemplate(handle: DatabaseHandle, start: 'reference' | 'demo', workDir: string): Promise<string> {
  const uploads = path.join(workDir, `${start}-uploads`)
  fs.mkdirSync(uploads)
  const t = await createTestApp({ seedInto: handle, demo: start === 'demo', env: { UPLOAD_DIR: uploads } })
  await t.close()
  return uploads
}

async function dumpPglite(handle: DatabaseHandle, file: string): Promise<string> {
  const dump = await handle.pglite!.dumpDataDir('none')
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  return file
}

makeTemplates().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
