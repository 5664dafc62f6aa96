/**
 * The same app in a browser (公众号 menus and SMS links open it as H5): what Taro's H5 runtime
 * leaves for us to do.
 */

/**
 * Taro's H5 tab bar draws its items as `<a href="javascript:;">`. Following such a link is inline
 * script, which our Content-Security-Policy blocks (and reports) on every tab tap; the item's own
 * click handler does the switching. Cancelling the link's default action stops the blocked
 * navigation and leaves the handler alone.
 */
export function cancelScriptLinks(root: Document): void {
  root.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="javascript:"]')
      if (link) event.preventDefault()
    },
    true,
  )
}

export function installH5Shell(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  cancelScriptLinks(document)
}
