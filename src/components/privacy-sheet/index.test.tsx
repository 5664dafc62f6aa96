import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { installPrivacyHandler } from '@/services/privacy'
import { PrivacySheet } from './index'

type Listener = Parameters<typeof Taro.onNeedPrivacyAuthorization>[0]

describe('PrivacySheet (WeChat privacy authorization)', () => {
  let listener: Listener | undefined
  const resolve = jest.fn()

  beforeAll(() => {
    process.env.TARO_ENV = 'weapp'
    Object.assign(Taro, { onNeedPrivacyAuthorization: (callback: Listener) => (listener = callback) })
    installPrivacyHandler()
    process.env.TARO_ENV = 'h5'
  })

  it('appears when WeChat pauses a privacy API, tells WeChat it was shown, and passes on the answer', () => {
    render(<PrivacySheet />)
    expect(screen.queryByText('个人信息保护提示')).toBeNull()

    act(() => listener!(resolve, { referrer: 'getPhoneNumber' }))
    expect(screen.getByText('个人信息保护提示')).toBeTruthy()
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })

    fireEvent.click(screen.getByText('不同意'))
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(screen.queryByText('个人信息保护提示')).toBeNull()
  })
})
