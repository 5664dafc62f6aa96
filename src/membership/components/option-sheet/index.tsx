import { ScrollView, Text, View } from '@tarojs/components'
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
    <View className='option-sheet-mask' onClick={onClose}>
      <View className='option-sheet' onClick={(event) => event.stopPropagation()}>
        <View className='option-sheet-head'>
          <Text className='option-sheet-title'>{title}</Text>
          <Text className='option-sheet-close' onClick={onClose}>
            关闭
          </Text>
        </View>
        <ScrollView scrollY className='option-sheet-list'>
          {options.map((option) => (
            <View
              key={option}
              className={`option-sheet-row ${option === value ? 'option-sheet-row-chosen' : ''}`}
              data-value={option}
              onClick={() => onChoose(option)}
            >
              <Text>{option}</Text>
              {option === value ? <Text className='option-sheet-check'>✓</Text> : null}
            </View>
          ))}
        </ScrollView>
      </View>
    </View>
  )
}
OptionSheet.displayName = 'OptionSheet'
