import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../src/app'
import { loadConfig, type Config } from '../../src/config'
import type { DatabaseHandle } from '../../src/db/client'
import { type WechatClient } from '../../src/lib/wechat'
import type { ServiceLineDefinition } from '../../src/core/service-line'
import { serviceLines } from '../../src/lines/registry'
import { seedDemoData } from '../../src/seed/demo'
import { upgradeData } from '../../src/seed/upgrade'
import { seedReferenceData } from '../../src/seed/reference'
import { startFakeWechat, type FakeWechat } from './fake-wechat'
import { freshDatabase, hasTemplate, TEMPLATE_ENV } from './test-database'

export interface TestAppOptions {
  env?: Record<string, string>
  /** Seed the demo personas and sample records (default true). */
  demo?: boolean
  wechat?: WechatClient
  /** The clock the app reads (default: the real one). */
  clock?: () => Date
  /** Another app on the same database (a second instance), instead of a fresh one. */
  database?: DatabaseHandle
  /** The service lines (default: the registry). */
  lines?: readonly ServiceLineDefinition[]
  /** Seed into this database and leave it open (the global setup making the demo template). */
  seedInto?: DatabaseHandle
}

export interface TestApp {
  app: FastifyInstance
  config: Config
  database: DatabaseHandle
  /** Everything the server logged, as JSON lines. */
  logs: string[]
  /** Logs in through dev login and returns the bearer token. */
  tokenFor(openid: string): Promise<string>
  /** `app.inject` with `Authorization: Bearer` for the given openid (or none). */
  as(openid: string | null): (options: InjectOptions) => Promise<LightMyRequestResponse>
  close(): Promise<void>
}

export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  AUTH_MODE: 'dev',
  AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  WECHAT_APPID: 'wx-test-appid',
  WECHAT_SECRET: 'wx-test-secret',
  LOGIN_RATE_LIMIT: '1000',
  // Tests change reference data and read it back at once.
  REFERENCE_CACHE_SECONDS: '0',
  CATALOGUE_CACHE_SECONDS: '0',
  // Tests write users and role grants straight into the database and read back at once; on
  // PostgreSQL the announcement that drops a kept caller can trail that by a moment. The session
  // cache has its own tests (platform/auth/session-cache.test.ts).
  SESSION_CACHE_SECONDS: '0',
  // Tests run jobs themselves (app.jobs.tick()) so that nothing happens behind their back.
  RUN_JOBS: 'false',
  // Concurrency tests fire hundreds of requests at once through app.inject; shedding has its own test.
  MAX_IN_FLIGHT: '0',
  MAX_EVENT_LOOP_DELAY_MS: '0',
}

/**
 * Settings that change nothing the seed writes: an app with only these differences from TEST_ENV
 * starts from the demo template. Any other setting (keys, line rules, message templates) may shape
 * the seeded records, so such an app seeds its own.
 */
const SETTINGS_THE_SEED_IGNORES = new Set([
  'LOG_LEVEL',
  'LOGIN_RATE_LIMIT',
  'UPLOAD_RATE_LIMIT',
  'TRUST_PROXY',
  'TRUST_WX_CLOUD_HEADERS',
  'MAX_IN_FLIGHT',
  'MAX_EVENT_LOOP_DELAY_MS',
  'H5_DIR',
  'API_DOCS',
  'CATALOGUE_CACHE_SECONDS',
  'SESSION_CACHE_SECONDS',
])

/**
 * The template this app's database is exactly a copy of (default lines, clock and seed settings;
 * with or without demo data), or null when it must seed its own.
 */
function seededTemplateFor(options: TestAppOptions): 'reference' | 'demo' | null {
  if (options.database || options.seedInto || options.lines || options.clock) return null
  if (!Object.keys(options.env ?? {}).every((name) => SETTINGS_THE_SEED_IGNORES.has(name))) return null
  const start = options.demo === false ? 'reference' : 'demo'
  if (!hasTemplate(start) || (start === 'demo' && !process.env[TEMPLATE_ENV.demoUploads])) return null
  return start
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  // Uploaded files go to a directory of this test file's own, removed on close.
  const uploadDir = options.env?.UPLOAD_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-uploads-'))
  const config = loadConfig({ ...TEST_ENV, UPLOAD_DIR: uploadDir, ...options.env })
  const template = seededTemplateFor(options)
  if (template === 'demo') fs.cpSync(process.env[TEMPLATE_ENV.demoUploads]!, uploadDir, { recursive: true })
  // A second instance shares the first one's database and leaves closing it to the first.
  const shared = options.database ?? options.seedInto
  const database = shared ? { ...shared, close: async () => undefined } : await freshDatabase(template ?? 'migrated')
  const seed = !options.database && !template
  if (seed) await seedReferenceData(database.db, serviceLines)

  const logs: string[] = []
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'))
      done()
    },
  })
  const lines = options.lines ?? serviceLines
  const app = await buildApp({ config, database, wechat: options.wechat, logStream, clock: options.clock, lines })
  await app.ready()
  if (seed) await upgradeData(app.systemContext(), lines)
  if (seed && options.demo !== false) await seedDemoData(app.systemContext(), lines)

  const tokens = new Map<string, string>()
  const tokenFor = async (openid: string) => {
    const cached = tokens.get(openid)
    if (cached) return cached
    const response = await app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid } })
    if (response.statusCode !== 200) throw new Error(`dev login failed: ${response.statusCode} ${response.body}`)
    const token = (response.json() as { token: string }).token
    tokens.set(openid, token)
    return token
  }

  return {
    app,
    config,
    database,
    logs,
    tokenFor,
    as: (openid) => async (injectOptions) => {
      const headers = { ...(injectOptions.headers ?? {}) } as Record<string, string>
      if (openid) headers.authorization = `Bearer ${await tokenFor(openid)}`
      return app.inject({ ...injectOptions, headers })
    },
    close: async () => {
      await app.close()
      if (!options.env?.UPLOAD_DIR) fs.rmSync(uploadDir, { recursive: true, force: true })
    },
  }
}

/**
 * A test app whose WeChat is a fake on loopback (see fake-wechat.ts): our real HTTP client end
 * to end. Closing the app closes the fake too.
 */
export async function createTestAppWithFakeWechat(options: Omit<TestAppOptions, 'wechat'> = {}): Promise<{ t: TestApp; fake: FakeWechat }> {
  const fake = await startFakeWechat()
  const t = await createTestApp({ ...options, wechat: fake.client() })
  const closeApp = t.close.bind(t)
  t.close = async () => {
    await closeApp()
    await fake.close()
  }
  return { t, fake }
}
