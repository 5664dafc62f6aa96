import Taro from '@tarojs/taro'
import type { ApiErrorBody } from '@contract/errors'
import { ApiError } from './api-error'
import { apiConfig, usesCloudContainer } from './config'
import { clearSession, usableToken } from './session-store'

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
  clearSession()
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

async function send(options: RequestOptions, headers: Record<string, string>): Promise<RawResponse> {
  const method = options.method ?? 'GET'
  const path = `${options.path}${queryString(options.query)}`
  const timeout = options.timeoutMs ?? apiConfig.timeoutMs
  try {
    if (usesCloudContainer()) {
      const result = await Taro.cloud.callContainer({
        config: { env: apiConfig.cloudEnv },
        path,
        method,
        header: { ...headers, 'X-WX-SERVICE': apiConfig.cloudService },
        data: options.body,
        timeout,
      } as Parameters<typeof Taro.cloud.callContainer>[0])
      return { statusCode: result.statusCode, data: result.data }
    }
    const result = await Taro.request({
      url: `${apiConfig.baseUrl}${path}`,
      method,
      header: headers,
      data: options.body,
      timeout,
      dataType: 'json',
    })
    return { statusCode: result.statusCode, data: result.data }
  } catch (error) {
    throw transportError((error as { errMsg?: string }).errMsg ?? (error as Error).message)
  }
}

function asErrorBody(data: unknown): ApiErrorBody | undefined {
  if (data && typeof data === 'object' && 'code' in data && 'message' in data) return data as ApiErrorBody
  return undefined
}

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

  const response = await send(options, headers)
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T

  const body = asErrorBody(response.data)
  if (response.statusCode === 401 && options.auth !== false) {
    clearSession()
    if (!retried && (await reauthenticate())) return request<T>(options, true)
  }
  throw new ApiError(
    response.statusCode,
    body?.code ?? (response.statusCode >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED'),
    body?.message,
    body?.fields,
  )
}

/** A fresh key for one submission; kept with its draft so a retry reuses it. */
export function newIdempotencyKey(): string {
  const random = Array.from({ length: 4 }, () => Math.floor(Math.random() * 0xffffffff).toString(36)).join('')
  return `${Date.now().toString(36)}-${random}`.slice(0, 64)
}
