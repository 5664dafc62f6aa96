import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MemberCard } from '@contract/lines/membership'
import { ApiError } from '@/services/api-error'
import { clearSession } from '@/services/session-store'
import { getMemberCard } from '../../api'
import MemberCardPage from './index'
import { signIn } from '@fixtures/session'

jest.mock('../../api', () => ({ getMemberCard: jest.fn() }))
const mockedCard = getMemberCard as jest.MockedFunction<typeof getMemberCard>

/** A card whose code lives `lifetimeSeconds` on the server's clock (deliberately not the phone's). */
const card = (lifetimeSeconds: number, image = 'data:image/png;base64,AAAA'): MemberCard => ({
  name: '李秀英',
  memberNumber: 'LG2026000001',
  cardNumber: '3207000000000013',
  orgName: '连云港市第一人民医院工会',
  joinedAt: '2026-10-16T00:00:00Z',
  qr: {
    imageDataUrl: image,
    code: 'LG-CODE-0001',
    issuedAt: '2020-01-01T00:00:00.000Z',
    expiresAt: new Date(Date.parse('2020-01-01T00:00:00.000Z') + lifetimeSeconds * 1000).toISOString(),
  },
})

describe('电子会员卡 (member card page)', () => {
  beforeEach(() => {
    signIn('u-1', '李秀英')
    jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
  })
  afterEach(() => {
    jest.restoreAllMocks()
    mockedCard.mockReset()
    act(() => clearSession())
  })

  it('shows the card and a countdown measured by the server, whatever the phone clock says', async () => {
    mockedCard.mockResolvedValue(card(60))
    render(<MemberCardPage />)
    expect(await screen.findByText('李秀英')).toBeTruthy()
    expect(screen.getByText('会员号 LG2026000001')).toBeTruthy()
    expect(screen.getByText('3207 0000 0000 0013')).toBeTruthy()
    // issuedAt is years ago by the phone's clock: the code must still count as fresh.
    expect(screen.getByText('会员码 60 秒后自动更新')).toBeTruthy()
  })

  it('fetches a new code by itself just before the current one runs out, and on a tap', async () => {
    mockedCard.mockResolvedValueOnce(card(4, 'data:image/png;base64,FIRST')).mockResolvedValue(card(60, 'data:image/png;base64,NEXT'))
    render(<MemberCardPage />)
    await screen.findByText('李秀英')
    await waitFor(() => expect(mockedCard).toHaveBeenCalledTimes(2), { timeout: 3000 })
    await act(async () => {
      fireEvent.click(screen.getByText('刷新会员码'))
    })
    await waitFor(() => expect(mockedCard).toHaveBeenCalledTimes(3))
  })

  it('when the worker is not a member, then says so and offers to apply', async () => {
    mockedCard.mockRejectedValue(new ApiError(404, 'NOT_A_MEMBER'))
    render(<MemberCardPage />)
    fireEvent.click(await screen.findByText('申请入会'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/membership/pages/status/index' })
    fireEvent.click(screen.getByText('查看合作商户优惠'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/benefits/pages/merchants/index' })
  })

  it('when the network fails, then the error in Chinese with a retry', async () => {
    mockedCard.mockRejectedValueOnce(new ApiError(0, 'NETWORK')).mockResolvedValue(card(60))
    render(<MemberCardPage />)
    fireEvent.click(await screen.findByText('重试'))
    expect(await screen.findByText('李秀英')).toBeTruthy()
  })
})
