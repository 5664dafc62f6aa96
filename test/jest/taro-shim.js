// `@tarojs/taro` for page tests in jsdom: the H5 implementation of the API plus the React hooks
// from the framework runtime, wired to this React the way the H5 build does it.
const React = require('react')
const ReactDOM = require('react-dom')
const runtime = require('@tarojs/plugin-framework-react/dist/runtime')
const taroH5 = require('@tarojs/taro-h5')

runtime.createH5NativeComponentConfig(null, React, ReactDOM)

// The default export carries every API, as `@tarojs/taro` does in a real build.
const Taro = Object.assign({}, taroH5.default, taroH5)
delete Taro.default
const hooks = [
  'useDidShow',
  'useDidHide',
  'useLaunch',
  'useLoad',
  'useReady',
  'useUnload',
  'useRouter',
  'usePullDownRefresh',
  'useReachBottom',
  'usePageScroll',
  'useShareAppMessage',
  'useTabItemTap',
]
for (const name of hooks) Taro[name] = runtime[name]

module.exports = Taro
module.exports.default = Taro
module.exports.__esModule = true
for (const name of hooks) module.exports[name] = runtime[name]
