import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { myCaseFixture, timelineEventFixture } from '@fixtures/legal-aid'
import { ApiError } from '@/services/api-error'
import { clearSession } from '@/services/session-store'
import { getMyLegalAidCase, withdrawLegalAidCase } from '../../api'
import CasePage from './index'
import { signIn } from '@fixtures/session'

jest.mock('../../api', () => ({ getMyLegalAidCase: jest.fn(), withdrawLegalAidCase: jest.fn(), sendCaseMessage: jest.fn() }))
const mockedCase = getMyLegalAidCase as jest.MockedFunction<typeof getMyLegalAidCase>
const mockedWithdraw = withdrawLegalAidCase as jest.MockedFunction<typeof withdrawLegalAidCase>

describe('案件详情 (the worker’s case page)', () => {
  beforeEach(() => {
    signIn('u-1', '王小明')
    jest.spyOn(Taro, 'useRouter').mockImplementation(() => ({ params: { id: 'c-1' }, path: '/legal-aid/pages/case/index' }) as never)
    jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
    jest.spyOn(Taro, 'showModal').mockImplementation(() => Promise.resolve({ errMsg: 'ok', confirm: true, cancel: false }))
  })
  afterEach(() => {
    jest.restoreAllMocks()
    jest.clearAllMocks()
    act(() => clearSession())
  })

  it('shows the history oldest first, down to the current step', async () => {
    mockedCase.mockResolvedValue(
      myCaseFixture({
        status: 'accepted',
        timeline: [
          timelineEventFixture({
            at: '2026-11-21T02:00:00Z',
            fromStatus: 'submitted',
            toStatus: 'accepted',
            action: 'accept',
            actorName: '法律工作部',
          }),
          timelineEventFixture({ at: '2026-11-20T02:00:00Z' }),
        ],
      }),
    )
    const { container } = render(<CasePage />)
    await screen.findByText('工会将在11月27日前决定是否受理')
    const titles = Array.from(container.querySelectorAll('.lg-timeline__title')).map((title) => title.textContent)
    expect(titles).toEqual(['待受理', '已受理'])
    expect(container.querySelector('.lg-timeline__item--current .lg-timeline__title')?.textContent).toBe('已受理')
  })

  it('a withdrawal retried after a lost answer is the same request (same key), then the case reloads', async () => {
    mockedCase.mockResolvedValue(myCaseFixture())
    mockedWithdraw.mockRejectedValueOnce(new ApiError(0, 'TIMEOUT')).mockResolvedValueOnce({} as never)
    render(<CasePage />)
    const withdraw = await screen.findByText('撤回申请')
    await act(async () => {
      fireEvent.click(withdraw)
    })
    await act(async () => {
      fireEvent.click(screen.getByText('撤回申请'))
    })
    expect(mockedWithdraw).toHaveBeenCalledTimes(2)
    expect(mockedWithdraw.mock.calls[1]![2]).toBe(mockedWithdraw.mock.calls[0]![2])
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回申请' }))
    expect(mockedCase).toHaveBeenCalledTimes(2)
  })

  it('a link whose id is cut off says the case was not found, with the way back, not that something was filled in wrong', async () => {
    mockedCase.mockRejectedValue(new ApiError(400, 'VALIDATION_FAILED', '填写的内容有误', { id: '编号格式不正确' }))
    render(<CasePage />)
    expect(await screen.findByText('没有找到这条记录，链接可能不完整，请从列表重新进入')).toBeTruthy()
    expect(screen.queryByText('填写的内容有误')).toBeNull()
    expect(screen.getByText('返回')).toBeTruthy()
  })
})
