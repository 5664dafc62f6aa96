import { spawnSync } from 'node:child_process'
import path from 'node:path'

/**
 * Once per run: the databases every test file starts from (see make-templates.ts), made in a
 * child process, whose answer — where the templates are — goes into the environment that every
 * Jest worker inherits. Then say which database the API suite runs on.
 */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..')
  const child = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(__dirname, 'make-templates.ts')],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024, timeout: 5 * 60_000 },
  )
  const answer = child.stdout?.trim().split('\n').pop()
  if (child.status !== 0 || !answer) throw new Error(`making the test database templates failed (${child.status ?? child.signal})`)
  const made = JSON.parse(answer) as Record<string, string>
  for (const [name, value] of Object.entries(made)) process.env[name] = value
  console.log(`\n[api tests] database: ${made.TEST_TEMPLATE_SUMMARY}\n`)
}
