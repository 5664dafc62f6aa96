import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams } from '@contract/common'
import { ApiErrorBody } from '@contract/errors'
import { CreatedInvite, CreateInviteBody, Invite, InviteList, RedeemInviteBody, RedeemResult } from '@contract/staff-invites'
import { idempotencyKeyOf, runIdempotent } from '../../core/idempotency'
import { currentUser } from '../../plugins/app/authentication'
import { createInvite, inviteList, redeem, revoke } from './staff-invites.service'

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody }

export const staffInviteRoutes: FastifyPluginAsyncZod = async (app) => {
  const cityAdmin = app.authorize('city_admin')

  app.post(
    '/workbench/invites',
    {
      preHandler: cityAdmin,
      schema: {
        tags: ['workbench'],
        summary: 'Make an invite code for one org and one role (the code is in this answer only)',
        body: CreateInviteBody,
        response: { 201: CreatedInvite, ...errors, 422: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const user = currentUser(request)
      // A retried create must not mint a second code nobody saw.
      const result = await runIdempotent(
        app.db,
        { userId: user.id, scope: 'staff_invite.create', key: idempotencyKeyOf(request), body: request.body, statusCode: 201 },
        (tx) => createInvite(tx, app.cipher, user, request.body),
      )
      reply.header('cache-control', 'no-store')
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/workbench/invites',
    {
      preHandler: cityAdmin,
      schema: {
        tags: ['workbench'],
        summary: 'Invites made so far, newest first (without codes)',
        response: { 200: InviteList, ...errors },
      },
    },
    async () => ({ invites: await inviteList(app.db) }),
  )

  app.post(
    '/workbench/invites/:id/revoke',
    {
      preHandler: cityAdmin,
      schema: {
        tags: ['workbench'],
        summary: 'Revoke an unused invite',
        params: IdParams,
        response: { 200: Invite, ...errors, 409: ApiErrorBody },
      },
    },
    async (request) => {
      const user = currentUser(request)
      return app.db.transaction((tx) => revoke(tx, user, request.params.id))
    },
  )

  app.post(
    '/workbench/invites/redeem',
    {
      // Anyone logged in may try a code (that is how staff become staff), but not many times.
      preHandler: app.authenticate,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['workbench'],
        summary: 'Redeem an invite code: the caller gets its role for its org',
        body: RedeemInviteBody,
        response: { 200: RedeemResult, 400: ApiErrorBody, 401: ApiErrorBody, 409: ApiErrorBody, 429: ApiErrorBody },
      },
    },
    async (request) => {
      const user = currentUser(request)
      return app.db.transaction((tx) => redeem(tx, app.cipher, user, request.body.code))
    },
  )
}
