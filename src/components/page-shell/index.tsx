import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useCareMode } from '@/hooks/useCareMode'

export interface PageShellProps {
  className?: string
}

/** The root of every page: applies care mode (larger text and targets) to everything inside. */
export function PageShell({ className, children }: PropsWithChildren<PageShellProps>) {
  const { enabled } = useCareMode()
  return <View className={['page', enabled ? 'care' : '', className ?? ''].filter(Boolean).join(' ')}>{children}</View>
}
PageShell.displayName = 'PageShell'
