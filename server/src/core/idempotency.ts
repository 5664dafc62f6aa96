import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import { IdempotencyKey } from '@contract/fields'
import { holdTransactionLock, isUniqueViolation, type Database, type Queryable, type Transaction } from '../db/client'
import type { FieldCipher } from '../lib/crypto'
import { AppError } from '../lib/errors'
import { currentUser } from '../plugins/app/authentication'
import { idempotencyKeys } from './core.tables'
import type { Quota } from './rate-limits'

/** The `Idempotency-Key` header, checked; undefined when the client sent none. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key']
  if (header === undefined) return undefined
  const parsed = IdempotencyKey.safeParse(header)
  if (!parsed.success) throw new AppError(400, 'VALIDATION_FAILED', '请求标识格式不正确')
  return parsed.data
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export interface IdempotentCall {
  /** Remembered answers may hold personal data: they are kept encrypted. */
  cipher: FieldCipher
  userId: string
  /** What kind of submission, e.g. `membership.apply`: the same key may be reused across scopes. */
  scope: string
  key: string | undefined
  /** The request body: a retry must send the same one. */
  body: unknown
  /** Status of a successful first answer (201 for creations). */
  statusCode: number
}

export interface IdempotentResult<T> {
  statusCode: number
  body: T
  /** True when this is the remembered answer to an earlier identical submission. */
  replayed: boolean
}

/**
 * Runs a submission at most once per (user, scope, key). The transaction first takes an
 * advisory lock on the key, so a double tap racing itself waits for the first attempt to commit
 * and then finds its remembered answer — instead of running the work again and tripping over
 * what the first one just wrote (a "you already applied" 409 would be a wrong answer to a retry).
 * The work and the remembered answer commit together; the unique key is the backstop.
 */
export async function runIdempotent<T>(
  db: Database,
  call: IdempotentCall,
  work: (tx: Transaction) => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (!call.key) {
    return { statusCode: call.statusCode, body: await db.transaction(work), replayed: false }
  }
  const key = call.key
  const requestHash = createHash('sha256').update(stableStringify(call.body)).digest('base64url')

  const remembered = async (queryable: Queryable): Promise<IdempotentResult<T> | undefined> => {
    const [row] = await queryable
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, call.userId), eq(idempotencyKeys.scope, call.scope), eq(idempotencyKeys.key, key)))
    if (!row) return undefined
    if (row.requestHash !== requestHash) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED')
    return { statusCode: row.statusCode, body: unseal<T>(call.cipher, row.response), replayed: true }
  }

  // Most retries arrive after the first answer: no lock needed to find it.
  const earlier = await remembered(db)
  if (earlier) return earlier
  try {
    return await db.transaction(async (tx) => {
      await holdTransactionLock(tx, `idempotency:${call.userId}:${call.scope}:${key}`)
      // Under the lock, a statement sees everything committed before it: the first attempt's answer.
      const winner = await remembered(tx)
      if (winner) return winner
      const result = await work(tx)
      await tx.insert(idempotencyKeys).values({
        userId: call.userId,
        scope: call.scope,
        key,
        requestHash,
        statusCode: call.statusCode,
        // Stored as the client saw it (JSON, dates as strings), sealed: a dump shows none of it.
        response: { sealed: call.cipher.encrypt(JSON.stringify(result)) },
      })
      return { statusCode: call.statusCode, body: result, replayed: false }
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await remembered(db)
      if (winner) return winner
    }
    throw error
  }
}

/** A remembered answer: sealed, or (written before answers were sealed) as it was. */
function unseal<T>(cipher: FieldCipher, stored: unknown): T {
  if (stored && typeof stored === 'object' && 'sealed' in stored && typeof stored.sealed === 'string')
    return JSON.parse(cipher.decrypt(stored.sealed)) as T
  return stored as T
}

/** What `runIdempotentRequest` needs besides the request. */
export interface IdempotentRequestOptions {
  scope: string
  statusCode: number
  /** A retry must also name the same record in its URL (one key, one case). */
  matchUrl?: boolean
  /** How many of these one person may make (default: a generous hourly limit per kind). */
  quota?: Quota
}

/**
 * `runIdempotent` for a route: the caller, the request's Idempotency-Key and its body. The route
 * then answers `reply.status(result.statusCode).send(result.body)`.
 */
export function runIdempotentRequest<T>(
  db: Database,
  request: FastifyRequest,
  options: IdempotentRequestOptions,
  work: (tx: Transaction) => Promise<T>,
): Promise<IdempotentResult<T>> {
  // WeChat asks for message permission again at every tap, and a retry may get another answer:
  // that is not part of what was submitted, so it is left out of what a retry must repeat.
  const body = request.body && typeof request.body === 'object' ? { ...request.body, subscribeAccepted: undefined } : request.body
  return runIdempotent(
    db,
    {
      cipher: request.server.cipher,
      userId: currentUser(request).id,
      scope: options.scope,
      key: idempotencyKeyOf(request),
      body: options.matchUrl ? { url: request.url, body } : body,
      statusCode: options.statusCode,
    },
    work,
  )
}
