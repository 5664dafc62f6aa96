import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config'
import type { Database, DatabaseHandle } from '../../db/client'
import { FieldCipher } from '../../lib/crypto'
import { WechatClient } from '../../lib/wechat'
import { LocalFileStorage, type FileStorage } from '../../platform/uploads/storage'

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
  }
}

export interface ContextOptions {
  config: Config
  database: DatabaseHandle
  /** Tests pass a client pointed at a fake WeChat API. */
  wechat?: WechatClient
}

/** What every route needs, decorated once: configuration, database, WeChat client, cipher. */
export default fp<ContextOptions>(
  async function context(app: FastifyInstance, options: ContextOptions) {
    app.decorate('config', options.config)
    app.decorate('database', options.database)
    app.decorate('db', options.database.db)
    app.decorate('wechat', options.wechat ?? new WechatClient(options.config.wechat))
    app.decorate('cipher', new FieldCipher(options.config.encryptionKey))
    app.decorate('fileStorage', new LocalFileStorage(options.config.uploadDir))
  },
  { name: 'context' },
)
