import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { Health } from '@contract/catalogue'
import { ApiErrorBody } from '@contract/errors'
import { AppError } from '../../lib/errors'

const version = process.env.npm_package_version ?? '0.1.0'

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database check',
        response: { 200: Health, 503: ApiErrorBody },
      },
    },
    async (request) => {
      try {
        const latency = await app.database.ping()
        return { status: 'ok' as const, database: app.database.kind, databaseLatencyMs: latency, version }
      } catch (error) {
        request.log.error({ err: error }, 'database check failed')
        throw new AppError(503, 'SERVICE_UNAVAILABLE', '数据库暂时不可用')
      }
    },
  )
}
