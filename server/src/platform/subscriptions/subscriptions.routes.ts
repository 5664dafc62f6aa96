import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ApiErrorBody } from '@contract/errors'
import { SubscribeBody, SubscribeResult } from '@contract/subscriptions'
import { addSubscribeCredits } from '../../core/notify'
import { currentUser } from '../../plugins/app/authentication'

/**
 * `POST /api/subscriptions`: the worker just allowed WeChat messages about one of their records
 * (on its page, outside a submission). Only a record the line already opened permissions for,
 * for this user, can take more: anyone else's is a 404.
 */
export const subscriptionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/subscriptions',
    {
      onRequest: app.authenticate,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['messages'],
        summary: 'Record subscribe messages the user just accepted in WeChat for one of their records',
        body: SubscribeBody,
        response: { 200: SubscribeResult, 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody, 429: ApiErrorBody },
      },
    },
    async (request) => {
      const { subjectType, subjectId, accepted } = request.body
      return {
        subscribeCredits: await addSubscribeCredits(
          app.db,
          currentUser(request).id,
          { type: subjectType, id: subjectId },
          accepted,
          app.clock(),
        ),
      }
    },
  )
}
