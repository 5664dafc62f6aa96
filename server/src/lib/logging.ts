import type { FastifyServerOptions } from 'fastify'
import type { DestinationStream } from 'pino'

/**
 * Logs never carry secrets or personal numbers: tokens, openids, phone and ID numbers, case
 * descriptions and incomes are redacted wherever they appear in a logged object, and query strings lose their values for
 * keys that may hold a credential.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-wx-openid"]',
  'req.headers["x-wx-unionid"]',
  'req.headers["idempotency-key"]',
  '*.token',
  '*.code',
  '*.openid',
  '*.phone',
  '*.phoneNumber',
  '*.idNumber',
  '*.sessionKey',
  '*.session_key',
  '*.secret',
  // Sensitive personal information in legal-aid cases (PIPL): the dispute and the income.
  '*.description',
  '*.monthlyIncome',
  '*.body.description',
  '*.body.monthlyIncome',
]

const SECRET_QUERY_KEYS = /([?&](?:token|sig|signature|code|access_token|secret|js_code)=)[^&]*/gi

export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY_KEYS, '$1[REDACTED]')
}

export function loggerOptions(level: string, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: redactedPaths, censor: '[REDACTED]' },
    serializers: {
      req(request: { method: string; url: string; id: string; ip?: string }) {
        return { id: request.id, method: request.method, url: redactUrl(request.url) }
      },
    },
  }
}
