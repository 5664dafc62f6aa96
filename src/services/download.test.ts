import Taro from '@tarojs/taro'
import { apiConfig } from './config'
import { openSpreadsheet, spreadsheetName } from './download'
import { setReauthenticator } from './request'
import { clearSession, setSession } from './session-store'

const session = (token: string) =>
  setSession({
    token,
    expiresAt: '2999-01-01T00:00:00Z',
    user: { id: 'u-1', nickname: '王丽', phoneMasked: null, roles: [], createdAt: '' },
  })

const failure = (error: unknown) => (error as Error).message

describe('spreadsheetName', () => {
  it('keeps a readable name, safe for a file system, ending in .xlsx', () => {
    expect(spreadsheetName('培训报名名单 2026/12')).toBe('培训报名名单_2026_12.xlsx')
    expect(spreadsheetName('帮扶台账.xlsx')).toBe('帮扶台账.xlsx')
    expect(spreadsheetName('../')).toBe('导出.xlsx')
  })
})

describe('openSpreadsheet in a browser', () => {
  const fetchMock = jest.fn()
  let clicked: Array<{ href: string; download: string }>

  beforeEach(() => {
    session('t-1')
    clicked = []
    global.fetch = fetchMock as unknown as typeof fetch
    URL.createObjectURL = jest.fn(() => 'blob:http://localhost/sheet')
    URL.revokeObjectURL = jest.fn()
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download })
    })
  })
  afterEach(() => {
    fetchMock.mockReset()
    jest.restoreAllMocks()
    setReauthenticator(async () => false)
    clearSession()
  })

  const answer = (status: number, body?: unknown) => ({
    ok: status >= 200 && status < 300,
    status,
    blob: () => Promise.resolve(new Blob(['PK…'])),
    json: () => (body === undefined ? Promise.reject(new SyntaxError('not JSON')) : Promise.resolve(body)),
  })

  it('downloads with the session token and saves the file under its name', async () => {
    fetchMock.mockResolvedValue(answer(200))
    await openSpreadsheet('/api/workbench/training/export?year=2026', '培训报名名单')
    expect(fetchMock).toHaveBeenCalledWith('/api/workbench/training/export?year=2026', { headers: { authorization: 'Bearer t-1' } })
    expect(clicked).toEqual([{ href: 'blob:http://localhost/sheet', download: '培训报名名单.xlsx' }])
    expect(document.querySelector('a[download]')).toBeNull()
  })

  it('a refusal reads as the server says it; an answer without a message as 导出失败', async () => {
    fetchMock.mockResolvedValueOnce(answer(403, { code: 'FORBIDDEN', message: '您没有权限进行此操作' }))
    await expect(openSpreadsheet('/api/x', 'x').catch(failure)).resolves.toBe('您没有权限进行此操作')
    fetchMock.mockResolvedValueOnce(answer(502))
    await expect(openSpreadsheet('/api/x', 'x').catch(failure)).resolves.toBe('导出失败，请稍后再试')
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(openSpreadsheet('/api/x', 'x').catch(failure)).resolves.toBe('网络不给力，请检查网络后重试')
    expect(clicked).toEqual([])
  })

  it('a gone session is renewed once and the download tried again', async () => {
    setReauthenticator(async () => {
      session('t-2')
      return true
    })
    fetchMock.mockResolvedValueOnce(answer(401, { code: 'UNAUTHENTICATED', message: '请先登录' })).mockResolvedValueOnce(answer(200))
    await openSpreadsheet('/api/x', '台账')
    expect(fetchMock).toHaveBeenLastCalledWith('/api/x', { headers: { authorization: 'Bearer t-2' } })
    expect(clicked).toHaveLength(1)
  })
})

describe('openSpreadsheet in WeChat', () => {
  const files = { unlinkSync: jest.fn(), readFileSync: jest.fn(), writeFile: jest.fn() }
  const env = Taro.env as { USER_DATA_PATH?: string }
  const cloud = Taro as unknown as { cloud?: unknown }

  beforeEach(() => {
    session('t-1')
    process.env.TARO_ENV = 'weapp'
    env.USER_DATA_PATH = 'wxfile://usr'
    jest.spyOn(Taro, 'getFileSystemManager').mockReturnValue(files as unknown as Taro.FileSystemManager)
    jest.spyOn(Taro, 'openDocument').mockResolvedValue({ errMsg: 'openDocument:ok' })
  })
  afterEach(() => {
    process.env.TARO_ENV = 'h5'
    delete env.USER_DATA_PATH
    apiConfig.cloudEnv = ''
    delete cloud.cloud
    Object.values(files).forEach((mock) => mock.mockReset())
    jest.restoreAllMocks()
    clearSession()
  })

  const downloaded = (statusCode: number) =>
    jest
      .spyOn(Taro, 'downloadFile')
      .mockResolvedValue({ statusCode, filePath: 'wxfile://usr/报名名单.xlsx', tempFilePath: '', errMsg: 'downloadFile:ok' } as never)

  it('downloads with the session token into a file of that name and opens it with the forwarding menu', async () => {
    const download = downloaded(200)
    await openSpreadsheet('/api/workbench/training/export', '报名名单')
    expect(download).toHaveBeenCalledWith({
      url: '/api/workbench/training/export',
      header: { authorization: 'Bearer t-1' },
      filePath: 'wxfile://usr/报名名单.xlsx',
      timeout: 60_000,
    })
    expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/报名名单.xlsx', fileType: 'xlsx', showMenu: true })
  })

  it('a refusal is read from the saved answer, which is then deleted, and nothing opens', async () => {
    downloaded(403)
    files.readFileSync.mockReturnValue(JSON.stringify({ code: 'FORBIDDEN', message: '您没有权限进行此操作' }))
    await expect(openSpreadsheet('/api/x', '报名名单').catch(failure)).resolves.toBe('您没有权限进行此操作')
    expect(files.unlinkSync).toHaveBeenLastCalledWith('wxfile://usr/报名名单.xlsx')
    expect(Taro.openDocument).not.toHaveBeenCalled()
  })

  it('a network failure and a viewer that cannot open it both say so in Chinese', async () => {
    jest.spyOn(Taro, 'downloadFile').mockRejectedValueOnce({ errMsg: 'downloadFile:fail timeout' } as never)
    await expect(openSpreadsheet('/api/x', 'x').catch(failure)).resolves.toBe('请求超时，请稍后重试')
    downloaded(200)
    jest.spyOn(Taro, 'openDocument').mockRejectedValueOnce({ errMsg: 'openDocument:fail' })
    await expect(openSpreadsheet('/api/x', 'x').catch(failure)).resolves.toBe('表格已下载，但无法打开，请稍后再试')
  })

  it('behind Cloud Run, the bytes come through callContainer and are written to the file', async () => {
    apiConfig.cloudEnv = 'prod-1'
    const bytes = new ArrayBuffer(4)
    const callContainer = jest.fn().mockResolvedValue({ statusCode: 200, data: bytes })
    cloud.cloud = { callContainer }
    files.writeFile.mockImplementation((option: { success: () => void }) => option.success())
    await openSpreadsheet('/api/x', '台账')
    expect(callContainer).toHaveBeenCalledWith(expect.objectContaining({ path: '/api/x', method: 'GET', responseType: 'arraybuffer' }))
    expect(files.writeFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://usr/台账.xlsx', data: bytes }))
    expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/台账.xlsx', fileType: 'xlsx', showMenu: true })
  })
})
