import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { IdParams } from '@contract/common'
import { ApiErrorBody } from '@contract/errors'
import {
  ApplicationBody,
  CardVerifyBody,
  CardVerifyResult,
  DeleteAccountBody,
  DeleteAccountResult,
  MemberCard,
  MyApplication,
  MyData,
  MyMembership,
  PhoneResult,
  ResubmitBody,
  UpdateContactBody,
  WechatPhoneBody,
} from '@contract/lines/membership'
import { runIdempotentRequest } from '../../core/idempotency'
import { currentUser } from '../../plugins/app/authentication'
import { memberCard, myMembership, resubmitApplication, submitApplication, verifyCard } from './membership.service'
import { bindVerifiedPhone, deleteAccount, myData, phoneFromWechat, updateContactPhone } from './my-data.service'

const errors = { 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody, 409: ApiErrorBody, 422: ApiErrorBody, 429: ApiErrorBody }

/**
 * The worker's side of membership: apply, follow, show the card; and their own data.
 * Authentication runs on request, before the body is validated: someone not logged in learns
 * nothing about what a valid body looks like, only that they must log in (401).
 */
export const membershipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/membership/applications',
    {
      onRequest: app.authenticate,
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['membership'],
        summary: 'Apply to join the union (send an Idempotency-Key: a retry returns the first answer)',
        body: ApplicationBody,
        response: { 201: MyApplication, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runIdempotentRequest(app.db, request, { scope: 'membership.apply', statusCode: 201 }, (tx) =>
        submitApplication(tx, app.cipher, currentUser(request), request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/membership/applications/mine',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['membership'],
        summary: 'My application (with its timeline) and my membership',
        response: { 200: MyMembership, 401: ApiErrorBody },
      },
    },
    async (request) => myMembership(app.db, currentUser(request).id),
  )

  app.put(
    '/membership/applications/:id',
    {
      onRequest: app.authenticate,
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['membership'],
        summary: 'Correct my application: resubmit after a rejection, or edit while it waits (idNumber may be left out to keep it)',
        params: IdParams,
        body: ResubmitBody,
        response: { 200: MyApplication, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runIdempotentRequest(
        app.db,
        request,
        { scope: `membership.resubmit:${request.params.id}`, statusCode: 200 },
        (tx) => resubmitApplication(tx, app.cipher, currentUser(request), request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/membership/card',
    {
      onRequest: app.authenticate,
      // The page asks once a minute; more than this is a loop, not a person.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['membership'],
        summary: 'My member card with a fresh QR code (valid 60 s)',
        response: { 200: MemberCard, 401: ApiErrorBody, 404: ApiErrorBody, 429: ApiErrorBody },
      },
    },
    async (request, reply) => {
      // A QR code must never be served from a cache: it is only good for a minute.
      reply.header('cache-control', 'no-store')
      return memberCard(app.db, app.config.authSecret, currentUser(request).id)
    },
  )

  app.post(
    '/cards/verify',
    {
      onRequest: app.authenticate,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['membership'],
        summary: 'Check a scanned member-card QR token: valid, expired or invalid, with masked member details',
        body: CardVerifyBody,
        response: { 200: CardVerifyResult, 400: ApiErrorBody, 401: ApiErrorBody, 429: ApiErrorBody },
      },
    },
    async (request) => verifyCard(app.db, app.config.authSecret, request.body.token),
  )

  // ── My data: see it, correct it, delete it ──

  app.get(
    '/me/data',
    {
      onRequest: app.authenticate,
      schema: { tags: ['me'], summary: 'Everything we hold about me (ID number masked)', response: { 200: MyData, 401: ApiErrorBody } },
    },
    async (request) => myData(app.db, currentUser(request)),
  )

  app.put(
    '/me/contact',
    {
      onRequest: app.authenticate,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['me'],
        summary: 'Correct my contact phone (typed)',
        body: UpdateContactBody,
        response: { 200: PhoneResult, ...errors },
      },
    },
    async (request) => {
      const user = currentUser(request)
      return app.db.transaction((tx) => updateContactPhone(tx, user, request.body.phone))
    },
  )

  app.post(
    '/me/phone/wechat',
    {
      onRequest: app.authenticate,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['me'],
        summary: "Bind the phone WeChat verified (getPhoneNumber button's code)",
        body: WechatPhoneBody,
        response: { 200: PhoneResult, ...errors, 503: ApiErrorBody },
      },
    },
    async (request) => {
      const user = currentUser(request)
      // WeChat is asked outside the transaction: no database connection waits on the network.
      const phone = await phoneFromWechat(app.wechat, request.body.code)
      return app.db.transaction((tx) => bindVerifiedPhone(tx, user, phone))
    },
  )

  app.post(
    '/me/delete',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['me'],
        summary: 'Delete my account and withdraw consent (ends a membership; the session stops working)',
        body: DeleteAccountBody,
        response: { 200: DeleteAccountResult, 400: ApiErrorBody, 401: ApiErrorBody },
      },
    },
    async (request) => {
      const user = currentUser(request)
      return app.db.transaction((tx) => deleteAccount(tx, user))
    },
  )
}
