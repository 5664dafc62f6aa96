import zlib from 'node:zlib'
import CompressionPlugin from 'compression-webpack-plugin'
import type { ChunkGroup, Compilation, Compiler } from 'webpack'
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

interface HtmlTag {
  tagName: string
  voidTag: boolean
  attributes: Record<string, string | boolean>
  meta: Record<string, unknown>
}

interface HtmlPluginClass {
  getHooks(compilation: Compilation): {
    alterAssetTagGroups: { tap(name: string, alter: (data: { headTags: HtmlTag[]; publicPath: string }) => unknown): void }
  }
}

/**
 * The page a bare address opens comes in a chunk the browser learns of only once the app's code
 * has run: one more round trip before the first screen (0.3 s on a slow 3G link). Its files are
 * named in index.html as preloads, so they download alongside the app's own.
 */
class PreloadFirstPage {
  constructor(private readonly pageModule: string) {}

  /** The page's chunk group: the one its import() opened, found by the request or by the page's own module. */
  private pageGroup(compilation: Compilation): ChunkGroup | undefined {
    const isPage = (resource: string | undefined) =>
      !!resource && resource.replace(/\?.*$/, '').replace(/\.[jt]sx?$/, '') === this.pageModule
    return compilation.chunkGroups.find(
      (group) =>
        group.origins.some((origin) => origin.request === this.pageModule) ||
        group.chunks.some((chunk) =>
          compilation.chunkGraph.getChunkModules(chunk).some((module) => {
            const root = (module as { rootModule?: { resource?: string } }).rootModule ?? (module as { resource?: string })
            return isPage(root.resource)
          }),
        ),
    )
  }

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap('PreloadFirstPage', (compilation) => {
      // Taro's own html-webpack-plugin, whichever copy it loaded: its hooks are per class.
      const htmlPlugin = compiler.options.plugins.find((plugin) => plugin?.constructor.name === 'HtmlWebpackPlugin')
      if (!htmlPlugin) return
      ;(htmlPlugin.constructor as unknown as HtmlPluginClass).getHooks(compilation).alterAssetTagGroups.tap('PreloadFirstPage', (data) => {
        const page = this.pageGroup(compilation)
        if (!page) {
          compilation.warnings.push(new compiler.webpack.WebpackError(`PreloadFirstPage: no chunk group for ${this.pageModule}`))
          return data
        }
        for (const file of page.chunks.flatMap((chunk) => [...chunk.files])) {
          const as = file.endsWith('.js') ? 'script' : file.endsWith('.css') ? 'style' : undefined
          if (!as) continue
          data.headTags.push({
            tagName: 'link',
            voidTag: true,
            attributes: { rel: 'preload', as, href: `${data.publicPath}${file}` },
            meta: { plugin: 'PreloadFirstPage' },
          })
        }
        return data
      })
    })
  }
}

/** Preloads the chunks of `pageModule` (absolute path without extension, as Taro imports pages). */
export function preloadFirstPage(chain: Chain, pageModule: string): void {
  chain.plugin('preload-first-page').use(PreloadFirstPage, [pageModule])
}

/**
 * With the H5 tab bar drawn by the app (`tabBar.custom` for H5 in src/app.config.ts), Taro's
 * router never defines its own tab bar element, yet still imports it, and with it the Stencil
 * runtime: about 50 KiB of the home's up-front JavaScript. The router's import is pointed at
 * `replacement`, which throws if it is ever called (the custom flag dropped) rather than leaving
 * the app without a tab bar unnoticed.
 */
class LeaveOutTaroTabBar {
  constructor(private readonly replacement: string) {}

  apply(compiler: Compiler): void {
    new compiler.webpack.NormalModuleReplacementPlugin(
      /^@tarojs\/components\/dist\/components$/,
      (resource: { context?: string; request?: string }) => {
        if (resource.context && /[\\/]@tarojs[\\/]router[\\/]/.test(resource.context)) resource.request = this.replacement
      },
    ).apply(compiler)
  }
}

export function leaveOutTaroTabBar(chain: Chain, replacement: string): void {
  chain.plugin('leave-out-taro-tabbar').use(LeaveOutTaroTabBar, [replacement])
}
