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
function toResponse(error: FastifyError | AppError | Error): { status: number; body: ApiErrorBody } {
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
  const status = (error as FastifyError).statusCode ?? 500
  if (!isResponseSerializationError(error as FastifyError) && status >= 400 && status < 500) {
    const code = codeForClientError(status, (error as FastifyError).code)
    return { status, body: { code, message: defaultErrorMessage[code] } }
  }
  const serverCode: ErrorCode = status === 503 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL'
  return { status: status === 503 ? 503 : 500, body: { code: serverCode, message: defaultErrorMessage[serverCode] } }
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
      if (status >= 500) {
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
