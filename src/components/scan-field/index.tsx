import { SCANNED_CODE_MAX_LENGTH } from '@contract/kit/codes'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { Button } from '@/components/button'
import { Field, TextArea } from '@/components/form'
import { toApiError } from '@/services/api-error'
import { isWeapp } from '@/services/session'
import { cameraErrorMessage, canScanInBrowser, scanInBrowser } from './browser-camera'
import './index.css'

export { canScanInBrowser } from './browser-camera'

/** The contract's limit for a scanned code (ScannedCode in contract/kit/codes.ts). */
const MAX_CODE_LENGTH = SCANNED_CODE_MAX_LENGTH

export interface ScanFieldProps {
  /**
   * Called with the code, trimmed, once scanned or typed and submitted. While a returned promise
   * is pending the field is busy; if it rejects, its message shows under the field.
   */
  onCode: (code: string) => unknown
  /** What is scanned: 会员码, 签到码, 券码 (default 二维码). */
  noun?: string
  /** The submit button: 核验, 签到, 核销 (default 确定). */
  submitLabel?: string
  /** While checking (default 正在核验…). */
  busyText?: string
  /** Checking elsewhere (e.g. `useSubmission().busy`): every button waits. */
  busy?: boolean
  /** The check's answer when it failed (e.g. the server's message), under the field. */
  error?: string
  /** A line of help under the label (e.g. that codes change every minute). */
  hint?: ReactNode
  /** The field's `data-field` name (default `code`). */
  name?: string
}

const isCancel = (error: unknown) => /cancel/i.test((error as { errMsg?: string } | null)?.errMsg ?? '')

/**
 * "Scan or type the code": the one way staff, cashiers and workers enter a QR code. In WeChat a
 * scan button opens the camera (never the album: a photo of a code is how a screenshot gets
 * through); in a browser that can read QR codes from its camera, the same button does that;
 * elsewhere the box is all there is. Whatever is scanned lands in the box too, so the person sees
 * what was checked and can check it again.
 */
export function ScanField({
  onCode,
  noun = '二维码',
  submitLabel = '确定',
  busyText = '正在核验…',
  busy,
  error,
  hint,
  name = 'code',
}: ScanFieldProps) {
  const [value, setValue] = useState('')
  const [ownError, setOwnError] = useState<string>()
  const [pending, setPending] = useState(false)
  // The caller's error is about what was checked: once the box is edited, it no longer applies.
  const [edited, setEdited] = useState(false)
  // The browser's camera support does not change while the page is open: ask once.
  const [canScan] = useState(() => isWeapp || canScanInBrowser())
  const working = Boolean(busy || pending)

  const submit = async (raw: string) => {
    const code = raw.trim()
    if (!code) return setOwnError(`请先扫描或粘贴${noun}`)
    if (code.length > MAX_CODE_LENGTH) return setOwnError(`${noun}内容不正确，请重新扫描`)
    setOwnError(undefined)
    setEdited(false)
    setPending(true)
    try {
      await onCode(code)
    } catch (caught) {
      setOwnError(toApiError(caught).message)
    } finally {
      setPending(false)
    }
  }

  const scan = async () => {
    setOwnError(undefined)
    let scanned: string | null
    try {
      scanned = isWeapp
        ? (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
        : await scanInBrowser(`请将${noun}放入画面中`)
    } catch (caught) {
      if (!isCancel(caught)) setOwnError(isWeapp ? `没有扫到${noun}，请重试或直接粘贴` : cameraErrorMessage(caught))
      return
    }
    if (!scanned) return
    setValue(scanned)
    await submit(scanned)
  }

  return (
    <View className='lg-card lg-scan'>
      {canScan ? (
        <Button kind='primary' testId='scan-camera' busy={working} busyText={busyText} onClick={() => void scan()}>
          扫描{noun}
        </Button>
      ) : null}
      <Field label={canScan ? `或粘贴${noun}内容` : `${noun}内容`} name={name} error={ownError ?? (edited ? undefined : error)} hint={hint}>
        <TextArea
          value={value}
          maxLength={MAX_CODE_LENGTH}
          showCount={false}
          placeholder={canScan ? '扫不出来时，粘贴或输入码值' : '粘贴或输入码值'}
          onChange={(next) => {
            setValue(next)
            setOwnError(undefined)
            setEdited(true)
          }}
        />
      </Field>
      <Button testId='scan-submit' busy={working} busyText={busyText} onClick={() => void submit(value)}>
        {submitLabel}
      </Button>
    </View>
  )
}
ScanField.displayName = 'ScanField'
