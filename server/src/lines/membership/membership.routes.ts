import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams } from '@contract/common'
import { ApiErrorBody } from '@contract/errors'
import { CardVerifyBody, CardVerifyResult } from '@contract/cards'
import { ApplicationBody, MemberCard, MyApplication, MyMembership, ResubmitBody } from '@contract/lines/membership'
import type { Quota } from '../../core/rate-limits'
import { lineErrors } from '../../core/responses'
import { runSubmission } from '../../core/submission'
import { currentUser } from '../../plugins/app/authentication'
import { myMembership, precheckIdNumber, resubmitApplication, submitApplication } from './membership.apply'
import { memberCard, verifyCard } from './membership.card'

/** Who checks member cards: union staff at events and counters, city admins. (Merchants' cashiers come with the benefits line.) */
export const CARD_CHECKERS = ['union_staff', 'city_admin'] as const

/** Applying or correcting: a person needs a few; more in a day is not a person. */
const APPLY_QUOTA: Quota = { max: 10, windowMs: 24 * 3600_000, message: '今天提交和修改的次数太多了，请明天再试，或联系所在工会' }

const errors = lineErrors

/**
 * The worker's side of membership: apply, follow, show the card. Authentication runs on request,
 * before the body is validated: someone not logged in learns nothing about what a valid body looks
 * like, only that they must log in (401).
 */
export const membershipWorkerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)

  app.post(
    '/membership/applications',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['membership'],
        summary: 'Apply to join the union (send an Idempotency-Key: a retry returns the first answer)',
        body: ApplicationBody,
        response: { 201: MyApplication, ...errors },
      },
    },
    async (request, reply) => {
      await precheckIdNumber(app.serviceContext(request), request.body.idNumber)
      const result = await runSubmission(app, request, { scope: 'membership.apply', statusCode: 201, quota: APPLY_QUOTA }, (context) =>
        submitApplication(context, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/membership/applications/mine',
    {
      schema: {
        tags: ['membership'],
        summary: 'My application (with its timeline) and my membership',
        response: { 200: MyMembership, 401: ApiErrorBody },
      },
    },
    async (request) => myMembership(app.serviceContext(request)),
  )

  app.put(
    '/membership/applications/:id',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['membership'],
        summary: 'Correct my application: resubmit after a rejection, or edit while it waits (idNumber may be left out to keep it)',
        params: IdParams,
        body: ResubmitBody,
        response: { 200: MyApplication, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(
        app,
        request,
        { scope: `membership.resubmit:${request.params.id}`, statusCode: 200, quota: APPLY_QUOTA },
        (context) => resubmitApplication(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/membership/card',
    {
      // The page asks once a minute; more than this is a loop, not a person.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['membership'],
        summary: 'My member card with a fresh QR code (valid 60 s)',
        response: { 200: MemberCard, 401: ApiErrorBody, 404: ApiErrorBody, 429: ApiErrorBody },
      },
    },
    async (request, reply) => {
      // A QR code must never be served from a cache: it is only good for a minute.
      reply.header('cache-control', 'no-store')
      return memberCard(app.systemContext(), currentUser(request).id)
    },
  )

  app.post(
    '/cards/verify',
    {
      // Only those who check cards at a counter: a worker cannot look up another member.
      onRequest: app.authorize(...CARD_CHECKERS),
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['membership'],
        summary: 'Check a scanned member-card QR token: valid, expired or invalid, with masked member details',
        body: CardVerifyBody,
        response: { 200: CardVerifyResult, 400: ApiErrorBody, 401: ApiErrorBody, 429: ApiErrorBody },
      },
    },
    async (request) => verifyCard(app.systemContext(), request.body.token),
  )
}
