import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import * as z from 'zod/mini'
import { IdParams, Ok } from '@contract/common'
import {
  AcceptBody,
  AssignBody,
  CaseMessage,
  CaseMessageBody,
  CloseBody,
  DeclineBody,
  Lawyer,
  LawyerInput,
  LawyerList,
  LawyerQuery,
  LegalAidSummary,
  NoteBody,
  ReassignBody,
  StaffCaseDetail,
  StaffCaseList,
  StaffCaseQuery,
  StaffCaseSummary,
  StartBody,
} from '@contract/lines/legal-aid'
import { runInTransaction, runSubmission } from '../../core/submission'
import { createLawyer, editLawyer, listLawyers } from './legal-aid.lawyers'
import { lineErrors as errors } from '../../core/responses'
import { addNote, getStaffCase, listQueue, postStaffMessage, queueSummary, staffAct, type StaffActionInput } from './legal-aid.staff'

const LawyerParams = z.object({ id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, '律师编号格式不正确')) })

/** Legal staff's workbench: the queue, a case and its steps, the lawyer roster. */
export const legalAidWorkbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)

  app.get(
    '/workbench/legal-aid/summary',
    {
      schema: {
        tags: ['legal-aid staff'],
        summary: 'What is waiting in the legal-aid queue',
        response: { 200: LegalAidSummary, ...errors },
      },
    },
    async (request) => queueSummary(app.serviceContext(request)),
  )

  app.get(
    '/workbench/legal-aid/cases',
    {
      schema: {
        tags: ['legal-aid staff'],
        summary: 'The legal-aid queue by tab: overdue first, then by deadline; counts per tab',
        querystring: StaffCaseQuery,
        response: { 200: StaffCaseList, ...errors },
      },
    },
    async (request) => listQueue(app.serviceContext(request), request.query),
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
    async (request) => ({ lawyers: await listLawyers(app.serviceContext(request), request.query.all === 'true') }),
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
      const result = await runSubmission(app, request, { scope: 'legal_aid.lawyer.create', statusCode: 201, matchUrl: true }, (context) =>
        createLawyer(context, request.body),
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
    async (request) => runInTransaction(app, request, (context) => editLawyer(context, request.params.id, request.body)),
  )

  app.get(
    '/workbench/legal-aid/cases/:id',
    {
      schema: {
        tags: ['legal-aid staff'],
        summary: 'A case with everything staff need and the actions I may take (each look is audited)',
        params: IdParams,
        response: { 200: StaffCaseDetail, ...errors },
      },
    },
    async (request) => runInTransaction(app, request, (context) => getStaffCase(context, request.params.id)),
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
        const result = await runSubmission(app, request, { scope: `legal_aid.${name}`, statusCode: 200, matchUrl: true }, (context) =>
          staffAct(context, request.params.id, input),
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
      const result = await runSubmission(app, request, { scope: 'legal_aid.note', statusCode: 200, matchUrl: true }, (context) =>
        addNote(context, request.params.id, request.body),
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
      const result = await runSubmission(app, request, { scope: 'legal_aid.staff_message', statusCode: 201, matchUrl: true }, (context) =>
        postStaffMessage(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
}
