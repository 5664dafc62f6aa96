/**
 * The same app in a browser (公众号 menus and SMS links open it as H5): what Taro's H5 runtime
 * leaves for us to do.
 */

/** Enter or Space on an element `pressable()` (components/button) marked taps it, as on a native button. */
export function installKeyboardPress(root: Document): void {
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    const target = event.target as HTMLElement | null
    if (!target?.matches?.('[data-pressable="true"]')) return
    event.preventDefault()
    target.click()
  })
}

/**
 * Taro's H5 title bar (the page's title, and 返回 or 首页 on a sub-page) draws its two buttons as
 * bare icons: give them their names and the keyboard, like the app's own buttons.
 */
export function labelNavigationBar(root: Document): boolean {
  const bar = root.getElementById('taro-navigation-bar')
  if (!bar) return false
  const controls: Array<[string, string]> = [
    ['.taro-navigation-bar-back', '返回'],
    ['.taro-navigation-bar-home', '首页'],
  ]
  for (const [selector, name] of controls) {
    const control = bar.querySelector<HTMLElement>(selector)
    if (!control) continue
    control.setAttribute('role', 'button')
    control.setAttribute('aria-label', name)
    control.setAttribute('tabindex', '0')
    control.dataset.pressable = 'true'
  }
  bar.querySelector('.taro-navigation-bar-title')?.setAttribute('role', 'heading')
  bar.querySelector('.taro-navigation-bar-title')?.setAttribute('aria-level', '1')
  return true
}

export function installH5Shell(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  installKeyboardPress(document)
  if (!labelNavigationBar(document)) setTimeout(() => labelNavigationBar(document), 0)
}
