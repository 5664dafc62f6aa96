import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams } from '@contract/common'
import {
  CaseApplication,
  CaseMessage,
  CaseMessageBody,
  MyCaseDetail,
  MyCaseList,
  MyCaseQuery,
  MyCaseSummary,
  WithdrawBody,
} from '@contract/lines/legal-aid'
import type { Quota } from '../../core/rate-limits'
import { lineErrors } from '../../core/responses'
import { runSubmission } from '../../core/submission'
import { getMyCase, listMyCases, postWorkerMessage, submitCase, withdrawCase } from './legal-aid.worker'

/** Asking for help is never rationed for a real person; a script filing hundreds of cases is. */
const SUBMIT_QUOTA: Quota = {
  max: 5,
  windowMs: 24 * 3600_000,
  message: '您今天已提交了 5 件法律援助申请。工作人员会尽快与您联系；情况紧急请拨打 12351 职工维权服务热线。',
}
const MESSAGE_QUOTA: Quota = { max: 30, windowMs: 3600_000, message: '消息发送太频繁，请稍后再发' }

const errors = lineErrors

/** The worker's own cases: ask, follow, write, withdraw. Every submission is idempotent. */
export const legalAidWorkerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)

  app.post(
    '/legal-aid/cases',
    {
      schema: {
        tags: ['legal-aid'],
        summary: 'Ask for legal aid (idempotent with Idempotency-Key)',
        body: CaseApplication,
        response: { 201: MyCaseSummary, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(
        app,
        request,
        { scope: 'legal_aid.submit', statusCode: 201, matchUrl: true, quota: SUBMIT_QUOTA },
        (context) => submitCase(context, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/legal-aid/cases',
    {
      schema: {
        tags: ['legal-aid'],
        summary: 'My legal-aid cases, newest first',
        querystring: MyCaseQuery,
        response: { 200: MyCaseList, ...errors },
      },
    },
    async (request) => listMyCases(app.serviceContext(request), request.query),
  )

  app.get(
    '/legal-aid/cases/:id',
    {
      schema: {
        tags: ['legal-aid'],
        summary: 'One of my cases: details, timeline, messages, attachments (signed links)',
        params: IdParams,
        response: { 200: MyCaseDetail, ...errors },
      },
    },
    async (request) => getMyCase(app.serviceContext(request), request.params.id),
  )

  app.post(
    '/legal-aid/cases/:id/messages',
    {
      schema: {
        tags: ['legal-aid'],
        summary: 'Write to the people handling my case',
        params: IdParams,
        body: CaseMessageBody,
        response: { 201: CaseMessage, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(
        app,
        request,
        { scope: 'legal_aid.message', statusCode: 201, matchUrl: true, quota: MESSAGE_QUOTA },
        (context) => postWorkerMessage(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.post(
    '/legal-aid/cases/:id/withdraw',
    {
      schema: {
        tags: ['legal-aid'],
        summary: 'Withdraw my case (any status before it is closed)',
        params: IdParams,
        body: WithdrawBody,
        response: { 200: MyCaseSummary, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'legal_aid.withdraw', statusCode: 200, matchUrl: true }, (context) =>
        withdrawCase(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
}
