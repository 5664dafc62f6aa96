import Taro from '@tarojs/taro'
import type { LoginResult } from '@contract/auth'
import { pages } from '@contract/pages'
import { getMe, loginAsDevPersona, loginWithWechat } from './api/core'
import { ApiError } from './api-error'
import { usesCloudContainer } from './config'
import { setReauthenticator } from './request'
import { clearSession, getSession, setSession, usableToken } from './session-store'

export const isWeapp = process.env.TARO_ENV === 'weapp'

function remember(result: LoginResult): void {
  setSession({ token: result.token, expiresAt: result.expiresAt, user: result.user })
}

let loginInFlight: Promise<void> | null = null

/** WeChat login: `Taro.login` code → our server → session. Concurrent callers share one login. */
export function loginThroughWechat(): Promise<void> {
  if (!loginInFlight) {
    loginInFlight = (async () => {
      try {
        const { code } = await Taro.login()
        if (!code) throw new ApiError(0, 'WECHAT_UNAVAILABLE')
        remember(await loginWithWechat(code))
      } finally {
        loginInFlight = null
      }
    })()
  }
  return loginInFlight
}

export async function loginAsPersona(openid: string): Promise<void> {
  remember(await loginAsDevPersona(openid))
}

/** Behind Cloud Run the platform identifies the caller; there is no token to obtain. */
async function refreshUserFromServer(): Promise<void> {
  setSession({ user: await getMe() })
}

/**
 * Makes sure there is a session when one can be had without asking the user: on WeChat a
 * silent login; in a browser only an existing token counts. Resolves whether logged in.
 */
export async function ensureSession(): Promise<boolean> {
  if (usesCloudContainer()) {
    if (!getSession().user) await refreshUserFromServer()
    return true
  }
  if (usableToken()) return true
  // A token kept on the device that has run out: pages say the login expired.
  if (getSession().token) clearSession('expired')
  if (!isWeapp) return false
  await loginThroughWechat()
  return true
}

export function logout(): void {
  clearSession()
}

// A 401 on WeChat: log in again silently and retry once. In a browser: the user must choose.
setReauthenticator(async () => {
  if (!isWeapp) return false
  try {
    await loginThroughWechat()
    return true
  } catch {
    return false
  }
})

/** Sends the user to log in, returning to `returnTo` (a page url) afterwards. */
export function goToLogin(returnTo?: string): void {
  void Taro.navigateTo({ url: returnTo ? pages.account.login.url({ redirect: returnTo }) : pages.account.login.path })
}

/** The page on screen with its query, to come back to after logging in. */
export function currentPageUrl(): string | undefined {
  const router = Taro.getCurrentInstance().router
  if (!router?.path) return undefined
  const path = router.path.split('?')[0] ?? router.path
  // Taro adds its own stamp to the query; it is not part of the page's address.
  const query = Object.entries(router.params ?? {}).filter(([key, value]) => key !== 'stamp' && key !== '$taroTimestamp' && value)
  return query.length ? `${path}?${query.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`).join('&')}` : path
}
