import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { typeIntoField } from '@fixtures/taro-dom'
import { ApiError } from '@/services/api-error'
import { clearSession, setSession } from '@/services/session-store'
import { readStored, writeStored } from '@/services/storage'
import { applicationFixture, completeDraftFixture, FIXTURE_ID_NUMBER } from '@fixtures/membership'
import { getMyMembership, submitApplication } from '../../api'
import { applicationDraftKey, emptyForm, newDraft, type ApplicationDraft } from '../../application-form'
import ApplyPage from './index'

jest.mock('../../api', () => ({
  getMyMembership: jest.fn(),
  submitApplication: jest.fn(),
  resubmitApplication: jest.fn(),
}))
jest.mock('@/services/api/account', () => ({ bindWechatPhone: jest.fn() }))
const mockedMine = getMyMembership as jest.MockedFunction<typeof getMyMembership>
const mockedSubmit = submitApplication as jest.MockedFunction<typeof submitApplication>

const USER = { id: 'u-1', nickname: '王小明', phoneMasked: null, roles: [], createdAt: '2026-11-01T00:00:00Z' }
const ID = FIXTURE_ID_NUMBER

/** A draft filled in up to the last step, as if the worker had got there earlier. */
const completeDraft = () => completeDraftFixture(5)

const readDraft = () => readStored<{ v: ApplicationDraft }>(applicationDraftKey(USER.id))?.v

/** The page's query string, as the router would give it. */
const routeParams: Record<string, string> = {}

/** The worker's application, waiting for review. */
const waiting = () => applicationFixture({ idNumberMasked: `3207**********${ID.slice(-4)}` })

