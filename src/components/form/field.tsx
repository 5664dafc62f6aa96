import { Text, View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
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
      {children}
      {error ? (
        <View className='lg-field__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}
Field.displayName = 'Field'
