import { ScrollView, Text, View } from '@tarojs/components'
import { pressable } from '@/components/button/pressable'
import './form.css'

export interface ChoiceOption<T extends string | boolean> {
  value: T
  label: string
}

export interface ChoiceChipsProps<T extends string | boolean> {
  options: ReadonlyArray<ChoiceOption<T>>
  value: T | null | undefined
  onChange: (value: T) => void
  /** `data-choice` on the group, for tests. */
  name?: string
  className?: string
  /**
   * One row that scrolls sideways instead of lines that wrap: for a filter over a list (shop
   * categories), where wrapped lines in care mode on a narrow phone push the list off the screen.
   */
  scroll?: boolean
}

/** One choice from a short list, as large tappable chips (easier than a picker for older users). */
export function ChoiceChips<T extends string | boolean>({ options, value, onChange, name, className, scroll }: ChoiceChipsProps<T>) {
  const chips = (
    <View
      className={['lg-chips', scroll ? 'lg-chips--row' : '', className ?? ''].filter(Boolean).join(' ')}
      data-choice={name}
      role='radiogroup'
    >
      {options.map((option) => (
        <Chip
          key={String(option.value)}
          option={option}
          selected={option.value === value}
          role='radio'
          onTap={() => onChange(option.value)}
        />
      ))}
    </View>
  )
  return scroll ? (
    <ScrollView scrollX className='lg-chips-scroller'>
      {chips}
    </ScrollView>
  ) : (
    chips
  )
}
ChoiceChips.displayName = 'ChoiceChips'

export interface CheckChipsProps<T extends string> {
  options: ReadonlyArray<ChoiceOption<T>>
  values: readonly T[]
  onChange: (values: T[]) => void
  name?: string
}

/** Any number of choices from a short list (e.g. a lawyer's specialties), in the list's order. */
export function CheckChips<T extends string>({ options, values, onChange, name }: CheckChipsProps<T>) {
  const toggle = (value: T) => {
    const next = values.includes(value) ? values.filter((item) => item !== value) : [...values, value]
    onChange(options.map((option) => option.value).filter((item) => next.includes(item)))
  }
  return (
    <View className='lg-chips' data-choice={name} role='group'>
      {options.map((option) => (
        <Chip
          key={option.value}
          option={option}
          selected={values.includes(option.value)}
          role='checkbox'
          onTap={() => toggle(option.value)}
        />
      ))}
    </View>
  )
}
CheckChips.displayName = 'CheckChips'

function Chip<T extends string | boolean>({
  option,
  selected,
  role,
  onTap,
}: {
  option: ChoiceOption<T>
  selected: boolean
  role: 'radio' | 'checkbox'
  onTap: () => void
}) {
  return (
    <View
      className={`lg-chip ${selected ? 'lg-chip--selected' : ''}`}
      role={role}
      aria-checked={selected}
      data-value={String(option.value)}
      {...pressable()}
      onClick={onTap}
    >
      <Text>{option.label}</Text>
    </View>
  )
}
