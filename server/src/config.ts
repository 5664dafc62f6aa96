import path from 'node:path'
import * as z from 'zod'
import type { SubscribeTopic } from '@contract/subscriptions'
import { CHINA_2026_EXTRA_WORKDAYS, CHINA_2026_HOLIDAYS, parseDateList } from '@contract/rules/working-days'

/**
 * All configuration comes from the environment and is checked once at start: a bad value stops
 * the server with a message naming the variable, instead of failing later on a request.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

/** A comma-separated list of YYYY-MM-DD dates. */
const dateList = z.string().transform((text, ctx) => {
  const parsed = parseDateList(text)
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `not a date (YYYY-MM-DD): ${parsed.bad}` })
    return z.NEVER
  }
  return parsed.dates
})

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where the embedded database and uploaded files live when DATABASE_URL is not set. */
    DATA_DIR: z.string().default('./data'),
    /** postgres://… — use a real PostgreSQL server instead of the embedded one. */
    DATABASE_URL: z.string().url().optional(),
    /** Signs session tokens and member-card QR tokens. At least 32 characters. */
    AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
    /** 32-byte key, base64, for AES-256-GCM encryption of sensitive fields (ID numbers…). */
    DATA_ENCRYPTION_KEY: z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
      .optional(),
    /** `wechat` (production) or `dev` (adds POST /api/auth/dev for browsers and demos). */
    AUTH_MODE: z.enum(['wechat', 'dev']).default('wechat'),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(24 * 7),
    WECHAT_APPID: z.string().optional(),
    WECHAT_SECRET: z.string().optional(),
    WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
    WECHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    /** Behind WeChat Cloud Run: accept the X-WX-OPENID header the platform injects. */
    TRUST_WX_CLOUD_HEADERS: booleanFlag.default(false),
    /** Insert demo personas and sample records at start (never in production). */
    SEED_DEMO: booleanFlag.default(false),
    /** Directory of the H5 build to serve at `/`; empty to serve the API only. */
    H5_DIR: z.string().optional(),
    /** How long reference data (service catalogue, notices) is cached in memory. */
    REFERENCE_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(30),
    /** Logins per IP per minute. */
    LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(20),
    /** Where uploaded files are stored; `<DATA_DIR>/uploads` when unset. */
    UPLOAD_DIR: z.string().optional(),
    /** Uploads per user per hour. */
    UPLOAD_RATE_LIMIT: z.coerce.number().int().positive().default(60),
    /** The status-update subscribe-message template every line sends with (empty: in-app messages only). */
    WECHAT_SUBSCRIBE_TEMPLATE_STATUS: z.string().default(''),
    /** Per-topic overrides of that template: legal-aid case updates, membership review results. */
    WECHAT_SUBSCRIBE_TEMPLATE_CASE: z.string().default(''),
    WECHAT_SUBSCRIBE_TEMPLATE_MEMBERSHIP: z.string().default(''),
    /** Public holidays for working-day deadlines in every line; defaults to China's 2026 holidays. */
    WORKING_DAY_HOLIDAYS: dateList.optional(),
    /** Weekend days that are working days (调休上班); defaults to China's 2026 make-up days. */
    WORKING_DAY_WORKDAYS: dateList.optional(),
    /** The names these had when only legal aid had deadlines; still read when the new ones are unset. */
    LEGAL_AID_HOLIDAYS: dateList.optional(),
    LEGAL_AID_WORKDAYS: dateList.optional(),
    /** How often the outbox job looks for messages to send (a request that wrote some sends at once). */
    OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
    /**
     * Send promised messages right after the request that made them (default), or only from the
     * outbox job — for a deployment that wants WeChat calls out of the request path.
     */
    OUTBOX_SEND_ON_COMMIT: booleanFlag.default(true),
    /** Run scheduled jobs in this instance (off for one-off scripts and some tests). */
    RUN_JOBS: booleanFlag.default(true),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      if (env.AUTH_MODE === 'dev') {
        ctx.addIssue({ code: 'custom', path: ['AUTH_MODE'], message: 'dev login must not be enabled in production' })
      }
      if (env.SEED_DEMO) {
        ctx.addIssue({ code: 'custom', path: ['SEED_DEMO'], message: 'demo data must not be seeded in production' })
      }
      for (const key of ['AUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'WECHAT_APPID', 'WECHAT_SECRET'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required in production' })
      }
    }
  })

