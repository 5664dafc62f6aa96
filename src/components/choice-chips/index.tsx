import { Text, View } from '@tarojs/components'
import './index.css'

export interface ChoiceOption<T extends string | boolean> {
  value: T
  label: string
}

export interface ChoiceChipsProps<T extends string | boolean> {
  options: ReadonlyArray<ChoiceOption<T>>
  value: T | null | undefined
  onChange: (value: T) => void
  /** For tests: `data-choice` on the group. */
  name?: string
}

/** One choice from a short list, as large tappable chips (easier than a picker for older users). */
export function ChoiceChips<T extends string | boolean>({ options, value, onChange, name }: ChoiceChipsProps<T>) {
  return (
    <View className='choice-chips' data-choice={name} role='radiogroup'>
      {options.map((option) => {
        const selected = option.value === value
        return (
          <View
            key={String(option.value)}
            className={`choice-chip ${selected ? 'choice-chip-selected' : ''}`}
            role='radio'
            aria-checked={selected}
            data-value={String(option.value)}
            onClick={() => onChange(option.value)}
          >
            <Text>{option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
ChoiceChips.displayName = 'ChoiceChips'
