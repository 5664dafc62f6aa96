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
import { cpuUsedBetween, processCpuMs, processTreeCpuMs } from '../lib/process-cpu'
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
  /** CPU the server's process and the database's processes have used so far, in ms (undefined where /proc is not). */
  cpuSoFar: CpuMeter
  stop(): Promise<void>
}

/** CPU used so far in ms: the server's process, and each of PostgreSQL's (by process id). */
type CpuMeter = () => { server?: number; database?: ReadonlyMap<number, number> }

async function startServer(databaseUrl: string | undefined, databasePid: number | undefined): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-bench-'))
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.DATABASE_URL
  const child = fork(path.join(__dirname, 'server.ts'), [], {
    cwd: root,
    // `BENCH_CPU_PROFILE=dir`: the server writes a V8 CPU profile there as it stops (open it in Chrome's DevTools).
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []),
    ],
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
    cpuSoFar: () => ({
      server: child.pid === undefined ? undefined : processCpuMs(child.pid),
      database: databasePid === undefined ? undefined : processTreeCpuMs(databasePid),
    }),
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

async function run(request: ReturnType<typeof autocannonRequest>, seconds: number, cpuSoFar?: CpuMeter): Promise<Figures> {
  const before = cpuSoFar?.()
  const result = await autocannon({ ...request, duration: seconds })
  const after = cpuSoFar?.()
  const shed = (result.statusCodeStats as Record<string, { count: number } | undefined>)['503']?.count ?? 0
  const answers = Math.max(1, result['2xx'] + result.non2xx)
  const perAnswer = (ms: number | undefined) => (ms === undefined ? undefined : (ms * 1000) / answers)
  const server = perAnswer(before?.server === undefined || after?.server === undefined ? undefined : after.server - before.server)
  const database = perAnswer(before?.database && after?.database ? cpuUsedBetween(before.database, after.database) : undefined)
  return {
    rps: result['2xx'] / seconds,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx - shed,
    shed,
    ...(server === undefined ? {} : { cpu: { server, ...(database === undefined ? {} : { database }) } }),
  }
}

async function measureOn(base: string, route: string, options: MeasureOptions = {}, cpuSoFar?: CpuMeter): Promise<Figures> {
  const request = autocannonRequest(base, route, options)
  // Warm up first so JIT and connection set-up do not count.
  await run(request, 2)
  return run(request, SECONDS, cpuSoFar)
}

/** Slices of equal length, alternating, summed: the figures of two routes measured side by side. */
const SLICES = 4

/**
 * The route and the cached catalogue (the yardstick of every ratio) in alternating slices of the
 * same run: on a shared machine a slow stretch then falls on both, so their ratio holds where two
 * figures taken a minute apart did not. p99 is the median of the slices' (one stalled slice, a
 * vacuum say, does not stand for the run).
 */
async function compareOn(
  base: string,
  route: string,
  options: MeasureOptions = {},
  cpuSoFar?: CpuMeter,
): Promise<{ figures: Figures; baseline: Figures }> {
  const request = autocannonRequest(base, route, options)
  const yardstick = autocannonRequest(base, YARDSTICK, {})
  await run(yardstick, 2)
  await run(request, 2)
  const slices: Array<{ figures: Figures; baseline: Figures }> = []
  for (let slice = 0; slice < SLICES; slice += 1) {
    const baseline = await run(yardstick, SECONDS / SLICES, cpuSoFar)
    slices.push({ baseline, figures: await run(request, SECONDS / SLICES, cpuSoFar) })
  }
  const combine = (pick: (slice: { figures: Figures; baseline: Figures }) => Figures): Figures => {
    const all = slices.map(pick)
    // Per answer over the slices together: each slice weighs as many answers as it gave.
    const answers = (figures: Figures) => figures.rps + figures.shed / (SECONDS / SLICES)
    const weighed = (pick: (cpu: NonNullable<Figures['cpu']>) => number | undefined) => {
      if (all.some((figures) => figures.cpu === undefined || pick(figures.cpu) === undefined)) return undefined
      const total = all.reduce((sum, figures) => sum + answers(figures), 0)
      return all.reduce((sum, figures) => sum + pick(figures.cpu!)! * answers(figures), 0) / Math.max(total, 1e-9)
    }
    const server = weighed((cpu) => cpu.server)
    const database = weighed((cpu) => cpu.database)
    return {
      rps: all.reduce((sum, figures) => sum + figures.rps, 0) / all.length,
      p99: median(all.map((figures) => figures.p99)),
      errors: all.reduce((sum, figures) => sum + figures.errors, 0),
      shed: all.reduce((sum, figures) => sum + figures.shed, 0),
      ...(server === undefined ? {} : { cpu: { server, ...(database === undefined ? {} : { database }) } }),
    }
  }
  return { figures: combine((slice) => slice.figures), baseline: combine((slice) => slice.baseline) }
}

interface DatabaseRun {
  database: string
  rows: BenchRow[]
}

async function runServerSections(database: string, databaseUrl?: string, databasePid?: number): Promise<DatabaseRun> {
  const server = await startServer(databaseUrl, databasePid)
  const rows: BenchRow[] = []
  try {
    for (const section of serverSections) {
      const measure = (route: string, options?: MeasureOptions) => measureOn(server.url, route, options, server.cpuSoFar)
      const compare = (route: string, options?: MeasureOptions) => compareOn(server.url, route, options, server.cpuSoFar)
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

const micros = (value: number) => `${value.toFixed(0)} µs`

/** Where an answer's CPU went: the server, and PostgreSQL's own processes; the yardstick's beside it. */
function cpuCell(row: BenchRow): string {
  const cpu = row.figures?.cpu
  if (!cpu) return ''
  const database = cpu.database === undefined ? '' : ` + database ${micros(cpu.database)}`
  const yardstick = row.baseline?.cpu ? ` (yardstick ${micros(row.baseline.cpu.server + (row.baseline.cpu.database ?? 0))})` : ''
  return `server ${micros(cpu.server)}${database}${yardstick}`
}

function printTable(runs: DatabaseRun[], heading: string, show: (row: BenchRow) => string, withTarget: boolean): void {
  const labels = [...new Set(runs.flatMap((run) => run.rows.filter((row) => show(row) !== '').map((row) => row.label)))]
  if (labels.length === 0) return
  const width = Math.max(...labels.map((label) => label.length), heading.length, 10) + 2
  console.log(`\n${heading.padEnd(width)}${runs.map((run) => run.database.padEnd(64)).join('')}${withTarget ? 'target' : ''}`)
  for (const label of labels) {
    const cells = runs.map((run) => {
      const row = run.rows.find((candidate) => candidate.label === label)
      return (row ? show(row) : '—').padEnd(64)
    })
    const target = withTarget ? (runs.flatMap((run) => run.rows).find((row) => row.label === label)?.target ?? '') : ''
    console.log(`${label.padEnd(width)}${cells.join('')}${target}`)
  }
}

function printSideBySide(runs: DatabaseRun[]): void {
  printTable(runs, '', cell, true)
  // On a shared machine req/s moves with everything else running; CPU per answer says what a request costs.
  printTable(runs, 'CPU per answer', cpuCell, false)
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
      runs.push(await runServerSections('PostgreSQL', cluster.url, cluster.pid))
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
