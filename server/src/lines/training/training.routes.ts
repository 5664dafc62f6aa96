import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams } from '@contract/common'
import { PageQuery } from '@contract/kit/paging'
import {
  CancelEnrollmentBody,
  CertificateList,
  CertificateVerification,
  CertificateView,
  CheckInBody,
  CheckInResult,
  CourseDetail,
  CourseList,
  CourseQuery,
  EnrollBody,
  EnrollmentResult,
  MyClaimDetail,
  MyClaimList,
  MyClaimSummary,
  MyEnrollmentList,
  MyEnrollmentQuery,
  SubsidyClaimBody,
  VerifyParams,
  WithdrawClaimBody,
} from '@contract/lines/training'
import * as z from 'zod/mini'
import type { Quota } from '../../core/rate-limits'
import { lineErrors as errors } from '../../core/responses'
import { runSubmission } from '../../core/submission'
import { getMyCertificate, listMyCertificates, verifyCertificate } from './training.completion'
import { checkInWithCode } from './training.check-in'
import { getMyClaim, listMyClaims, submitClaim, withdrawClaim } from './training.subsidy'
import { CatalogueCache, cancelEnrollment, confirmOffer, enroll, getCourse, listCatalogue, listMyEnrollments } from './training.worker'

/** Enough for anyone choosing courses; a script enrolling in everything is not a person. */
const ENROLL_QUOTA: Quota = { max: 30, windowMs: 3600_000, message: '报名操作太频繁，请稍后再试' }
const CLAIM_QUOTA: Quota = { max: 5, windowMs: 24 * 3600_000, message: '您今天已提交了 5 份补贴申请，请明天再试或联系所在工会' }
const CHECK_IN_QUOTA: Quota = { max: 60, windowMs: 3600_000, message: '签到太频繁，请稍后再试' }

/** The public certificate check: anyone may call it, so it is limited per address. */
const VERIFY_RATE_LIMIT = { max: 30, timeWindow: '1 minute' }

/** Public: what a certificate's verification code says. The line's only route open without a session. */
export const trainingPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/training/certificates/verify/:code',
    {
      config: { rateLimit: VERIFY_RATE_LIMIT },
      schema: {
        tags: ['training'],
        summary: 'Check a certificate by its verification code (public, rate-limited): masked name, course, date',
        security: [],
        params: VerifyParams,
        response: { 200: CertificateVerification, ...errors },
      },
    },
    async (request) => verifyCertificate(app.systemContext(), request.params.code),
  )
}

/** The worker's side: the catalogue, enrolling, my courses, check-in, certificates, subsidy claims. */
export const trainingWorkerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)
  const catalogue = new CatalogueCache(app.config.catalogueCacheMs)

  app.get(
    '/training/courses',
    {
      schema: {
        tags: ['training'],
        summary: 'The course catalogue: categories, search and filters, by start date',
        querystring: CourseQuery,
        response: { 200: CourseList, ...errors },
      },
    },
    async (request) => listCatalogue(app.serviceContext(request), request.query, catalogue),
  )

  app.get(
    '/training/courses/:id',
    {
      schema: {
        tags: ['training'],
        summary: 'A course: sessions, seats, my enrollment and attendance, what I may do',
        params: IdParams,
        response: { 200: CourseDetail, ...errors },
      },
    },
    async (request) => getCourse(app.serviceContext(request), request.params.id),
  )

  app.post(
    '/training/courses/:id/enrollment',
    {
      schema: {
        tags: ['training'],
        summary: 'Enroll, or join the waitlist of a full course (waitlist: true); never over capacity (idempotent)',
        params: IdParams,
        body: EnrollBody,
        response: { 201: EnrollmentResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(
        app,
        request,
        { scope: 'training.enroll', statusCode: 201, matchUrl: true, quota: ENROLL_QUOTA },
        (context) => enroll(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.post(
    '/training/courses/:id/enrollment/cancel',
    {
      schema: {
        tags: ['training'],
        summary: 'Give up my seat (up to the cut-off before the first session) or my place on the waitlist',
        params: IdParams,
        body: CancelEnrollmentBody,
        response: { 200: EnrollmentResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(
        app,
        request,
        { scope: 'training.cancel', statusCode: 200, matchUrl: true, quota: ENROLL_QUOTA },
        (context) => cancelEnrollment(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.post(
    '/training/courses/:id/enrollment/confirm',
    {
      schema: {
        tags: ['training'],
        summary: 'Take the seat offered to me from the waitlist, within the confirmation window',
        params: IdParams,
        body: z.object({}),
        response: { 200: EnrollmentResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'training.confirm', statusCode: 200, matchUrl: true }, (context) =>
        confirmOffer(context, request.params.id),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/training/enrollments',
    {
      schema: {
        tags: ['training'],
        summary: 'My courses: those ahead first (next session, attendance so far), then the rest',
        querystring: MyEnrollmentQuery,
        response: { 200: MyEnrollmentList, ...errors },
      },
    },
    async (request) => listMyEnrollments(app.serviceContext(request), request.query),
  )

  app.post(
    '/training/check-ins',
    {
      schema: {
        tags: ['training'],
        summary: 'Check in with the session code staff show (once per session)',
        body: CheckInBody,
        response: { 200: CheckInResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'training.check_in', statusCode: 200, quota: CHECK_IN_QUOTA }, (context) =>
        checkInWithCode(context, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/training/certificates',
    {
      schema: {
        tags: ['training'],
        summary: 'My certificates, newest first',
        querystring: PageQuery,
        response: { 200: CertificateList, ...errors },
      },
    },
    async (request) => listMyCertificates(app.serviceContext(request), request.query),
  )

  app.get(
    '/training/certificates/:id',
    {
      schema: { tags: ['training'], summary: 'One of my certificates', params: IdParams, response: { 200: CertificateView, ...errors } },
    },
    async (request) => getMyCertificate(app.serviceContext(request), request.params.id),
  )

  app.post(
    '/training/subsidy-claims',
    {
      schema: {
        tags: ['training'],
        summary: 'Claim the training subsidy for a promotion or a diploma (idempotent)',
        body: SubsidyClaimBody,
        response: { 201: MyClaimSummary, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(
        app,
        request,
        { scope: 'training.claim', statusCode: 201, matchUrl: true, quota: CLAIM_QUOTA },
        (context) => submitClaim(context, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/training/subsidy-claims',
    {
      schema: {
        tags: ['training'],
        summary: 'My subsidy claims, newest first, with what this year already holds',
        querystring: PageQuery,
        response: { 200: MyClaimList, ...errors },
      },
    },
    async (request) => listMyClaims(app.serviceContext(request), request.query),
  )

  app.get(
    '/training/subsidy-claims/:id',
    {
      schema: { tags: ['training'], summary: 'One of my subsidy claims', params: IdParams, response: { 200: MyClaimDetail, ...errors } },
    },
    async (request) => getMyClaim(app.serviceContext(request), request.params.id),
  )

  app.post(
    '/training/subsidy-claims/:id/withdraw',
    {
      schema: {
        tags: ['training'],
        summary: 'Withdraw my claim while it waits for review',
        params: IdParams,
        body: WithdrawClaimBody,
        response: { 200: MyClaimSummary, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'training.claim_withdraw', statusCode: 200, matchUrl: true }, (context) =>
        withdrawClaim(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
}
