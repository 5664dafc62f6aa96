import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { pressable } from '@/components/button/pressable'
import './index.css'

export interface SwitchRowProps {
  label: string
  description?: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  testId?: string
}

/** An on/off setting as a list row: the whole row is the tap target, the switch only shows the state. */
export function SwitchRow({ label, description, checked, onChange, testId }: SwitchRowProps) {
  return (
    <View
      className='lg-list-row lg-switch-row'
      role='switch'
      aria-checked={checked}
      data-testid={testId}
      data-checked={checked ? 'true' : 'false'}
      {...pressable()}
      onClick={() => onChange(!checked)}
    >
      <View className='lg-list-row__text'>
        <Text>{label}</Text>
        {description ? <Text className='lg-muted'>{description}</Text> : null}
      </View>
      <View className={`lg-switch ${checked ? 'lg-switch--on' : ''}`}>
        <View className='lg-switch__knob' />
      </View>
    </View>
  )
}
SwitchRow.displayName = 'SwitchRow'
