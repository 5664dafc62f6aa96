import Taro from '@tarojs/taro'
import { uploadFile } from './upload'

describe('uploadFile', () => {
  afterEach(() => {
    jest.useRealTimers()
    jest.restoreAllMocks()
  })

  it('a file whose upload never answers ends as failed (timeout), and the upload is stopped', async () => {
    jest.useFakeTimers()
    const abort = jest.fn()
    // What Taro's H5 upload does when the browser refuses to read the picked file back: nothing.
    const task = Object.assign(new Promise(() => undefined), { progress: jest.fn(), abort })
    jest.spyOn(Taro, 'uploadFile').mockReturnValue(task as unknown as ReturnType<typeof Taro.uploadFile>)
    const handle = uploadFile('blob:http://localhost/1', '工资条.png', () => undefined)
    const outcome = handle.done.catch((error: { code: string }) => error.code)
    jest.advanceTimersByTime(131_000)
    await expect(outcome).resolves.toBe('TIMEOUT')
    expect(abort).toHaveBeenCalled()
  })
})
