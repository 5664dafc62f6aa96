import Taro from '@tarojs/taro'
import { toast } from './dialogs'

/**
 * WeChat's privacy authorization: the first time a privacy API (getPhoneNumber, chooseMedia,
 * chooseMessageFile…) is used, WeChat pauses it and asks us, through onNeedPrivacyAuthorization,
 * to show our privacy guide and let the user agree or refuse. The visible page's PrivacySheet
 * shows the question; the answer resumes (or fails) the paused call.
 */
type Resolve = Parameters<Parameters<typeof Taro.onNeedPrivacyAuthorization>[0]>[0]

/** The id of the agree button: WeChat checks that this very button was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

let pending: Resolve | null = null
const listeners = new Set<(open: boolean) => void>()
let installed = false

export function installPrivacyHandler(): void {
  if (installed || process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  installed = true
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve
    resolve({ event: 'exposureAuthorization' })
    listeners.forEach((listener) => listener(true))
  })
}

export function answerPrivacy(agreed: boolean): void {
  pending?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
  pending = null
  listeners.forEach((listener) => listener(false))
}

export function subscribePrivacy(listener: (open: boolean) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function privacyQuestionOpen(): boolean {
  return pending !== null
}

export function openPrivacyGuide(): void {
  Taro.openPrivacyContract({ fail: () => toast('暂时无法打开隐私保护指引') })
}
