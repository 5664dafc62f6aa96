import { act, renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/api-error'
import { fingerprint, useSubmission, type SubmissionOptions } from './useSubmission'

/** A send function that fails with each of `failures` in turn, then succeeds; it records the keys it got. */
function server(...failures: ApiError[]) {
  const keys: string[] = []
  const send = jest.fn(async (_body: unknown, key: string) => {
    keys.push(key)
    const failure = failures.shift()
    if (failure) throw failure
    return { ok: true }
  })
  return { send, keys }
}

const lost = () => new ApiError(0, 'TIMEOUT')

describe('useSubmission', () => {
  beforeEach(() => {
    Taro.clearStorageSync()
    jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }))
    jest.spyOn(Taro, 'showModal').mockImplementation(() => Promise.resolve({ errMsg: 'ok', confirm: true, cancel: false }))
  })
  afterEach(() => jest.restoreAllMocks())

  const mount = (options: SubmissionOptions = {}) => renderHook(() => useSubmission(options)).result

  it('keeps the key while the body is unchanged (a retry after a lost answer is the same request)', async () => {
    const submission = mount()
    const { send, keys } = server(lost(), lost())
    await act(() => submission.current.submit({ a: 1, b: [1, 2] }, send))
    await act(() => submission.current.submit({ b: [1, 2], a: 1 }, send))
    await act(() => submission.current.submit({ a: 1, b: [1, 2] }, send))
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(1)
  })

  it('makes a new key once the body changes', async () => {
    const submission = mount()
    const { send, keys } = server(lost())
    await act(() => submission.current.submit({ reason: '原因一' }, send))
    await act(() => submission.current.submit({ reason: '原因二' }, send))
    expect(keys[1]).not.toBe(keys[0])
  })

  it('makes a new key after 422 IDEMPOTENCY_KEY_REUSED, for the same body', async () => {
    const submission = mount()
    const { send, keys } = server(new ApiError(422, 'IDEMPOTENCY_KEY_REUSED'))
    const first = await act(() => submission.current.submit({ body: '好的' }, send))
    expect(first).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } })
    await act(() => submission.current.submit({ body: '好的' }, send))
    expect(keys[1]).not.toBe(keys[0])
  })

  it('makes a new key after success: the same text sent again is a new message', async () => {
    const submission = mount()
    const { send, keys } = server()
    await act(() => submission.current.submit({ body: '好的' }, send))
    await act(() => submission.current.submit({ body: '好的' }, send))
    expect(keys[1]).not.toBe(keys[0])
  })

  it('gives each intent its own key, so one hook can take several actions', async () => {
    const submission = mount()
    const { send, keys } = server(lost())
    await act(() => submission.current.submit({}, send, 'accept'))
    await act(() => submission.current.submit({}, send, 'start'))
    expect(keys[1]).not.toBe(keys[0])
  })

  it('on 409 WRONG_STATUS, reloads what the page shows and says why', async () => {
    const reload = jest.fn()
    const submission = mount({ reload })
    const { send } = server(new ApiError(409, 'WRONG_STATUS', '案件当前为“已结案”，不能受理'))
    await act(() => submission.current.submit({}, send))
    expect(reload).toHaveBeenCalledTimes(1)
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '案件当前为“已结案”，不能受理' }))
  })

  it('shows the server’s field errors until that field is changed', async () => {
    const submission = mount()
    const { send } = server(new ApiError(400, 'VALIDATION_FAILED', '填写的内容有误', { reason: '请填写原因', note: '太长' }))
    await act(() => submission.current.submit({}, send))
    expect(submission.current.fieldErrors).toEqual({ reason: '请填写原因', note: '太长' })
    act(() => submission.current.clearFieldError('reason'))
    expect(submission.current.fieldErrors).toEqual({ note: '太长' })
    expect(submission.current.error).toBeUndefined()
  })

  it('is busy while a request is under way and ignores another tap meanwhile', async () => {
    const submission = mount()
    let answer: (value: unknown) => void = () => undefined
    const send = jest.fn(() => new Promise((resolve) => (answer = resolve)))
    let first: Promise<unknown> = Promise.resolve()
    act(() => {
      first = submission.current.submit({}, send)
    })
    expect(submission.current.busy).toBe(true)
    const second = await act(() => submission.current.submit({}, send))
    expect(second).toEqual({ ok: false, error: undefined })
    await act(async () => {
      answer('done')
      await first
    })
    expect(send).toHaveBeenCalledTimes(1)
    expect(submission.current.busy).toBe(false)
  })

  it('with a storage key, the key survives the page being closed and opened again', async () => {
    const { send, keys } = server(lost())
    const before = renderHook(() => useSubmission({ storageKey: 'lgh.draft.test-key.u1' }))
    await act(() => before.result.current.submit({ a: 1 }, send))
    before.unmount()
    const after = mount({ storageKey: 'lgh.draft.test-key.u1' })
    await act(() => after.current.submit({ a: 1 }, send))
    expect(keys[1]).toBe(keys[0])
    // What is kept is a fingerprint of the request, never the request (it may hold an ID number).
    expect(JSON.stringify(Taro.getStorageSync('lgh.draft.test-key.u1'))).not.toContain('"a"')
  })

  it('fingerprints by content, not by key order', () => {
    expect(fingerprint({ a: 1, b: { c: [1, 'x'] } })).toBe(fingerprint({ b: { c: [1, 'x'] }, a: 1 }))
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }))
    expect(fingerprint({ a: 1, b: undefined })).toBe(fingerprint({ a: 1 }))
  })
})
