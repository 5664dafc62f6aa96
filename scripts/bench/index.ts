// `npm run bench`: the figures the issues ask for, on the embedded database and on a real
// PostgreSQL server in one run, printed side by side (these machines are noisy: compare ratios
// within a run, not absolute times across runs). A measurement, not a test: nothing here fails.
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { median } from '../lib/first-screen'
import { findPostgresBin, startPostgresCluster } from '../lib/postgres-cluster'
import type { BenchRow, Figures, MeasureOptions } from './section'
import { clientSections, serverSections } from './sections'

const root = path.resolve(__dirname, '..', '..')
const CONNECTIONS = 50
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
/** Every ratio's yardstick: the cached service catalogue, the cheapest read there is. */
const YARDSTICK = '/api/services'

interface BenchServer {
  url: string
  prepared: Record<string, unknown>
  stop(): Promise<void>
}

async function startServer(databaseUrl: string | undefined): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-bench-'))
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.DATABASE_URL
  const child = fork(path.join(__dirname, 'server.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: {
      ...env,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      // Requests still in flight when a run ends fail as the server stops; errors during a run are counted in the figures.
      LOG_LEVEL: 'fatal',
      AUTH_SECRET: randomBytes(48).toString('base64'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      WECHAT_APPID: 'bench',
      WECHAT_SECRET: 'bench',
      // The bench drives many users from one address: the per-address limits are not what is measured.
      LOGIN_RATE_LIMIT: '1000000',
      RUN_JOBS: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ready = await new Promise<{ port: number; prepared: Record<string, unknown> }>((resolve, reject) => {
    child.on('message', (message: { type?: string; port?: number; prepared?: Record<string, unknown> }) => {
      if (message.type === 'ready' && message.port) resolve({ port: message.port, prepared: message.prepared ?? {} })
    })
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  return {
    url: `http://127.0.0.1:${ready.port}`,
    prepared: ready.prepared,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function autocannonRequest(base: string, route: string, options: MeasureOptions) {
  return {
    url: `${base}${route}`,
    method: options.method ?? 'GET',
    connections: options.connections ?? CONNECTIONS,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  }
}

async function run(request: ReturnType<typeof autocannonRequest>, seconds: number): Promise<Figures> {
  const result = await autocannon({ ...request, duration: seconds })
  const shed = (result.statusCodeStats as Record<string, { count: number } | undefined>)['503']?.count ?? 0
  return { rps: result['2xx'] / seconds, p99: result.latency.p99, errors: result.errors + result.non2xx - shed, shed }
}

async function measureOn(base: string, route: string, options: MeasureOptions = {}): Promise<Figures> {
  const request = autocannonRequest(base, route, options)
  // Warm up first so JIT and connection set-up do not count.
  await run(request, 2)
  return run(request, SECONDS)
}

/** Slices of equal length, alternating, summed: the figures of two routes measured side by side. */
const SLICES = 4

/**
 * The route and the cached catalogue (the yardstick of every ratio) in alternating slices of the
 * same run: on a shared machine a slow stretch then falls on both, so their ratio holds where two
 * figures taken a minute apart did not. p99 is the median of the slices' (one stalled slice, a
 * vacuum say, does not stand for the run).
 */
async function compareOn(base: string, route: string, options: MeasureOptions = {}): Promise<{ figures: Figures; baseline: Figures }> {
  const request = autocannonRequest(base, route, options)
  const yardstick = autocannonRequest(base, YARDSTICK, {})
  await run(yardstick, 2)
  await run(request, 2)
  const slices: Array<{ figures: Figures; baseline: Figures }> = []
  for (let slice = 0; slice < SLICES; slice += 1) {
    const baseline = await run(yardstick, SECONDS / SLICES)
    slices.push({ baseline, figures: await run(request, SECONDS / SLICES) })
  }
  const combine = (pick: (slice: { figures: Figures; baseline: Figures }) => Figures): Figures => {
    const all = slices.map(pick)
    return {
      rps: all.reduce((sum, figures) => sum + figures.rps, 0) / all.length,
      p99: median(all.map((figures) => figures.p99)),
      errors: all.reduce((sum, figures) => sum + figures.errors, 0),
      shed: all.reduce((sum, figures) => sum + figures.shed, 0),
    }
  }
  return { figures: combine((slice) => slice.figures), baseline: combine((slice) => slice.baseline) }
}

interface DatabaseRun {
  database: string
  rows: BenchRow[]
}

async function runServerSections(database: string, databaseUrl: string | undefined): Promise<DatabaseRun> {
  const server = await startServer(databaseUrl)
  const rows: BenchRow[] = []
  try {
    for (const section of serverSections) {
      const measure = (route: string, options?: MeasureOptions) => measureOn(server.url, route, options)
      const compare = (route: string, options?: MeasureOptions) => compareOn(server.url, route, options)
      rows.push(...(await section.run({ url: server.url, database, prepared: server.prepared[section.name], measure, compare })))
    }
  } finally {
    await server.stop()
  }
  return { database, rows }
}

function cell(row: BenchRow): string {
  if (row.text !== undefined) return row.text
  if (!row.figures) return ''
  const { rps, p99, errors, shed } = row.figures
  const ratio = row.baseline ? `  ×${(rps / row.baseline.rps).toFixed(2)} of ${row.baseline.rps.toFixed(0)}` : ''
  return `${rps.toFixed(0).padStart(6)} req/s p99 ${String(p99).padStart(4)} ms${ratio}${shed ? ` shed ${shed}` : ''}${errors ? ` errors ${errors}` : ''}`
}

function printSideBySide(runs: DatabaseRun[]): void {
  const labels = [...new Set(runs.flatMap((run) => run.rows.map((row) => row.label)))]
  const width = Math.max(...labels.map((label) => label.length), 10) + 2
  console.log(`\n${''.padEnd(width)}${runs.map((run) => run.database.padEnd(64)).join('')}target`)
  for (const label of labels) {
    const cells = runs.map((run) => {
      const row = run.rows.find((candidate) => candidate.label === label)
      return (row ? cell(row) : '—').padEnd(64)
    })
    const target = runs.flatMap((run) => run.rows).find((row) => row.label === label)?.target ?? ''
    console.log(`${label.padEnd(width)}${cells.join('')}${target}`)
  }
}

async function main(): Promise<void> {
  console.log(`Benchmark: ${CONNECTIONS} connections, ${SECONDS} s per endpoint, ${os.cpus().length} CPUs, Node ${process.version}`)
  // `BENCH_DATABASES=postgres` (or `pglite`) measures on one of the two while working on a section.
  const databases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',')
  const runs: DatabaseRun[] = []
  if (serverSections.length === 0) databases.length = 0
  if (databases.includes('pglite')) runs.push(await runServerSections('PGlite', undefined))
  if (databases.includes('postgres') && findPostgresBin()) {
    const cluster = await startPostgresCluster()
    try {
      runs.push(await runServerSections('PostgreSQL', cluster.url))
    } finally {
      cluster.stop()
    }
  } else if (databases.includes('postgres')) {
    console.log('PostgreSQL server binaries not found (apt-get install -y postgresql): PGlite only')
  }
  if (runs.length) printSideBySide(runs)
  for (const section of clientSections) {
    console.log(`\n${section.name}`)
    for (const row of await section.run())
      console.log(`  ${row.label.padEnd(40)} ${row.text ?? ''}${row.target ? `   target ${row.target}` : ''}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
