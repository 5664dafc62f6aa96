import zlib from 'node:zlib'
import CompressionPlugin from 'compression-webpack-plugin'
import type Chain from 'webpack-chain'

/**
 * contract/ holds definitions only (codes, messages, schemas, page routes): importing one of its
 * modules does nothing else. Said to webpack, a module whose exports nobody uses is left out, so
 * the app loads zod only where it validates a form, not for the error codes it shows.
 */
export function contractWithoutSideEffects(chain: Chain, contractDir: string): void {
  // `sideEffects` is a rule setting webpack-chain's types leave out.
  chain.module.rule('contract-side-effect-free').test(/\.ts$/).include.add(contractDir).end().set('sideEffects', false)
}

/**
 * Taro splits only the entry's code (`chunks: 'initial'`), so every page chunk, each loaded on
 * demand, carried its own copy of the component runtime and of our shared components. Split the
 * pages' chunks too: code two pages share goes into a chunk of its own, loaded once and cached,
 * and a page's chunk holds only its own code. Taro's groups (its runtime, other packages, our
 * common code) stay as they are, unnamed, so a page loads only the shared chunks it uses.
 */
export function splitPageChunks(chain: Chain): void {
  const splitChunks = chain.optimization.get('splitChunks') as Record<string, unknown> | false | undefined
  if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' })
}

// What a browser downloads as text.
const compressible = /\.(js|css|html|svg|json)$/

/**
 * Each text file also brotli- and gzip-compressed next to it (`app.1a2b.js.br`, `.gz`): the
 * server sends the one the browser accepts (server/src/app.ts) and compresses nothing itself.
 * Files that hardly shrink are left as they are.
 */
export function precompress(chain: Chain): void {
  chain.plugin('gzip').use(CompressionPlugin, [{ test: compressible, algorithm: 'gzip', filename: '[path][base].gz', threshold: 512 }])
  chain.plugin('brotli').use(CompressionPlugin, [
    {
      test: compressible,
      algorithm: 'brotliCompress',
      filename: '[path][base].br',
      threshold: 512,
      compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } },
    },
  ])
}
