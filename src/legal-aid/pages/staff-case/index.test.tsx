import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { staffCaseFixture } from '@fixtures/legal-aid'
import { typeIntoField } from '@fixtures/taro-dom'
import { ApiError } from '@/services/api-error'
import { clearSession } from '@/services/session-store'
import { actOnCase, addCaseNote, getStaffLegalAidCase } from '../../api'
import StaffCasePage from './index'
import { signIn } from '@fixtures/session'

jest.mock('../../api', () => ({
  getStaffLegalAidCase: jest.fn(),
  actOnCase: jest.fn(),
  addCaseNote: jest.fn(),
  listLawyers: jest.fn(async () => ({ lawyers: [] })),
  replyToCase: jest.fn(),
}))
const mockedCase = getStaffLegalAidCase as jest.MockedFunction<typeof getStaffLegalAidCase>
const mockedAct = actOnCase as jest.MockedFunction<typeof actOnCase>
const mockedNote = addCaseNote as jest.MockedFunction<typeof addCaseNote>

const within = (action: string) => document.querySelector(`.lg-action[data-action="${action}"]`)!
const tap = async (element: Element) => {
  await act(async () => {
    fireEvent.click(element)
  })
}
const button = (action: string) => within(action).querySelector(`[data-testid="act-${action}"]`)!

describe('办理法律援助案件 (staff case page)', () => {
  let answerModal: boolean
  beforeEach(() => {
    answerModal = true
    signIn('legal-1', '陈律')
    jest.spyOn(Taro, 'useRouter').mockImplementation(() => ({ params: { id: 'c-1' }, path: '/legal-aid/pages/staff-case/index' }) as never)
    jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
    jest.spyOn(Taro, 'showModal').mockImplementation(() => Promise.resolve({ errMsg: 'ok', confirm: answerModal, cancel: !answerModal }))
    Taro.clearStorageSync()
  })
  afterEach(() => {
    jest.restoreAllMocks()
    jest.clearAllMocks()
    act(() => clearSession())
  })

  it('offers exactly the actions the server allows', async () => {
    mockedCase.mockResolvedValue(staffCaseFixture({ actions: ['accept', 'decline'] }))
    render(<StaffCasePage />)
    await screen.findByText('受理')
    expect(Array.from(document.querySelectorAll('.lg-action')).map((card) => card.getAttribute('data-action'))).toEqual([
      'accept',
      'decline',
      'note',
    ])
    expect(within('assign')).toBeNull()
    expect(within('note')).toBeTruthy()
  })

  it('each action has its own key; a retry of one action keeps its key', async () => {
    mockedCase.mockResolvedValue(staffCaseFixture())
    mockedAct.mockRejectedValueOnce(new ApiError(0, 'TIMEOUT')).mockResolvedValue({} as never)
    mockedNote.mockResolvedValue({ ok: true })
    render(<StaffCasePage />)
    await screen.findByText('受理')
    await tap(button('accept'))
    await tap(button('accept'))
    typeIntoField('note', '已电话联系用人单位', within('note'))
    await tap(button('note'))
    const acceptKeys = mockedAct.mock.calls.map((call) => call[3])
    expect(acceptKeys[0]).toBe(acceptKeys[1])
    expect(mockedNote.mock.calls[0]![2]).not.toBe(acceptKeys[0])
  })

  it('declining asks first, and says at the field what is missing', async () => {
    mockedCase.mockResolvedValue(staffCaseFixture())
    render(<StaffCasePage />)
    await screen.findByText('受理')
    await tap(button('decline'))
    expect(within('decline').textContent).toContain('请填写不予受理的原因')
    typeIntoField('reason', '不属于劳动争议', within('decline'))
    answerModal = false
    await tap(button('decline'))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '不予受理' }))
    expect(mockedAct).not.toHaveBeenCalled()
  })

  it('when someone else decided meanwhile, the page reloads and says so', async () => {
    mockedCase.mockResolvedValueOnce(staffCaseFixture()).mockResolvedValue(staffCaseFixture({ status: 'accepted', actions: ['assign'] }))
    mockedAct.mockRejectedValue(new ApiError(409, 'WRONG_STATUS', '案件当前为“已受理”，不能受理'))
    render(<StaffCasePage />)
    await screen.findByText('受理')
    await tap(button('accept'))
    await waitFor(() => expect(within('assign')).toBeTruthy())
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '案件当前为“已受理”，不能受理' }))
  })
})
