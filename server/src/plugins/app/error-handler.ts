import type { FastifyError, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { defaultErrorMessage, type ApiErrorBody, type ErrorCode } from '@contract/errors'
import { readableMessage } from '@contract/fields'
import { AppError, validationFailed } from '../../lib/errors'

/**
 * One error shape for every failure: `status + { code, message, fields? }`. Messages are for
 * people (Chinese); codes are for programs. A 5xx never reveals what went wrong inside.
 */
export function toResponse(error: FastifyError | AppError | Error): { status: number; body: ApiErrorBody } {
  if (error instanceof AppError) {
    return { status: error.statusCode, body: { code: error.code, message: error.message, fields: error.fields } }
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string> = {}
    for (const issue of error.validation) {
      const key = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.') || '_'
      if (!(key in fields)) fields[key] = readableMessage(issue.message ?? '')
    }
    return { status: 400, body: { code: 'VALIDATION_FAILED', message: defaultErrorMessage.VALIDATION_FAILED, fields } }
  }
  // The same words as a request shed by load-shedding.ts: busy now, try again in a moment.
  if (isDatabaseBusy(error)) return { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: '服务繁忙，请稍后再试' } }
  const status = (error as FastifyError).statusCode ?? 500
  if (!isResponseSerializationError(error as FastifyError) && status >= 400 && status < 500) {
    const code = codeForClientError(status, (error as FastifyError).code)
    return { status, body: { code, message: defaultErrorMessage[code] } }
  }
  const serverCode: ErrorCode = status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL'
  return { status: status === 503 ? 503 : 500, body: { code: serverCode, message: defaultErrorMessage[serverCode] } }
}

/**
 * PostgreSQL states that mean "busy now, fine in a moment": no free connection, a deadlock or a
 * serialisation conflict chosen as the victim, a lock or statement that waited past its limit.
 */
const BUSY_SQL_STATES = new Set(['53300', '40001', '40P01', '55P03', '57014'])

/**
 * The database was too busy to answer in time — the pool had no free connection within its
 * timeout (pg-pool's own message), or PostgreSQL said one of the busy states. That is a 503 the
 * client retries after a second, like a shed request, not a 500. Drizzle wraps the driver's
 * error, so the whole cause chain is read.
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (/timeout exceeded when trying to connect|too many clients already/i.test(current.message)) return true
    const state = (current as { code?: unknown }).code
    if (typeof state === 'string' && BUSY_SQL_STATES.has(state)) return true
  }
  return false
}

function codeForClientError(status: number, fastifyCode: string | undefined): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED'
  if (status === 403) return 'FORBIDDEN'
  if (status === 404) return 'NOT_FOUND'
  if (status === 409) return 'CONFLICT'
  if (status === 413 || fastifyCode === 'FST_REQ_FILE_TOO_LARGE') return 'PAYLOAD_TOO_LARGE'
  if (status === 429) return 'RATE_LIMITED'
  return 'VALIDATION_FAILED'
}

/** The dotted path of the first string holding a NUL character, or undefined. */
function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined
  if (depth > 20 || !value || typeof value !== 'object') return undefined
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('\u0000')) return path || '_'
    const found = findNul(item, path ? `${path}.${key}` : key, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}

export default fp(
  async function errorHandler(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      const { status, body } = toResponse(error)
      if (status === 503) {
        reply.header('retry-after', '1')
        request.log.warn({ err: error }, 'request refused: busy')
      } else if (status >= 500) {
        request.log.error({ err: error }, 'request failed')
      } else {
        request.log.info({ code: body.code, status }, 'request refused')
      }
      return reply.status(status).send(body)
    })

    // A NUL character cannot be stored in PostgreSQL text: refused at the door, field by field, as
    // bad input (a 400), before any handler sees it — anywhere in the body, the query or the path.
    app.addHook('preValidation', async (request) => {
      const found = findNul({ ...(request.params as object), ...(request.query as object) }, '') ?? findNul(request.body, '')
      if (found !== undefined) throw validationFailed({ [found || '_']: '内容中有无法识别的字符，请删除后重试' })
    })

    app.setNotFoundHandler((_request, reply) => {
      const body: ApiErrorBody = { code: 'NOT_FOUND', message: defaultErrorMessage.NOT_FOUND }
      return reply.status(404).send(body)
    })
  },
  { name: 'error-handler' },
)
