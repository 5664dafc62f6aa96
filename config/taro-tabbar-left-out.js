// Stands in for Taro's H5 tab bar element in its router's imports (config/webpack.ts,
// leaveOutTaroTabBar): the app draws its own tab bar in a browser (src/components/tab-bar).
export function defineCustomElementTaroTabbar() {
  throw new Error("Taro's H5 tab bar is left out of this build: keep tabBar.custom on for H5 in src/app.config.ts")
}
