import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { RotatingQr } from '@contract/kit/codes'
import { type ApiState, useApi, type UseApiOptions } from '@/hooks/useApi'

/** Fetch the next code this long before the current one runs out, so the one on screen always works. */
export const REFRESH_BEFORE_MS = 3000

export interface RotatingQrState<T = RotatingQr> extends ApiState<T> {
  /** The code on screen (undefined until the first one arrives). */
  qr: RotatingQr | undefined
  /** Whole seconds the code on screen has left, on the server's lifetime of it; 0 once expired. */
  secondsLeft: number
  /** The code on screen has run out (a refresh failed, or the page was away): it would be refused. */
  expired: boolean
}

export interface RotatingQrOptions extends Omit<UseApiOptions, 'initial'> {
  /** What the fetch depends on (e.g. the session token): a change fetches a new code. */
  deps?: unknown[]
}

/**
 * A rotating code (contract/kit/codes.ts) kept fresh on screen: fetched, counted down, and fetched
 * again just before it runs out, once per code (a failed refresh leaves the expired code for the
 * person to tap, rather than hammering the server). The countdown runs on the server's lifetime
 * (`expiresAt - issuedAt`) from the moment the code arrived, never on the phone's clock, which may
 * be minutes off. The timer stops while the page is hidden; coming back fetches a new code.
 *
 * The fetcher returns the code itself, or (with `qrOf`) a record that carries one — the member
 * card comes with its code, and one request serves both.
 */
export function useRotatingQr(fetcher: () => Promise<RotatingQr>, options?: RotatingQrOptions): RotatingQrState
export function useRotatingQr<T>(
  fetcher: () => Promise<T>,
  options: RotatingQrOptions & { qrOf: (data: T) => RotatingQr },
): RotatingQrState<T>
export function useRotatingQr<T>(
  fetcher: () => Promise<T>,
  { deps = [], qrOf, ...apiOptions }: RotatingQrOptions & { qrOf?: (data: T) => RotatingQr } = {},
): RotatingQrState<T> {
  const state = useApi(fetcher, deps, apiOptions)
  // Without `qrOf` the overloads guarantee T is RotatingQr.
  const qr = state.data === undefined ? undefined : qrOf ? qrOf(state.data) : (state.data as unknown as RotatingQr)
  const [visible, setVisible] = useState(true)
  const [now, setNow] = useState(() => Date.now())
  // When each code arrived, by the phone's monotonic-enough clock: only differences are used.
  const received = useRef<{ code: string; at: number } | null>(null)
  const autoRefreshedFor = useRef<string | null>(null)

  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  if (qr && received.current?.code !== qr.code) received.current = { code: qr.code, at: Date.now() }
  const lifetimeMs = qr ? Date.parse(qr.expiresAt) - Date.parse(qr.issuedAt) : 0
  // `now` may predate the code's arrival by up to a tick: never count above the code's lifetime.
  const remainingMs = qr && received.current ? Math.min(lifetimeMs, Math.max(0, lifetimeMs - (now - received.current.at))) : 0
  const hasCode = Boolean(qr)

  useEffect(() => {
    if (!visible || !hasCode) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [visible, hasCode])

  const code = qr?.code
  const { loading, reload } = state
  useEffect(() => {
    if (!visible || !code || loading || remainingMs > REFRESH_BEFORE_MS) return
    if (autoRefreshedFor.current === code) return
    autoRefreshedFor.current = code
    void reload()
  }, [visible, code, loading, remainingMs, reload])

  return { ...state, qr, secondsLeft: Math.ceil(remainingMs / 1000), expired: hasCode && remainingMs <= 0 }
}
