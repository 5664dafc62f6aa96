import { defaultErrorMessage, type ErrorCode } from '@contract/errors'

/**
 * Every failed call rejects with this, whatever went wrong: the server's `{ code, message,
 * fields }`, a network failure or a timeout. `message` is always fit to show the user.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode | string
  readonly fields: Record<string, string>

  constructor(status: number, code: ErrorCode | string, message?: string, fields?: Record<string, string>) {
    super(message || (code in defaultErrorMessage ? defaultErrorMessage[code as ErrorCode] : defaultErrorMessage.INTERNAL))
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields ?? {}
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

/** Anything thrown, as an ApiError (for code that catches broadly). */
export function toApiError(value: unknown): ApiError {
  if (value instanceof ApiError) return value
  return new ApiError(0, 'INTERNAL')
}
