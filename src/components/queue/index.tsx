import { ScrollView, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { PageOf } from '@contract/kit/paging'
import { pressable } from '@/components/button/pressable'
import { StateView } from '@/components/state-view'
import type { PagedState } from '@/hooks/usePagedApi'
import './index.css'

export interface QueueTab<K extends string> {
  key: K
  label: string
}

export interface QueueTabsProps<K extends string> {
  tabs: ReadonlyArray<QueueTab<K>>
  value: K
  onChange: (key: K) => void
  /** How many records each tab holds (from the list's answer); `·` until known. */
  counts?: Partial<Record<K, number>>
  /** Many tabs: one scrolling row instead of equal widths. */
  scroll?: boolean
}

/** The tabs over a list, each with its count. */
export function QueueTabs<K extends string>({ tabs, value, onChange, counts, scroll }: QueueTabsProps<K>) {
  const row = tabs.map((tab) => (
    <View
      key={tab.key}
      className={`lg-tabs__tab ${tab.key === value ? 'lg-tabs__tab--active' : ''}`}
      role='tab'
      aria-selected={tab.key === value}
      data-tab={tab.key}
      {...pressable()}
      onClick={() => onChange(tab.key)}
    >
      <Text className='lg-tabs__label'>{tab.label}</Text>
      <Text className='lg-tabs__count'>{counts?.[tab.key] ?? '·'}</Text>
    </View>
  ))
  return scroll ? (
    <ScrollView scrollX className='lg-tabs lg-tabs--scroll'>
      {/* The tabs' own list inside the scroller: a screen reader hears them as one set of tabs. */}
      <View className='lg-tabs__row' role='tablist'>
        {row}
      </View>
    </ScrollView>
  ) : (
    <View className='lg-tabs' role='tablist'>
      {row}
    </View>
  )
}
QueueTabs.displayName = 'QueueTabs'

export interface FilterOption {
  key: string
  label: string
  on: boolean
  onTap: () => void
}

/** Filters over a list (type, overdue…), as a scrolling row of chips. */
export function QueueFilters({ filters, name }: { filters: readonly FilterOption[]; name?: string }) {
  return (
    <ScrollView scrollX className='lg-filters' data-filters={name}>
      {filters.map((filter) => (
        <View
          key={filter.key}
          className={`lg-chip lg-filters__chip ${filter.on ? 'lg-chip--selected' : ''}`}
          role='checkbox'
          aria-checked={filter.on}
          data-filter={filter.key}
          {...pressable()}
          onClick={filter.onTap}
        >
          {filter.label}
        </View>
      ))}
    </ScrollView>
  )
}
QueueFilters.displayName = 'QueueFilters'

export interface PagedListProps<P extends PageOf<unknown>> {
  state: PagedState<P>
  renderItem: (item: P['items'][number]) => ReactNode
  emptyText: string
  emptyAction?: ReactNode
  loadingText?: string
  /** Above the items, once the first page is in (e.g. the unread count). */
  header?: (data: P) => ReactNode
  /** Below the last page's items. */
  footer?: ReactNode
}

/**
 * A list read page by page: loading, error and empty states, the items, and at the bottom what is
 * happening — more on its way, a retry when a page failed, or the end.
 */
export function PagedList<P extends PageOf<unknown>>({
  state,
  renderItem,
  emptyText,
  emptyAction,
  loadingText,
  header,
  footer,
}: PagedListProps<P>) {
  return (
    <StateView
      state={state}
      isEmpty={(data) => data.items.length === 0}
      emptyText={emptyText}
      emptyAction={emptyAction}
      loadingText={loadingText}
    >
      {(data) => (
        <View className='lg-paged'>
          {header?.(data)}
          {data.items.map(renderItem)}
          <View className='lg-paged__end' data-testid='list-end'>
            {state.loadingMore ? (
              <Text className='lg-muted'>正在加载更多…</Text>
            ) : state.moreError ? (
              <Text className='lg-link' {...pressable()} onClick={() => void state.loadMore()}>
                {state.moreError.message}，点此重试
              </Text>
            ) : state.done ? (
              <Text className='lg-muted'>已经到底了</Text>
            ) : (
              <Text className='lg-link' {...pressable()} onClick={() => void state.loadMore()}>
                加载更多
              </Text>
            )}
          </View>
          {state.done ? footer : null}
        </View>
      )}
    </StateView>
  )
}
PagedList.displayName = 'PagedList'
