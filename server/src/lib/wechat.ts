import { AppError } from './errors'

/**
 * Server-side client of WeChat's open API (api.weixin.qq.com, or a fake on loopback in tests).
 * The AppSecret and every session_key stay here: none of it is ever sent to the mini-program.
 */
export interface WechatClientOptions {
  appId: string
  secret: string
  apiBase: string
  timeoutMs: number
  fetch?: typeof fetch
  now?: () => number
}

export interface CodeSession {
  openid: string
  unionid?: string
  /** Kept server-side only; we do not store it since we decrypt nothing client-encrypted. */
  sessionKey: string
}

export interface SubscribeMessage {
  toOpenid: string
  templateId: string
  /** Mini-program page opened from the message, e.g. `legal-aid/pages/case/index?id=…`. */
  page?: string
  data: Record<string, { value: string }>
  state?: 'developer' | 'trial' | 'formal'
}

/** A WeChat error answer (`errcode` ≠ 0) or a failure to reach WeChat. */
export class WechatError extends Error {
  constructor(
    readonly errcode: number | 'timeout' | 'network' | 'bad_response',
    readonly errmsg: string,
  ) {
    super(`WeChat API error ${errcode}: ${errmsg}`)
    this.name = 'WechatError'
  }
}

/** errcodes meaning the access token is no longer valid: refresh it once and retry. */
const STALE_TOKEN_CODES = new Set([40001, 40014, 42001])

export class WechatClient {
  private cachedToken: { value: string; expiresAt: number } | undefined
  private tokenInFlight: Promise<string> | undefined
  private readonly fetchImpl: typeof fetch
  private readonly now: () => number

  constructor(private readonly options: WechatClientOptions) {
    this.fetchImpl = options.fetch ?? fetch
    this.now = options.now ?? Date.now
  }

  get configured(): boolean {
    return Boolean(this.options.appId && this.options.secret)
  }

  /** `wx.login` code → openid (code valid 5 minutes, single use). */
  async code2Session(code: string): Promise<CodeSession> {
    const query = new URLSearchParams({
      appid: this.options.appId,
      secret: this.options.secret,
      js_code: code,
      grant_type: 'authorization_code',
    })
    const body = await this.call<{ openid?: string; unionid?: string; session_key?: string }>(
      'GET',
      `/sns/jscode2session?${query.toString()}`,
    )
    if (!body.openid || !body.session_key) throw new WechatError('bad_response', 'jscode2session without openid')
    return { openid: body.openid, unionid: body.unionid, sessionKey: body.session_key }
  }

  /** `getPhoneNumber` button code → the phone number WeChat verified. */
  async phoneNumberFromCode(code: string): Promise<{ phoneNumber: string; countryCode: string }> {
    const body = await this.withAccessToken((token) =>
      this.call<{ phone_info?: { purePhoneNumber?: string; countryCode?: string } }>(
        'POST',
        `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`,
        { code },
      ),
    )
    const phone = body.phone_info?.purePhoneNumber
    if (!phone) throw new WechatError('bad_response', 'getuserphonenumber without phone_info')
    return { phoneNumber: phone, countryCode: body.phone_info?.countryCode ?? '86' }
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    await this.withAccessToken((token) =>
      this.call('POST', `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        touser: message.toOpenid,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: message.state ?? 'formal',
        lang: 'zh_CN',
      }),
    )
  }

  /**
   * The access token from `stable_token`, cached until five minutes before it expires.
   * Concurrent callers share one request.
   */
  async accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.cachedToken && this.cachedToken.expiresAt > this.now()) return this.cachedToken.value
    if (this.tokenInFlight) return this.tokenInFlight
    this.tokenInFlight = (async () => {
      try {
        const body = await this.call<{ access_token?: string; expires_in?: number }>('POST', '/cgi-bin/stable_token', {
          grant_type: 'client_credential',
          appid: this.options.appId,
          secret: this.options.secret,
          force_refresh: forceRefresh,
        })
        if (!body.access_token) throw new WechatError('bad_response', 'stable_token without access_token')
        const lifetimeMs = Math.max(60, (body.expires_in ?? 7200) - 300) * 1000
        this.cachedToken = { value: body.access_token, expiresAt: this.now() + lifetimeMs }
        return body.access_token
      } finally {
        this.tokenInFlight = undefined
      }
    })()
    return this.tokenInFlight
  }

  private async withAccessToken<T>(action: (token: string) => Promise<T>): Promise<T> {
    try {
      return await action(await this.accessToken())
    } catch (error) {
      if (error instanceof WechatError && typeof error.errcode === 'number' && STALE_TOKEN_CODES.has(error.errcode)) {
        this.cachedToken = undefined
        return action(await this.accessToken(true))
      }
      throw error
    }
  }

  private async call<T>(method: 'GET' | 'POST', pathAndQuery: string, json?: unknown): Promise<T> {
    let response: Response
    try {
      response = await this.fetchImpl(`${this.options.apiBase}${pathAndQuery}`, {
        method,
        headers: json === undefined ? undefined : { 'content-type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
    } catch (error) {
      const name = (error as { name?: string }).name
      if (name === 'TimeoutError' || name === 'AbortError') throw new WechatError('timeout', 'no answer in time')
      throw new WechatError('network', (error as Error).message)
    }
    let body: { errcode?: number; errmsg?: string } & T
    try {
      body = (await response.json()) as typeof body
    } catch {
      throw new WechatError('bad_response', `HTTP ${response.status}, not JSON`)
    }
    if (typeof body.errcode === 'number' && body.errcode !== 0) {
      throw new WechatError(body.errcode, body.errmsg ?? '')
    }
    if (!response.ok) throw new WechatError('bad_response', `HTTP ${response.status}`)
    return body
  }
}

/**
 * What a WeChat failure means to our users. 40029/40163: bad or used code; 45011: rate limit;
 * everything else (including timeouts): WeChat is unavailable for now.
 */
export function wechatErrorToAppError(error: WechatError): AppError {
  if (error.errcode === 40029 || error.errcode === 40163) {
    return new AppError(400, 'WECHAT_CODE_INVALID')
  }
  if (error.errcode === 45011) return new AppError(429, 'WECHAT_RATE_LIMITED')
  return new AppError(503, 'WECHAT_UNAVAILABLE')
}
