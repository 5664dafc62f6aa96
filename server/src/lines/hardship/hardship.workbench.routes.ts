import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { FastifyRequest } from 'fastify'
import * as z from 'zod/mini'
import { IdParams } from '@contract/common'
import { Dashboard } from '@contract/kit/stats'
import { RevealedValue } from '@contract/kit/reveal'
import {
  AnnualReviewBody,
  Campaign,
  CampaignInput,
  CampaignList,
  DecisionBody,
  FirstReviewBody,
  ObjectionBody,
  ObjectionParams,
  PaymentBody,
  RequestDocumentsBody,
  ResolveObjectionBody,
  StaffApplicationDetail,
  StaffApplicationList,
  StaffApplicationQuery,
  StaffFileDetail,
  StaffFileList,
  StaffFileQuery,
} from '@contract/lines/hardship'
import type { ServiceContext } from '../../core/context'
import { lineErrors as errors } from '../../core/responses'
import { runSubmission } from '../../core/submission'
import { annualReview, createCampaign, getFileForStaff, listCampaigns, listFiles, setCampaignStatus } from './hardship.files'
import {
  decide,
  endPublicity,
  firstReview,
  getApplicationForStaff,
  listApplications,
  recordObjection,
  recordPayment,
  requestDocuments,
  resolveObjection,
  revealAccount,
} from './hardship.staff'
import { hardshipStats } from './hardship.stats'

const tags = ['hardship staff']
const EmptyBody = z.optional(z.object({}))

/** Staff of 困难帮扶: the grassroots union's first and yearly reviews, the centre's decisions, payments and campaigns. */
export const hardshipWorkbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)

  /** Every staff step is a submission: once per Idempotency-Key, in one transaction. */
  const submit = async <T>(request: FastifyRequest, scope: string, statusCode: number, work: (context: ServiceContext) => Promise<T>) =>
    runSubmission(app, request, { scope: `hardship.${scope}`, statusCode, matchUrl: true }, work)

  app.get(
    '/workbench/hardship/applications',
    {
      schema: {
        tags,
        summary: 'Applications by tab: overdue first, then by deadline; counts per tab',
        querystring: StaffApplicationQuery,
        response: { 200: StaffApplicationList, ...errors },
      },
    },
    async (request) => listApplications(app.serviceContext(request), request.query),
  )

  app.get(
    '/workbench/hardship/applications/:id',
    {
      schema: {
        tags,
        summary: 'One application, with the steps the caller may take',
        params: IdParams,
        response: { 200: StaffApplicationDetail, ...errors },
      },
    },
    async (request) => getApplicationForStaff(app.serviceContext(request), request.params.id),
  )

  const step = <B extends z.ZodMiniType>(
    path: string,
    summary: string,
    body: B,
    work: (context: ServiceContext, id: string, input: z.infer<B>) => Promise<void>,
  ) =>
    app.post(
      `/workbench/hardship/applications/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: StaffApplicationDetail, ...errors } } },
      async (request, reply) => {
        const result = await submit(request, path, 200, async (context) => {
          await work(context, request.params.id, request.body as z.infer<B>)
          return getApplicationForStaff(context, request.params.id)
        })
        return reply.status(result.statusCode).send(result.body)
      },
    )

  step('first-review', 'Grassroots first review: the home visit, then recommend (to the 公示) or reject', FirstReviewBody, firstReview)
  step('request-documents', 'Ask for more documents (补充材料): the step’s clock stands still', RequestDocumentsBody, requestDocuments)
  step('objections', 'Record an objection raised during the 公示', ObjectionBody, recordObjection)
  step('end-publicity', 'The 公示 has run its days with no open objection: on to the city centre', EmptyBody, (context, id) =>
    endPublicity(context, id),
  )
  step('decision', 'The city centre decides each item within its cap, or rejects', DecisionBody, decide)
  step('payments', 'Record a payment of an approved item', PaymentBody, recordPayment)

  app.post(
    '/workbench/hardship/applications/:id/objections/:objectionId/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve an objection: dismissed, or upheld (the application is rejected)',
        params: ObjectionParams,
        body: ResolveObjectionBody,
        response: { 200: StaffApplicationDetail, ...errors },
      },
    },
    async (request, reply) => {
      const result = await submit(request, 'resolve-objection', 200, async (context) => {
        await resolveObjection(context, request.params.id, request.params.objectionId, request.body)
        return getApplicationForStaff(context, request.params.id)
      })
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.post(
    '/workbench/hardship/applications/:id/account/reveal',
    {
      schema: {
        tags,
        summary: 'The bank account number in full, for the centre who pays (audited)',
        params: IdParams,
        response: { 200: RevealedValue, ...errors },
      },
    },
    async (request) => app.db.transaction((tx) => revealAccount(app.serviceContext(request, tx), request.params.id)),
  )

  app.get(
    '/workbench/hardship/files',
    {
      schema: {
        tags,
        summary: 'Household files by tab (the yearly review queue first)',
        querystring: StaffFileQuery,
        response: { 200: StaffFileList, ...errors },
      },
    },
    async (request) => listFiles(app.serviceContext(request), request.query),
  )

  app.get(
    '/workbench/hardship/files/:id',
    {
      schema: {
        tags,
        summary: 'One household file: ledger, applications, yearly reviews',
        params: IdParams,
        response: { 200: StaffFileDetail, ...errors },
      },
    },
    async (request) => getFileForStaff(app.serviceContext(request), request.params.id),
  )

  app.post(
    '/workbench/hardship/files/:id/annual-review',
    {
      schema: {
        tags,
        summary: 'The yearly review: keep (tier may change), 脱困, or close',
        params: IdParams,
        body: AnnualReviewBody,
        response: { 200: StaffFileDetail, ...errors },
      },
    },
    async (request, reply) => {
      const result = await submit(request, 'annual-review', 200, (context) => annualReview(context, request.params.id, request.body))
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/workbench/hardship/stats',
    {
      schema: {
        tags,
        summary: 'Files by tier and label, applications, money paid, the year’s 解困脱困率',
        response: { 200: Dashboard, ...errors },
      },
    },
    async (request) => hardshipStats(app.serviceContext(request)),
  )

  app.get(
    '/workbench/hardship/campaigns',
    { schema: { tags, summary: 'Seasonal campaigns (送温暖, 金秋助学)', response: { 200: CampaignList, ...errors } } },
    async (request) => listCampaigns(app.serviceContext(request)),
  )

  app.post(
    '/workbench/hardship/campaigns',
    { schema: { tags, summary: 'Create a campaign (not yet open)', body: CampaignInput, response: { 201: Campaign, ...errors } } },
    async (request, reply) => {
      const result = await submit(request, 'campaign', 201, (context) => createCampaign(context, request.body))
      return reply.status(result.statusCode).send(result.body)
    },
  )

  for (const [path, status] of [
    ['open', 'open'],
    ['close', 'closed'],
  ] as const) {
    app.post(
      `/workbench/hardship/campaigns/:id/${path}`,
      {
        schema: {
          tags,
          summary: `${path === 'open' ? 'Open' : 'Close'} a campaign`,
          params: IdParams,
          body: EmptyBody,
          response: { 200: Campaign, ...errors },
        },
      },
      async (request, reply) => {
        const result = await submit(request, `campaign-${path}`, 200, (context) => setCampaignStatus(context, request.params.id, status))
        return reply.status(result.statusCode).send(result.body)
      },
    )
  }
}
