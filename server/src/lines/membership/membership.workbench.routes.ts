import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams } from '@contract/common'
import { ApiErrorBody } from '@contract/errors'
import {
  ApproveBody,
  RejectBody,
  RevealedIdNumber,
  ReviewDecision,
  ReviewDetail,
  ReviewQueue,
  ReviewQueueQuery,
  WaitingCount,
} from '@contract/lines/membership'
import { lineErrors } from '../../core/responses'
import { runInTransaction, runSubmission } from '../../core/submission'
import {
  approveApplication,
  membershipAccess,
  rejectApplication,
  revealIdNumber,
  reviewDetail,
  reviewQueue,
  waitingCount,
} from './membership.review'

const errors = lineErrors

/** Staff review of applications, limited to each reviewer's part of the organisation tree. */
export const membershipWorkbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authorize(...membershipAccess.act))

  app.get(
    '/workbench/membership/applications',
    {
      schema: {
        tags: ['workbench'],
        summary: 'Applications in my scope by status, oldest-waiting or newest first, with counts',
        querystring: ReviewQueueQuery,
        response: { 200: ReviewQueue, ...errors },
      },
    },
    async (request) => reviewQueue(app.serviceContext(request), request.query),
  )

  app.get(
    '/workbench/membership/waiting-count',
    { schema: { tags: ['workbench'], summary: 'How many applications wait for me', response: { 200: WaitingCount, ...errors } } },
    async (request) => ({ waiting: await waitingCount(app.serviceContext(request)) }),
  )

  app.get(
    '/workbench/membership/applications/:id',
    {
      schema: {
        tags: ['workbench'],
        summary: 'One application (ID number masked), its timeline and who revealed the ID number',
        params: IdParams,
        response: { 200: ReviewDetail, ...errors },
      },
    },
    async (request) => reviewDetail(app.serviceContext(request), request.params.id),
  )

  app.post(
    '/workbench/membership/applications/:id/reveal-id-number',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['workbench'],
        summary: 'The full ID number (recorded in the audit log: who, when)',
        params: IdParams,
        response: { 200: RevealedIdNumber, ...errors, 429: ApiErrorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return { idNumber: await runInTransaction(app, request, (context) => revealIdNumber(context, request.params.id)) }
    },
  )

  app.post(
    '/workbench/membership/applications/:id/approve',
    {
      schema: {
        tags: ['workbench'],
        summary: 'Approve: the member number is assigned and the worker told',
        params: IdParams,
        body: ApproveBody,
        response: { 200: ReviewDecision, ...errors, 409: ApiErrorBody, 422: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: `membership.approve:${request.params.id}`, statusCode: 200 }, (context) =>
        approveApplication(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.post(
    '/workbench/membership/applications/:id/reject',
    {
      schema: {
        tags: ['workbench'],
        summary: 'Reject with a reason the worker sees (they may correct and resubmit)',
        params: IdParams,
        body: RejectBody,
        response: { 200: ReviewDecision, ...errors, 409: ApiErrorBody, 422: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: `membership.reject:${request.params.id}`, statusCode: 200 }, (context) =>
        rejectApplication(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
}
