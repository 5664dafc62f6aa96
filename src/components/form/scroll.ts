import Taro from '@tarojs/taro'

const INVALID = '.lg-field--invalid'

/**
 * Brings the first field in error into view, so that after a failed 下一步 or 提交 the person sees
 * what to fix even when it is above or below the screen. On WeChat the page scrolls to it; in a
 * browser only the page on top is searched (Taro keeps earlier pages in the document).
 */
export function scrollToFirstError(): void {
  if (process.env.TARO_ENV === 'h5') {
    const shown = document.querySelectorAll('.taro_page.taro_page_show')
    const scope: ParentNode = shown.length > 0 ? shown[shown.length - 1]! : document
    const field = scope.querySelector<HTMLElement>(INVALID)
    field?.scrollIntoView?.({ block: 'center' })
    return
  }
  void Taro.pageScrollTo({ selector: INVALID, offsetTop: -120, duration: 200 }).catch(() => undefined)
}
