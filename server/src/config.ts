import path from 'node:path'
import * as z from 'zod'
import type { HardshipSettings } from '@contract/lines/hardship'
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

/** Fixed development fallbacks: published in this file, so refused anywhere but an explicit dev mode. */
const DEV_AUTH_SECRET = 'development-only-secret-do-not-use-in-production'
const DEV_ENCRYPTION_KEY = Buffer.alloc(32, 7)

export interface EncryptionKey {
  id: string
  key: Buffer
}

function nodeEnvOf(env: { NODE_ENV?: string; AUTH_MODE?: string }): 'development' | 'production' | 'test' {
  if (env.NODE_ENV === 'development' || env.NODE_ENV === 'test' || env.NODE_ENV === 'production') return env.NODE_ENV
  return env.AUTH_MODE === 'dev' ? 'development' : 'production'
}

/** Dev defaults only in an explicit dev mode: NODE_ENV development or test, or AUTH_MODE=dev (not production). */
export function devDefaultsAllowed(env: { NODE_ENV?: string; AUTH_MODE?: string }): boolean {
  return nodeEnvOf(env) !== 'production'
}

/** `2:<base64>,1:<base64>`, or the single DATA_ENCRYPTION_KEY as key 1. */
function parseKeyList(env: {
  DATA_ENCRYPTION_KEY?: string
  DATA_ENCRYPTION_KEYS?: string
}): { ok: true; keys: EncryptionKey[] } | { ok: false; variable: string; message: string } {
  if (env.DATA_ENCRYPTION_KEYS) {
    const keys: EncryptionKey[] = []
    for (const entry of env.DATA_ENCRYPTION_KEYS.split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const match = /^([A-Za-z0-9]{1,8}):(.+)$/.exec(entry)
      if (!match) return { ok: false, variable: 'DATA_ENCRYPTION_KEYS', message: 'each entry is <id>:<base64 key>, e.g. 2:…,1:…' }
      const key = Buffer.from(match[2]!, 'base64')
      if (key.length < 32) return { ok: false, variable: 'DATA_ENCRYPTION_KEYS', message: `key ${match[1]} is shorter than 32 bytes` }
      if (key.length !== 32)
        return { ok: false, variable: 'DATA_ENCRYPTION_KEYS', message: `key ${match[1]} must be 32 bytes, base64-encoded` }
      if (keys.some((existing) => existing.id === match[1]))
        return { ok: false, variable: 'DATA_ENCRYPTION_KEYS', message: `key id ${match[1]} is listed twice` }
      keys.push({ id: match[1]!, key })
    }
    if (keys.length === 0) return { ok: false, variable: 'DATA_ENCRYPTION_KEYS', message: 'lists no key' }
    return { ok: true, keys }
  }
  if (env.DATA_ENCRYPTION_KEY) return { ok: true, keys: [{ id: '1', key: Buffer.from(env.DATA_ENCRYPTION_KEY, 'base64') }] }
  return { ok: true, keys: [] }
}

/** A secret anyone could guess: one character repeated, or hardly any different ones. */
const lowEntropyText = (value: string) => new Set(value).size < 8
const lowEntropyKey = (key: Buffer) => new Set(key).size < 8

/** What is wrong with the secrets of a start outside dev mode, variable by variable. */
function secretProblems(
  env: { AUTH_SECRET?: string; DATA_ENCRYPTION_KEYS?: string },
  keys: EncryptionKey[],
): Array<{ variable: string; message: string }> {
  const problems: Array<{ variable: string; message: string }> = []
  const keyVariable = env.DATA_ENCRYPTION_KEYS ? 'DATA_ENCRYPTION_KEYS' : 'DATA_ENCRYPTION_KEY'
  if (!env.AUTH_SECRET)
    problems.push({ variable: 'AUTH_SECRET', message: 'required outside dev mode (set NODE_ENV=development for local use)' })
  else if (env.AUTH_SECRET === DEV_AUTH_SECRET) problems.push({ variable: 'AUTH_SECRET', message: 'is the published development value' })
  else if (lowEntropyText(env.AUTH_SECRET))
    problems.push({ variable: 'AUTH_SECRET', message: 'is too easy to guess (use e.g. `openssl rand -base64 48`)' })
  if (keys.length === 0)
    problems.push({ variable: keyVariable, message: 'required outside dev mode (set NODE_ENV=development for local use)' })
  for (const { id, key } of keys) {
    if (key.equals(DEV_ENCRYPTION_KEY)) problems.push({ variable: keyVariable, message: `key ${id} is the published development value` })
    else if (lowEntropyKey(key))
      problems.push({ variable: keyVariable, message: `key ${id} is too easy to guess (use e.g. \`openssl rand -base64 32\`)` })
  }
  return problems
}

