import type { User } from '@contract/auth'
import { readStored, removeStored, writeStored } from './storage'

/**
 * The login session on this device: the token (kept in storage so a restart stays logged in)
 * and the user it belongs to. Pages subscribe through `useSession`.
 */
export interface SessionState {
  token: string | null
  expiresAt: string | null
  user: User | null
  /**
   * The last session ended by itself (it expired, or the server no longer knows it), not by the
   * person logging out: pages say 登录已过期 rather than silently showing 未登录.
   */
  expired?: boolean
}

/** What a page says when a session has run out. */
export const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录'

const STORAGE_KEY = 'lgh.session'

let state: SessionState = { token: null, expiresAt: null, user: null, ...readStored<SessionState>(STORAGE_KEY) }
const listeners = new Set<(next: SessionState) => void>()

export function getSession(): SessionState {
  return state
}

/** The token if present and not about to expire (a minute's margin). */
export function usableToken(now = Date.now()): string | null {
  if (!state.token) return null
  if (state.expiresAt && new Date(state.expiresAt).getTime() - 60_000 < now) return null
  return state.token
}

export function setSession(next: Partial<SessionState>): void {
  state = { ...state, ...next, ...(next.token ? { expired: false } : {}) }
  writeStored(STORAGE_KEY, state)
  listeners.forEach((listener) => listener(state))
}

/** Ends the session: `expired` when it ran out by itself (the next page says so), not on logout. */
export function clearSession(reason: 'logout' | 'expired' = 'logout'): void {
  state = { token: null, expiresAt: null, user: null, ...(reason === 'expired' ? { expired: true } : {}) }
  if (reason === 'expired') writeStored(STORAGE_KEY, state)
  else removeStored(STORAGE_KEY)
  listeners.forEach((listener) => listener(state))
}

export function subscribeSession(listener: (next: SessionState) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
