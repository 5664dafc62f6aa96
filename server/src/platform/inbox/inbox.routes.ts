import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams, Ok } from '@contract/common'
import { ApiErrorBody } from '@contract/errors'
import { InboxPage, InboxQuery, UnreadCount } from '@contract/inbox'
import { notFound } from '../../lib/errors'
import { currentUser } from '../../plugins/app/authentication'
import { listInbox, markAllRead, markRead, unreadCount } from './inbox.service'

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody }

export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)

  app.get(
    '/messages',
    {
      schema: {
        tags: ['messages'],
        summary: 'My in-app messages, newest first',
        querystring: InboxQuery,
        response: { 200: InboxPage, ...errors },
      },
    },
    async (request) => listInbox(app.db, currentUser(request).id, request.query),
  )

  app.get(
    '/messages/unread-count',
    { schema: { tags: ['messages'], summary: 'How many of my messages are unread', response: { 200: UnreadCount, ...errors } } },
    async (request) => ({ unreadCount: await unreadCount(app.db, currentUser(request).id) }),
  )

  app.post(
    '/messages/:id/read',
    { schema: { tags: ['messages'], summary: 'Mark one message read', params: IdParams, response: { 200: Ok, ...errors } } },
    async (request) => {
      if (!(await markRead(app.db, currentUser(request).id, request.params.id))) throw notFound()
      return { ok: true as const }
    },
  )

  app.post(
    '/messages/read-all',
    { schema: { tags: ['messages'], summary: 'Mark all my messages read', response: { 200: Ok, ...errors } } },
    async (request) => {
      await markAllRead(app.db, currentUser(request).id)
      return { ok: true as const }
    },
  )
}
