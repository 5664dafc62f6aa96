import * as z from 'zod/mini'

/**
 * Stable error codes: programs branch on these, people read `message`.
 * A code never changes meaning once released; add new ones instead.
 */
export const ErrorCode = {
  /** The request body, query or params failed validation; `fields` says which and why. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** No valid session: log in (again). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Logged in, but this role may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** No such record, or not one this user may see (we do not reveal which). */
  NOT_FOUND: 'NOT_FOUND',
  /** The request conflicts with the record's current state. */
  CONFLICT: 'CONFLICT',
  /** Same Idempotency-Key reused with a different request body. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** Too many requests from this user or address. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The body is larger than this endpoint accepts. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** An upload whose content is not one of the accepted kinds (JPEG, PNG, PDF), whatever its name. */
  UNSUPPORTED_FILE_TYPE: 'UNSUPPORTED_FILE_TYPE',
  /** WeChat rejected the login code (expired, used, or from another app). */
  WECHAT_CODE_INVALID: 'WECHAT_CODE_INVALID',
  /** WeChat throttled us. */
  WECHAT_RATE_LIMITED: 'WECHAT_RATE_LIMITED',
  /** WeChat did not answer in time or answered with an error we cannot act on. */
  WECHAT_UNAVAILABLE: 'WECHAT_UNAVAILABLE',
  /** Dev login was called on a server that does not allow it. */
  DEV_LOGIN_DISABLED: 'DEV_LOGIN_DISABLED',
  /** The database (or another dependency) is down. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A bug on our side; the message never says more. */
  INTERNAL: 'INTERNAL',
  /** Client-side only: the request never reached the server. */
  NETWORK: 'NETWORK',
  /** Client-side only: the server did not answer in time. */
  TIMEOUT: 'TIMEOUT',
} as const

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

/** The one shape of every failed response, whatever the status. */
export const ApiErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  /** Per-field messages for forms, keyed by the field's dotted path (e.g. `work.employer`). */
  fields: z.optional(z.record(z.string(), z.string())),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBody>

/** Fallback messages in plain Chinese, for when a more specific one is not available. */
export const defaultErrorMessage: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '填写的内容有误，请检查后再提交',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '内容已变化，请刷新后重试',
  IDEMPOTENCY_KEY_REUSED: '重复提交的内容不一致，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容太大',
  UNSUPPORTED_FILE_TYPE: '只能上传 JPG、PNG 图片或 PDF 文件',
  WECHAT_CODE_INVALID: '登录凭证已失效，请重新登录',
  WECHAT_RATE_LIMITED: '登录太频繁，请稍后再试',
  WECHAT_UNAVAILABLE: '微信服务暂时无法连接，请稍后再试',
  DEV_LOGIN_DISABLED: '当前环境不支持演示登录',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  INTERNAL: '系统开小差了，请稍后再试',
  NETWORK: '网络不给力，请检查网络后重试',
  TIMEOUT: '请求超时，请稍后重试',
}
