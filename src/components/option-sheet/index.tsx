import { ScrollView, Text, View } from '@tarojs/components'
import { pressable } from '@/components/button/pressable'
import './index.css'

export interface OptionSheetProps {
  title: string
  options: readonly string[]
  value: string
  open: boolean
  onChoose: (value: string) => void
  onClose: () => void
}

/** A long list to choose from (e.g. the 56 ethnic groups), over the page, big rows. */
export function OptionSheet({ title, options, value, open, onChoose, onClose }: OptionSheetProps) {
  if (!open) return null
  return (
    <View className='lg-sheet' onClick={onClose}>
      <View className='lg-sheet__panel' onClick={(event) => event.stopPropagation()}>
        <View className='lg-sheet__head'>
          <Text className='lg-sheet__title'>{title}</Text>
          <Text className='lg-sheet__close' {...pressable('button')} onClick={onClose}>
            关闭
          </Text>
        </View>
        <ScrollView scrollY className='lg-sheet__list'>
          {options.map((option) => (
            <View
              key={option}
              className={`lg-sheet__row ${option === value ? 'lg-sheet__row--chosen' : ''}`}
              data-value={option}
              role='option'
              aria-selected={option === value}
              {...pressable()}
              onClick={() => onChoose(option)}
            >
              <Text>{option}</Text>
              {option === value ? <Text className='lg-sheet__check'>✓</Text> : null}
            </View>
          ))}
        </ScrollView>
      </View>
    </View>
  )
}
OptionSheet.displayName = 'OptionSheet'
