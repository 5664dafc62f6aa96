import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WechatClient } from '../../src/lib/wechat'

/**
 * A stand-in for api.weixin.qq.com on loopback, speaking the same JSON, so the real HTTP
 * client is exercised end to end. Login codes steer it:
 *   `ok:<openid>`  → that openid;   `invalid` → 40029;   `limited` → 45011;   `slow` → no answer in time.
 * Phone codes: `phone:<number>` → that number; anything else → 40029.
 */
export interface FakeWechat {
  baseUrl: string
  /** Every request it received: method, path (no query), parsed query and body. */
  calls: Array<{ method: string; path: string; query: Record<string, string>; body: unknown }>
  /** Access tokens handed out so far (each stable_token call mints a new one). */
  issuedTokens: string[]
  /** When set, subscribe/send answers with this errcode. */
  failSubscribeWith: number | null
  /** When set, the next API call using a token answers 40001 once (token went stale). */
  expireTokenOnce: boolean
  /** How long `slow` codes wait before answering, in ms. */
  slowMs: number
  /** Forgets the calls and failures of the test before. */
  reset(): void
  /** Our real WeChat client, pointed at this fake. */
  client(timeoutMs?: number): WechatClient
  close(): Promise<void>
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const state: Omit<FakeWechat, 'baseUrl' | 'close' | 'reset' | 'client'> = {
    calls: [],
    issuedTokens: [],
    failSubscribeWith: null,
    expireTokenOnce: false,
    slowMs: 3000,
  }

  const server = http.createServer((request, response) => {
    let raw = ''
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake')
      const query = Object.fromEntries(url.searchParams.entries())
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined
      state.calls.push({ method: request.method ?? 'GET', path: url.pathname, query, body })
      const reply = (payload: object) => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify(payload))
      }
      const tokenValid = () => {
        if (state.expireTokenOnce) {
          state.expireTokenOnce = false
          reply({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
          return false
        }
        if (!state.issuedTokens.includes(query.access_token ?? '')) {
          reply({ errcode: 40001, errmsg: 'invalid credential' })
          return false
        }
        return true
      }

      switch (url.pathname) {
        case '/sns/jscode2session': {
          const code = query.js_code ?? ''
          if (query.appid !== 'wx-test-appid' || query.secret !== 'wx-test-secret')
            return reply({ errcode: 40013, errmsg: 'invalid appid' })
          if (code.startsWith('ok:')) return reply({ openid: code.slice(3), session_key: 'fake-session-key' })
          if (code === 'limited') return reply({ errcode: 45011, errmsg: 'api minute-quota reach limit' })
          if (code === 'slow') {
            setTimeout(() => reply({ openid: 'too-late', session_key: 'x' }), state.slowMs)
            return
          }
          return reply({ errcode: 40029, errmsg: 'invalid code' })
        }
        case '/cgi-bin/stable_token': {
          const token = `fake-token-${state.issuedTokens.length + 1}`
          state.issuedTokens.push(token)
          return reply({ access_token: token, expires_in: 7200 })
        }
        case '/wxa/business/getuserphonenumber': {
          if (!tokenValid()) return
          const code = String(body?.code ?? '')
          if (!code.startsWith('phone:')) return reply({ errcode: 40029, errmsg: 'invalid code' })
          const phone = code.slice(6)
          return reply({ errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: phone, purePhoneNumber: phone, countryCode: '86' } })
        }
        case '/cgi-bin/message/subscribe/send': {
          if (!tokenValid()) return
          if (state.failSubscribeWith !== null) return reply({ errcode: state.failSubscribeWith, errmsg: 'user refuse to accept the msg' })
          return reply({ errcode: 0, errmsg: 'ok' })
        }
        default:
          response.writeHead(404)
          response.end()
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const baseUrl = `http://127.0.0.1:${port}`
  const fake: FakeWechat = Object.assign(state, {
    baseUrl,
    reset() {
      state.calls.length = 0
      state.failSubscribeWith = null
      state.expireTokenOnce = false
    },
    client: (timeoutMs = 2000) => new WechatClient({ appId: 'wx-test-appid', secret: 'wx-test-secret', apiBase: baseUrl, timeoutMs }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
  return fake
}
