import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ApiState } from '@/hooks/useApi'
import { ApiError } from '@/services/api-error'
import { StateView } from './index'

const failed = (error: ApiError, reload = jest.fn()): ApiState<string[]> => ({ data: undefined, error, loading: false, reload })

describe('StateView', () => {
  afterEach(() => jest.restoreAllMocks())

  it('shows loading, then the empty text when there is nothing', () => {
    const reload = jest.fn()
    const { rerender } = render(<StateView state={{ data: undefined, error: undefined, loading: true, reload }}>{() => null}</StateView>)
    expect(screen.getByText('加载中…')).toBeTruthy()
    rerender(
      <StateView
        state={{ data: [], error: undefined, loading: false, reload }}
        isEmpty={(items) => items.length === 0}
        emptyText='还没有案件'
      >
        {() => null}
      </StateView>,
    )
    expect(screen.getByText('还没有案件')).toBeTruthy()
  })

  it('offers to try again after a failure that may pass', () => {
    const reload = jest.fn()
    render(<StateView state={failed(new ApiError(0, 'NETWORK'), reload)}>{() => null}</StateView>)
    fireEvent.click(screen.getByText('重试'))
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('offers a way back, not a retry, when the record is not theirs or not there', () => {
    const back = jest.spyOn(Taro, 'navigateBack').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}, {}] as ReturnType<typeof Taro.getCurrentPages>)
    for (const error of [new ApiError(403, 'FORBIDDEN', '您没有权限进行此操作'), new ApiError(404, 'NOT_FOUND', '没有找到')]) {
      const { unmount } = render(<StateView state={failed(error)}>{() => null}</StateView>)
      expect(screen.getByText(error.message)).toBeTruthy()
      expect(screen.queryByText('重试')).toBeNull()
      fireEvent.click(screen.getByText('返回'))
      unmount()
    }
    expect(back).toHaveBeenCalledTimes(2)
  })

  it('goes home when there is no page to go back to', () => {
    const home = jest.spyOn(Taro, 'switchTab').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}] as ReturnType<typeof Taro.getCurrentPages>)
    render(<StateView state={failed(new ApiError(404, 'NOT_FOUND', '没有找到'))}>{() => null}</StateView>)
    fireEvent.click(screen.getByText('返回'))
    expect(home).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })
})
