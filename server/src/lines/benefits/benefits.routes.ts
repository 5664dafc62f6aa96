import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import * as z from 'zod/mini'
import { IdParams } from '@contract/common'
import { PageQuery } from '@contract/kit/paging'
import {
  ClaimBody,
  Coupon,
  CouponCode,
  CouponCodeQuery,
  CouponList,
  CouponQuery,
  DeskCheck,
  DeskCheckBody,
  DeskHome,
  DeskRedemptionList,
  DeskRedemptionQuery,
  MerchantApplicationInput,
  MerchantDetail,
  MerchantList,
  MerchantQuery,
  MyMerchantApplication,
  MyMerchantApplications,
  MyRedemptionList,
  OfferList,
  OfferQuery,
  RedeemBody,
  Redemption,
  Statement,
  StatementQuery,
  UndoBody,
} from '@contract/lines/benefits'
import type { Quota } from '../../core/rate-limits'
import { lineErrors as errors } from '../../core/responses'
import { runSubmission } from '../../core/submission'
import { merchantDirectory } from './benefits.directory'
import { checkCode, deskHome, deskRedemptions, deskStatement, redeem, undoRedemption } from './benefits.desk'
import {
  applyAsMerchant,
  claimOffer,
  couponCode,
  getMerchant,
  listCoupons,
  listMerchants,
  listOffers,
  myApplications,
  myRedemptions,
} from './benefits.member'

/** Claims are limited per offer by their own rules; this only stops a script claiming everything in sight. */
const CLAIM_QUOTA: Quota = { max: 60, windowMs: 3600_000, message: '领取太频繁，请稍后再试' }
const APPLY_QUOTA: Quota = { max: 5, windowMs: 24 * 3600_000, message: '今天已提交 5 份加盟申请，请等待审核结果' }
/** A busy till redeems a few hundred an hour at most. */
const REDEEM_QUOTA: Quota = { max: 600, windowMs: 3600_000, message: '核销太频繁，请稍后再试' }

const LocationQuery = z.object({ lat: CouponCodeQuery.shape.lat, lng: CouponCodeQuery.shape.lng })

/** Members: merchants near me, offers, claims, coupons; anyone logged in may apply as a merchant. */
export const benefitsMemberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)
  const directory = merchantDirectory(app.config.catalogueCacheMs)
  const tags = ['benefits']

  app.get(
    '/merchants',
    {
      schema: {
        tags,
        summary: 'Partner merchants: nearest first within a radius when lat/lng are given, else by district',
        querystring: MerchantQuery,
        response: { 200: MerchantList, ...errors },
      },
    },
    async (request) => listMerchants(app.serviceContext(request), request.query, directory),
  )
  app.get(
    '/merchants/:id',
    {
      schema: {
        tags,
        summary: 'A partner merchant: address, phone, hours, photos, live offers',
        params: IdParams,
        querystring: LocationQuery,
        response: { 200: MerchantDetail, ...errors },
      },
    },
    async (request) => getMerchant(app.serviceContext(request), request.params.id, request.query),
  )
  app.get(
    '/offers',
    {
      schema: {
        tags,
        summary: 'Live offers (of a merchant or campaign), with what I hold and whether I may claim',
        querystring: OfferQuery,
        response: { 200: OfferList, ...errors },
      },
    },
    async (request) => listOffers(app.serviceContext(request), request.query),
  )
  app.post(
    '/offers/:id/claims',
    {
      schema: {
        tags,
        summary: 'Claim a coupon (idempotent with Idempotency-Key); stock and per-member limits hold under concurrency',
        params: IdParams,
        body: ClaimBody,
        response: { 201: Coupon, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(
        app,
        request,
        { scope: 'benefits.claim', statusCode: 201, matchUrl: true, quota: CLAIM_QUOTA },
        (context) => claimOffer(context, request.params.id),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
  app.get(
    '/coupons',
    {
      schema: {
        tags,
        summary: 'My coupons by status (active / redeemed / expired), with counts',
        querystring: CouponQuery,
        response: { 200: CouponList, ...errors },
      },
    },
    async (request) => listCoupons(app.serviceContext(request), request.query),
  )
  app.get(
    '/coupons/:id/code',
    {
      schema: {
        tags,
        summary: 'One of my coupons and, while usable, its rotating one-time code',
        params: IdParams,
        querystring: CouponCodeQuery,
        response: { 200: CouponCode, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return couponCode(app.serviceContext(request), request.params.id, request.query)
    },
  )
  app.get(
    '/benefits/redemptions',
    {
      schema: {
        tags,
        summary: 'What I redeemed, where and when, and what I saved this year',
        querystring: PageQuery,
        response: { 200: MyRedemptionList, ...errors },
      },
    },
    async (request) => myRedemptions(app.serviceContext(request), request.query),
  )
  app.post(
    '/merchant-applications',
    {
      schema: {
        tags,
        summary: 'Apply as a partner merchant (anyone logged in; idempotent)',
        body: MerchantApplicationInput,
        response: { 201: MyMerchantApplication, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'benefits.apply', statusCode: 201, quota: APPLY_QUOTA }, (context) =>
        applyAsMerchant(context, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
  app.get(
    '/merchant-applications',
    { schema: { tags, summary: 'My merchant applications and where they stand', response: { 200: MyMerchantApplications, ...errors } } },
    async (request) => myApplications(app.serviceContext(request)),
  )
}

/** The merchant desk: a merchant's cashiers (a scoped role) scan, redeem once, undo, and read their day and month. */
export const benefitsDeskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)
  const tags = ['benefits desk']

  app.get(
    '/merchant-desk',
    { schema: { tags, summary: 'The merchants I work at as a cashier, and the undo window', response: { 200: DeskHome, ...errors } } },
    async (request) => deskHome(app.serviceContext(request)),
  )
  app.post(
    '/merchant-desk/checks',
    {
      schema: {
        tags,
        summary: 'What a scanned code is (the offer, the masked member) before confirming; changes nothing',
        body: DeskCheckBody,
        response: { 200: DeskCheck, ...errors },
      },
    },
    async (request) => checkCode(app.serviceContext(request), request.body),
  )
  app.post(
    '/merchant-desk/redemptions',
    {
      schema: {
        tags,
        summary: 'Redeem a coupon or a card discount, exactly once (idempotent)',
        body: RedeemBody,
        response: { 201: Redemption, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'benefits.redeem', statusCode: 201, quota: REDEEM_QUOTA }, (context) =>
        redeem(context, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
  app.post(
    '/merchant-desk/redemptions/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo a redemption within the set minutes (audited)',
        params: IdParams,
        body: UndoBody,
        response: { 200: Redemption, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'benefits.undo', statusCode: 200, matchUrl: true }, (context) =>
        undoRedemption(context, request.params.id, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
  app.get(
    '/merchant-desk/redemptions',
    {
      schema: {
        tags,
        summary: "A day's redemptions at the merchant (today by default) and its totals",
        querystring: DeskRedemptionQuery,
        response: { 200: DeskRedemptionList, ...errors },
      },
    },
    async (request) => deskRedemptions(app.serviceContext(request), request.query),
  )
  app.get(
    '/merchant-desk/statement',
    {
      schema: {
        tags,
        summary: "The merchant's month: redemptions by offer and the union-funded vouchers to settle",
        querystring: StatementQuery,
        response: { 200: Statement, ...errors },
      },
    },
    async (request) => deskStatement(app.serviceContext(request), request.query),
  )
}
