import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams } from '@contract/common'
import {
  HardshipApplication,
  HardshipInfo,
  MyApplicationDetail,
  MyApplicationList,
  MyApplicationQuery,
  MyApplicationSummary,
  MyFile,
  PublicityList,
  SupplementBody,
  WithdrawBody,
} from '@contract/lines/hardship'
import type { Quota } from '../../core/rate-limits'
import { lineErrors as errors } from '../../core/responses'
import { runSubmission } from '../../core/submission'
import {
  getMyApplication,
  hardshipInfo,
  listMyApplications,
  myFile,
  publicityOfMyUnion,
  resubmitApplication,
  submitApplication,
  supplementApplication,
  withdrawApplication,
} from './hardship.worker'

/** A family applies a few times a year; a script filing dozens a day is stopped. */
const SUBMIT_QUOTA: Quota = {
  max: 5,
  windowMs: 24 * 3600_000,
  message: '您今天已提交了 5 份困难帮扶申请。如有急难情况，请直接联系所在工会或拨打 12351 职工服务热线。',
}

const tags = ['hardship']

/** The worker's own applications and file. Every submission is idempotent (Idempotency-Key). */
export const hardshipWorkerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)

  app.get(
    '/hardship/info',
    {
      schema: {
        tags,
        summary: 'The rules in figures (低保, caps, deadlines) and the campaigns open now',
        response: { 200: HardshipInfo, ...errors },
      },
    },
    async (request) => hardshipInfo(app.serviceContext(request)),
  )

  app.post(
    '/hardship/applications',
    {
      schema: {
        tags,
        summary: 'Apply for hardship aid (a second application of the household joins its file)',
        body: HardshipApplication,
        response: { 201: MyApplicationSummary, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(
        app,
        request,
        { scope: 'hardship.submit', statusCode: 201, matchUrl: true, quota: SUBMIT_QUOTA },
        (context) => submitApplication(context, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/hardship/applications',
    {
      schema: {
        tags,
        summary: 'My applications, newest first',
        querystring: MyApplicationQuery,
        response: { 200: MyApplicationList, ...errors },
      },
    },
    async (request) => listMyApplications(app.serviceContext(request), request.query),
  )

  app.get(
    '/hardship/applications/:id',
    {
      schema: {
        tags,
        summary: 'One of my applications: items, proof, timeline, payments',
        params: IdParams,
        response: { 200: MyApplicationDetail, ...errors },
      },
    },
    async (request) => getMyApplication(app.serviceContext(request), request.params.id),
  )

  app.post(
    '/hardship/applications/:id/supplements',
    {
      schema: {
        tags,
        summary: 'Answer a request for documents (补充材料): the step’s clock runs again',
        params: IdParams,
        body: SupplementBody,
        response: { 200: MyApplicationSummary, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'hardship.supplement', statusCode: 200, matchUrl: true }, (context) =>
        supplementApplication(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.post(
    '/hardship/applications/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw my application while not yet decided',
        params: IdParams,
        body: WithdrawBody,
        response: { 200: MyApplicationSummary, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'hardship.withdraw', statusCode: 200, matchUrl: true }, (context) =>
        withdrawApplication(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.post(
    '/hardship/applications/:id/resubmit',
    {
      schema: {
        tags,
        summary: 'Send a rejected application again, corrected',
        params: IdParams,
        body: HardshipApplication,
        response: { 200: MyApplicationSummary, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(
        app,
        request,
        { scope: 'hardship.resubmit', statusCode: 200, matchUrl: true, quota: SUBMIT_QUOTA },
        (context) => resubmitApplication(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/hardship/file',
    { schema: { tags, summary: 'My household’s file: tier, aid this year, next yearly review', response: { 200: MyFile, ...errors } } },
    async (request) => myFile(app.serviceContext(request)),
  )

  app.get(
    '/hardship/publicity',
    { schema: { tags, summary: 'The 公示 at my union: masked name, unit and aid type only', response: { 200: PublicityList, ...errors } } },
    async (request) => publicityOfMyUnion(app.serviceContext(request)),
  )
}
