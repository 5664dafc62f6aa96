// The server as `npm run bench` runs it: the real app in production mode on a fresh database
// with the demo data, plus each bench section's `prepare` before it listens. Started by
// scripts/bench/index.ts as a child process, so load and measurement do not share a CPU's loop.
import path from 'node:path'
import { buildApp } from '../../server/src/app'
import { loadConfig } from '../../server/src/config'
import { openDatabase } from '../../server/src/db/client'
import { serviceLines } from '../../server/src/lines/registry'
import { seedDemoData } from '../../server/src/seed/demo'
import { seedReferenceData } from '../../server/src/seed/reference'
import { upgradeData } from '../../server/src/seed/upgrade'
import { serverSections } from './sections'

async function main(): Promise<void> {
  const config = loadConfig()
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDataDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
  })
  await seedReferenceData(database.db, serviceLines)
  const app = await buildApp({ config, database, lines: serviceLines })
  await upgradeData(app.systemContext(), serviceLines)
  await seedDemoData(app.systemContext(), serviceLines)
  const prepared: Record<string, unknown> = {}
  for (const section of serverSections) if (section.prepare) prepared[section.name] = await section.prepare(app)

  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0, prepared })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
