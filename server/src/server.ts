import { bootApp } from './boot'
import { ConfigError, loadConfig } from './config'

/** Process entry: configuration, database, seed, listen; and a clean stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(78) // EX_CONFIG
    }
    throw error
  }

  const { app, database } = await bootApp(config, { seedDemo: config.seedDemo })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down')
    // In-flight requests finish; a stuck one does not hold the process forever.
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    try {
      await app.close()
      process.exit(0)
    } catch (error) {
      app.log.error({ err: error }, 'error while shutting down')
      process.exit(1)
    }
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))

  await app.listen({ host: config.host, port: config.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  app.log.info({ port, database: database.kind, authMode: config.authMode }, 'listening')
  if (process.send) process.send({ type: 'listening', port })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
