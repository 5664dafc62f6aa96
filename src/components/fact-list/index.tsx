import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

export interface Fact {
  label: string
  /** Text, or something to act on (a phone to call, a masked number to reveal). */
  value: ReactNode
  /** Long text (an account of events): the value goes under its label, across the row. */
  wide?: boolean
  testId?: string
}

/** A value that is one number or code (3207**********1234, LG2026****01): kept on one line. */
const ONE_CODE = /^[0-9A-Za-z*＊-]{6,}$/

/** Label and value pairs, as every detail screen shows what a record holds. */
export function FactList({ facts, className }: { facts: ReadonlyArray<Fact | null | false>; className?: string }) {
  return (
    <View className={['lg-facts', className ?? ''].filter(Boolean).join(' ')}>
      {facts
        .filter((fact): fact is Fact => Boolean(fact))
        .map((fact) => (
          <View key={fact.label} className={`lg-facts__row ${fact.wide ? 'lg-facts__row--wide' : ''}`} data-testid={fact.testId}>
            <Text className='lg-facts__label'>{fact.label}</Text>
            {typeof fact.value === 'string' || typeof fact.value === 'number' ? (
              <Text className={`lg-facts__value ${ONE_CODE.test(String(fact.value)) ? 'lg-number' : ''}`}>{fact.value}</Text>
            ) : (
              <View className='lg-facts__value'>{fact.value}</View>
            )}
          </View>
        ))}
    </View>
  )
}
FactList.displayName = 'FactList'
