import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { MyLines, NoticeList, ServiceLineList } from '@contract/catalogue'
import { ApiErrorBody } from '@contract/errors'

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/services',
    { schema: { tags: ['catalogue'], summary: 'Service lines for the home grid', response: { 200: ServiceLineList } } },
    async () => app.catalogue.services(),
  )

  app.get(
    '/notices',
    { schema: { tags: ['catalogue'], summary: 'Latest notices for the home strip', response: { 200: NoticeList } } },
    async () => app.catalogue.notices(),
  )

  app.get(
    '/me/lines',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['catalogue'],
        summary: 'The lines with a list of mine (for 我的), each with where I stand',
        response: { 200: MyLines, 401: ApiErrorBody },
      },
    },
    async (request) => {
      const context = app.serviceContext(request)
      const lines = app.lines.filter((line) => line.mine)
      const statuses = await Promise.all(lines.map((line) => line.mine?.status?.(context) ?? Promise.resolve(null)))
      return {
        lines: lines.map((line, index) => ({
          key: line.key,
          label: line.mine!.label,
          path: line.mine!.path,
          status: statuses[index] ?? null,
        })),
      }
    },
  )
}
