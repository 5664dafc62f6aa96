import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import type { Database } from '../db/client'
import { WechatError, type WechatClient } from '../lib/wechat'
import { users } from '../platform/auth/auth.tables'
import { outbox, subscribeCredits } from './core.tables'

/** Sends at most this many tries; then the message is given up (and its credit given back). */
export const MAX_SEND_ATTEMPTS = 8
/** How long one instance holds a claimed message before another may try it. */
const CLAIM_MS = 2 * 60_000
const BATCH = 20

/** WeChat answers that will not change by trying again: the message is given up at once. */
const FINAL_ERRCODES = new Set([
  43101, // the user has not allowed (or revoked) this template
  40003, // unknown openid
  40037, // unknown template
  41030, // the page does not exist in the published mini-program
  47003, // a keyword value WeChat does not accept
])

/** Waits before trying again: 30 s, 1 min, 2 min … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000)
}

export type OutboxRow = typeof outbox.$inferSelect

interface WechatPayload {
  templateId: string
  page?: string
  data: Record<string, { value: string }>
}

/**
 * Sends what the outbox holds. Every instance may run it: a message is claimed by one statement
 * (skipping rows another instance holds), sent, then marked — so each goes out once. A crash after
 * WeChat accepted it and before it was marked would send it again when the claim runs out; that
 * window is one round trip, and nothing committed is ever lost.
 */
export class OutboxSender {
  private readonly inFlight = new Set<Promise<number>>()

  constructor(
    private readonly db: Database,
    private readonly wechat: WechatClient,
    private readonly log: FastifyBaseLogger,
    private readonly clock: () => Date,
  ) {}

  /** Sends what is due now, in the background (after a request committed some). */
  kick(): void {
    const run = this.sendDue()
      .catch((error: unknown) => {
        this.log.error({ err: error }, 'outbox send failed')
        return 0
      })
      .finally(() => this.inFlight.delete(run))
    this.inFlight.add(run)
  }

  /** Waits for sends in flight, then sends until nothing is due (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
    while ((await this.sendDue()) > 0) {
      // keep going until the due ones are done
    }
  }

  /** One batch: claims due messages, sends each, records the outcome. Returns how many it tried. */
  async sendDue(): Promise<number> {
    const now = this.clock()
    const due = this.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.status, 'pending'),
          sql`${outbox.nextAttemptAt} <= ${now}`,
          or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, now)),
        ),
      )
      .orderBy(outbox.seq)
      .limit(BATCH)
      .for('update', { skipLocked: true })
    const claimed = await this.db
      .update(outbox)
      .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${outbox.attempts} + 1` })
      .where(sql`${outbox.id} in (${due})`)
      .returning()
    for (const row of claimed) await this.sendOne(row)
    return claimed.length
  }

  private async sendOne(row: OutboxRow): Promise<void> {
    const payload = row.payload as unknown as WechatPayload
    const [recipient] = await this.db
      .select({ openid: users.openid, deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, row.userId))
    if (!recipient || recipient.deletedAt) {
      await this.finish(row, 'failed', 'no_recipient', false)
      return
    }
    try {
      await this.wechat.sendSubscribeMessage({
        toOpenid: recipient.openid,
        templateId: payload.templateId,
        page: payload.page,
        data: payload.data,
      })
      await this.finish(row, 'sent', null, false)
      this.log.info({ event: row.event, template: payload.templateId }, 'subscribe message sent')
    } catch (error) {
      const errcode = error instanceof WechatError ? error.errcode : 'unexpected'
      const final = (typeof errcode === 'number' && FINAL_ERRCODES.has(errcode)) || row.attempts >= MAX_SEND_ATTEMPTS
      if (final) {
        // The user's permission was not used: it is theirs for the next update.
        await this.finish(row, 'failed', String(errcode), true)
        this.log.warn({ event: row.event, template: payload.templateId, errcode }, 'subscribe message not sent; the in-app message stands')
      } else {
        await this.db
          .update(outbox)
          .set({
            nextAttemptAt: new Date(this.clock().getTime() + retryDelayMs(row.attempts)),
            claimedUntil: null,
            lastError: String(errcode),
          })
          .where(eq(outbox.id, row.id))
        this.log.warn(
          { event: row.event, template: payload.templateId, errcode, attempts: row.attempts },
          'subscribe message will be retried',
        )
      }
    }
  }

  private async finish(row: OutboxRow, status: 'sent' | 'failed', lastError: string | null, giveCreditBack: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .update(outbox)
        .set({ status, lastError, claimedUntil: null, ...(status === 'sent' ? { sentAt: this.clock() } : {}) })
        .where(eq(outbox.id, row.id))
      if (giveCreditBack && row.creditSubjectType && row.creditSubjectId) {
        await tx
          .update(subscribeCredits)
          .set({ credits: sql`${subscribeCredits.credits} + 1` })
          .where(
            and(
              eq(subscribeCredits.userId, row.userId),
              eq(subscribeCredits.subjectType, row.creditSubjectType),
              eq(subscribeCredits.subjectId, row.creditSubjectId),
            ),
          )
      }
    })
  }
}
