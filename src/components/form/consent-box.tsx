import { Text, View } from '@tarojs/components'
import { pressable } from '@/components/button/pressable'
import './form.css'

export interface ConsentBoxProps {
  checked: boolean
  onChange: (checked: boolean) => void
  /** `data-consent`, for tests. */
  name: string
  children: string
}

/** A box the person ticks themselves (a separate consent, PIPL art. 29); the whole row is the tap target. */
export function ConsentBox({ checked, onChange, name, children }: ConsentBoxProps) {
  return (
    <View
      className={`lg-consent ${checked ? 'lg-consent--checked' : ''}`}
      data-consent={name}
      role='checkbox'
      aria-checked={checked}
      {...pressable()}
      onClick={() => onChange(!checked)}
    >
      <View className='lg-consent__tick'>{checked ? <Text>✓</Text> : null}</View>
      <Text className='lg-consent__text'>{children}</Text>
    </View>
  )
}
ConsentBox.displayName = 'ConsentBox'
