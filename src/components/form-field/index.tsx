import { Text, View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import './index.css'

export interface FormFieldProps {
  label: string
  /** The field's error, in Chinese; shown under it in red. */
  error?: string
  /** A line of help under the label. */
  hint?: ReactNode
  optional?: boolean
  /** Names the field for tests and for jumping to the first error. */
  name?: string
}

/** A labelled form field with its own error line, the same on every form. */
export function FormField({ label, error, hint, optional, name, children }: PropsWithChildren<FormFieldProps>) {
  return (
    <View className={`form-field ${error ? 'form-field-invalid' : ''}`} data-field={name}>
      <Text className='form-field-label'>
        {label}
        {optional ? <Text className='form-field-optional'>（选填）</Text> : null}
      </Text>
      {hint ? <View className='form-field-hint'>{hint}</View> : null}
      {children}
      {error ? (
        <View className='form-field-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}
FormField.displayName = 'FormField'
