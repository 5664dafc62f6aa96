import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import * as z from 'zod/mini'
import { IdParams, Ok } from '@contract/common'
import { ApiErrorBody } from '@contract/errors'
import {
  AcceptBody,
  AssignBody,
  ReassignBody,
  CaseApplication,
  CaseMessage,
  CaseMessageBody,
  CloseBody,
  DeclineBody,
  Lawyer,
  LawyerInput,
  LawyerList,
  LawyerQuery,
  LegalAidSummary,
  MyCaseDetail,
  MyCaseList,
  MyCaseSummary,
  NoteBody,
  StaffCaseDetail,
  StaffCaseList,
  StaffCaseQuery,
  StaffCaseSummary,
  StartBody,
  SubscribeBody,
  WithdrawBody,
} from '@contract/lines/legal-aid'
import type { Transaction } from '../../db/client'
import { currentUser } from '../../plugins/app/authentication'
import { runIdempotentRequestWithMessages, type SubscribeMessageQueue } from '../../core/subscribe-messages'
import {
  addNote,
  addSubscribeCredits,
  createLawyer,
  editLawyer,
  getMyCase,
  getStaffCase,
  listLawyers,
  listMyCases,
  listQueue,
  postStaffMessage,
  postWorkerMessage,
  queueSummary,
  staffAct,
  submitCase,
  withdrawCase,
  type LegalAidDeps,
  type StaffActionInput,
} from './legal-aid.service'

const LawyerParams = z.object({ id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, '律师编号格式不正确')) })

const errors = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  403: ApiErrorBody,
  404: ApiErrorBody,
  409: ApiErrorBody,
  422: ApiErrorBody,
  429: ApiErrorBody,
}

