// The server as `npm run bench` runs it: the real app in production mode on a fresh database
// with the demo data, plus each bench section's `prepare` before it listens. Started by
// scripts/bench/index.ts as a child process, so load and measurement do not share a CPU's loop.
import { bootApp } from '../../server/src/boot'
import { loadConfig } from '../../server/src/config'
import { serverSections } from './sections'

async function main(): Promise<void> {
  const { app } = await bootApp(loadConfig(), { seedDemo: true })
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
