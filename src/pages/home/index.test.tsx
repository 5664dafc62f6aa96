import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ServiceLine } from '@contract/catalogue'
import { SERVED_CATALOGUE_ID } from '@contract/served-page'
import { ApiError } from '@/services/api-error'
import { listNotices, listServices } from '@/services/api/core'
import * as sessionStore from '@/services/session-store'
import HomePage from './index'

jest.mock('@/services/api/core', () => ({
  listServices: jest.fn(),
  listNotices: jest.fn(),
}))

const line = (key: string, name: string, status: ServiceLine['status'], entryPath: string | null = null): ServiceLine => ({
  key,
  name,
  summary: '',
  glyph: name.slice(0, 1),
  color: '#c8161d',
  status,
  entryPath,
  myPath: null,
  myLabel: null,
})

const mockedServices = listServices as jest.MockedFunction<typeof listServices>
const mockedNotices = listNotices as jest.MockedFunction<typeof listNotices>

describe('首页 (home page)', () => {
  beforeEach(() => {
    mockedNotices.mockResolvedValue({
      notices: [{ id: 'n1', title: '连·工惠上线', body: '欢迎使用', publishedAt: '2026-11-20T01:00:00Z' }],
    })
    jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
    jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
  })
  afterEach(() => jest.restoreAllMocks())

  it('shows a loading state, then every service line from the API', async () => {
    let resolve: (value: { services: ServiceLine[] }) => void = () => undefined
    mockedServices.mockReturnValue(new Promise((done) => (resolve = done)))
    render(<HomePage />)
    expect(screen.getByText('正在加载服务…')).toBeTruthy()
    await act(async () =>
      resolve({
        services: [line('membership', '入会', 'open', '/membership/pages/apply/index'), line('training', '教育培训', 'coming_soon')],
      }),
    )
    expect(screen.getByText('入会')).toBeTruthy()
    expect(screen.getByText('教育培训')).toBeTruthy()
    expect(screen.getAllByText('即将开放')).toHaveLength(1)
    expect(screen.getByText('连·工惠上线')).toBeTruthy()
  })

  it('a line not yet open says so and does not navigate', async () => {
    mockedServices.mockResolvedValue({ services: [line('training', '教育培训', 'coming_soon')] })
    render(<HomePage />)
    fireEvent.click(await screen.findByText('教育培训'))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '教育培训即将开放' }))
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('when loading fails, then the error in Chinese and a retry that works', async () => {
    mockedServices.mockRejectedValueOnce(new ApiError(0, 'NETWORK'))
    mockedServices.mockResolvedValueOnce({ services: [line('membership', '入会', 'open', '/membership/pages/apply/index')] })
    render(<HomePage />)
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(screen.getByText('入会')).toBeTruthy())
  })

  it('a line with something open shows it on its tile and, with its detail, under the grid; a tap opens it', async () => {
    jest.spyOn(sessionStore, 'usableToken').mockReturnValue('token')
    mockedServices.mockResolvedValue({
      services: [
        {
          ...line('hardship', '困难帮扶', 'open', '/hardship/pages/index/index'),
          badge: { text: '金秋助学', detail: '名额剩 120 个 · 9月1日截止', path: '/hardship/pages/apply/index' },
        },
        line('legal_aid', '法律援助', 'open', '/legal-aid/pages/apply/index'),
      ],
    })
    render(<HomePage />)
    expect(await screen.findAllByText('金秋助学')).toHaveLength(2)
    fireEvent.click(screen.getByText('困难帮扶：名额剩 120 个 · 9月1日截止'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/hardship/pages/apply/index' })
  })
})

describe('首页 in a browser, with the catalogue the page came with', () => {
  afterEach(() => jest.restoreAllMocks())

  it('draws the grid in its first render and asks the API nothing; the next visit asks', async () => {
    const block = document.createElement('script')
    block.type = 'application/json'
    block.id = SERVED_CATALOGUE_ID
    block.textContent = JSON.stringify({
      services: [line('membership', '入会', 'open', '/membership/pages/apply/index')],
      notices: [{ id: 'n2', title: '春送岗位招聘会', body: '3月2日', publishedAt: '2026-11-20T01:00:00Z' }],
    })
    document.head.appendChild(block)
    mockedServices.mockClear()
    mockedNotices.mockClear()

    const first = render(<HomePage />)
    // Synchronously: no loading state in between.
    expect(screen.getByText('入会')).toBeTruthy()
    expect(screen.getByText('春送岗位招聘会')).toBeTruthy()
    expect(screen.queryByText('正在加载服务…')).toBeNull()
    await act(async () => undefined)
    expect(mockedServices).not.toHaveBeenCalled()
    expect(mockedNotices).not.toHaveBeenCalled()
    expect(document.getElementById(SERVED_CATALOGUE_ID)).toBeNull()
    first.unmount()

    mockedServices.mockResolvedValue({ services: [line('legal_aid', '法律援助', 'open', '/legal-aid/pages/apply/index')] })
    mockedNotices.mockResolvedValue({ notices: [] })
    render(<HomePage />)
    expect(screen.getByText('正在加载服务…')).toBeTruthy()
    expect(await screen.findByText('法律援助')).toBeTruthy()
    expect(mockedServices).toHaveBeenCalledTimes(1)
  })
})
