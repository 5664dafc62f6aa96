import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { RotatingQr } from '@contract/kit/codes'
import { ApiError } from '@/services/api-error'
import { RotatingQrView } from './index'

/** A code living `lifetimeSeconds` on the server's clock, issued years ago by the phone's. */
const code = (lifetimeSeconds: number, token = 'SESSION-TOKEN-0001'): RotatingQr => ({
  imageDataUrl: `data:image/png;base64,${token}`,
  code: token,
  issuedAt: '2020-01-01T00:00:00.000Z',
  expiresAt: new Date(Date.parse('2020-01-01T00:00:00.000Z') + lifetimeSeconds * 1000).toISOString(),
})

const view = (fetcher: () => Promise<RotatingQr>, showCodeText = false) =>
  render(<RotatingQrView fetcher={fetcher} noun='签到码' caption='请学员扫码签到' showCodeText={showCodeText} />)

describe('RotatingQrView', () => {
  afterEach(() => {
    jest.useRealTimers()
    jest.restoreAllMocks()
  })

  it('shows the code with a countdown on the server’s lifetime, and the caption', async () => {
    view(jest.fn().mockResolvedValue(code(90)))
    expect(await screen.findByText('签到码 90 秒后自动更新')).toBeTruthy()
    expect(screen.getByText('请学员扫码签到')).toBeTruthy()
    expect(document.querySelector('.lg-rqr__image')).toBeTruthy()
  })

  it('fetches the next code by itself just before this one runs out, once per code', async () => {
    jest.useFakeTimers()
    const fetcher = jest.fn<Promise<RotatingQr>, []>().mockResolvedValueOnce(code(5, 'FIRST')).mockRejectedValue(new ApiError(0, 'NETWORK'))
    view(fetcher)
    await act(async () => undefined)
    expect(screen.getByText('签到码 5 秒后自动更新')).toBeTruthy()
    // 2 s in, 3 s are left: time to fetch the next one.
    await act(async () => {
      jest.advanceTimersByTime(2000)
    })
    expect(fetcher).toHaveBeenCalledTimes(2)
    // That refresh failed: no retry loop; the code runs out and says so, and a tap fetches again.
    await act(async () => {
      jest.advanceTimersByTime(10_000)
    })
    expect(fetcher).toHaveBeenCalledTimes(2)
    expect(screen.getByText('签到码已过期')).toBeTruthy()
    fetcher.mockResolvedValue(code(60, 'NEXT'))
    await act(async () => {
      fireEvent.click(screen.getByText('签到码已过期，点此刷新'))
    })
    expect(fetcher).toHaveBeenCalledTimes(3)
    expect(screen.getByText('签到码 60 秒后自动更新')).toBeTruthy()
  })

  it('when the first fetch fails, then the error in Chinese with a retry', async () => {
    const fetcher = jest.fn<Promise<RotatingQr>, []>().mockRejectedValueOnce(new ApiError(0, 'NETWORK')).mockResolvedValue(code(60))
    view(fetcher)
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('签到码 60 秒后自动更新')).toBeTruthy()
  })

  it('shows the code as text only when asked, and copies the current one', async () => {
    const copy = jest.spyOn(Taro, 'setClipboardData').mockImplementation(() => Promise.resolve({ errMsg: 'ok', data: '' }))
    view(jest.fn().mockResolvedValue(code(60, 'LONG.SIGNED.TOKEN')), true)
    await screen.findByText('签到码 60 秒后自动更新')
    expect(screen.queryByText('LONG.SIGNED.TOKEN')).toBeNull()
    fireEvent.click(screen.getByText('无法扫码？显示码值'))
    expect(screen.getByTestId('qr-code-text').textContent).toBe('LONG.SIGNED.TOKEN')
    fireEvent.click(screen.getByText('复制签到码'))
    expect(copy).toHaveBeenCalledWith({ data: 'LONG.SIGNED.TOKEN' })
    fireEvent.click(screen.getByText('收起'))
    expect(screen.queryByText('LONG.SIGNED.TOKEN')).toBeNull()
  })

  it('offers no code text unless the page allows it', async () => {
    view(jest.fn().mockResolvedValue(code(60)))
    await screen.findByText('签到码 60 秒后自动更新')
    expect(screen.queryByText('无法扫码？显示码值')).toBeNull()
  })

  it('a manual refresh brings a new code', async () => {
    const fetcher = jest.fn<Promise<RotatingQr>, []>().mockResolvedValueOnce(code(60, 'ONE')).mockResolvedValue(code(60, 'TWO'))
    view(fetcher)
    await screen.findByText('签到码 60 秒后自动更新')
    await act(async () => {
      fireEvent.click(screen.getByText('刷新签到码'))
    })
    await waitFor(() => expect(document.querySelector('.lg-rqr__image')?.getAttribute('src')).toContain('TWO'))
  })
})
