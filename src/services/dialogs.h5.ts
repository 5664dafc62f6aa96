import type { ConfirmOptions } from './taro-dialogs'

// The browser build's dialogs: Taro's modal, toast and action-sheet code (about 26 KB) is loaded
// when the first dialog opens, not before the first screen, and fetched ahead once the page has
// loaded and the browser is idle, so it is there when a tap wants it. (A webpack prefetch would
// start as the home page's own code arrives, sharing a slow link with the first screen.) The
// mini-program and the page tests use dialogs.ts.
const taroDialogs = () => import('./taro-dialogs')

function fetchAheadWhenIdle(): void {
  const fetchAhead = () => void taroDialogs().catch(() => undefined)
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fetchAhead, { timeout: 5000 })
  else setTimeout(fetchAhead, 2000)
}

if (typeof window !== 'undefined') {
  // A page opened by a link may bring this module after the page has already loaded.
  if (document.readyState === 'complete') fetchAheadWhenIdle()
  else window.addEventListener('load', fetchAheadWhenIdle, { once: true })
}

export type { ConfirmOptions }

export async function confirm(options: ConfirmOptions): Promise<boolean> {
  return (await taroDialogs()).confirm(options)
}

// If the dialog code cannot arrive (the link dropped before it was fetched), the note is lost with
// the link rather than thrown at nobody.
export function tell(title: string, content: string): void {
  void taroDialogs().then(
    (dialogs) => dialogs.tell(title, content),
    () => undefined,
  )
}

export function toast(title: string): void {
  void taroDialogs().then(
    (dialogs) => dialogs.toast(title),
    () => undefined,
  )
}
