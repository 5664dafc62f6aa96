import type { ConfirmOptions } from './taro-dialogs'

// The browser build's dialogs: Taro's modal, toast and action-sheet code (about 26 KB) is loaded
// when the first dialog opens, not before the first screen, and fetched ahead at idle time so it
// is there when a tap wants it. The mini-program and the page tests use dialogs.ts.
const taroDialogs = () => import(/* webpackPrefetch: true */ './taro-dialogs')

export type { ConfirmOptions }

export async function confirm(options: ConfirmOptions): Promise<boolean> {
  return (await taroDialogs()).confirm(options)
}

export function tell(title: string, content: string): void {
  void taroDialogs().then((dialogs) => dialogs.tell(title, content))
}

export function toast(title: string): void {
  void taroDialogs().then((dialogs) => dialogs.toast(title))
}
