import Taro from '@tarojs/taro'
import type { ApiErrorBody } from '@contract/errors'
import { ApiError } from './api-error'
import { apiConfig, usesCloudContainer } from './config'
import { clearSession, getSession, SESSION_EXPIRED_MESSAGE, usableToken } from './session-store'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RequestOptions {
  method?: HttpMethod
  /** Path under the API origin, e.g. `/api/me`. */
  path: string
  query?: Record<string, string | number | boolean | undefined | null>
  body?: unknown
  /** Send the session token (default true). */
  auth?: boolean
  /** Makes a submission safe to retry: the server answers a repeat with the first result. */
  idempotencyKey?: string
  timeoutMs?: number
}

interface RawResponse {
  statusCode: number
  data: unknown
}

/**
 * Called when the server says the session is gone. On WeChat it logs in again silently and
 * resolves true (the request is retried once); in a browser it resolves false and the caller
 * gets UNAUTHENTICATED (and the app offers the login page).
 */
type Reauthenticator = () => Promise<boolean>
let reauthenticate: Reauthenticator = async () => false

export function setReauthenticator(handler: Reauthenticator): void {
  reauthenticate = handler
}

/**
 * The server answered 401: forget the session, and (on WeChat) log in again silently. Resolves
 * true when a retry may succeed. For transfers that cannot go through `request` (downloads).
 */
export async function recoverFromUnauthenticated(): Promise<boolean> {
  clearSession(getSession().token ? 'expired' : 'logout')
  return reauthenticate()
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return ''
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

function transportError(errMsg: string | undefined): ApiError {
  return /timeout|超时/i.test(errMsg ?? '') ? new ApiError(0, 'TIMEOUT') : new ApiError(0, 'NETWORK')
}

/**
 * A browser has fetch: Taro's H5 request wraps it with a fetch polyfill and JSONP (~21 KB the home
 * page would load before its first screen). The same answer as Taro.request gives: any status with
 * its JSON body (or text), a rejection with `errMsg` only when nothing came back.
 */
async function sendWithFetch(
  url: string,
  method: HttpMethod,
  headers: Record<string, string>,
  body: unknown,
  timeoutMs: number,
): Promise<RawResponse> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    })
    const text = await response.text()
    let data: unknown = text
    try {
      data = text ? JSON.parse(text) : undefined
    } catch {
      // Not JSON (a proxy's error page): kept as text, as Taro.request does.
    }
    return { statusCode: response.status, data }
  } catch (error) {
    throw new Error(controller.signal.aborted ? 'request:fail timeout' : `request:fail ${(error as Error).message}`)
  } finally {
    clearTimeout(timer)
  }
}

interface Outgoing {
  method: HttpMethod
  /** Path and query, e.g. `/api/orgs?q=海州`. */
  path: string
  headers: Record<string, string>
  body: unknown
  timeoutMs: number
}

/**
 * How a request leaves the device. The condition is a build-time constant and each transport is
 * written inside its branch, so a browser build carries no Taro.request (nor the Taro object that
 * `Taro.cloud` needs) and the mini-program no fetch code.
 */
const transport: (outgoing: Outgoing) => Promise<RawResponse> =
  process.env.TARO_ENV === 'h5'
    ? (outgoing) =>
        sendWithFetch(`${apiConfig.baseUrl}${outgoing.path}`, outgoing.method, outgoing.headers, outgoing.body, outgoing.timeoutMs)
    : (outgoing) =>
        usesCloudContainer()
          ? Taro.cloud
              .callContainer({
                config: { env: apiConfig.cloudEnv },
                path: outgoing.path,
                method: outgoing.method,
                header: { ...outgoing.headers, 'X-WX-SERVICE': apiConfig.cloudService },
                data: outgoing.body,
                timeout: outgoing.timeoutMs,
              } as Parameters<typeof Taro.cloud.callContainer>[0])
              .then((result) => ({ statusCode: result.statusCode, data: result.data }))
          : Taro.request({
              url: `${apiConfig.baseUrl}${outgoing.path}`,
              method: outgoing.method,
              header: outgoing.headers,
              data: outgoing.body,
              timeout: outgoing.timeoutMs,
              dataType: 'json',
            }).then((result) => ({ statusCode: result.statusCode, data: result.data }))

async function send(options: RequestOptions, headers: Record<string, string>): Promise<RawResponse> {
  try {
    return await transport({
      method: options.method ?? 'GET',
      path: `${options.path}${queryString(options.query)}`,
      headers,
      body: options.body,
      timeoutMs: options.timeoutMs ?? apiConfig.timeoutMs,
    })
  } catch (error) {
    throw transportError((error as { errMsg?: string }).errMsg ?? (error as Error).message)
  }
}

function asErrorBody(data: unknown): ApiErrorBody | undefined {
  if (data && typeof data === 'object' && 'code' in data && 'message' in data) return data as ApiErrorBody
  return undefined
}

const busyCode = (response: RawResponse) => (response.statusCode === 503 ? asErrorBody(response.data)?.code : undefined)

/**
 * Whether to ask a busy server again. Refused before any work (SERVER_BUSY: the instance shed it),
 * anything may be sent again, a login included. Busy mid-request (SERVICE_UNAVAILABLE: the
 * database), only what is safe to repeat: a read, or a submission with its idempotency key.
 */
function askAgain(response: RawResponse, repeatable: boolean): boolean {
  const code = busyCode(response)
  return code === 'SERVER_BUSY' || (code === 'SERVICE_UNAVAILABLE' && repeatable)
}

/**
 * A busy server (503, with Retry-After: 1) is asked again twice, a second or so apart with jitter
 * so a crowd does not come back at once, before the person sees 服务繁忙.
 */
const BUSY_RETRIES = 2
const busyPause = () => new Promise<void>((resolve) => setTimeout(resolve, 1000 + Math.random() * 500))

/**
 * The one way the mini-program talks to the backend. Resolves with the typed body of a 2xx,
 * rejects with an ApiError otherwise — never resolves on failure.
 */
export async function request<T>(options: RequestOptions, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey
  const token = options.auth === false ? null : usableToken()
  if (token) headers.authorization = `Bearer ${token}`

  const repeatable = (options.method ?? 'GET') === 'GET' || Boolean(options.idempotencyKey)
  let response = await send(options, headers)
  for (let busy = 0; busy < BUSY_RETRIES && askAgain(response, repeatable); busy++) {
    await busyPause()
    response = await send(options, headers)
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T

  const body = asErrorBody(response.data)
  // A session this device held (even one it no longer sends, as it ran out) ended by itself: say so.
  const hadSession = Boolean(getSession().token) || Boolean(getSession().expired)
  if (response.statusCode === 401 && options.auth !== false) {
    clearSession(hadSession ? 'expired' : 'logout')
    if (!retried && (await reauthenticate())) return request<T>(options, true)
  }
  throw new ApiError(
    response.statusCode,
    body?.code ?? (response.statusCode >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED'),
    response.statusCode === 401 && hadSession && options.auth !== false ? SESSION_EXPIRED_MESSAGE : body?.message,
    body?.fields,
  )
}

/** A fresh key for one submission; kept with its draft so a retry reuses it. */
export function newIdempotencyKey(): string {
  const random = Array.from({ length: 4 }, () => Math.floor(Math.random() * 0xffffffff).toString(36)).join('')
  return `${Date.now().toString(36)}-${random}`.slice(0, 64)
}