export const legalAidRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)
  const deps = (outbox?: SubscribeMessageQueue): LegalAidDeps => ({ cipher: app.cipher, config: app.config, outbox })

  /** Every submission: at most once per Idempotency-Key, its subscribe messages sent after commit. */
  function submission<T>(scope: string, statusCode: number) {
    return (request: FastifyRequest, work: (tx: Transaction, context: LegalAidDeps) => Promise<T>) =>
      runIdempotentRequestWithMessages(app, request, { scope, statusCode, matchUrl: true }, (tx, queue) => work(tx, deps(queue)))
  }

  // ── The worker's own cases ──

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
      const result = await submission<MyCaseSummary>('legal_aid.submit', 201)(request, (tx, context) =>
        submitCase(tx, context, currentUser(request), request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/legal-aid/cases',
    { schema: { tags: ['legal-aid'], summary: 'My legal-aid cases, newest first', response: { 200: MyCaseList, ...errors } } },
    async (request) => ({ cases: await listMyCases(app.db, currentUser(request)) }),
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
    async (request) => getMyCase(app.db, deps(), currentUser(request), request.params.id),
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
      const result = await submission<CaseMessage>('legal_aid.message', 201)(request, (tx, context) =>
        postWorkerMessage(tx, context, currentUser(request), request.params.id, request.body),
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
      const result = await submission<MyCaseSummary>('legal_aid.withdraw', 200)(request, (tx, context) =>
        withdrawCase(tx, context, currentUser(request), request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.post(
    '/legal-aid/cases/:id/subscriptions',
    {
      schema: {
        tags: ['legal-aid'],
        summary: 'Record case-update subscribe messages the worker just accepted in WeChat',
        params: IdParams,
        body: SubscribeBody,
        response: { 200: z.object({ subscribeCredits: z.number() }), ...errors },
      },
    },
    async (request) => ({
      subscribeCredits: await addSubscribeCredits(app.db, currentUser(request), request.params.id, request.body.accepted),
    }),
  )

  // ── Legal staff (the workbench) ──

  app.get(
    '/workbench/legal-aid/summary',
    {
      schema: {
        tags: ['legal-aid staff'],
        summary: 'What is waiting in the legal-aid queue',
        response: { 200: LegalAidSummary, ...errors },
      },
    },
    async (request) => queueSummary(app.db, currentUser(request)),
  )

  app.get(
    '/workbench/legal-aid/cases',
    {
      schema: {
        tags: ['legal-aid staff'],
        summary: 'The legal-aid queue: overdue first, then by deadline',
        querystring: StaffCaseQuery,
        response: { 200: StaffCaseList, ...errors },
      },
    },
    async (request) => ({ cases: await listQueue(app.db, currentUser(request), request.query) }),
  )

  app.get(
    '/workbench/legal-aid/lawyers',
    {
      schema: {
        tags: ['legal-aid staff'],
        summary: 'Volunteer lawyers: the active ones to assign, or the whole roster (all=true)',
        querystring: LawyerQuery,
        response: { 200: LawyerList, ...errors },
      },
    },
    async (request) => ({ lawyers: await listLawyers(app.db, currentUser(request), request.query.all === 'true') }),
  )

  app.post(
    '/workbench/legal-aid/lawyers',
    {
      schema: {
        tags: ['legal-aid staff'],
        summary: 'Add a volunteer lawyer to the roster',
        body: LawyerInput,
        response: { 201: Lawyer, ...errors },
      },
    },
    async (request, reply) => {
      const result = await submission<Lawyer>('legal_aid.lawyer.create', 201)(request, (tx) =>
        createLawyer(tx, currentUser(request), request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.put(
    '/workbench/legal-aid/lawyers/:id',
    {
      schema: {
        tags: ['legal-aid staff'],
        summary: "Correct a lawyer's details, or take them off or back on the roster",
        params: LawyerParams,
        body: LawyerInput,
        response: { 200: Lawyer, ...errors },
      },
    },
    async (request) => editLawyer(app.db, currentUser(request), request.params.id, request.body),
  )

  app.get(
    '/workbench/legal-aid/cases/:id',
    {
      schema: {
        tags: ['legal-aid staff'],
        summary: 'A case with everything staff need (access is audited)',
        params: IdParams,
        response: { 200: StaffCaseDetail, ...errors },
      },
    },
    async (request) => getStaffCase(app.db, deps(), currentUser(request), request.params.id),
  )

  const action = <A extends StaffActionInput['action']>(
    name: A,
    body: z.ZodMiniType<Extract<StaffActionInput, { action: A }>['body']>,
    summary: string,
  ) =>
    app.post(
      `/workbench/legal-aid/cases/:id/${name}`,
      { schema: { tags: ['legal-aid staff'], summary, params: IdParams, body, response: { 200: StaffCaseSummary, ...errors } } },
      async (request, reply) => {
        const input = { action: name, body: request.body } as StaffActionInput
        const result = await submission<StaffCaseSummary>(`legal_aid.${name}`, 200)(request, (tx, context) =>
          staffAct(tx, context, currentUser(request), request.params.id, input),
        )
        return reply.status(result.statusCode).send(result.body)
      },
    )
  action('accept', AcceptBody, 'Accept the case (受理)')
  action('decline', DeclineBody, 'Decline the case, with the reason the worker sees (不予受理)')
  action('assign', AssignBody, 'Assign a volunteer lawyer (指派)')
  action('reassign', ReassignBody, 'Hand the case to another lawyer, with the reason the worker sees (更换律师)')
  action('start', StartBody, 'The lawyer has started work (承办)')
  action('close', CloseBody, 'Close with an outcome and the amount recovered (结案)')

  app.post(
    '/workbench/legal-aid/cases/:id/notes',
    {
      schema: {
        tags: ['legal-aid staff'],
        summary: 'Add a progress note, internal or visible to the worker',
        params: IdParams,
        body: NoteBody,
        response: { 200: Ok, ...errors },
      },
    },
    async (request, reply) => {
      const result = await submission<{ ok: true }>('legal_aid.note', 200)(request, (tx, context) =>
        addNote(tx, context, currentUser(request), request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.post(
    '/workbench/legal-aid/cases/:id/messages',
    {
      schema: {
        tags: ['legal-aid staff'],
        summary: 'Reply to the worker',
        params: IdParams,
        body: CaseMessageBody,
        response: { 201: CaseMessage, ...errors },
      },
    },
    async (request, reply) => {
      const result = await submission<CaseMessage>('legal_aid.staff_message', 201)(request, (tx, context) =>
        postStaffMessage(tx, context, currentUser(request), request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
}
