import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { typeIntoField } from '@fixtures/taro-dom'
import type { DeskCheck, Redemption } from '@contract/lines/benefits'
import { ApiError } from '@/services/api-error'
import { clearSession } from '@/services/session-store'
import { checkDeskCode, getDeskHome, redeemAtDesk } from '../../api'
import DeskPage from './index'
import { signIn } from '@fixtures/session'

jest.mock('../../api', () => ({
  getDeskHome: jest.fn(),
  checkDeskCode: jest.fn(),
  redeemAtDesk: jest.fn(),
  listDeskRedemptions: jest.fn(),
  getDeskStatement: jest.fn(),
  undoAtDesk: jest.fn(),
}))
const mockedHome = getDeskHome as jest.MockedFunction<typeof getDeskHome>
const mockedCheck = checkDeskCode as jest.MockedFunction<typeof checkDeskCode>
const mockedRedeem = redeemAtDesk as jest.MockedFunction<typeof redeemAtDesk>

const merchantId = '00000000-0000-4000-8000-000000000001'
const threshold: DeskCheck = {
  kind: 'coupon',
  offerKind: 'threshold',
  title: '满 100 减 20',
  summary: '满 100 减 20',
  memberNameMasked: '李**',
  memberNumberMasked: 'LG****0001',
  needsBillAmount: true,
  threshold: 100,
  couponExpiresAt: '2026-12-09T00:00:00Z',
}
const done: Redemption = {
  id: 'r-1',
  merchantId,
  kind: 'threshold',
  title: '满 100 减 20',
  memberNameMasked: '李**',
  bill: 120,
  saved: 20,
  fundedBy: 'merchant',
  at: '2026-12-02T04:00:00Z',
  cashierName: '小周',
  status: 'done',
  undoneAt: null,
  undoReason: null,
  undoUntil: '2026-12-02T04:05:00Z',
}

describe('商户收银台 (merchant desk)', () => {
  beforeEach(() => {
    signIn('u-1', '小周')
    mockedHome.mockResolvedValue({
      merchants: [{ id: merchantId, name: '海州老街面馆', address: '解放东路 40 号', status: 'active' }],
      undoMinutes: 5,
    })
    jest.spyOn(Taro, 'showModal').mockImplementation(() => Promise.resolve({ errMsg: 'ok', confirm: true, cancel: false }))
  })
  afterEach(() => {
    jest.resetAllMocks()
    act(() => clearSession())
  })

  const identify = async (code: string) => {
    typeIntoField('code', code)
    await act(async () => {
      fireEvent.click(screen.getByText('识别'))
    })
  }

  it('a typed code shows the offer and the masked member; a 满减 needs the bill before it is confirmed once', async () => {
    mockedCheck.mockResolvedValue(threshold)
    mockedRedeem.mockResolvedValue(done)
    render(<DeskPage />)
    await screen.findByText('海州老街面馆')
    await identify('COUPON.CODE')
    expect(mockedCheck).toHaveBeenCalledWith({ merchantId, code: 'COUPON.CODE' })
    expect(screen.getByText('李**（LG****0001）')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByText('确认核销'))
    })
    expect(mockedRedeem).not.toHaveBeenCalled()
    expect(screen.getByText('请填写消费金额')).toBeTruthy()
    typeIntoField('billAmount', '120')
    await act(async () => {
      fireEvent.click(screen.getByText('确认核销'))
    })
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认核销' }))
    expect(mockedRedeem).toHaveBeenCalledWith({ merchantId, code: 'COUPON.CODE', billAmount: 120 }, expect.any(String))
    expect(screen.getByTestId('desk-done').textContent).toContain('会员节省 20 元')
  })

  it('a coupon another till just used is refused in plain words', async () => {
    mockedCheck.mockResolvedValue({ ...threshold, offerKind: 'voucher', needsBillAmount: false, threshold: null })
    mockedRedeem.mockRejectedValue(new ApiError(409, 'ALREADY_REDEEMED', '该券刚刚已被核销，不能重复使用'))
    render(<DeskPage />)
    await screen.findByText('海州老街面馆')
    await identify('COUPON.CODE')
    await act(async () => {
      fireEvent.click(screen.getByText('确认核销'))
    })
    expect(await screen.findByText('该券刚刚已被核销，不能重复使用')).toBeTruthy()
    expect(screen.queryByTestId('desk-done')).toBeNull()
  })

  it('someone who is no cashier is told how to become one', async () => {
    mockedHome.mockResolvedValue({ merchants: [], undoMinutes: 5 })
    render(<DeskPage />)
    expect(await screen.findByText(/您还不是合作商户的收银员/)).toBeTruthy()
  })
})