export type Env = z.input<typeof EnvSchema>

export interface Config {
  env: 'development' | 'production' | 'test'
  host: string
  port: number
  logLevel: string
  dataDir: string
  databaseUrl: string | undefined
  authSecret: string
  encryptionKey: Buffer
  authMode: 'wechat' | 'dev'
  sessionTtlSeconds: number
  wechat: { appId: string; secret: string; apiBase: string; timeoutMs: number }
  trustWxCloudHeaders: boolean
  seedDemo: boolean
  h5Dir: string | undefined
  loginRateLimit: number
  referenceCacheMs: number
  uploadDir: string
  uploadRateLimit: number
  /** By subscribe topic; `status` is the default every topic falls back to. */
  subscribeTemplates: Record<SubscribeTopic, string>
  calendar: { holidays: string[]; extraWorkdays: string[] }
  outboxIntervalMs: number
  outboxSendOnCommit: boolean
  runJobs: boolean
}

export class ConfigError extends Error {}

/** Fixed development fallbacks: obviously not secret, refused in production by the schema above. */
const DEV_AUTH_SECRET = 'development-only-secret-do-not-use-in-production'
const DEV_ENCRYPTION_KEY = Buffer.alloc(32, 7)

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    authSecret: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    encryptionKey: env.DATA_ENCRYPTION_KEY ? Buffer.from(env.DATA_ENCRYPTION_KEY, 'base64') : DEV_ENCRYPTION_KEY,
    authMode: env.AUTH_MODE,
    sessionTtlSeconds: Math.round(env.SESSION_TTL_HOURS * 3600),
    wechat: {
      appId: env.WECHAT_APPID ?? '',
      secret: env.WECHAT_SECRET ?? '',
      apiBase: env.WECHAT_API_BASE.replace(/\/+$/, ''),
      timeoutMs: env.WECHAT_TIMEOUT_MS,
    },
    trustWxCloudHeaders: env.TRUST_WX_CLOUD_HEADERS,
    seedDemo: env.SEED_DEMO,
    h5Dir: env.H5_DIR ? path.resolve(env.H5_DIR) : undefined,
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    referenceCacheMs: env.REFERENCE_CACHE_SECONDS * 1000,
    uploadDir: path.resolve(env.UPLOAD_DIR ?? path.join(env.DATA_DIR, 'uploads')),
    uploadRateLimit: env.UPLOAD_RATE_LIMIT,
    subscribeTemplates: {
      status: env.WECHAT_SUBSCRIBE_TEMPLATE_STATUS,
      legal_aid: env.WECHAT_SUBSCRIBE_TEMPLATE_CASE,
      membership: env.WECHAT_SUBSCRIBE_TEMPLATE_MEMBERSHIP,
    },
    calendar: {
      holidays: env.WORKING_DAY_HOLIDAYS ?? env.LEGAL_AID_HOLIDAYS ?? [...CHINA_2026_HOLIDAYS],
      extraWorkdays: env.WORKING_DAY_WORKDAYS ?? env.LEGAL_AID_WORKDAYS ?? [...CHINA_2026_EXTRA_WORKDAYS],
    },
    outboxIntervalMs: env.OUTBOX_INTERVAL_SECONDS * 1000,
    outboxSendOnCommit: env.OUTBOX_SEND_ON_COMMIT,
    runJobs: env.RUN_JOBS,
  }
}
