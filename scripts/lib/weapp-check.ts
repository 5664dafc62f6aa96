import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Checks a WeChat build (`dist/`) with WeChat's own compilers, offline: `wcc` over every
 * .wxml/.wxs and `wcsc` over every .wxss (real syntax errors, as DevTools would report them),
 * plus the package size limits. Optionally miniprogram-ci's code-quality checks.
 */
export interface WeappCheckOptions {
  /** Largest main package allowed, in bytes (WeChat allows 2 MB; we hold ourselves to 1 MiB). */
  mainPackageLimit?: number
  /** Largest subpackage allowed, in bytes. */
  subPackageLimit?: number
  /** Also run miniprogram-ci's offline analysis (slower; needs the npm package). */
  withMiniprogramCi?: boolean
}

export interface WeappCheckResult {
  ok: boolean
  errors: string[]
  packages: Array<{ root: string; bytes: number; limit: number }>
  files: { wxml: number; wxs: number; wxss: number }
  notes: string[]
}

const KiB = 1024

function listFiles(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full)
      } else out.push(path.relative(root, full).split(path.sep).join('/'))
    }
  }
  walk(root)
  return out.sort()
}

function compilerPath(name: 'wcc' | 'wcsc'): string {
  const packageDir = path.dirname(require.resolve('miniprogram-compiler/package.json'))
  const binary = path.join(packageDir, 'bin', 'linux', name)
  // npm does not keep the executable bit on these files.
  try {
    fs.accessSync(binary, fs.constants.X_OK)
  } catch {
    fs.chmodSync(binary, 0o755)
  }
  return binary
}

function runCompiler(binary: string, args: string[], cwd: string): { ok: boolean; message: string } {
  const result = spawnSync(binary, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) return { ok: false, message: `${path.basename(binary)} could not run: ${result.error.message}` }
  const message = `${result.stderr ?? ''}`.trim()
  return { ok: result.status === 0, message: message || `${path.basename(binary)} exited with ${result.status}` }
}

export async function checkWeappBuild(distDir: string, options: WeappCheckOptions = {}): Promise<WeappCheckResult> {
  const mainLimit = options.mainPackageLimit ?? 1024 * KiB
  const subLimit = options.subPackageLimit ?? 2048 * KiB
  const errors: string[] = []
  const notes: string[] = []
  const appJsonPath = path.join(distDir, 'app.json')
  if (!fs.existsSync(appJsonPath)) {
    return {
      ok: false,
      errors: [`${appJsonPath} not found: build the WeChat target first (npm run build:weapp)`],
      packages: [],
      files: { wxml: 0, wxs: 0, wxss: 0 },
      notes,
    }
  }
  const files = listFiles(distDir)
  const wxml = files.filter((file) => file.endsWith('.wxml'))
  const wxs = files.filter((file) => file.endsWith('.wxs'))
  const wxss = files.filter((file) => file.endsWith('.wxss'))

  if (wxml.length + wxs.length > 0) {
    const result = runCompiler(compilerPath('wcc'), ['-d', '-cc', '0', ...wxml, ...wxs, '-gn', '$gwx'], distDir)
    if (!result.ok) errors.push(`wcc: ${result.message}`)
  }
  if (wxss.length > 0) {
    const result = runCompiler(compilerPath('wcsc'), ['-db', '-pc', '0', ...wxss], distDir)
    if (!result.ok) errors.push(`wcsc: ${result.message}`)
  }

  const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((entry) => entry.root.replace(/\/?$/, '/'))
  const sizes = new Map<string, number>([['(main)', 0], ...subRoots.map((root): [string, number] => [root, 0])])
  for (const file of files) {
    if (file === 'project.config.json' || file === 'project.private.config.json' || file.endsWith('.map') || file.endsWith('.LICENSE.txt'))
      continue
    const owner = subRoots.find((root) => file.startsWith(root)) ?? '(main)'
    sizes.set(owner, (sizes.get(owner) ?? 0) + fs.statSync(path.join(distDir, file)).size)
  }
  const packages = [...sizes.entries()].map(([root, bytes]) => ({ root, bytes, limit: root === '(main)' ? mainLimit : subLimit }))
  for (const item of packages) {
    if (item.bytes > item.limit) {
      errors.push(`package ${item.root} is ${(item.bytes / KiB).toFixed(1)} KiB, over the ${(item.limit / KiB).toFixed(0)} KiB limit`)
    }
  }

  if (options.withMiniprogramCi) {
    const quality = await miniprogramCiQuality(distDir)
    errors.push(...quality.errors)
    notes.push(...quality.notes)
  }
  return { ok: errors.length === 0, errors, packages, files: { wxml: wxml.length, wxs: wxs.length, wxss: wxss.length }, notes }
}

/** Checks from miniprogram-ci that work offline; the ones about upload settings are notes. */
async function miniprogramCiQuality(distDir: string): Promise<{ errors: string[]; notes: string[] }> {
  const ci = (await import('miniprogram-ci')) as unknown as {
    Project: new (options: Record<string, unknown>) => unknown
    checkCodeQuality(project: unknown): Promise<Array<{ name: string; success: boolean; text: string }>>
  }
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-mpci-'))
  // The project object insists on a key file; offline checks never use it.
  const keyPath = path.join(keyDir, 'offline-check.key')
  fs.writeFileSync(keyPath, 'offline checks do not sign anything\n')
  try {
    const project = new ci.Project({
      appid: 'touristappid',
      type: 'miniProgram',
      projectPath: path.resolve(distDir),
      privateKeyPath: keyPath,
      ignores: ['node_modules/**/*'],
    })
    const results = await ci.checkCodeQuality(project)
    const blocking = new Set(['PACKAGE_SIZE_LIMIT', 'CONTAINS_OTHER_PKG_JS', 'IMAGE_AND_AUDIO_LIMIT'])
    return {
      errors: results.filter((item) => !item.success && blocking.has(item.name)).map((item) => `miniprogram-ci ${item.name}: ${item.text}`),
      notes: results.map((item) => `${item.success ? 'ok  ' : 'warn'} ${item.name}: ${item.text}`),
    }
  } finally {
    fs.rmSync(keyDir, { recursive: true, force: true })
  }
}
