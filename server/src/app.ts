import Fastify, { type FastifyInstance } from 'fastify'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { DestinationStream } from 'pino'
import type { Config } from './config'
import type { DatabaseHandle } from './db/client'
import { AppError } from './lib/errors'
import { loggerOptions } from './lib/logging'
import { responseSerializerCompiler } from './lib/response-serializer'
import type { WechatClient } from './lib/wechat'
import { databaseRateLimitStore, rateLimitCleanupJob, rateLimitKey } from './core/rate-limits'
import type { ServiceLineDefinition } from './core/service-line'
import { serviceLines } from './lines/registry'
import authentication from './plugins/app/authentication'
import loadShedding from './plugins/app/load-shedding'
import context from './plugins/app/context'
import errorHandler from './plugins/app/error-handler'
import securityHeaders from './plugins/app/security-headers'
import { privacyVacuumJob } from './platform/account/account.jobs'
import { accountRoutes } from './platform/account/account.routes'
import { authRoutes } from './platform/auth/auth.routes'
import { readSession } from './platform/auth/auth.service'
import { catalogueRoutes } from './platform/catalogue/catalogue.routes'
import { serveH5 } from './platform/h5/h5'
import { healthRoutes } from './platform/health/health.routes'
import { inboxRoutes } from './platform/inbox/inbox.routes'
import { orgsRoutes } from './platform/orgs/orgs.routes'
import { staffInviteRoutes } from './platform/staff-invites/staff-invites.routes'
import { subscriptionRoutes } from './platform/subscriptions/subscriptions.routes'
import { LocalFileStorage, type FileStorage } from './platform/uploads/storage'
import { uploadSweepJob } from './platform/uploads/uploads.jobs'
import { uploadsRoutes } from './platform/uploads/uploads.routes'
import { workbenchRoutes } from './platform/workbench/workbench.routes'

export interface BuildAppOptions {
  config: Config
  database: DatabaseHandle
  /** Tests point this at a fake WeChat API on loopback. */
  wechat?: WechatClient
  /** Where logs go (tests capture them to check that nothing sensitive is written). */
  logStream?: DestinationStream
  /** The service lines (the registry by default). */
  lines?: readonly ServiceLineDefinition[]
  /** The clock every service reads (tests set it). */
  clock?: () => Date
  fileStorage?: FileStorage
}

/** TRUST_PROXY as Fastify takes it: a hop count trusts that many proxies in front of us. */
function trustProxyOption(trust: Config['trustProxy']): { trustProxy?: boolean | string | ((address: string, hop: number) => boolean) } {
  if (trust === false) return {}
  if (typeof trust === 'number') return { trustProxy: (_address: string, hop: number) => hop < trust }
  return { trustProxy: trust }
}

/**
 * The whole backend as one Fastify instance: `server.ts` starts it, tests `inject` into it.
 * The database is opened (and migrated) by the caller and closed when the app closes.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    // X-Forwarded-For is believed only from the proxies the deployment names (TRUST_PROXY): any
    // client can send it, and limits keyed on a forged address limit nothing.
    ...trustProxyOption(config.trustProxy),
    // WeChat Cloud Run accepts at most 100 KiB of request text; uploads have their own limit.
    bodyLimit: 256 * 1024,
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(responseSerializerCompiler({ verify: config.env !== 'production' }))

  const lines = options.lines ?? serviceLines
  const fileStorage = options.fileStorage ?? new LocalFileStorage(config.uploadDir)
  await app.register(context, {
    config,
    database: options.database,
    wechat: options.wechat,
    lines,
    fileStorage,
    clock: options.clock,
    platformJobs: [uploadSweepJob(fileStorage), rateLimitCleanupJob, privacyVacuumJob],
  })
  // In this order: no job starts once closing began, promised messages go out, the database's
  // announcements stop being followed (their connection would hold the database open), then the database.
  app.addHook('onClose', async () => {
    await app.jobs.stop()
    await app.outbox.drain().catch((error: unknown) => app.log.error({ err: error }, 'outbox not drained at shutdown'))
    await app.sessions.close()
    await options.database.close()
  })
  await app.register(errorHandler)
  await app.register(loadShedding)
  await app.register(authentication)
  await app.register(fastifyRateLimit, {
    global: false,
    // Counters in the database every instance shares: N instances do not multiply a limit.
    store: databaseRateLimitStore(options.database.db),
    // Per user when logged in (read from the token: limits run before authentication), per real
    // client address otherwise. A route opts in with `config: { rateLimit: { max, timeWindow } }`.
    keyGenerator: (request) =>
      rateLimitKey(request, (candidate) => {
        const [scheme, token] = (candidate.headers.authorization ?? '').split(' ')
        return scheme?.toLowerCase() === 'bearer' && token ? readSession(config, token)?.userId : undefined
      }),
    errorResponseBuilder: () => new AppError(429, 'RATE_LIMITED'),
  })

  await app.register(securityHeaders)

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '连·工惠 API',
        description: 'Member-service platform of the Lianyungang federation of trade unions',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  })
  // The API's map is for developers: off in production unless API_DOCS=true says otherwise.
  if (config.apiDocs) {
    // Swagger UI runs inline scripts of its own: its pages get the policy it ships with.
    await app.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      transformStaticCSP: (header) => `${header}; frame-ancestors 'none'`,
    })
  }

  await app.register(
    async (api) => {
      if (config.apiDocs) api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
      await api.register(healthRoutes)
      await api.register(authRoutes)
      await api.register(catalogueRoutes)
      await api.register(orgsRoutes)
      await api.register(inboxRoutes)
      await api.register(uploadsRoutes)
      await api.register(accountRoutes)
      await api.register(subscriptionRoutes)
      await api.register(workbenchRoutes)
      await api.register(staffInviteRoutes)
      for (const line of lines) for (const routes of line.routes) await api.register(routes)
    },
    { prefix: '/api' },
  )

  if (config.h5Dir) await serveH5(app, config.h5Dir)
  return app
}
