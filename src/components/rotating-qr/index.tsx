import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { RotatingQr } from '@contract/kit/codes'
import { Button, pressable } from '@/components/button'
import { LoadingPanel, StateView } from '@/components/state-view'
import { type RotatingQrOptions, type RotatingQrState, useRotatingQr } from './use-rotating-qr'
import './index.css'

export { REFRESH_BEFORE_MS, useRotatingQr, type RotatingQrOptions, type RotatingQrState } from './use-rotating-qr'

export interface RotatingQrPanelProps {
  /** From `useRotatingQr`. */
  state: RotatingQrState<unknown>
  /** What the code is called on screen: 会员码, 签到码, 券码 (default 二维码). */
  noun?: string
  /** One line under the code: who it is shown to, and that a screenshot will not do. */
  caption: string
  /**
   * Offer 「无法扫码？显示码值」: the code as text, to read out or paste where no camera reads it
   * (a desk computer). Off by default: the codes are long tokens nobody wants to see otherwise.
   */
  showCodeText?: boolean
  testId?: string
}

/**
 * A rotating code on screen: the QR image (larger in care mode), how long it has left, a manual
 * refresh, and once it has run out a greyed image that refreshes on a tap. For a page that already
 * loads the code with `useRotatingQr` (the member card); `RotatingQrView` is the one-line version.
 */
export function RotatingQrPanel({ state, noun = '二维码', caption, showCodeText, testId }: RotatingQrPanelProps) {
  const { qr, expired, secondsLeft, loading, reload } = state
  if (!qr) return <LoadingPanel text={`正在生成${noun}…`} />
  return (
    <View className='lg-card lg-rqr' data-testid={testId}>
      <View
        className={['lg-rqr__frame', expired ? 'lg-rqr__frame--expired' : ''].filter(Boolean).join(' ')}
        onClick={() => (expired ? void reload() : undefined)}
      >
        <Image className='lg-rqr__image' src={qr.imageDataUrl} mode='aspectFit' imgProps={{ alt: expired ? `${noun}（已过期）` : noun }} />
        {expired ? <Text className='lg-rqr__overlay'>{noun}已过期，点此刷新</Text> : null}
      </View>
      <Text className='lg-rqr__countdown' data-testid='qr-countdown'>
        {loading ? `正在更新${noun}…` : expired ? `${noun}已过期` : `${noun} ${secondsLeft} 秒后自动更新`}
      </Text>
      <Button className='lg-rqr__refresh' testId='qr-refresh' onClick={() => void reload()}>
        刷新{noun}
      </Button>
      <Text className='lg-muted lg-rqr__caption'>{caption}</Text>
      {showCodeText ? <CodeText qr={qr} noun={noun} /> : null}
    </View>
  )
}
RotatingQrPanel.displayName = 'RotatingQrPanel'

function CodeText({ qr, noun }: { qr: RotatingQr; noun: string }) {
  const [open, setOpen] = useState(false)
  if (!open) {
    return (
      <View className='lg-rqr__toggle' role='button' data-testid='qr-show-code' {...pressable()} onClick={() => setOpen(true)}>
        无法扫码？显示码值
      </View>
    )
  }
  return (
    <View className='lg-rqr__code'>
      {/* Selectable too, for a long press; it follows the rotation, so what is copied is current. */}
      <Text className='lg-rqr__code-text' userSelect data-testid='qr-code-text'>
        {qr.code}
      </Text>
      <View className='lg-rqr__code-actions'>
        <Button testId='qr-copy-code' onClick={() => void Taro.setClipboardData({ data: qr.code })}>
          复制{noun}
        </Button>
        <View className='lg-rqr__toggle' role='button' {...pressable()} onClick={() => setOpen(false)}>
          收起
        </View>
      </View>
    </View>
  )
}

export interface RotatingQrViewProps extends Omit<RotatingQrPanelProps, 'state'>, Pick<RotatingQrOptions, 'deps' | 'enabled'> {
  /** Fetches a fresh code (each call issues a new one on the server). */
  fetcher: () => Promise<RotatingQr>
}

/**
 * A rotating code from its endpoint, with the app's loading and error states:
 * `<RotatingQrView fetcher={getCheckinCode} noun='签到码' caption='请学员扫码签到' showCodeText />`.
 */
export function RotatingQrView({ fetcher, deps, enabled, ...panel }: RotatingQrViewProps) {
  const state = useRotatingQr(fetcher, { deps, enabled })
  return (
    <StateView state={state} loadingText={`正在生成${panel.noun ?? '二维码'}…`}>
      {() => <RotatingQrPanel state={state} {...panel} />}
    </StateView>
  )
}
RotatingQrView.displayName = 'RotatingQrView'
