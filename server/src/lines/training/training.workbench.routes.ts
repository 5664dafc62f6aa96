import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import * as z from 'zod/mini'
import { IdParams } from '@contract/common'
import { RotatingQr } from '@contract/kit/codes'
import { PageQuery } from '@contract/kit/paging'
import { Dashboard } from '@contract/kit/stats'
import {
  ApproveClaimBody,
  AttendanceBody,
  AttendanceResult,
  CancelCourseBody,
  ClaimQueueQuery,
  CourseInput,
  CourseMessageBody,
  MessageResult,
  PayClaimBody,
  RejectClaimBody,
  Roster,
  RosterQuery,
  StaffClaimDetail,
  StaffClaimList,
  StaffClaimSummary,
  StaffCourseDetail,
  StaffCourseList,
  StaffCourseQuery,
  StaffSessionDetail,
  TrainingSettings,
  TrainingSettingsView,
} from '@contract/lines/training'
import type { Quota } from '../../core/rate-limits'
import { lineErrors as errors } from '../../core/responses'
import { sendSpreadsheet } from '../../core/spreadsheet'
import { runInTransaction, runSubmission } from '../../core/submission'
import { issueCheckInCode, recordAttendance } from './training.check-in'
import { readSettings, saveSettings } from './training.settings'
import {
  cancelCourse,
  closeCourse,
  courseRoster,
  createCourse,
  editCourse,
  getStaffCourse,
  listStaffCourses,
  messageEnrolled,
  publishCourse,
  rosterWorkbook,
  sessionDetail,
} from './training.staff'
import { trainingDashboard } from './training.stats'
import { claimQueue, decideClaim, getStaffClaim, type ClaimDecision } from './training.subsidy'

/** A check-in code is fetched every minute for as long as a session runs, by every staff phone showing it. */
const CODE_QUOTA: Quota = { max: 600, windowMs: 3600_000, message: '签到码刷新太频繁，请稍后再试' }
/** A card scanned per trainee arriving: a large class in an hour. */
const ATTENDANCE_QUOTA: Quota = { max: 1000, windowMs: 3600_000, message: '考勤记录太频繁，请稍后再试' }
const MESSAGE_QUOTA: Quota = { max: 20, windowMs: 3600_000, message: '通知发送太频繁，请稍后再试' }

const EditQuery = z.object({
  /** The course's `updatedAt` as the editor read it: an edit on a version they did not see is refused. */
  version: z.optional(z.string().check(z.maxLength(40, '版本不正确'))),
})