describe('入会申请 (application page)', () => {
  beforeEach(() => {
    localStorage.clear()
    setSession({ token: 't', expiresAt: '2999-01-01T00:00:00Z', user: USER })
    mockedMine.mockResolvedValue({ application: null, membership: null })
    jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
    jest.spyOn(Taro, 'redirectTo').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
    jest.spyOn(Taro, 'pageScrollTo').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
    for (const key of Object.keys(routeParams)) delete routeParams[key]
    jest.spyOn(Taro, 'useRouter').mockImplementation(() => ({ params: routeParams, path: '/membership/pages/apply/index' }) as never)
  })
  afterEach(() => {
    jest.restoreAllMocks()
    mockedSubmit.mockReset()
    // Mounted pages listen to the session: the change must happen inside act().
    act(() => clearSession())
  })

  it('will not leave a step with errors, says why per field, and keeps what was done across a restart', async () => {
    const first = render(<ApplyPage />)
    fireEvent.click(await screen.findByText('下一步'))
    expect(screen.getByText('请单独同意处理您的身份证号（敏感个人信息），否则无法办理入会')).toBeTruthy()
    fireEvent.click(screen.getByText('我已阅读并同意《入会须知》和《个人信息处理规则》'))
    fireEvent.click(screen.getByText('我同意工会处理我的身份证号（敏感个人信息），用于核实身份和办理入会'))
    fireEvent.click(screen.getByText('下一步'))
    expect(await screen.findByText('第 2 步，共 6 步')).toBeTruthy()
    first.unmount()

    // The app is killed and opened again: the worker is back on the same step.
    render(<ApplyPage />)
    expect(await screen.findByText('第 2 步，共 6 步')).toBeTruthy()
    expect(screen.getByText('已恢复您上次填写的内容')).toBeTruthy()
  })

  it('a retry after a lost answer, even after a restart, carries the same key; the draft goes only after the server has it', async () => {
    writeStored(applicationDraftKey(USER.id), { v: completeDraft() })
    mockedSubmit.mockRejectedValueOnce(new ApiError(0, 'NETWORK'))
    const first = render(<ApplyPage />)
    const submit = await screen.findByText('提交申请')
    await act(async () => {
      fireEvent.click(submit)
    })
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy()
    const firstKey = mockedSubmit.mock.calls[0]![1]
    first.unmount()

    mockedSubmit.mockResolvedValueOnce({ id: 'a-1' } as Awaited<ReturnType<typeof submitApplication>>)
    render(<ApplyPage />)
    const retry = await screen.findByText('提交申请')
    await act(async () => {
      fireEvent.click(retry)
    })
    expect(mockedSubmit).toHaveBeenLastCalledWith(expect.objectContaining({ idNumber: ID, orgId: 'lyg-haizhou-pool' }), firstKey)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/membership/pages/status/index' }))
    expect(localStorage.getItem(applicationDraftKey(USER.id))).toBeNull()
  })

  it('a form changed after a failed try is sent with a new key', async () => {
    writeStored(applicationDraftKey(USER.id), { v: completeDraft() })
    mockedSubmit.mockRejectedValueOnce(new ApiError(0, 'TIMEOUT')).mockResolvedValueOnce({ id: 'a-1' } as never)
    render(<ApplyPage />)
    const submit = await screen.findByText('提交申请')
    await act(async () => {
      fireEvent.click(submit)
    })
    // Back to the work step, a correction, and on to the end again.
    fireEvent.click(screen.getAllByText('修改')[2]!)
    await screen.findByText('第 4 步，共 6 步')
    typeIntoField('employer', '美团外卖（海州站点）')
    fireEvent.click(screen.getByText('下一步'))
    fireEvent.click(await screen.findByText('下一步'))
    const again = await screen.findByText('提交申请')
    await act(async () => {
      fireEvent.click(again)
    })
    expect(mockedSubmit).toHaveBeenCalledTimes(2)
    expect(mockedSubmit.mock.calls[1]![0]).toMatchObject({ employer: '美团外卖（海州站点）' })
    expect(mockedSubmit.mock.calls[1]![1]).not.toBe(mockedSubmit.mock.calls[0]![1])
  })

  it('when the server refuses a field, the worker is taken to its step with the message, and nothing is lost', async () => {
    writeStored(applicationDraftKey(USER.id), { v: completeDraft() })
    const message = '该身份证号已是“连云港市第一人民医院工会”的会员，无需重复申请。'
    mockedSubmit.mockRejectedValue(new ApiError(409, 'ALREADY_MEMBER', message, { idNumber: message }))
    render(<ApplyPage />)
    const submit = await screen.findByText('提交申请')
    await act(async () => {
      fireEvent.click(submit)
    })
    expect(await screen.findByText('第 2 步，共 6 步')).toBeTruthy()
    expect(screen.getAllByText(message).length).toBeGreaterThan(0)
    expect(localStorage.getItem(applicationDraftKey(USER.id))).not.toBeNull()
  })

  it('when an application is already in, says so instead of a blank form', async () => {
    mockedMine.mockResolvedValue({
      application: { status: 'submitted' } as Awaited<ReturnType<typeof getMyMembership>>['application'],
      membership: null,
    })
    render(<ApplyPage />)
    expect(await screen.findByText('您已提交过入会申请（待审核），不需要重复填写。')).toBeTruthy()
  })

  it('opened from the status page (?edit=1), a waiting application comes back for correcting', async () => {
    routeParams.edit = '1'
    mockedMine.mockResolvedValue({ application: waiting(), membership: null })
    render(<ApplyPage />)
    expect(await screen.findByText(/修改入会申请/)).toBeTruthy()
    expect(screen.queryByText(/您已提交过入会申请/)).toBeNull()
  })

  it('a correction in progress survives a visit that was not for editing; a stale new-application draft does not', async () => {
    mockedMine.mockResolvedValue({ application: waiting(), membership: null })
    const correction: ApplicationDraft = {
      ...newDraft(),
      mode: 'resubmit',
      applicationId: 'a-1',
      form: { ...emptyForm, employer: '改了一半' },
    }
    writeStored(applicationDraftKey(USER.id), { v: correction })
    const first = render(<ApplyPage />)
    await screen.findByText('您已提交过入会申请（待审核），不需要重复填写。')
    expect(readDraft()).toMatchObject({ form: { employer: '改了一半' } })
    first.unmount()

    writeStored(applicationDraftKey(USER.id), { v: completeDraft() })
    render(<ApplyPage />)
    await screen.findByText('您已提交过入会申请（待审核），不需要重复填写。')
    await waitFor(() => expect(readDraft()).toBeUndefined())
  })

  it('after a failed 下一步, the first field in error is scrolled into view', async () => {
    const scrolled: Element[] = []
    const scrollIntoView = jest.fn(function (this: Element) {
      scrolled.push(this)
    })
    Object.defineProperty(Element.prototype, 'scrollIntoView', { value: scrollIntoView, configurable: true, writable: true })
    try {
      const { container } = render(<ApplyPage />)
      fireEvent.click(await screen.findByText('下一步'))
      await waitFor(() => expect(scrollIntoView).toHaveBeenCalledTimes(1))
      expect(scrolled[0]).toBe(container.querySelector('[data-field="consentNotice"]'))
      expect(scrolled[0]!.className).toContain('lg-field--invalid')
    } finally {
      delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView
    }
  })

  it('“已恢复” is said on the step the worker comes back to, not on the steps after it', async () => {
    writeStored(applicationDraftKey(USER.id), { v: completeDraftFixture(1) })
    render(<ApplyPage />)
    expect(await screen.findByText('第 2 步，共 6 步')).toBeTruthy()
    expect(screen.getByText('已恢复您上次填写的内容')).toBeTruthy()
    fireEvent.click(screen.getByText('下一步'))
    expect(await screen.findByText('第 3 步，共 6 步')).toBeTruthy()
    expect(screen.queryByText('已恢复您上次填写的内容')).toBeNull()
  })
})
