// The H5 build as a phone's browser meets it: what the home page loads before its service grid
// shows, how long that takes on a slow phone and on a slow link, and what the build copies into
// more than one chunk. Times are ratios against a bare Taro page (../shared/baseline-taro) served
// by the same server and measured in the same run, interleaved, so a busy machine slows both alike.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../../lib/chromium'
import { measureFirstScreen, median, type FirstScreen, type Throttling } from '../../lib/first-screen'
import { buildTarget, h5BuildIsStale, h5Dir, root } from '../../lib/h5-build'
import { duplication, readChunks } from '../../lib/h5-chunks'
import { startH5Server, type H5Server } from '../../lib/server-process'
import type { BenchRow, ClientBenchSection } from '../section'

const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5)
const SLOW_RUNS = Number(process.env.BENCH_SLOW_RUNS ?? 3)
const CPU_SLOWDOWN = 4
/** Chrome DevTools' "Slow 3G" as the issue states it: 1.6 Mbps down, 300 ms round trip. */
const SLOW_3G: Throttling = { network: { rttMs: 300, downKbps: 1600, upKbps: 750 } }

const baselineSource = process.env.BASELINE_TARO_DIR ?? path.resolve(root, '..', 'shared', 'baseline-taro')
/** `../shared` is read-only where the bench runs: the baseline is copied and built here. */
const baselineCopy = path.join(root, '.cache', 'baseline-taro')

interface Subject {
  name: string
  url: string
  /** The element whose arrival is the first useful screen. */
  ready: string
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** Writes `.br` and `.gz` next to each text file, as config/webpack.ts does for our build. */
function compressTextFiles(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) compressTextFiles(file)
    else if (/\.(js|css|html|svg|json)$/.test(entry.name)) {
      const content = fs.readFileSync(file)
      fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }))
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }))
    }
  }
}

/**
 * The bare Taro page, built once into .cache (its README: `npm install`, `npm run build:h5`), with
 * its text files compressed as our build compresses its own, so both are served alike.
 */
function ensureBaselineBuild(): string {
  const dist = path.join(baselineCopy, 'dist-h5')
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    if (!fs.existsSync(path.join(baselineSource, 'package.json')))
      throw new Error(`the bare Taro page is not at ${baselineSource} (set BASELINE_TARO_DIR)`)
    fs.mkdirSync(baselineCopy, { recursive: true })
    fs.cpSync(baselineSource, baselineCopy, { recursive: true, filter: (source) => !/[\\/](node_modules|dist|dist-h5)$/.test(source) })
    const npm = (args: string[]) =>
      execFileSync('npm', args, { cwd: baselineCopy, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
    // With NODE_ENV=production npm leaves out devDependencies, and the page's babel plugin is one.
    if (!fs.existsSync(path.join(baselineCopy, 'node_modules', 'babel-plugin-import')))
      npm(['install', '--no-audit', '--no-fund', '--include=dev'])
    npm(['run', 'build:h5'])
  }
  if (!fs.existsSync(path.join(dist, 'index.html.br'))) compressTextFiles(dist)
  return dist
}

const sum = (files: FirstScreen['scripts'], key: 'transferred' | 'decoded') => files.reduce((total, file) => total + file[key], 0)

/** Alternates the subjects run by run, so a slower moment of the machine falls on both. */
async function interleaved(browser: Browser, subjects: readonly Subject[], runs: number, throttling: Throttling): Promise<FirstScreen[][]> {
  const results: FirstScreen[][] = subjects.map(() => [])
  for (let run = 0; run < runs; run += 1) {
    for (const [index, subject] of subjects.entries())
      results[index]!.push(await measureFirstScreen(browser, subject.url, subject.ready, throttling))
  }
  return results
}

function bytesRow(label: string, screen: FirstScreen, baseline: FirstScreen, kind: 'scripts' | 'stylesheets', target?: string): BenchRow {
  const decoded = sum(screen[kind], 'decoded')
  const ratio = decoded / Math.max(1, sum(baseline[kind], 'decoded'))
  return {
    label,
    text: `${kib(decoded)} (${kib(sum(screen[kind], 'transferred'))} compressed) in ${screen[kind].length} files; bare page ${kib(sum(baseline[kind], 'decoded'))} (${kib(sum(baseline[kind], 'transferred'))}): ×${ratio.toFixed(2)}`,
    target,
  }
}

export const h5: ClientBenchSection = {
  name: `H5 home page in headless Chromium (fresh visit each run, against the bare Taro page)`,
  async run() {
    if (h5BuildIsStale()) buildTarget('h5')
    const baselineDist = ensureBaselineBuild()

    const chunks = readChunks(h5Dir)
    const copies = duplication(chunks)
    const largest = copies.largest
    const rows: BenchRow[] = [
      { label: 'H5 build: JavaScript', text: `${mib(chunks.reduce((total, chunk) => total + chunk.bytes, 0))} in ${chunks.length} chunks` },
      {
        label: 'H5 build: module copies across chunks',
        text: `${mib(copies.bytes)} of copies, ${copies.modules} modules${largest ? `; largest ${kib(largest.bytes)} ×${largest.copies}` : ''}`,
        target: '≤ 0.30 MiB',
      },
    ]

    const servers: H5Server[] = []
    const browser = await launchBrowser()
    try {
      // What is measured is the page in the browser: the servers run no scheduled jobs, and shed no
      // API call because Chromium at full tilt starves their event loop (a refused catalogue request
      // is asked again after a second, and made a run seconds slower than its neighbours).
      const quiet = { RUN_JOBS: 'false', MAX_EVENT_LOOP_DELAY_MS: '0' }
      const app = await startH5Server(h5Dir, quiet)
      servers.push(app)
      const bare = await startH5Server(baselineDist, quiet)
      servers.push(bare)
      const subjects: Subject[] = [
        { name: 'home', url: `${app.url}/`, ready: '.lg-grid__tile' },
        { name: 'bare', url: `${bare.url}/`, ready: '.nut-button' },
      ]
      // One unmeasured visit each: the servers' first answers (file reads, the catalogue query) are not what is measured.
      await interleaved(browser, subjects, 1, {})

      const [home, baseline] = await interleaved(browser, subjects, RUNS, { cpu: CPU_SLOWDOWN })
      const homeMs = median(home!.map((screen) => screen.ms))
      const bareMs = median(baseline!.map((screen) => screen.ms))
      rows.push(
        bytesRow('home: JavaScript before the grid', home![0]!, baseline![0]!, 'scripts', '≤ ×1.30 of the bare page'),
        bytesRow('home: CSS before the grid', home![0]!, baseline![0]!, 'stylesheets'),
        {
          label: `time to grid, ${CPU_SLOWDOWN}× CPU, median of ${RUNS}`,
          text: `${seconds(homeMs)} against the bare page's ${seconds(bareMs)}: ×${(homeMs / bareMs).toFixed(2)}`,
          target: '≤ ×1.20',
        },
      )

      const [slowHome, slowBare] = await interleaved(browser, subjects, SLOW_RUNS, SLOW_3G)
      rows.push({
        label: `time to grid, slow 3G, median of ${SLOW_RUNS}`,
        text: `${seconds(median(slowHome!.map((screen) => screen.ms)))} (bare page ${seconds(median(slowBare!.map((screen) => screen.ms)))})`,
        target: '≤ 2.50 s',
      })
    } finally {
      await browser.close()
      for (const server of servers) await server.stop()
    }
    return rows
  },
}
