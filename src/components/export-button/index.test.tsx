import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/api-error'
import { openSpreadsheet } from '@/services/download'
import { ExportButton } from './index'

jest.mock('@/services/download', () => ({ openSpreadsheet: jest.fn() }))
const mockedOpen = openSpreadsheet as jest.MockedFunction<typeof openSpreadsheet>

describe('ExportButton', () => {
  beforeEach(() => jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' }))
  afterEach(() => {
    mockedOpen.mockReset()
    jest.restoreAllMocks()
  })

  it('is busy while the spreadsheet is made (a second tap makes nothing), then says it is saved', async () => {
    let done: () => void = () => undefined
    mockedOpen.mockImplementation(() => new Promise<void>((resolve) => (done = resolve)))
    render(<ExportButton path='/api/workbench/training/export' fileName='培训报名名单' />)
    fireEvent.click(screen.getByText('导出表格'))
    fireEvent.click(screen.getByText('正在导出…'))
    expect(mockedOpen).toHaveBeenCalledTimes(1)
    expect(mockedOpen).toHaveBeenCalledWith('/api/workbench/training/export', '培训报名名单')
    await act(async () => done())
    expect(screen.getByText('导出表格')).toBeTruthy()
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '表格已下载' }))
  })

  it('a failure stays under the button, in Chinese, until the next try', async () => {
    mockedOpen.mockRejectedValueOnce(new ApiError(500, 'INTERNAL', '导出失败，请稍后再试')).mockResolvedValueOnce()
    render(
      <ExportButton path='/api/x' fileName='台账'>
        导出台账
      </ExportButton>,
    )
    await act(async () => {
      fireEvent.click(screen.getByText('导出台账'))
    })
    expect(screen.getByRole('alert').textContent).toBe('导出失败，请稍后再试')
    await act(async () => {
      fireEvent.click(screen.getByText('导出台账'))
    })
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
