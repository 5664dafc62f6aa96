import { eq } from 'drizzle-orm'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Queryable, Transaction } from '../db/client'
import type { PendingSubscribeMessage } from '../plugins/app/subscribe-messages'
import { users } from '../platform/auth/auth.tables'
import { runIdempotentRequest, type IdempotentRequestOptions, type IdempotentResult } from './idempotency'

/**
 * Subscribe messages a submission wants sent. They are collected during its transaction and go
 * out only after it committed — and never for a replayed answer, which sent them the first time.
 */
export type SubscribeMessageQueue = PendingSubscribeMessage[]

export async function runIdempotentRequestWithMessages<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  options: IdempotentRequestOptions,
  work: (tx: Transaction, queue: SubscribeMessageQueue) => Promise<T>,
): Promise<IdempotentResult<T>> {
  const queue: SubscribeMessageQueue = []
  const result = await runIdempotentRequest(app.db, request, options, (tx) => work(tx, queue))
  if (!result.replayed) app.subscribeMessages.dispatch(queue)
  return result
}

export interface StatusUpdate {
  /** What the message is about, e.g. 法律援助·欠薪 (thing: at most 20 characters). */
  subject: string
  /** The new status, e.g. 已受理 (phrase: at most 5 characters). */
  phrase: string
  at: Date
  /** What to do next (thing: at most 20 characters). */
  hint: string
}

const cut = (text: string, length: number) => Array.from(text).slice(0, length).join('')

function chinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * The keywords of our status-update templates: `thing1` subject, `phrase2` status, `time3` time,
 * `thing4` hint. WeChat refuses a value longer than its keyword type allows, so they are cut.
 */
export function statusUpdateData(update: StatusUpdate): PendingSubscribeMessage['data'] {
  return {
    thing1: { value: cut(update.subject, 20) },
    phrase2: { value: cut(update.phrase, 5) },
    time3: { value: chinaDateTime(update.at) },
    thing4: { value: cut(update.hint, 20) },
  }
}

/** Queues a status-update message to a user (by their openid) for after the commit. */
export async function queueStatusUpdate(
  db: Queryable,
  queue: SubscribeMessageQueue,
  message: { userId: string; templateId: string; page: string; event: string; update: StatusUpdate },
): Promise<void> {
  const [user] = await db.select({ openid: users.openid }).from(users).where(eq(users.id, message.userId))
  if (!user) return
  queue.push({
    event: message.event,
    toOpenid: user.openid,
    templateId: message.templateId,
    page: message.page,
    data: statusUpdateData(message.update),
  })
}
