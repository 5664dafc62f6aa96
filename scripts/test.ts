// `npm test`: every check, in the order a failure is cheapest to find.
//   1. typecheck   2. lint   3. unit tests (contract, tools, pages in jsdom)
//   4. API suite on PGlite   5. API suite on a throwaway PostgreSQL server
//   6. WeChat build + WeChat's own compilers   7. H5 build + browser tests in headless Chromium
// All steps run even after a failure (one run tells everything); the exit code is non-zero if
// any failed. `npm test -- --only api-pglite,browser` runs a subset while developing.
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { buildTarget, root } from './lib/h5-build'
import { startPostgresCluster } from './lib/postgres-cluster'

interface Step {
  name: string
  run(): Promise<void> | void
  /** Steps that must have passed for this one to mean anything. */
  after?: string[]
}

const jestBin = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js')

/** Runs a command; past `minutes` (a generous multiple of its usual length) it is killed and the step
 * fails with its name, instead of a hung step holding CI until CI's own limit. */
function exec(command: string, args: string[], env: Record<string, string> = {}, minutes = 10): void {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    timeout: minutes * 60_000,
    killSignal: 'SIGKILL',
  })
  const name = `${path.basename(command)} ${args.join(' ')}`
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') throw new Error(`${name} killed after ${minutes} min`)
  if (result.status !== 0) throw new Error(`${name} exited with ${result.status ?? result.signal}`)
}

// --maxWorkers: one worker per CPU. Jest's default keeps one CPU for itself, but its own process
// only hands out files and collects results, so on CI's two CPUs that default ran one file at a time.
const workers = `--maxWorkers=${os.availableParallelism()}`

// --forceExit: once every test has finished, the run is over. A handle left open (PGlite's wasm
// runtime in the global setup, a browser child) once kept Jest waiting after "all passed" until
// CI's 90-minute limit; tests that leak are still reported by the step's result, not by a hang.
const jest = (minutes: number, projects: string[], env: Record<string, string> = {}, extraArgs: string[] = []) =>
  exec(
    process.execPath,
    [
      jestBin,
      '--ci',
      '--forceExit',
      ...(extraArgs.includes('--runInBand') ? [] : [workers]),
      ...extraArgs,
      ...projects.flatMap((project) => ['--selectProjects', project]),
    ],
    {
      // PGlite loads Node built-ins with dynamic import(), which Jest's VM allows only with this flag.
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
      ...env,
    },
    minutes,
  )

const steps: Step[] = [
  { name: 'system-deps', run: () => exec('bash', [path.join(root, 'scripts', 'ensure-system-deps.sh')], {}, 20) },
  {
    name: 'typecheck',
    run: () => exec(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json']),
  },
  {
    name: 'lint',
    run: () => {
      exec(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--max-warnings=0', '.'], {}, 8)
      exec(process.execPath, [path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', '--log-level=warn', '.'])
    },
  },
  { name: 'unit', run: () => jest(8, ['contract', 'tools', 'web']) },
  { name: 'api-pglite', run: () => jest(35, ['api']) },
  {
    name: 'api-postgres',
    after: ['system-deps'],
    run: async () => {
      const cluster = await startPostgresCluster()
      console.log(`PostgreSQL for this run: ${cluster.version} at ${cluster.url}`)
      try {
        jest(35, ['api'], { TEST_DATABASE_URL: cluster.url })
      } finally {
        cluster.stop()
      }
    },
  },
  {
    name: 'weapp',
    run: () => {
      buildTarget('weapp')
      exec(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'check-weapp.ts'), path.join(root, 'dist')])
    },
  },
  {
    name: 'browser',
    after: ['system-deps'],
    run: () => {
      buildTarget('h5')
      // One file at a time: each starts its own server and Chromium, and page transitions timed
      // by Taro's router go wrong when two of them fight over two cores.
      jest(35, ['browser'], {}, ['--runInBand'])
    },
  },
]

async function main(): Promise<void> {
  const onlyIndex = process.argv.indexOf('--only')
  const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? '').split(',')) : undefined
  const results: Array<{ name: string; status: 'passed' | 'failed' | 'not run'; seconds: number; detail?: string }> = []
  for (const step of steps) {
    if (only && !only.has(step.name) && step.name !== 'system-deps') continue
    const blocked = step.after?.find((name) => results.find((result) => result.name === name)?.status === 'failed')
    if (blocked) {
      results.push({ name: step.name, status: 'not run', seconds: 0, detail: `needs ${blocked}` })
      continue
    }
    console.log(`\n━━ ${step.name} ━━`)
    const started = Date.now()
    try {
      await step.run()
      results.push({ name: step.name, status: 'passed', seconds: (Date.now() - started) / 1000 })
    } catch (error) {
      results.push({
        name: step.name,
        status: 'failed',
        seconds: (Date.now() - started) / 1000,
        detail: (error as Error).message.split('\n')[0],
      })
    }
  }
  console.log('\n━━ summary ━━')
  for (const result of results) {
    console.log(
      `  ${result.status.padEnd(8)} ${result.name.padEnd(14)} ${result.seconds.toFixed(1).padStart(6)} s${result.detail ? `  (${result.detail})` : ''}`,
    )
  }
  process.exit(results.some((result) => result.status !== 'passed') ? 1 : 0)
}

void main()
