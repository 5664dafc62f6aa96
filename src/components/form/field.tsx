import { Text, View } from '@tarojs/components'
import { createContext, useContext, type PropsWithChildren, type ReactNode } from 'react'
import './form.css'

export interface FieldProps {
  label?: string
  /** The body field it edits: `data-field` for tests and for finding the first error. */
  name?: string
  /** The field's error, in Chinese; shown once, under it, in red. */
  error?: string
  /** A line of help under the label. */
  hint?: ReactNode
  optional?: boolean
  className?: string
}

/** What a field tells the control inside it: its label is the control's name for a screen reader. */
const FieldContext = createContext<{ label?: string; invalid: boolean }>({ invalid: false })

/**
 * The attributes a text control inside a Field passes to the browser's own input (H5): its
 * accessible name and whether it is in error. WeChat's controls take no such attributes.
 */
export function useFieldNativeProps(placeholder?: string): Record<string, string> | undefined {
  const { label, invalid } = useContext(FieldContext)
  if (process.env.TARO_ENV !== 'h5') return undefined
  const name = label ?? placeholder
  return { ...(name ? { 'aria-label': name } : {}), 'aria-invalid': invalid ? 'true' : 'false' }
}

/** A labelled form field with its own error line, the same on every form of every line. */
export function Field({ label, name, error, hint, optional, className, children }: PropsWithChildren<FieldProps>) {
  return (
    <View className={['lg-field', error ? 'lg-field--invalid' : '', className ?? ''].filter(Boolean).join(' ')} data-field={name}>
      {label ? (
        <Text className='lg-field__label'>
          {label}
          {optional ? <Text className='lg-field__optional'>（选填）</Text> : null}
        </Text>
      ) : null}
      {hint ? <View className='lg-field__hint'>{hint}</View> : null}
      <FieldContext.Provider value={{ label, invalid: Boolean(error) }}>{children}</FieldContext.Provider>
      {error ? (
        <View className='lg-field__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}
Field.displayName = 'Field'
