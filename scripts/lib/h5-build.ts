import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const root = path.resolve(__dirname, '..', '..')
export const h5Dir = path.join(root, 'dist-h5')
const stampFile = path.join(h5Dir, '.build-stamp')

/** Everything the H5 build is made from. */
const inputs = ['src', 'contract', 'config', 'types', 'babel.config.js', 'package.json', 'package-lock.json', 'tsconfig.json']

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

/** Missing, or older than one of its inputs. */
export function h5BuildIsStale(): boolean {
  if (!fs.existsSync(path.join(h5Dir, 'index.html')) || !fs.existsSync(stampFile)) return true
  const builtAt = fs.statSync(stampFile).mtimeMs
  return inputs.some((input) => newestMtime(path.join(root, input)) > builtAt)
}

/** Runs `taro build` for a target; throws with Taro's output when it fails. */
export function buildTarget(target: 'h5' | 'weapp', extraEnv: Record<string, string> = {}): void {
  const started = Date.now()
  const result = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', target], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // A build takes one to three minutes here; a hung one fails instead of holding CI.
    timeout: 12 * 60_000,
    killSignal: 'SIGKILL',
  })
  if (result.status !== 0) {
    throw new Error(`taro build --type ${target} failed:\n${(result.stdout ?? '').slice(-4000)}\n${(result.stderr ?? '').slice(-4000)}`)
  }
  if (target === 'h5') fs.writeFileSync(stampFile, new Date().toISOString())
  console.log(`built ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
