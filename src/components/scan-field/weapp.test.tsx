import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { muteTextareaWatcherInJsdom } from '@fixtures/taro-dom'
import { ScanField } from './index'

// As built for WeChat: Taro.scanCode is there.
jest.mock('@/services/session', () => ({ ...jest.requireActual('@/services/session'), isWeapp: true }))

type ScanResult = Awaited<ReturnType<typeof Taro.scanCode>>

describe('ScanField (in WeChat)', () => {
  afterEach(() => jest.restoreAllMocks())

  it('scans from the camera only (never a photo from the album) and sends what it read', async () => {
    const scan = jest.spyOn(Taro, 'scanCode').mockResolvedValue({ result: 'COUPON.TOKEN' } as ScanResult)
    muteTextareaWatcherInJsdom()
    const onCode = jest.fn()
    render(<ScanField noun='券码' submitLabel='核销' onCode={onCode} />)
    await act(async () => {
      fireEvent.click(screen.getByText('扫描券码'))
    })
    expect(scan).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] })
    expect(onCode).toHaveBeenCalledWith('COUPON.TOKEN')
    expect(screen.getByText('或粘贴券码内容')).toBeTruthy()
  })

  it('a cancelled scan is no error; a failed one says so in Chinese', async () => {
    const scan = jest.spyOn(Taro, 'scanCode').mockRejectedValueOnce({ errMsg: 'scanCode:fail cancel' })
    const onCode = jest.fn()
    render(<ScanField noun='券码' onCode={onCode} />)
    await act(async () => {
      fireEvent.click(screen.getByText('扫描券码'))
    })
    expect(screen.queryByRole('alert')).toBeNull()
    scan.mockRejectedValueOnce({ errMsg: 'scanCode:fail' })
    await act(async () => {
      fireEvent.click(screen.getByText('扫描券码'))
    })
    expect(screen.getByRole('alert').textContent).toBe('没有扫到券码，请重试或直接粘贴')
    expect(onCode).not.toHaveBeenCalled()
  })
})
