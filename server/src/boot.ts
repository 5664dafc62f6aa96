import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app'
import type { Config } from './config'
import { openDatabase, type DatabaseHandle } from './db/client'
import { serviceLines } from './lines/registry'
import { seedDemoData } from './seed/demo'
import { seedReferenceData } from './seed/reference'
import { upgradeData } from './seed/upgrade'

/**
 * The app as a process runs it: its database (PostgreSQL when DATABASE_URL is set, else PGlite
 * in DATA_DIR), reference data, every line, data upgrades, and the demo data when asked for.
 * The server's entry and the benchmark's server both start here, so they measure the same thing.
 */
export async function bootApp(config: Config, options: { seedDemo: boolean }): Promise<{ app: FastifyInstance; database: DatabaseHandle }> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDataDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
  })
  await seedReferenceData(database.db, serviceLines)
  const app = await buildApp({ config, database, lines: serviceLines })
  await upgradeData(app.systemContext(), serviceLines)
  if (options.seedDemo) await seedDemoData(app.systemContext(), serviceLines)
  return { app, database }
}
