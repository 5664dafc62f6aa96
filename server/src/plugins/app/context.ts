import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config'
import { calendarOf } from '../../core/calendar'
import type { ServiceContext, SystemContext } from '../../core/context'
import type { JobDefinition } from '../../core/jobs'
import { JobScheduler } from '../../core/jobs'
import { type MemberDirectory, noMembers } from '../../core/members'
import { OutboxSender } from '../../core/outbox'
import { PLATFORM_ROLES, roleCatalogue, type RoleCatalogue } from '../../core/roles'
import type { ServiceLineDefinition } from '../../core/service-line'
import type { Database, DatabaseHandle, Queryable } from '../../db/client'
import { FieldCipher } from '../../lib/crypto'
import { WechatClient } from '../../lib/wechat'
import { Catalogue } from '../../platform/catalogue/catalogue.service'
import type { FileStorage } from '../../platform/uploads/storage'
import { currentUser } from './authentication'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    /** The Drizzle database (PGlite or PostgreSQL). */
    db: Database
    database: DatabaseHandle
    wechat: WechatClient
    /** Encrypts sensitive personal information at rest. */
    cipher: FieldCipher
    /** Uploaded files' bytes (a local directory; an object store implements the same interface). */
    fileStorage: FileStorage
    /** The service lines, from the registry. */
    lines: readonly ServiceLineDefinition[]
    /** Every staff role: the platform's and the lines'. */
    roles: RoleCatalogue
    /** The one clock: tests set it. */
    clock: () => Date
    outbox: OutboxSender
    jobs: JobScheduler
    /** The home grid's service lines and the notices, kept for REFERENCE_CACHE_SECONDS. */
    catalogue: Catalogue
    /** The context a line's service functions take, for this request's caller. */
    serviceContext(request: FastifyRequest, db?: Queryable): ServiceContext
    systemContext(db?: Queryable): SystemContext
  }
}

export interface ContextOptions {
  config: Config
  database: DatabaseHandle
  lines: readonly ServiceLineDefinition[]
  fileStorage: FileStorage
  /** The platform's own scheduled work (the lines bring theirs in their definitions). */
  platformJobs: readonly JobDefinition[]
  /** Tests pass a client pointed at a fake WeChat API. */
  wechat?: WechatClient
  clock?: () => Date
}

/** What every route needs, decorated once: configuration, database, WeChat, cipher, clock, lines, jobs. */
export default fp<ContextOptions>(
  async function context(app: FastifyInstance, options: ContextOptions) {
    const { config } = options
    const clock = options.clock ?? (() => new Date())
    const cipher = new FieldCipher(config.encryptionKeys)
    const roles = roleCatalogue([...PLATFORM_ROLES, ...options.lines.flatMap((line) => line.staffRoles ?? [])])
    const calendar = calendarOf(config)
    const members = memberDirectoryOf(options.lines)
    const systemContext = (db: Queryable = options.database.db): SystemContext => ({
      db,
      now: clock(),
      cipher,
      config,
      calendar,
      roles,
      members,
    })

    app.decorate('config', config)
    app.decorate('database', options.database)
    app.decorate('db', options.database.db)
    app.decorate('wechat', options.wechat ?? new WechatClient(config.wechat))
    app.decorate('cipher', cipher)
    app.decorate('fileStorage', options.fileStorage)
    app.decorate('lines', options.lines)
    app.decorate('roles', roles)
    app.decorate('clock', clock)
    app.decorate('systemContext', systemContext)
    app.decorate('serviceContext', (request: FastifyRequest, db?: Queryable) => ({ ...systemContext(db), user: currentUser(request) }))
    app.decorate('outbox', new OutboxSender(options.database.db, app.wechat, app.log, clock))
    app.decorate('catalogue', new Catalogue({ lines: options.lines, systemContext, log: app.log, cacheMs: config.referenceCacheMs }))

    const outboxJob: JobDefinition = { name: 'outbox.send', everyMs: config.outboxIntervalMs, run: () => app.outbox.drain() }
    const jobs = [outboxJob, ...options.platformJobs, ...options.lines.flatMap((line) => line.jobs ?? [])]
    app.decorate('jobs', new JobScheduler(options.database.db, jobs, () => systemContext(), app.log))
    app.addHook('onReady', async () => {
      if (config.runJobs) app.jobs.start()
    })
  },
  { name: 'context' },
)

/** The one line that provides the member directory (two would be a mistake in the registry). */
function memberDirectoryOf(lines: readonly ServiceLineDefinition[]): MemberDirectory {
  const providers = lines.filter((line) => line.provides?.members)
  if (providers.length > 1)
    throw new Error(`More than one line provides the member directory: ${providers.map((line) => line.key).join(', ')}`)
  return providers[0]?.provides?.members ?? noMembers
}
