import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import * as z from 'zod/mini'
import { IdParams, Ok } from '@contract/common'
import { ApiErrorBody } from '@contract/errors'
import {
  CreatedInvite,
  CreateInviteBody,
  Invite,
  InviteList,
  InviteQuery,
  RedeemInviteBody,
  RedeemResult,
  RevokeRoleBody,
  RoleOptionList,
  StaffList,
  StaffQuery,
} from '@contract/staff-invites'
import { runInTransaction } from '../../core/submission'
import { createInvite, inviteList, redeem, revoke } from './staff-invites.service'
import { revokeRole, staffList } from './staff.service'

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody }

export const staffInviteRoutes: FastifyPluginAsyncZod = async (app) => {
  const cityAdmin = app.authorize('city_admin')
  // The roles are the platform's and the lines': known once the app is built, checked with the rest of the body.
  const InviteBody = z.object({
    ...CreateInviteBody.shape,
    role: z.string({ error: '请选择角色' }).check(z.refine((role) => app.roles.has(role), '请选择角色')),
  })

  app.post(
    '/workbench/invites',
    {
      // City administrators invite to any role; the staff who manage a scoped role's units (a
      // merchant's cashiers) invite to that role only: the service checks which.
      onRequest: app.authenticate,
      schema: {
        tags: ['workbench'],
        summary: 'Make an invite code for one org and one role (the code is in this answer only)',
        body: InviteBody,
        response: { 201: CreatedInvite, ...errors, 422: ApiErrorBody },
      },
    },
    async (request, reply) => {
      // Deliberately not idempotent: a remembered answer would keep the code in the database. A
      // retry mints another code; one nobody saw stays unused, expires, and can be revoked.
      const created = await runInTransaction(app, request, (context) => createInvite(context, request.body))
      reply.header('cache-control', 'no-store')
      return reply.status(201).send(created)
    },
  )

  app.get(
    '/workbench/invites',
    {
      onRequest: cityAdmin,
      schema: {
        tags: ['workbench'],
        summary: 'Invites made so far, newest first, a page at a time (without codes)',
        querystring: InviteQuery,
        response: { 200: InviteList, ...errors },
      },
    },
    async (request) => inviteList(app.systemContext(), request.query),
  )

  app.get(
    '/workbench/invites/roles',
    {
      onRequest: cityAdmin,
      schema: {
        tags: ['workbench'],
        summary: 'The staff roles an invite can grant, with the org levels each fits',
        response: { 200: RoleOptionList, ...errors },
      },
    },
    async () => ({
      // Scoped roles are invited from the page of their unit (a merchant's), not from the generic form.
      roles: app.roles.all
        .filter((definition) => !definition.scope)
        .map(({ role, label, description, orgKinds }) => ({ role, label, description, orgKinds: [...orgKinds] })),
    }),
  )

  app.post(
    '/workbench/invites/:id/revoke',
    {
      onRequest: cityAdmin,
      schema: {
        tags: ['workbench'],
        summary: 'Revoke an unused invite',
        params: IdParams,
        response: { 200: Invite, ...errors, 409: ApiErrorBody },
      },
    },
    async (request) => {
      return runInTransaction(app, request, (context) => revoke(context, request.params.id))
    },
  )

  app.post(
    '/workbench/invites/redeem',
    {
      // Anyone logged in may try a code (that is how staff become staff), but not many times.
      onRequest: app.authenticate,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['workbench'],
        summary: 'Redeem an invite code: the caller gets its role for its org',
        body: RedeemInviteBody,
        response: { 200: RedeemResult, 400: ApiErrorBody, 401: ApiErrorBody, 409: ApiErrorBody, 429: ApiErrorBody },
      },
    },
    async (request) => {
      return runInTransaction(app, request, (context) => redeem(context, request.body))
    },
  )

  app.get(
    '/workbench/staff',
    {
      onRequest: cityAdmin,
      schema: {
        tags: ['workbench'],
        summary: 'Who holds which staff role (in one union and those under it, or the whole city)',
        querystring: StaffQuery,
        response: { 200: StaffList, ...errors },
      },
    },
    async (request) => staffList(app.serviceContext(request), request.query),
  )

  app.post(
    '/workbench/staff/:id/revoke',
    {
      onRequest: cityAdmin,
      schema: {
        tags: ['workbench'],
        summary: 'Take a staff role back, with a reason (audited; not one of my own)',
        params: IdParams,
        body: RevokeRoleBody,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      const revoked = await runInTransaction(app, request, (context) => revokeRole(context, request.params.id, request.body.reason))
      // Committed: the grantee's next read on this instance already finds the role gone (the
      // others drop what they kept when the database announces the change).
      app.sessions.forget(revoked.userId)
      return { ok: true as const }
    },
  )
}
