import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ApiErrorBody } from '@contract/errors'
import { OrgList, OrgQuery } from '@contract/orgs'
import { notFound } from '../../lib/errors'
import { childOrgs, findOrg, searchOrgs, toOrgViews } from './orgs.repository'

export const orgsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orgs',
    {
      schema: {
        tags: ['orgs'],
        summary: 'The union organisation tree: children of an org, or a name search',
        querystring: OrgQuery,
        response: { 200: OrgList, 400: ApiErrorBody, 404: ApiErrorBody },
      },
    },
    async (request) => {
      const { parentId, q } = request.query
      if (q && q.trim()) return { orgs: await toOrgViews(app.db, await searchOrgs(app.db, q.trim())) }
      if (parentId && !(await findOrg(app.db, parentId))) throw notFound('没有找到这个工会组织')
      return { orgs: await toOrgViews(app.db, await childOrgs(app.db, parentId ?? null)) }
    },
  )
}
