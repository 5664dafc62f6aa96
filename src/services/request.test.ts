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
