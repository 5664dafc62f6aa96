import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { submitLegalAidCase } from '@/services/api/legal-aid'
import { clearSession, setSession } from '@/services/session-store'
import ApplyPage from './index'

jest.mock('@/services/api/legal-aid', () => ({ submitLegalAidCase: jest.fn() }))

const mockedSubmit = submitLegalAidCase as jest.MockedFunction<typeof submitLegalAidCase>

describe('申请法律援助 (apply page)', () => {
  beforeEach(() => {
    Taro.clearStorageSync()
    setSession({
      token: 'token',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u1', nickname: '王小明', phoneMasked: null, roles: [], createdAt: '' },
    })
    jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
    jest.spyOn(Taro, 'redirectTo').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
  })
  afterEach(() => {
    jest.restoreAllMocks()
    // Mounted pages listen to the session: the change must happen inside act().
    act(() => clearSession())
  })

  it('when sent empty, then a Chinese message under each field and nothing is sent', async () => {
    render(<ApplyPage />)
    await act(async () => fireEvent.click(screen.getByText('提交申请')))
    expect(screen.getByText('请选择案件类型')).toBeTruthy()
    expect(screen.getByText('请填写事情经过')).toBeTruthy()
    expect(screen.getByText('请填写用人单位名称')).toBeTruthy()
    expect(screen.getByText('请填写月收入')).toBeTruthy()
    expect(screen.getByText('请阅读并同意个人信息处理说明')).toBeTruthy()
    expect(mockedSubmit).not.toHaveBeenCalled()
  })

  it('keeps what was typed on the device: a new visit restores it', async () => {
    const { unmount } = render(<ApplyPage />)
    await act(async () => fireEvent.click(screen.getByText('工伤')))
    unmount()
    render(<ApplyPage />)
    expect(screen.getByText('已恢复您上次没填完的内容。')).toBeTruthy()
    expect(screen.getByText('工伤').className).toContain('chip-on')
  })

  it('without login, then it asks to log in first', () => {
    act(() => clearSession())
    render(<ApplyPage />)
    expect(screen.getByText('去登录')).toBeTruthy()
  })
})
