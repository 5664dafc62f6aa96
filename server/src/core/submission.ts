import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ServiceContext } from './context'
import { runIdempotentRequest, type IdempotentRequestOptions, type IdempotentResult } from './idempotency'
import { consumeQuota, type Quota } from './rate-limits'

/** Enough for anyone working through a queue; a loop or a script hits it. */
export const DEFAULT_SUBMISSION_QUOTA: Quota = { max: 120, windowMs: 3600_000, message: '操作太频繁，请稍后再试' }

/**
 * A submission (anything a person sends that changes something): at most once per
 * Idempotency-Key, in one transaction with everything it writes — the record, its timeline, the
 * in-app message and the outbox — and, once committed, the outbox is told to send. A replayed
 * answer sends nothing: the first attempt did.
 */
export async function runSubmission<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  options: IdempotentRequestOptions,
  work: (context: ServiceContext) => Promise<T>,
): Promise<IdempotentResult<T>> {
  // Counted only when the work runs (never for a replayed answer) and only if it commits.
  const kind = options.scope.split(':')[0]
  const result = await runIdempotentRequest(app.db, request, options, async (tx) => {
    const context = app.serviceContext(request, tx)
    await consumeQuota(tx, `submit:${kind}:${context.user.id}`, options.quota ?? DEFAULT_SUBMISSION_QUOTA)
    return work(context)
  })
  if (!result.replayed && app.config.outboxSendOnCommit) app.outbox.kick()
  return result
}

/** A change that is not a submission (an edit that is safe to repeat): one transaction, then the outbox. */
export async function runInTransaction<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  work: (context: ServiceContext) => Promise<T>,
): Promise<T> {
  const result = await app.db.transaction((tx) => work(app.serviceContext(request, tx)))
  if (app.config.outboxSendOnCommit) app.outbox.kick()
  return result
}
