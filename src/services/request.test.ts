import { ApiError } from './api-error'
import { request } from './request'
import { clearSession, setSession } from './session-store'

// In a browser (TARO_ENV=h5, as these tests run) requests go through fetch itself.
describe('request in a browser', () => {
  const fetchMock = jest.fn()
  const answer = (status: number, body: string) => ({ status, text: () => Promise.resolve(body) })

  beforeEach(() => {
    global.fetch = fetchMock as unknown as typeof fetch
  })
  afterEach(() => {
    fetchMock.mockReset()
    clearSession()
  })

  it('sends the method, JSON body, token and idempotency key, and resolves with the JSON answer', async () => {
    setSession({
      token: 't-1',
      expiresAt: '2999-01-01T00:00:00Z',
      user: { id: 'u-1', nickname: '王丽', phoneMasked: null, roles: [], createdAt: '' },
    })
    fetchMock.mockResolvedValue(answer(201, '{"id":"c-1"}'))
    await expect(
      request<{ id: string }>({ method: 'POST', path: '/api/things', query: { a: 1 }, body: { name: '甲' }, idempotencyKey: 'k-1' }),
    ).resolves.toEqual({ id: 'c-1' })
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/things?a=1')
    expect(init).toMatchObject({
      method: 'POST',
      body: '{"name":"甲"}',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'Idempotency-Key': 'k-1', authorization: 'Bearer t-1' },
    })
  })

  it('when the server refuses, then an ApiError with its code, message and fields', async () => {
    fetchMock.mockResolvedValue(answer(422, '{"code":"VALIDATION_FAILED","message":"请检查","fields":{"name":"请填写姓名"}}'))
    const error = (await request({ path: '/api/things', auth: false }).catch((caught: unknown) => caught)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 422, code: 'VALIDATION_FAILED', fields: { name: '请填写姓名' } })
  })

  it('when the answer is not JSON, then a 5xx is INTERNAL; when nothing comes back, NETWORK; when too slow, TIMEOUT', async () => {
    fetchMock.mockResolvedValueOnce(answer(502, '<html>Bad gateway</html>'))
    await expect(request({ path: '/api/x', auth: false })).rejects.toMatchObject({ status: 502, code: 'INTERNAL' })

    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(request({ path: '/api/x', auth: false })).rejects.toMatchObject({ status: 0, code: 'NETWORK' })

    fetchMock.mockImplementationOnce(
      (_url: string, init: RequestInit) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    )
    await expect(request({ path: '/api/x', auth: false, timeoutMs: 20 })).rejects.toMatchObject({ status: 0, code: 'TIMEOUT' })
  })
})

describe('request when the server is busy', () => {
  const fetchMock = jest.fn()
  const answer = (status: number, body: string) => ({ status, text: () => Promise.resolve(body) })
  const busy = () => answer(503, '{"code":"SERVICE_UNAVAILABLE","message":"服务繁忙，请稍后再试"}')

  beforeEach(() => {
    jest.useFakeTimers()
    global.fetch = fetchMock as unknown as typeof fetch
  })
  afterEach(() => {
    jest.useRealTimers()
    fetchMock.mockReset()
  })

  /** Runs the request to its end, letting each pause between tries pass. */
  async function settle<T>(pending: Promise<T>): Promise<T> {
    const outcome = pending.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    )
    for (let step = 0; step < 10; step++) await jest.advanceTimersByTimeAsync(1500)
    const settled = await outcome
    if ('error' in settled) throw settled.error
    return settled.value
  }

  it('when a read is refused as busy, then it is asked again after a pause and resolves with the answer', async () => {
    fetchMock.mockResolvedValueOnce(busy()).mockResolvedValueOnce(answer(200, '{"ok":true}'))
    await expect(settle(request({ path: '/api/services', auth: false }))).resolves.toEqual({ ok: true })
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('when it stays busy, then after two more tries the person is told 服务繁忙', async () => {
    fetchMock.mockResolvedValue(busy())
    await expect(settle(request({ path: '/api/services', auth: false }))).rejects.toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
    })
    expect(fetchMock).toHaveBeenCalledTimes(3)
  })

  it('when a submission has an idempotency key, then it is sent again with the same key; without one, it is not repeated', async () => {
    fetchMock.mockResolvedValueOnce(busy()).mockResolvedValueOnce(answer(201, '{"id":"c-1"}'))
    await expect(settle(request({ method: 'POST', path: '/api/things', body: {}, idempotencyKey: 'k-9', auth: false }))).resolves.toEqual({
      id: 'c-1',
    })
    const keys = fetchMock.mock.calls.map(([, init]) => (init as RequestInit).headers as Record<string, string>)
    expect(keys.map((headers) => headers['Idempotency-Key'])).toEqual(['k-9', 'k-9'])

    fetchMock.mockReset()
    fetchMock.mockResolvedValue(busy())
    await expect(settle(request({ method: 'POST', path: '/api/things', body: {}, auth: false }))).rejects.toMatchObject({ status: 503 })
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('when the server turned a request away before doing any of it (SERVER_BUSY), then even a login without a key is sent again', async () => {
    const shed = () => answer(503, '{"code":"SERVER_BUSY","message":"服务繁忙，请稍后再试"}')
    fetchMock.mockResolvedValueOnce(shed()).mockResolvedValueOnce(answer(200, '{"token":"t-1"}'))
    await expect(
      settle(request({ method: 'POST', path: '/api/auth/dev-login', body: { openid: 'demo-member' }, auth: false })),
    ).resolves.toEqual({
      token: 't-1',
    })
    expect(fetchMock).toHaveBeenCalledTimes(2)

    fetchMock.mockReset()
    fetchMock.mockResolvedValue(shed())
    await expect(settle(request({ method: 'POST', path: '/api/auth/dev-login', body: {}, auth: false }))).rejects.toMatchObject({
      status: 503,
      code: 'SERVER_BUSY',
      message: '服务繁忙，请稍后再试',
    })
    expect(fetchMock).toHaveBeenCalledTimes(3)
  })

  it('when a 503 is another kind (WeChat unavailable), then it is not repeated', async () => {
    fetchMock.mockResolvedValue(answer(503, '{"code":"WECHAT_UNAVAILABLE","message":"服务器未配置微信登录"}'))
    await expect(settle(request({ path: '/api/auth/x', auth: false }))).rejects.toMatchObject({ code: 'WECHAT_UNAVAILABLE' })
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })
})
