import { Input, Text, Textarea, View } from '@tarojs/components'
import { useFieldNativeProps } from './field'
import './form.css'

export interface TextInputProps {
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'number' | 'digit' | 'idcard'
  placeholder?: string
  /**
   * The field's limit. Free text may be typed (or pasted) a little past it, so that the form says
   * "最多 N 个字" instead of cutting what the person wrote without a word; numbers and ID numbers,
   * whose length is their format, stop at it. Always set: WeChat cuts at 140 characters otherwise.
   */
  maxLength: number
  confirmType?: 'done' | 'search' | 'next' | 'go' | 'send'
  className?: string
}

/** How far past its limit free text may go: enough to see it is too long and what to shorten. */
const TEXT_OVERRUN = 20

/**
 * One line of text; the input is its own box, so a tap anywhere on the box types into it. In H5
 * Taro's Input is the browser's <input> itself (config: h5.useHtmlComponents), which takes the
 * accessible name and error state as its own attributes and styles its placeholder with CSS;
 * WeChat's input takes a placeholder class.
 */
export function TextInput({ value, onChange, type = 'text', placeholder, maxLength, confirmType, className }: TextInputProps) {
  const nativeProps = useFieldNativeProps(placeholder)
  return (
    <Input
      className={['lg-input', className ?? ''].filter(Boolean).join(' ')}
      value={value}
      type={type}
      placeholder={placeholder}
      maxlength={type === 'text' ? maxLength + TEXT_OVERRUN : maxLength}
      confirmType={confirmType}
      onInput={(event) => onChange(event.detail.value)}
      {...(nativeProps ?? { placeholderClass: 'lg-input__placeholder' })}
    />
  )
}
TextInput.displayName = 'TextInput'

export interface TextAreaProps {
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxLength: number
  /** `short` for notes and reasons, `long` for an account of what happened. */
  size?: 'short' | 'long'
  /** Show “12/200” under the box (default: yes). */
  showCount?: boolean
  className?: string
}

/** Several lines, in the app's font and size (growing with care mode), with a count of what is left. */
export function TextArea({ value, onChange, placeholder, maxLength, size = 'short', showCount = true, className }: TextAreaProps) {
  const nativeProps = useFieldNativeProps(placeholder)
  return (
    <View className={['lg-textarea', `lg-textarea--${size}`, className ?? ''].filter(Boolean).join(' ')}>
      <Textarea
        className='lg-textarea__box'
        value={value}
        placeholder={placeholder}
        placeholderClass='lg-input__placeholder'
        maxlength={maxLength}
        nativeProps={nativeProps}
        onInput={(event) => onChange(event.detail.value)}
      />
      {showCount ? (
        <Text className='lg-textarea__count'>
          {value.trim().length}/{maxLength}
        </Text>
      ) : null}
    </View>
  )
}
TextArea.displayName = 'TextArea'
