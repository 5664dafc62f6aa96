import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ServiceContext } from './context'
import { runIdempotentRequest, type IdempotentRequestOptions, type IdempotentResult } from './idempotency'

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
  const result = await runIdempotentRequest(app.db, request, options, (tx) => work(app.serviceContext(request, tx)))
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
