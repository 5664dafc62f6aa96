// `npm run bench`: starts the server on a fresh embedded database (or DATABASE_URL) and prints
// throughput and tail latency of two endpoints under 50 connections. A measurement, not a test.
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'

const root = path.resolve(__dirname, '..')
const CONNECTIONS = 50
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)

async function startServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-bench-'))
  const child = fork(path.join(root, 'server', 'src', 'server.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      AUTH_SECRET: randomBytes(48).toString('base64'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      WECHAT_APPID: 'bench',
      WECHAT_SECRET: 'bench',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.on(
      'message',
      (message: { type?: string; port?: number }) => message.type === 'listening' && message.port && resolve(message.port),
    )
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function measure(url: string): Promise<{ rps: number; p99: number; errors: number }> {
  // Warm up first so JIT and connection setup do not count.
  await autocannon({ url, connections: CONNECTIONS, duration: 2 })
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS })
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx }
}

async function main(): Promise<void> {
  const server = await startServer()
  try {
    const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)'
    console.log(
      `Benchmark: ${CONNECTIONS} connections, ${SECONDS} s per endpoint, ${database}, ${os.cpus().length} CPUs, Node ${process.version}`,
    )
    const health = await measure(`${server.url}/api/health`)
    const services = await measure(`${server.url}/api/services`)
    const row = (name: string, figures: { rps: number; p99: number; errors: number }) =>
      console.log(
        `  ${name.padEnd(18)} ${figures.rps.toFixed(0).padStart(7)} req/s   p99 ${String(figures.p99).padStart(4)} ms   errors ${figures.errors}`,
      )
    row('GET /api/health', health)
    row('GET /api/services', services)
    console.log(`  ratio services/health: ${(services.rps / health.rps).toFixed(2)}`)
  } finally {
    await server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
