import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { contractWithoutSideEffects, leaveOutTaroTabBar, precompress, preloadFirstPage, splitPageChunks } from './webpack'

const root = path.resolve(__dirname, '..')
// contract/ lives outside src/, and Taro only transpiles src/ and node_modules unless told otherwise.
const sharedSources = [path.join(root, 'contract')]

// The H5 build goes to its own folder so that building one target never overwrites the other.
const outputRoot = process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist'
const production = process.env.NODE_ENV !== 'development'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'lian-gonghui',
    date: '2026-11-23',
    // Every style is drawn on a 750-wide design (88px = 44 CSS px on a phone).
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {},
    // Public build-time settings of the mini-program, always defined (empty when unset) so the
    // code never meets an undefined process.env at run time. Secrets never go here.
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      TARO_APP_CLOUD_SERVICE: JSON.stringify(process.env.TARO_APP_CLOUD_SERVICE ?? ''),
      TARO_APP_SUBSCRIBE_TEMPLATE_STATUS: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_STATUS ?? ''),
      TARO_APP_SUBSCRIBE_TEMPLATE_CASE: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_CASE ?? ''),
      TARO_APP_SUBSCRIBE_TEMPLATE_MEMBERSHIP: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_MEMBERSHIP ?? ''),
    },
    alias: {
      '@': path.join(root, 'src'),
      '@contract': path.join(root, 'contract'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile: { include: sharedSources },
      webpackChain(chain) {
        contractWithoutSideEffects(chain, sharedSources[0]!)
      },
      // Class names are namespaced (lg-*, and each page's under its root), so no rule depends on
      // which stylesheet comes first: the order warning of shared chunks says nothing.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: sharedSources },
      // View, Text, Image, Button, Input and ScrollView as plain HTML elements (React components)
      // instead of Stencil custom elements, whose per-element upgrades were a fifth of the home's
      // time to its grid at 4× CPU (×1.25–1.31 of the bare Taro page before, ×1.18–1.21 after, in
      // alternating runs); Textarea, Switch and Map stay custom elements (Taro has no HTML ones).
      useHtmlComponents: true,
      webpackChain(chain) {
        contractWithoutSideEffects(chain, sharedSources[0]!)
        leaveOutTaroTabBar(chain, path.join(root, 'config', 'taro-tabbar-left-out.js'))
        if (production) {
          splitPageChunks(chain)
          preloadFirstPage(chain, path.join(root, 'src', 'pages', 'home', 'index'))
          precompress(chain)
        }
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
