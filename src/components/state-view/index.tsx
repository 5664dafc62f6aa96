import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ApiState } from '@/hooks/useApi'
import { goToLogin } from '@/services/session'
import './index.css'

export interface StateViewProps<T> {
  state: ApiState<T>
  /** When the loaded data counts as "nothing to show". */
  isEmpty?: (data: T) => boolean
  emptyText?: string
  /** Shown under the empty text, e.g. a button to create the first record. */
  emptyAction?: ReactNode
  loadingText?: string
  children: (data: T) => ReactNode
}

/**
 * Loading, error and empty states, the same on every screen. Once data is on screen, a failed
 * reload shows a slim notice above it instead of taking the data away.
 */
export function StateView<T>({ state, isEmpty, emptyText, emptyAction, loadingText, children }: StateViewProps<T>) {
  const { data, error, reload } = state
  if (data === undefined) {
    if (error) return <ErrorPanel message={error.message} needsLogin={error.code === 'UNAUTHENTICATED'} onRetry={reload} />
    return <LoadingPanel text={loadingText} />
  }
  return (
    <View>
      {error ? (
        <View className='state-banner' onClick={() => void reload()}>
          <Text>{error.message}，点此重试</Text>
        </View>
      ) : null}
      {isEmpty?.(data) ? <EmptyPanel text={emptyText ?? '这里还没有内容'} action={emptyAction} /> : children(data)}
    </View>
  )
}

export function LoadingPanel({ text }: { text?: string }) {
  return (
    <View className='state-panel' role='status' aria-live='polite'>
      <View className='state-spinner' />
      <Text className='state-text'>{text ?? '加载中…'}</Text>
    </View>
  )
}

export function EmptyPanel({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <View className='state-panel'>
      <Text className='state-text'>{text}</Text>
      {action}
    </View>
  )
}

export function ErrorPanel({ message, needsLogin, onRetry }: { message: string; needsLogin?: boolean; onRetry: () => void }) {
  return (
    <View className='state-panel' role='alert'>
      <Text className='state-text state-error'>{message}</Text>
      {needsLogin ? (
        <View className='btn btn-primary' onClick={() => goToLogin()}>
          去登录
        </View>
      ) : (
        <View className='btn' onClick={onRetry}>
          重试
        </View>
      )}
    </View>
  )
}
