import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { muteTextareaWatcherInJsdom, typeIntoField } from '@fixtures/taro-dom'
import { ApiError } from '@/services/api-error'
import { ScanField } from './index'

/** A browser with a camera and a QR detector that reads `seen` from the first frame. */
function withBrowserCamera(seen: string | Error) {
  const stop = jest.fn()
  const getUserMedia = jest.fn(() => (seen instanceof Error ? Promise.reject(seen) : Promise.resolve({ getTracks: () => [{ stop }] })))
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true })
  Object.defineProperty(window, 'BarcodeDetector', {
    value: class {
      detect = () => Promise.resolve(typeof seen === 'string' ? [{ rawValue: seen }] : [])
    },
    configurable: true,
  })
  jest.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
  return { stop, getUserMedia }
}

function withoutBrowserCamera() {
  Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true })
  Object.defineProperty(window, 'BarcodeDetector', { value: undefined, configurable: true })
}

describe('ScanField (in a browser)', () => {
  afterEach(() => {
    jest.restoreAllMocks()
    withoutBrowserCamera()
  })

  it('without camera support, offers the box only; a typed code is sent trimmed', async () => {
    withoutBrowserCamera()
    const onCode = jest.fn()
    render(<ScanField noun='签到码' submitLabel='签到' onCode={onCode} />)
    expect(screen.queryByText('扫描签到码')).toBeNull()
    expect(screen.getByText('签到码内容')).toBeTruthy()
    typeIntoField('code', '  SESSION.CODE  ')
    await act(async () => {
      fireEvent.click(screen.getByText('签到'))
    })
    expect(onCode).toHaveBeenCalledWith('SESSION.CODE')
  })

  it('an empty box says what to do, in Chinese, and sends nothing', async () => {
    withoutBrowserCamera()
    const onCode = jest.fn()
    render(<ScanField noun='券码' submitLabel='核销' onCode={onCode} />)
    await act(async () => {
      fireEvent.click(screen.getByText('核销'))
    })
    expect(screen.getByRole('alert').textContent).toBe('请先扫描或粘贴券码')
    expect(onCode).not.toHaveBeenCalled()
  })

  it('is busy while the check runs, shows its failure, and forgets it once the box is edited', async () => {
    withoutBrowserCamera()
    let answer: (value?: unknown) => void = () => undefined
    const onCode = jest.fn(() => new Promise((resolve) => (answer = resolve)))
    const { rerender } = render(<ScanField submitLabel='核验' onCode={onCode} />)
    typeIntoField('code', 'X')
    await act(async () => {
      fireEvent.click(screen.getByText('核验'))
    })
    expect(screen.getByText('正在核验…')).toBeTruthy()
    fireEvent.click(screen.getByText('正在核验…'))
    expect(onCode).toHaveBeenCalledTimes(1)
    await act(async () => answer())
    rerender(<ScanField submitLabel='核验' onCode={onCode} error='会员码格式不正确' />)
    expect(screen.getByText('会员码格式不正确')).toBeTruthy()
    typeIntoField('code', 'Y')
    expect(screen.queryByText('会员码格式不正确')).toBeNull()
  })

  it('a check that rejects shows its message under the field', async () => {
    withoutBrowserCamera()
    render(<ScanField submitLabel='核验' onCode={() => Promise.reject(new ApiError(0, 'NETWORK'))} />)
    typeIntoField('code', 'X')
    await act(async () => {
      fireEvent.click(screen.getByText('核验'))
    })
    expect(screen.getByRole('alert').textContent).toBe('网络不给力，请检查网络后重试')
  })

  it('with a camera and a QR detector, scans: the code lands in the box and is sent; the camera is released', async () => {
    const camera = withBrowserCamera('CARD.TOKEN')
    muteTextareaWatcherInJsdom()
    const onCode = jest.fn()
    render(<ScanField noun='会员码' submitLabel='核验' onCode={onCode} />)
    expect(screen.getByText('或粘贴会员码内容')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByText('扫描会员码'))
    })
    await waitFor(() => expect(onCode).toHaveBeenCalledWith('CARD.TOKEN'))
    expect(camera.getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false })
    expect(camera.stop).toHaveBeenCalled()
    expect(document.querySelector('[data-testid="browser-scanner"]')).toBeNull()
  })

  it('when the camera is refused, says how to allow it or type instead', async () => {
    withBrowserCamera(Object.assign(new Error('denied'), { name: 'NotAllowedError' }))
    const onCode = jest.fn()
    render(<ScanField noun='会员码' onCode={onCode} />)
    await act(async () => {
      fireEvent.click(screen.getByText('扫描会员码'))
    })
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('没有摄像头权限：请在浏览器设置中允许使用摄像头，或直接粘贴码值'),
    )
    expect(onCode).not.toHaveBeenCalled()
    expect(document.querySelector('[data-testid="browser-scanner"]')).toBeNull()
  })

  it('cancelling the camera view sends nothing and leaves no error', async () => {
    const camera = withBrowserCamera('')
    const onCode = jest.fn()
    render(<ScanField noun='会员码' onCode={onCode} />)
    await act(async () => {
      fireEvent.click(screen.getByText('扫描会员码'))
    })
    const scanner = document.querySelector('[data-testid="browser-scanner"]')!
    await act(async () => {
      fireEvent.click(scanner.querySelector('button')!)
    })
    expect(document.querySelector('[data-testid="browser-scanner"]')).toBeNull()
    expect(camera.stop).toHaveBeenCalled()
    expect(onCode).not.toHaveBeenCalled()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
