import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react'
import { Text } from '@tarojs/components'
import type { PageOf } from '@contract/kit/paging'
import { PagedList } from '@/components/queue'
import { ApiError } from '@/services/api-error'
import { usePagedApi } from './usePagedApi'

interface Row {
  id: string
}
type RowPage = PageOf<Row> & { counts: { all: number } }

/** A list of `total` rows served `size` at a time, with a cursor that is the next offset. */
function listOf(total: number, size: number) {
  const rows = Array.from({ length: total }, (_, index) => ({ id: `r${index + 1}` }))
  return jest.fn(async (cursor?: string): Promise<RowPage> => {
    const from = cursor ? Number(cursor) : 0
    const next = from + size < total ? String(from + size) : null
    return { items: rows.slice(from, from + size), nextCursor: next, counts: { all: total } }
  })
}

const ids = (page: RowPage | undefined) => page?.items.map((row) => row.id)

describe('usePagedApi', () => {
  it('appends each next page to the items, keeping the first page’s counts, and stops at a null cursor', async () => {
    const load = listOf(5, 2)
    const { result } = renderHook(() => usePagedApi<RowPage>(load, []))
    await waitFor(() => expect(ids(result.current.data)).toEqual(['r1', 'r2']))
    expect(result.current.done).toBe(false)

    await act(() => result.current.loadMore())
    expect(ids(result.current.data)).toEqual(['r1', 'r2', 'r3', 'r4'])
    await act(() => result.current.loadMore())
    expect(ids(result.current.data)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5'])
    expect(result.current.done).toBe(true)
    expect(result.current.data?.counts).toEqual({ all: 5 })

    await act(() => result.current.loadMore())
    expect(load.mock.calls.map(([cursor]) => cursor)).toEqual([undefined, '2', '4'])
  })

  it('starts again from the first page on a reload or a filter change', async () => {
    const load = listOf(5, 2)
    const { result, rerender } = renderHook(({ tab }) => usePagedApi<RowPage>((cursor) => load(cursor), [tab]), {
      initialProps: { tab: 'a' },
    })
    await waitFor(() => expect(ids(result.current.data)).toEqual(['r1', 'r2']))
    await act(() => result.current.loadMore())
    expect(result.current.data?.items).toHaveLength(4)

    await act(() => result.current.reload())
    expect(ids(result.current.data)).toEqual(['r1', 'r2'])

    await act(() => result.current.loadMore())
    rerender({ tab: 'b' })
    await waitFor(() => expect(ids(result.current.data)).toEqual(['r1', 'r2']))
    expect(load).toHaveBeenLastCalledWith(undefined)
  })

  it('when a further page fails, keeps what it has and tries that page again', async () => {
    const load = listOf(4, 2)
    const { result } = renderHook(() => usePagedApi<RowPage>(load, []))
    await waitFor(() => expect(result.current.data).toBeDefined())
    load.mockRejectedValueOnce(new ApiError(0, 'NETWORK'))
    await act(() => result.current.loadMore())
    expect(result.current.moreError?.code).toBe('NETWORK')
    expect(ids(result.current.data)).toEqual(['r1', 'r2'])
    await act(() => result.current.loadMore())
    expect(ids(result.current.data)).toEqual(['r1', 'r2', 'r3', 'r4'])
    expect(result.current.moreError).toBeUndefined()
  })
})

describe('PagedList', () => {
  function List({ load }: { load: (cursor?: string) => Promise<RowPage> }) {
    const state = usePagedApi<RowPage>(load, [], { onReachBottom: false })
    return <PagedList state={state} emptyText='还没有记录' renderItem={(row) => <Text key={row.id}>{row.id}</Text>} />
  }

  it('offers more until the last page, then says it is the end', async () => {
    render(<List load={listOf(3, 2)} />)
    await screen.findByText('r2')
    fireEvent.click(screen.getByText('加载更多'))
    await screen.findByText('r3')
    expect(screen.getByText('已经到底了')).toBeTruthy()
    expect(screen.queryByText('加载更多')).toBeNull()
  })

  it('says so when there is nothing', async () => {
    render(<List load={listOf(0, 2)} />)
    expect(await screen.findByText('还没有记录')).toBeTruthy()
  })
})
