import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useCareMode } from '@/hooks/useCareMode'
import { PrivacySheet } from '@/components/privacy-sheet'

export interface PageShellProps {
  className?: string
}

/**
 * The root of every page: applies care mode (larger text and targets) to everything inside, and
 * on WeChat hosts the privacy question when a privacy API needs the user's agreement.
 */
export function PageShell({ className, children }: PropsWithChildren<PageShellProps>) {
  const { enabled } = useCareMode()
  return (
    <View className={['page', enabled ? 'care' : '', className ?? ''].filter(Boolean).join(' ')}>
      {children}
      {process.env.TARO_ENV === 'weapp' ? <PrivacySheet /> : null}
    </View>
  )
}
PageShell.displayName = 'PageShell'
