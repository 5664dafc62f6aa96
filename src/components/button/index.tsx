import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { pressable } from './pressable'
import './index.css'

export { pressable } from './pressable'

export type ButtonKind = 'primary' | 'default' | 'danger'

export interface ButtonProps {
  kind?: ButtonKind
  /** Full width, with the page's side margins. */
  block?: boolean
  /** Working on it: the label says so and taps are ignored. */
  busy?: boolean
  /** Shown instead of the label while busy, e.g. 正在提交…. */
  busyText?: string
  disabled?: boolean
  onClick?: () => void
  className?: string
  testId?: string
}

/**
 * The one button of the app: a pill as tall as a tap target (taller in care mode). A View, not a
 * native button, so it looks the same on WeChat and in a browser; buttons WeChat must see as its
 * own (getPhoneNumber, the privacy agreement) use Taro's Button with the `lg-button` classes.
 */
export function Button({
  kind = 'default',
  block,
  busy,
  busyText,
  disabled,
  onClick,
  className,
  testId,
  children,
}: PropsWithChildren<ButtonProps>) {
  const inactive = Boolean(busy || disabled)
  return (
    <View
      className={buttonClass(kind, { block, busy, disabled, className })}
      role='button'
      aria-disabled={inactive}
      aria-busy={busy}
      data-testid={testId}
      {...pressable()}
      onClick={() => {
        if (!inactive) onClick?.()
      }}
    >
      {busy && busyText ? busyText : children}
    </View>
  )
}
Button.displayName = 'Button'

/** The classes of a button, for the native buttons that must look like ours. */
export function buttonClass(
  kind: ButtonKind,
  { block, busy, disabled, className }: { block?: boolean; busy?: boolean; disabled?: boolean; className?: string } = {},
): string {
  return [
    'lg-button',
    `lg-button--${kind}`,
    block ? 'lg-button--block' : '',
    busy ? 'lg-button--busy' : '',
    disabled ? 'lg-button--disabled' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ')
}
