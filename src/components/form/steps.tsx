import { Text, View } from '@tarojs/components'
import { Button } from '@/components/button'
import './form.css'

/** One screen of a form filled in steps: what it asks for, so a server error on a field can send the person back to it. */
export interface FormStep<K extends string = string> {
  key: K
  title: string
  /** The body fields this step asks for. */
  fields: readonly string[]
}

/** The first step holding one of these fields (server answers are keyed by field), if any. */
export function stepOfFields(steps: readonly FormStep[], fields: Record<string, string>): number | undefined {
  const index = steps.findIndex((step) => step.fields.some((field) => field in fields))
  return index >= 0 ? index : undefined
}

/**
 * The first step whose own check fails, with its errors; `check` validates one step (the line's
 * schema for it). Undefined when every step passes.
 */
export function firstInvalidStep(
  steps: readonly FormStep[],
  check: (index: number) => Record<string, string>,
): { step: number; errors: Record<string, string> } | undefined {
  for (let index = 0; index < steps.length; index++) {
    const errors = check(index)
    if (Object.keys(errors).length > 0) return { step: index, errors }
  }
  return undefined
}

export interface StepHeaderProps {
  steps: readonly FormStep[]
  index: number
  /** Before the step's title, e.g. 修改入会申请 · . */
  prefix?: string
  /** A line under the progress bar (e.g. that the draft came back). */
  note?: string
}

/** Where the person is in the form: the step's title, “第 2 步，共 6 步”, and a bar. */
export function StepHeader({ steps, index, prefix, note }: StepHeaderProps) {
  const step = steps[index]
  return (
    <View className='lg-steps'>
      <Text className='lg-steps__title'>
        {prefix ?? ''}
        {step?.title}
      </Text>
      <Text className='lg-muted'>
        第 {index + 1} 步，共 {steps.length} 步
      </Text>
      <View className='lg-steps__bar'>
        <View className='lg-steps__fill' style={{ width: `${((index + 1) / steps.length) * 100}%` }} />
      </View>
      {note ? <Text className='lg-muted'>{note}</Text> : null}
    </View>
  )
}
StepHeader.displayName = 'StepHeader'

export interface StepNavProps {
  index: number
  total: number
  onBack: () => void
  onNext: () => void
  onSubmit: () => void
  busy?: boolean
  submitLabel: string
}

/** 上一步 / 下一步, and on the last step the submit button. */
export function StepNav({ index, total, onBack, onNext, onSubmit, busy, submitLabel }: StepNavProps) {
  const last = index === total - 1
  return (
    <View className='lg-steps__nav'>
      {index > 0 ? (
        <Button className='lg-steps__back' testId='apply-back' onClick={onBack}>
          上一步
        </Button>
      ) : null}
      {last ? (
        <Button kind='primary' className='lg-steps__primary' testId='apply-submit' busy={busy} busyText='正在提交…' onClick={onSubmit}>
          {submitLabel}
        </Button>
      ) : (
        <Button kind='primary' className='lg-steps__primary' testId='apply-next' onClick={onNext}>
          下一步
        </Button>
      )}
    </View>
  )
}
StepNav.displayName = 'StepNav'
