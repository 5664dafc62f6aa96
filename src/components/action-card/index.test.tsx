import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ActionCard } from './index'

describe('ActionCard', () => {
  afterEach(() => jest.restoreAllMocks())

  const card = (send: jest.Mock, extra: Partial<Parameters<typeof ActionCard>[0]> = {}) => (
    <ActionCard
      action='close'
      kind='danger'
      submitLabel='结案'
      body={{}}
      send={send}
      reload={() => undefined}
      successText='已结案'
      {...extra}
    />
  )

  it('a danger action asks first even when the line gave no words, in the app’s danger colour; 取消 sends nothing', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ errMsg: 'ok', confirm: false, cancel: true })
    const send = jest.fn().mockResolvedValue({})
    render(card(send))
    await act(async () => {
      fireEvent.click(screen.getByText('结案'))
    })
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '结案', confirmText: '结案', cancelText: '取消', confirmColor: '#b42318' }),
    )
    expect(send).not.toHaveBeenCalled()
  })

  it('once confirmed, it is sent; an action that is not dangerous goes without asking', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ errMsg: 'ok', confirm: true, cancel: false })
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' })
    const send = jest.fn().mockResolvedValue({})
    const { unmount } = render(card(send))
    await act(async () => {
      fireEvent.click(screen.getByText('结案'))
    })
    expect(send).toHaveBeenCalledTimes(1)
    unmount()

    modal.mockClear()
    const start = jest.fn().mockResolvedValue({})
    render(card(start, { action: 'start', kind: 'primary', submitLabel: '开始办理' }))
    await act(async () => {
      fireEvent.click(screen.getByText('开始办理'))
    })
    expect(modal).not.toHaveBeenCalled()
    expect(start).toHaveBeenCalledTimes(1)
  })
})
