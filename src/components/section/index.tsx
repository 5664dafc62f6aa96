import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'

/** A titled part of a page: the title above, the content on a card. */
export function Section({ title, testId, children }: PropsWithChildren<{ title: string; testId?: string }>) {
  return (
    <View data-testid={testId}>
      <Text className='lg-section-title'>{title}</Text>
      <View className='lg-card'>{children}</View>
    </View>
  )
}
Section.displayName = 'Section'
