import { useReachBottom } from '@tarojs/taro'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { PageOf } from '@contract/kit/paging'
import { type ApiError, toApiError } from '@/services/api-error'
import { type ApiState, useApi, type UseApiOptions } from './useApi'

export interface PagedState<P extends PageOf<unknown>> extends ApiState<P> {
  /** The first page's answer (its counts, unread count…) with `items` holding every item loaded so far. */
  data: P | undefined
  /** A further page is on its way. */
  loadingMore: boolean
  /** Loading a further page failed; `loadMore` tries again. */
  moreError: ApiError | undefined
  /** The last page is in: nothing more to load. */
  done: boolean
  loadMore(): Promise<void>
}

export interface UsePagedApiOptions extends Omit<UseApiOptions, 'initial'> {
  /** Load the next page when the person scrolls to the bottom of the page (default true). */
  onReachBottom?: boolean
}

const NOTHING_MORE: never[] = []

interface Further<T> {
  /** The first page these follow: a reload starts over. */
  after: unknown
  items: T[]
  cursor: string | null
}

/**
 * A list read page by page (keyset cursor, `?cursor=`): the first page loads like `useApi`, the next
 * ones are appended as the person reaches the bottom, until a page says `nextCursor: null`. A reload
 * (pull-down, coming back, a filter change in `deps`) starts again from the first page.
 */
export function usePagedApi<P extends PageOf<unknown>>(
  load: (cursor?: string) => Promise<P>,
  deps: unknown[],
  options: UsePagedApiOptions = {},
): PagedState<P> {
  type Item = P['items'][number]
  const { onReachBottom = true, ...apiOptions } = options
  const loadRef = useRef(load)
  loadRef.current = load
  const first = useApi(() => loadRef.current(), deps, apiOptions)
  const [further, setFurther] = useState<Further<Item>>({ after: undefined, items: [], cursor: null })
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<ApiError>()
  const inFlight = useRef(false)

  const base = first.data
  const current: Further<Item> =
    further.after === base && base !== undefined ? further : { after: base, items: NOTHING_MORE, cursor: base?.nextCursor ?? null }
  const currentRef = useRef(current)
  currentRef.current = current

  const loadMore = useCallback(async () => {
    const from = currentRef.current
    if (from.after === undefined || from.cursor === null || inFlight.current) return
    inFlight.current = true
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = await loadRef.current(from.cursor)
      // Dropped if the list was reloaded meanwhile: it would append to a list that is gone.
      if (currentRef.current.after === from.after) {
        setFurther({ after: from.after, items: [...from.items, ...(page.items as Item[])], cursor: page.nextCursor })
      }
    } catch (caught) {
      setMoreError(toApiError(caught))
    } finally {
      inFlight.current = false
      setLoadingMore(false)
    }
  }, [])

  useReachBottom(() => {
    if (onReachBottom && !moreError) void loadMore()
  })

  const data = useMemo(
    () => (base === undefined ? undefined : ({ ...base, items: [...base.items, ...current.items] } as P)),
    [base, current.items],
  )

  return {
    data,
    error: first.error,
    loading: first.loading,
    reload: first.reload,
    loadingMore,
    moreError,
    done: base !== undefined && current.cursor === null,
    loadMore,
  }
}