const EnvSchema = z
  .object({
    /** Unset means production, unless AUTH_MODE=dev: dev defaults only ever apply when asked for. */
    NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where the embedded database and uploaded files live when DATABASE_URL is not set. */
    DATA_DIR: z.string().default('./data'),
    /** postgres://… — use a real PostgreSQL server instead of the embedded one. */
    DATABASE_URL: z.string().url().optional(),
    /** Signs session tokens, member-card QR tokens and file links. At least 32 characters. */
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** 32-byte key, base64, for AES-256-GCM encryption of sensitive fields (ID numbers…); key id 1. */
    DATA_ENCRYPTION_KEY: z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
      .optional(),
    /**
     * Several keys, for rotation: `2:<base64>,1:<base64>`. The first encrypts what is written from now
     * on; every one listed decrypts what it wrote. Keep the oldest listed: lookup hashes derive from it.
     */
    DATA_ENCRYPTION_KEYS: z.string().optional(),
    /** `wechat` (production) or `dev` (adds POST /api/auth/dev for browsers and demos). */
    AUTH_MODE: z.enum(['wechat', 'dev']).default('wechat'),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(24 * 7),
    /**
     * How long an instance keeps who a session's user is (their roles included) for reads; every
     * change to them is announced by the database and drops it at once, so this only bounds what
     * an unannounced change could leave. 0: ask the database on every request.
     */
    SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(60),
    WECHAT_APPID: z.string().optional(),
    WECHAT_SECRET: z.string().optional(),
    WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
    WECHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    /**
     * Which proxies' X-Forwarded-For to believe: `false` (default: none, the connection's address
     * counts), a number of hops (1 behind one reverse proxy), or the proxies' addresses/CIDRs.
     */
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((value, ctx): boolean | number | string => {
        const text = value.trim()
        if (text === '' || text === 'false' || text === 'off' || text === '0') return false
        if (text === 'true') return true
        if (/^\d{1,2}$/.test(text)) return Number(text)
        if (/^[0-9a-fA-F:.,/\s]+$/.test(text)) return text
        ctx.addIssue({ code: 'custom', message: 'false, a hop count, or comma-separated proxy addresses' })
        return z.NEVER
      }),
    /** Behind WeChat Cloud Run: accept the X-WX-OPENID header the platform injects. */
    TRUST_WX_CLOUD_HEADERS: booleanFlag.default(false),
    /** Insert demo personas and sample records at start (never in production). */
    SEED_DEMO: booleanFlag.default(false),
    /** Serve the Swagger UI at /api/docs and /api/openapi.json (default: on outside production). */
    API_DOCS: booleanFlag.optional(),
    /** Directory of the H5 build to serve at `/`; empty to serve the API only. */
    H5_DIR: z.string().optional(),
    /** How long reference data (service catalogue, notices) is cached in memory. */
    REFERENCE_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(30),
    /** How long what public lists share is kept in memory (a course catalogue page, the merchant list's live-offer counts); 0: never. */
    CATALOGUE_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
    /**
     * Requests one instance works on at once; one more is answered 503 at once, with Retry-After,
     * rather than waiting seconds in a queue. 0: no limit. Default 32 on the embedded database,
     * which runs one query at a time, and 256 on PostgreSQL.
     */
    MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(100_000).optional(),
    /**
     * The mean event-loop delay (ms, over the last quarter second) past which every request but
     * the health check is answered 503 with Retry-After until it falls. The embedded database runs
     * its queries on this thread, so a backlog there shows as delay here while the requests behind
     * it sit unread in the socket, where no in-flight count sees them. 0: off. Default 100 on the
     * embedded database, 1000 on PostgreSQL.
     */
    MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).optional(),
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
    /**
     * 困难帮扶: the city's minimum living standard (低保, yuan per person per month) the tiers and
     * the 生活救助 cap are measured against. See the README for where the default comes from.
     */
    HARDSHIP_DIBAO_MONTHLY_YUAN: z.coerce.number().positive().max(100_000).default(800),
    /** 生活救助 per household per year: at most this many months of 低保 (全总: 12). */
    HARDSHIP_LIVING_CAP_MONTHS: z.coerce.number().int().positive().max(36).default(12),
    /** 助学 per child per school year: families in deep hardship (连云港 金秋助学: 4,000), and the others. */
    HARDSHIP_EDUCATION_CAP_DEEP_YUAN: z.coerce.number().positive().max(1_000_000).default(4000),
    HARDSHIP_EDUCATION_CAP_OTHER_YUAN: z.coerce.number().positive().max(1_000_000).default(2000),
    /** 临时救助 per household, ever (习水县 rule: 2). */
    HARDSHIP_TEMPORARY_MAX: z.coerce.number().int().positive().max(20).default(2),
    /** Working days for each step: the grassroots first review, the 公示, the city review, payment. */
    HARDSHIP_FIRST_REVIEW_DAYS: z.coerce.number().int().positive().max(60).default(10),
    // 0 only where no notice period can be waited for (a browser test): the 公示 then ends the day it starts.
    HARDSHIP_PUBLICITY_DAYS: z.coerce.number().int().min(0).max(30).default(5),
    HARDSHIP_CITY_REVIEW_DAYS: z.coerce.number().int().positive().max(60).default(10),
    HARDSHIP_PAYMENT_DAYS: z.coerce.number().int().positive().max(60).default(10),
    /** Working days the yearly review may take once a file is due. */
    HARDSHIP_ANNUAL_REVIEW_DAYS: z.coerce.number().int().positive().max(120).default(20),
    /** Months running above 低保 that make 脱困 (江苏: 6). */
    HARDSHIP_LIFT_MONTHS: z.coerce.number().int().positive().max(24).default(6),
  })
  .superRefine((env, ctx) => {
    const keys = parseKeyList(env)
    if (!keys.ok) ctx.addIssue({ code: 'custom', path: [keys.variable], message: keys.message })
    if (!devDefaultsAllowed(env)) {
      for (const problem of secretProblems(env, keys.ok ? keys.keys : []))
        ctx.addIssue({ code: 'custom', path: [problem.variable], message: problem.message })
    }
    if (nodeEnvOf(env) === 'production') {
      if (env.AUTH_MODE === 'dev') {
        ctx.addIssue({ code: 'custom', path: ['AUTH_MODE'], message: 'dev login must not be enabled in production' })
      }
      if (env.SEED_DEMO) {
        ctx.addIssue({ code: 'custom', path: ['SEED_DEMO'], message: 'demo data must not be seeded in production' })
      }
      for (const key of ['WECHAT_APPID', 'WECHAT_SECRET'] as const) {
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
  /** Encryption keys by id; the first encrypts. */
  encryptionKeys: EncryptionKey[]
  authMode: 'wechat' | 'dev'
  sessionTtlSeconds: number
  sessionCacheMs: number
  wechat: { appId: string; secret: string; apiBase: string; timeoutMs: number }
  trustWxCloudHeaders: boolean
  trustProxy: boolean | number | string
  seedDemo: boolean
  h5Dir: string | undefined
  apiDocs: boolean
  loginRateLimit: number
  referenceCacheMs: number
  catalogueCacheMs: number
  /** 0: no limit. */
  maxInFlight: number
  maxEventLoopDelayMs: number
  uploadDir: string
  uploadRateLimit: number
  /** By subscribe topic; `status` is the default every topic falls back to. */
  subscribeTemplates: Record<SubscribeTopic, string>
  calendar: { holidays: string[]; extraWorkdays: string[] }
  outboxIntervalMs: number
  outboxSendOnCommit: boolean
  runJobs: boolean
  /** 困难帮扶's figures (HARDSHIP_*): 低保, caps, deadlines. */
  hardship: HardshipSettings
}

export class ConfigError extends Error {}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  const keys = parseKeyList(env)
  const encryptionKeys = keys.ok && keys.keys.length > 0 ? keys.keys : [{ id: '1', key: DEV_ENCRYPTION_KEY }]
  return {
    env: nodeEnvOf(env),
    host: env.HOST,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    // Reached without a secret only in dev mode: the schema refuses every other start.
    authSecret: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    encryptionKeys,
    authMode: env.AUTH_MODE,
    sessionTtlSeconds: Math.round(env.SESSION_TTL_HOURS * 3600),
    sessionCacheMs: env.SESSION_CACHE_SECONDS * 1000,
    wechat: {
      appId: env.WECHAT_APPID ?? '',
      secret: env.WECHAT_SECRET ?? '',
      apiBase: env.WECHAT_API_BASE.replace(/\/+$/, ''),
      timeoutMs: env.WECHAT_TIMEOUT_MS,
    },
    trustWxCloudHeaders: env.TRUST_WX_CLOUD_HEADERS,
    trustProxy: env.TRUST_PROXY,
    seedDemo: env.SEED_DEMO,
    h5Dir: env.H5_DIR ? path.resolve(env.H5_DIR) : undefined,
    apiDocs: env.API_DOCS ?? nodeEnvOf(env) !== 'production',
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    referenceCacheMs: env.REFERENCE_CACHE_SECONDS * 1000,
    catalogueCacheMs: env.CATALOGUE_CACHE_SECONDS * 1000,
    maxInFlight: env.MAX_IN_FLIGHT ?? (env.DATABASE_URL ? 256 : 32),
    maxEventLoopDelayMs: env.MAX_EVENT_LOOP_DELAY_MS ?? (env.DATABASE_URL ? 1000 : 100),
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
    hardship: {
      dibaoMonthly: env.HARDSHIP_DIBAO_MONTHLY_YUAN,
      livingCapMonths: env.HARDSHIP_LIVING_CAP_MONTHS,
      educationCapDeep: env.HARDSHIP_EDUCATION_CAP_DEEP_YUAN,
      educationCapOther: env.HARDSHIP_EDUCATION_CAP_OTHER_YUAN,
      temporaryMaxPerHousehold: env.HARDSHIP_TEMPORARY_MAX,
      deadlines: {
        first_review: env.HARDSHIP_FIRST_REVIEW_DAYS,
        publicity: env.HARDSHIP_PUBLICITY_DAYS,
        city_review: env.HARDSHIP_CITY_REVIEW_DAYS,
        payment: env.HARDSHIP_PAYMENT_DAYS,
      },
      annualReviewDays: env.HARDSHIP_ANNUAL_REVIEW_DAYS,
      liftMonths: env.HARDSHIP_LIFT_MONTHS,
    },
  }
}
