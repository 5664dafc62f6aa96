import { defaultErrorMessage, type ErrorCode } from '@contract/errors'

/**
 * The one error type handlers throw. The error handler turns it into
 * `status + { code, message, fields? }`; anything else becomes a 500 with no detail.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? defaultErrorMessage[code])
    this.name = 'AppError'
  }
}

export const unauthenticated = (message?: string) => new AppError(401, 'UNAUTHENTICATED', message)
export const forbidden = (message?: string) => new AppError(403, 'FORBIDDEN', message)
/** Also used for records that exist but are not the caller's: we never confirm they exist. */
export const notFound = (message?: string) => new AppError(404, 'NOT_FOUND', message)
export const conflict = (message?: string) => new AppError(409, 'CONFLICT', message)
export const validationFailed = (fields: Record<string, string>, message?: string) =>
  new AppError(400, 'VALIDATION_FAILED', message, fields)
