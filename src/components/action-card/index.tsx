import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Button, type ButtonKind } from '@/components/button'
import { checkWith, type Checkable } from '@/components/form/check'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, toast, type ConfirmOptions } from '@/services/dialogs'
import './index.css'

export interface ActionFields {
  /** Messages per field, from the check below or from the server. */
  errors: Record<string, string>
  /** Call as the person edits a field: its message goes. */
  clear(field: string): void
}

export interface ActionCardProps<B, T> {
  /** The workflow action (`data-action`), e.g. `decline`. */
  action: string
  title?: string
  description?: string
  submitLabel: string
  kind?: ButtonKind
  /** A class on the submit button (for tests and page styles). */
  submitClassName?: string
  /** What the action would send, as the fields stand now. */
  body: unknown
  /** The contract's schema for it: checked before sending, in the server's words. */
  schema?: Checkable<B>
  send(body: B, idempotencyKey: string): Promise<T>
  /**
   * Asked first for a step that cannot be undone (不予受理, 结案…). A `danger` action always asks:
   * without these words, in general ones built from its label.
   */
  confirm?: ConfirmOptions
  /** Reloads the record: after the action, and when it turned out stale (409 WRONG_STATUS). */
  reload(): unknown
  /** Said once it went through. */
  successText: string | ((value: T) => string)
  onDone?(value: T): void
  disabled?: boolean
  children?: ReactNode | ((fields: ActionFields) => ReactNode)
}

/** The question for a danger action that brought no words of its own. */
const irreversible = (title: string, confirmText: string): ConfirmOptions => ({
  title,
  content: '这一步提交后不能撤销，申请人会收到通知。确定继续吗？',
  confirmText,
  danger: true,
})

/**
 * One action a person may take on a record, as a card: its fields, one button, and a confirmation
 * for what cannot be undone. Each card keeps its own submission, so each action has its own key.
 */
export function ActionCard<B, T>(props: ActionCardProps<B, T>) {
  const { action, title, description, submitLabel, kind = 'primary', submitClassName, children, disabled } = props
  const submission = useSubmission({ reload: props.reload })

  const run = async () => {
    let body = props.body as B
    if (props.schema) {
      const checked = checkWith(props.schema, props.body)
      if (!checked.ok) return submission.setFieldErrors(checked.errors)
      body = checked.data
    }
    const asked = props.confirm ?? (kind === 'danger' ? irreversible(title ?? submitLabel, submitLabel) : undefined)
    if (asked && !(await confirm(asked))) return
    const result = await submission.submit(body, props.send, action)
    if (!result.ok) return
    toast(typeof props.successText === 'function' ? props.successText(result.value) : props.successText)
    props.onDone?.(result.value)
    await props.reload()
  }

  const fields: ActionFields = { errors: submission.fieldErrors, clear: submission.clearFieldError }
  return (
    <View className='lg-action' data-action={action}>
      {title ? <Text className='lg-action__title'>{title}</Text> : null}
      {description ? <Text className='lg-muted lg-action__description'>{description}</Text> : null}
      {typeof children === 'function' ? children(fields) : children}
      <Button
        kind={kind}
        className={submitClassName}
        testId={`act-${action}`}
        busy={submission.busy}
        busyText='正在提交…'
        disabled={disabled}
        onClick={() => void run()}
      >
        {submitLabel}
      </Button>
    </View>
  )
}
ActionCard.displayName = 'ActionCard'
