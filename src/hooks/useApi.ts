import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, toApiError } from '@/services/api-error'

export interface ApiState<T> {
  data: T | undefined
  error: ApiError | undefined
  /** True while the first load (or a reload after an error) is under way. */
  loading: boolean
  /** Loads again; the current data stays on screen meanwhile. */
  reload(): Promise<void>
}

export interface UseApiOptions<T = unknown> {
  /** Reload whenever the page is shown again (coming back from another page). Default true. */
  refreshOnShow?: boolean
  /** Do not load until this is true (e.g. until logged in). Default true. */
  enabled?: boolean
  /**
   * Data the page already has (the catalogue the H5 page was served with): shown in the first
   * render and not asked for again until a reload or the page is shown again.
   */
  initial?: T
}

/**
 * Loads data for a page and tracks loading and error, so every screen can show its
 * loading, empty and error states the same way.
 */
export function useApi<T>(load: () => Promise<T>, deps: unknown[], options: UseApiOptions<T> = {}): ApiState<T> {
  const { refreshOnShow = true, enabled = true, initial } = options
  const [data, setData] = useState<T | undefined>(initial)
  const [error, setError] = useState<ApiError>()
  const [loading, setLoading] = useState(enabled && initial === undefined)
  const hadInitial = useRef(initial !== undefined)
  const generation = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const shownOnce = useRef(false)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setLoading(true)
    try {
      const result = await loadRef.current()
      if (mine !== generation.current) return
      setData(result)
      setError(undefined)
    } catch (caught) {
      if (mine !== generation.current) return
      setError(toApiError(caught))
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    if (hadInitial.current) {
      // What the page came with stands for the first load; anything that changes later loads.
      hadInitial.current = false
      return
    }
    if (enabled) void reload()
    else setLoading(false)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers list what the load depends on
  }, [enabled, reload, ...deps])

  useDidShow(() => {
    // The first show is the first load, already started above.
    if (shownOnce.current && refreshOnShow && enabled) void reload()
    shownOnce.current = true
  })

  return { data, error, loading, reload }
}
