import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { typeIntoField as type } from '@fixtures/taro-dom'
import { ApiError } from '@/services/api-error'
import { clearSession, setSession } from '@/services/session-store'
import { submitLegalAidCase } from '../../api'
import ApplyPage from './index'

jest.mock('../../api', () => ({ submitLegalAidCase: jest.fn() }))

const mockedSubmit = submitLegalAidCase as jest.MockedFunction<typeof submitLegalAidCase>

function fillIn() {
  fireEvent.click(screen.getByText('欠薪'))
  type('description', '我在开发区一家物流公司做分拣员，公司从九月起拖欠工资，说资金紧张，到现在三个月一分没发。')
  type('demand', '要回拖欠的工资')
  type('employerName', '开发区某物流有限公司')
  type('employerAddress', '经济技术开发区黄河路 18 号')
  type('monthlyIncome', '4500')
  type('contactName', '王小明')
  type('contactPhone', '13812345678')
  fireEvent.click(screen.getByText('我同意工会为办理本案处理我的案情、收入和联系方式，并提供给承办律师。'))
}

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
    mockedSubmit.mockReset()
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

  it('when a field with an error is changed, then its message goes and the others stay', async () => {
    render(<ApplyPage />)
    await act(async () => fireEvent.click(screen.getByText('提交申请')))
    fireEvent.click(screen.getByText('工伤'))
    expect(screen.queryByText('请选择案件类型')).toBeNull()
    expect(screen.getByText('请填写事情经过')).toBeTruthy()
  })

  it('keeps what was typed on the device: a new visit restores it', async () => {
    const { unmount } = render(<ApplyPage />)
    await act(async () => fireEvent.click(screen.getByText('工伤')))
    unmount()
    render(<ApplyPage />)
    expect(screen.getByText('已恢复您上次没填完的内容。')).toBeTruthy()
    expect(screen.getByText('工伤').parentElement!.getAttribute('aria-checked')).toBe('true')
  })

  it('a retry after a lost answer carries the same key, even after the app was closed; then the case opens', async () => {
    mockedSubmit.mockRejectedValueOnce(new ApiError(0, 'TIMEOUT'))
    const first = render(<ApplyPage />)
    fillIn()
    await act(async () => fireEvent.click(screen.getByText('提交申请')))
    const firstKey = mockedSubmit.mock.calls[0]![1]
    first.unmount()

    mockedSubmit.mockResolvedValueOnce({ id: 'case-1' } as Awaited<ReturnType<typeof submitLegalAidCase>>)
    render(<ApplyPage />)
    await act(async () => fireEvent.click(screen.getByText('提交申请')))
    expect(mockedSubmit).toHaveBeenCalledTimes(2)
    expect(mockedSubmit.mock.calls[1]![1]).toBe(firstKey)
    expect(mockedSubmit.mock.calls[1]![0]).toMatchObject({ type: 'wage_arrears', monthlyIncome: 4500, contactPhone: '13812345678' })
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/legal-aid/pages/case/index?id=case-1' })
  })

  it('without login, then it asks to log in first', () => {
    act(() => clearSession())
    render(<ApplyPage />)
    expect(screen.getByText('去登录')).toBeTruthy()
  })
})
