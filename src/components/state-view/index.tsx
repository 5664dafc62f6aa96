import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Button } from '@/components/button'
import type { ApiState } from '@/hooks/useApi'
import type { ApiError } from '@/services/api-error'
import { currentPageUrl, goToLogin } from '@/services/session'
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
    if (error) return <ErrorPanel message={error.message} code={error.code} onRetry={reload} />
    return <LoadingPanel text={loadingText} />
  }
  return (
    <View>
      {error ? (
        <View className='lg-state__banner' onClick={() => void reload()}>
          <Text>{error.message}，点此重试</Text>
        </View>
      ) : null}
      {isEmpty?.(data) ? <EmptyPanel text={emptyText ?? '这里还没有内容'} action={emptyAction} /> : children(data)}
    </View>
  )
}

export function LoadingPanel({ text }: { text?: string }) {
  return (
    <View className='lg-state' role='status' aria-live='polite'>
      <View className='lg-state__spinner' />
      <Text className='lg-state__text'>{text ?? '加载中…'}</Text>
    </View>
  )
}

export function EmptyPanel({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <View className='lg-state'>
      <Text className='lg-state__text'>{text}</Text>
      {action}
    </View>
  )
}

/** Leaves a page that has nothing to show: back where the user came from, or home. */
function leavePage(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: '/pages/home/index' })
}

export interface ErrorPanelProps {
  message: string
  /** The error's code: it decides what the user can do about it. */
  code?: ApiError['code']
  onRetry?: () => void
}

/**
 * A failure with the one way out that helps: log in when the session is gone, go back when the
 * record is not theirs or not there (trying again would fail the same way), otherwise try again.
 */
export function ErrorPanel({ message, code, onRetry }: ErrorPanelProps) {
  return (
    <View className='lg-state' role='alert'>
      <Text className='lg-state__text lg-state__text--error'>{message}</Text>
      {code === 'UNAUTHENTICATED' ? (
        <Button kind='primary' onClick={() => goToLogin(currentPageUrl())}>
          去登录
        </Button>
      ) : code === 'FORBIDDEN' || code === 'NOT_FOUND' || !onRetry ? (
        <Button onClick={leavePage}>返回</Button>
      ) : (
        <Button onClick={onRetry}>重试</Button>
      )}
    </View>
  )
}