/** Staff's workbench: courses and sessions, roster and attendance, subsidy claims, the dashboard. */
export const trainingWorkbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)

  app.get(
    '/workbench/training/courses',
    {
      schema: {
        tags: ['training staff'],
        summary: 'The courses my unions run, by tab, with counts',
        querystring: StaffCourseQuery,
        response: { 200: StaffCourseList, ...errors },
      },
    },
    async (request) => listStaffCourses(app.serviceContext(request), request.query),
  )

  app.post(
    '/workbench/training/courses',
    {
      schema: {
        tags: ['training staff'],
        summary: 'Create a course (a draft, with its sessions)',
        body: CourseInput,
        response: { 201: StaffCourseDetail, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'training.course_create', statusCode: 201 }, (context) =>
        createCourse(context, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/workbench/training/courses/:id',
    {
      schema: {
        tags: ['training staff'],
        summary: 'A course for staff: details, sessions with attendance, the actions I may take',
        params: IdParams,
        response: { 200: StaffCourseDetail, ...errors },
      },
    },
    async (request) => getStaffCourse(app.serviceContext(request), request.params.id),
  )

  app.put(
    '/workbench/training/courses/:id',
    {
      schema: {
        tags: ['training staff'],
        summary: 'Edit a course and its sessions (refused if it changed since ?version=)',
        params: IdParams,
        querystring: EditQuery,
        body: CourseInput,
        response: { 200: StaffCourseDetail, ...errors },
      },
    },
    async (request) =>
      runInTransaction(app, request, (context) => editCourse(context, request.params.id, request.body, request.query.version)),
  )

  const step = (name: 'publish' | 'close' | 'reopen', summary: string) =>
    app.post(
      `/workbench/training/courses/:id/${name}`,
      {
        schema: {
          tags: ['training staff'],
          summary,
          params: IdParams,
          body: z.object({}),
          response: { 200: StaffCourseDetail, ...errors },
        },
      },
      async (request, reply) => {
        const result = await runSubmission(
          app,
          request,
          { scope: `training.course_${name}`, statusCode: 200, matchUrl: true },
          (context) => (name === 'publish' ? publishCourse(context, request.params.id) : closeCourse(context, request.params.id, name)),
        )
        return reply.status(result.statusCode).send(result.body)
      },
    )
  step('publish', 'Publish the course to the catalogue')
  step('close', 'Stop taking enrollments (those enrolled and waiting are told)')
  step('reopen', 'Take enrollments again')

  app.post(
    '/workbench/training/courses/:id/cancel',
    {
      schema: {
        tags: ['training staff'],
        summary: 'Cancel the course: everyone enrolled or waiting is let go and told why',
        params: IdParams,
        body: CancelCourseBody,
        response: { 200: StaffCourseDetail, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'training.course_cancel', statusCode: 200, matchUrl: true }, (context) =>
        cancelCourse(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/workbench/training/courses/:id/roster',
    {
      schema: {
        tags: ['training staff'],
        summary: 'The roster: seats, offers, the waitlist in order, those who left; attendance per trainee',
        params: IdParams,
        querystring: RosterQuery,
        response: { 200: Roster, ...errors },
      },
    },
    async (request) => courseRoster(app.serviceContext(request), request.params.id, request.query),
  )

  app.get(
    '/workbench/training/courses/:id/roster.xlsx',
    {
      schema: {
        tags: ['training staff'],
        summary: 'The roster and the attendance sheet as an Excel workbook (each export audited)',
        params: IdParams,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, body } = await runInTransaction(app, request, (context) => rosterWorkbook(context, request.params.id))
      return sendSpreadsheet(reply, fileName, body, 'roster.xlsx')
    },
  )

  app.post(
    '/workbench/training/courses/:id/messages',
    {
      schema: {
        tags: ['training staff'],
        summary: 'Send a message to everyone enrolled (and the waitlist if asked)',
        params: IdParams,
        body: CourseMessageBody,
        response: { 200: MessageResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(
        app,
        request,
        { scope: 'training.course_message', statusCode: 200, matchUrl: true, quota: MESSAGE_QUOTA },
        (context) => messageEnrolled(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/workbench/training/sessions/:id',
    {
      schema: {
        tags: ['training staff'],
        summary: "A session's attendance list: every seated trainee and what was recorded",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: StaffSessionDetail, ...errors },
      },
    },
    async (request) => sessionDetail(app.serviceContext(request), request.params.id, request.query),
  )

  app.post(
    '/workbench/training/sessions/:id/check-in-code',
    {
      schema: {
        tags: ['training staff'],
        summary: 'A fresh rotating check-in code for the session (only while its check-in is open)',
        params: IdParams,
        body: z.optional(z.object({})),
        response: { 200: RotatingQr, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'training.check_in_code', statusCode: 200, quota: CODE_QUOTA }, (context) =>
        issueCheckInCode(context, request.params.id),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.post(
    '/workbench/training/sessions/:id/attendance',
    {
      schema: {
        tags: ['training staff'],
        summary: "Record attendance: scan a trainee's member card, or mark one by hand",
        params: IdParams,
        body: AttendanceBody,
        response: { 200: AttendanceResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(
        app,
        request,
        { scope: 'training.attendance', statusCode: 200, matchUrl: true, quota: ATTENDANCE_QUOTA },
        (context) => recordAttendance(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/workbench/training/subsidy-claims',
    {
      schema: {
        tags: ['training staff'],
        summary: 'Subsidy claims by tab, with counts and this year’s quota',
        querystring: ClaimQueueQuery,
        response: { 200: StaffClaimList, ...errors },
      },
    },
    async (request) => claimQueue(app.serviceContext(request), request.query),
  )

  app.get(
    '/workbench/training/subsidy-claims/:id',
    {
      schema: {
        tags: ['training staff'],
        summary: 'A subsidy claim with its proof, what the rule allows and the actions I may take (audited)',
        params: IdParams,
        response: { 200: StaffClaimDetail, ...errors },
      },
    },
    async (request) => runInTransaction(app, request, (context) => getStaffClaim(context, request.params.id)),
  )

  const decide = <A extends ClaimDecision['action']>(
    name: A,
    body: z.ZodMiniType<Extract<ClaimDecision, { action: A }>['body']>,
    summary: string,
  ) =>
    app.post(
      `/workbench/training/subsidy-claims/:id/${name}`,
      { schema: { tags: ['training staff'], summary, params: IdParams, body, response: { 200: StaffClaimSummary, ...errors } } },
      async (request, reply) => {
        const decision = { action: name, body: request.body } as ClaimDecision
        const result = await runSubmission(app, request, { scope: `training.claim_${name}`, statusCode: 200, matchUrl: true }, (context) =>
          decideClaim(context, request.params.id, decision),
        )
        return reply.status(result.statusCode).send(result.body)
      },
    )
  decide('approve', ApproveClaimBody, 'Approve with the amount (within the rule and the year’s quota)')
  decide('reject', RejectClaimBody, 'Reject, with the reason the worker sees')
  decide('pay', PayClaimBody, 'Record the payment to the unit union')

  app.get(
    '/workbench/training/stats',
    {
      schema: {
        tags: ['training staff'],
        summary: 'The training dashboard: trainees against the plan, by category and district, fill and attendance',
        response: { 200: Dashboard, ...errors },
      },
    },
    async (request) => trainingDashboard(app.serviceContext(request)),
  )

  app.get(
    '/workbench/training/settings',
    {
      schema: {
        tags: ['training staff'],
        summary: 'The waitlist confirmation window and this year’s subsidy quota',
        response: { 200: TrainingSettingsView, ...errors },
      },
    },
    async (request) => readSettings(app.serviceContext(request)),
  )

  app.put(
    '/workbench/training/settings',
    {
      schema: {
        tags: ['training staff'],
        summary: 'Change the settings (city training staff; on the record)',
        body: TrainingSettings,
        response: { 200: TrainingSettingsView, ...errors },
      },
    },
    async (request) => runInTransaction(app, request, (context) => saveSettings(context, request.body)),
  )
}
