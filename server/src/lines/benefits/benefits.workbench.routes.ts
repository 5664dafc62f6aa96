import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import * as z from 'zod/mini'
import { IdParams, Ok } from '@contract/common'
import { PageQuery } from '@contract/kit/paging'
import { Dashboard } from '@contract/kit/stats'
import {
  BenefitsSettings,
  Campaign,
  CampaignInput,
  CampaignList,
  districtLabel,
  FraudSignalList,
  MerchantProfileInput,
  NoteOnlyBody,
  Offer,
  OfferInput,
  OfferList,
  ReasonBody,
  RestockBody,
  ReviewSignalBody,
  SettleBody,
  SettlementList,
  SettlementQuery,
  SignBody,
  StaffMerchantDetail,
  StaffMerchantList,
  StaffMerchantQuery,
  StaffMerchantSummary,
  StaffOfferQuery,
  Statement,
  type MerchantDecision,
} from '@contract/lines/benefits'
import { lineErrors as errors } from '../../core/responses'
import { sendSpreadsheet, sheet, workbookBuffer } from '../../core/spreadsheet'
import { runInTransaction, runSubmission } from '../../core/submission'
import { requireLineAccess } from '../../core/access'
import { redemptionKindLabel } from './benefits.desk'
import {
  benefitsAccess,
  campaignStep,
  createCampaign,
  createOffer,
  decideMerchant,
  editMerchant,
  getMerchantForStaff,
  listCampaigns,
  listMerchantsForStaff,
  listOffersForStaff,
  offerStep,
  restockOffer,
  saveSettings,
  settle,
  settlementList,
  staffStatement,
} from './benefits.staff'
import { benefitsStats, fraudSignals, reviewSignal } from './benefits.stats'
import { undoMinutesOf } from './benefits.views'

const tags = ['benefits staff']
const StatementParams = z.object({
  id: IdParams.shape.id,
  month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM')),
})

/** 困难职工帮扶中心 (with 女职工部): merchant onboarding, offers and campaigns, settlement, signals, the dashboard. */
export const benefitsWorkbenchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate)

  app.get(
    '/workbench/merchants',
    {
      schema: {
        tags,
        summary: 'Merchants by tab (waiting: applied or approved), category, district, search; counts per tab',
        querystring: StaffMerchantQuery,
        response: { 200: StaffMerchantList, ...errors },
      },
    },
    async (request) => listMerchantsForStaff(app.serviceContext(request), request.query),
  )
  app.get(
    '/workbench/merchants/:id',
    {
      schema: {
        tags,
        summary: 'A merchant: application, licence, contract, cashiers, offers, history, the decisions open',
        params: IdParams,
        response: { 200: StaffMerchantDetail, ...errors },
      },
    },
    async (request) => getMerchantForStaff(app.serviceContext(request), request.params.id),
  )
  app.put(
    '/workbench/merchants/:id',
    {
      schema: {
        tags,
        summary: "Correct a merchant's profile (place, hours, card discount)",
        params: IdParams,
        body: MerchantProfileInput,
        response: { 200: StaffMerchantSummary, ...errors },
      },
    },
    async (request) => runInTransaction(app, request, (context) => editMerchant(context, request.params.id, request.body)),
  )

  const decision = <B extends z.ZodMiniType>(action: MerchantDecision, body: B, summary: string) =>
    app.post(
      `/workbench/merchants/:id/${action}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: StaffMerchantSummary, ...errors } } },
      async (request, reply) => {
        const result = await runSubmission(
          app,
          request,
          { scope: `benefits.merchant.${action}`, statusCode: 200, matchUrl: true },
          (context) => decideMerchant(context, request.params.id, action, request.body as { reason?: string; note?: string }),
        )
        return reply.status(result.statusCode).send(result.body)
      },
    )
  decision('approve', NoteOnlyBody, 'Approve an application (then sign)')
  decision('reject', ReasonBody, 'Turn an application down, with the reason the applicant is told')
  decision('sign', SignBody, 'Record the signed contract (number and dates)')
  decision('activate', NoteOnlyBody, 'Put a signed merchant live (from its contract start)')
  decision('suspend', ReasonBody, 'Suspend (abuse: fake redemptions, cashing out): claims and redemptions stop')
  decision('resume', NoteOnlyBody, 'Resume a suspended merchant')
  decision('remove', ReasonBody, 'Remove a merchant for good, with the reason')

  app.get(
    '/workbench/benefits/offers',
    {
      schema: {
        tags,
        summary: 'Offers (of a merchant, a campaign, a status), newest first',
        querystring: StaffOfferQuery,
        response: { 200: OfferList, ...errors },
      },
    },
    async (request) => listOffersForStaff(app.serviceContext(request), request.query),
  )
  app.post(
    '/workbench/benefits/offers',
    { schema: { tags, summary: 'Create an offer for a signed merchant', body: OfferInput, response: { 201: Offer, ...errors } } },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'benefits.offer.create', statusCode: 201 }, (context) =>
        createOffer(context, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
  for (const action of ['pause', 'resume', 'withdraw'] as const) {
    app.post(
      `/workbench/benefits/offers/:id/${action}`,
      { schema: { tags, summary: `${action} an offer`, params: IdParams, body: NoteOnlyBody, response: { 200: Offer, ...errors } } },
      async (request) => runInTransaction(app, request, (context) => offerStep(context, request.params.id, action)),
    )
  }
  app.post(
    '/workbench/benefits/offers/:id/restock',
    { schema: { tags, summary: 'Top up an offer’s stock', params: IdParams, body: RestockBody, response: { 200: Offer, ...errors } } },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'benefits.offer.restock', statusCode: 200, matchUrl: true }, (context) =>
        restockOffer(context, request.params.id, request.body.add),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )

  app.get(
    '/workbench/benefits/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns, latest first, with their offers, claims and redemptions',
        querystring: PageQuery,
        response: { 200: CampaignList, ...errors },
      },
    },
    async (request) => listCampaigns(app.serviceContext(request), request.query),
  )
  app.post(
    '/workbench/benefits/campaigns',
    { schema: { tags, summary: 'Create (schedule) a campaign', body: CampaignInput, response: { 201: Campaign, ...errors } } },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'benefits.campaign.create', statusCode: 201 }, (context) =>
        createCampaign(context, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
  for (const action of ['pause', 'resume', 'end'] as const) {
    app.post(
      `/workbench/benefits/campaigns/:id/${action}`,
      {
        schema: {
          tags,
          summary: `${action} a campaign (its offers follow)`,
          params: IdParams,
          body: NoteOnlyBody,
          response: { 200: Campaign, ...errors },
        },
      },
      async (request) => runInTransaction(app, request, (context) => campaignStep(context, request.params.id, action)),
    )
  }

  app.get(
    '/workbench/benefits/settlements',
    {
      schema: {
        tags,
        summary: 'Union-funded vouchers redeemed per merchant in a month (last month by default), settled or not',
        querystring: SettlementQuery,
        response: { 200: SettlementList, ...errors },
      },
    },
    async (request) => settlementList(app.serviceContext(request), request.query),
  )
  app.get(
    '/workbench/benefits/settlements/export',
    { schema: { tags, summary: "The month's settlement as an Excel workbook", querystring: SettlementQuery } },
    async (request, reply) => {
      const context = app.serviceContext(request)
      const list = await settlementList(context, request.query)
      type Row = (typeof list.rows)[number]
      const body = await workbookBuffer(
        [
          sheet<Row>({
            name: `结算 ${list.month}`,
            caption: [
              `会员服务卡·商户优惠 工会代金券结算表 ${list.month}`,
              `导出时间 ${context.now.toISOString().slice(0, 16).replace('T', ' ')}`,
            ],
            columns: [
              { header: '商户', value: (row) => row.merchantName, width: 28 },
              { header: '区县', value: (row) => districtLabel[row.district] },
              { header: '核销张数', value: (row) => row.voucherCount, format: 'count' },
              { header: '结算金额（元）', value: (row) => row.voucherValue, format: 'yuan' },
              { header: '状态', value: (row) => (row.status === 'settled' ? '已结算' : '待结算') },
              { header: '结算时间', value: (row) => (row.settledAt ? new Date(row.settledAt) : null), format: 'datetime' },
              { header: '经办人', value: (row) => row.settledByName },
            ],
            rows: list.rows,
            totals: ['核销张数', '结算金额（元）'],
          }),
        ],
        context.now,
      )
      return sendSpreadsheet(reply, `商户代金券结算-${list.month}.xlsx`, body, `benefits-settlement-${list.month}.xlsx`)
    },
  )
  app.post(
    '/workbench/benefits/settlements',
    {
      schema: {
        tags,
        summary: "Mark a merchant's month settled (once the month is over)",
        body: SettleBody,
        response: { 200: Statement, ...errors },
      },
    },
    async (request, reply) => {
      const result = await runSubmission(app, request, { scope: 'benefits.settle', statusCode: 200 }, (context) =>
        settle(context, request.body),
      )
      return reply.status(result.statusCode).send(result.body)
    },
  )
  app.get(
    '/workbench/merchants/:id/statements/:month',
    { schema: { tags, summary: "A merchant's monthly statement", params: StatementParams, response: { 200: Statement, ...errors } } },
    async (request) => staffStatement(app.serviceContext(request), request.params.id, request.params.month),
  )
  app.get(
    '/workbench/merchants/:id/statements/:month/export',
    { schema: { tags, summary: "A merchant's monthly statement as an Excel workbook", params: StatementParams } },
    async (request, reply) => {
      const context = app.serviceContext(request)
      const statement = await staffStatement(context, request.params.id, request.params.month)
      type Line = (typeof statement.lines)[number]
      const body = await workbookBuffer(
        [
          sheet<Line>({
            name: `对账单 ${statement.month}`,
            caption: [
              `${statement.merchantName} ${statement.month} 会员优惠对账单`,
              `工会代金券 ${statement.unionCount} 张，${statement.unionValue} 元${statement.settled ? '（已结算）' : ''}`,
            ],
            columns: [
              { header: '优惠', value: (line) => line.title, width: 28 },
              { header: '类型', value: (line) => redemptionKindLabel(line.kind) },
              { header: '出资', value: (line) => (line.fundedBy === 'union' ? '工会' : '商户') },
              { header: '笔数', value: (line) => line.count, format: 'count' },
              { header: '会员节省（元）', value: (line) => line.saved, format: 'yuan' },
            ],
            rows: statement.lines,
            totals: ['笔数', '会员节省（元）'],
          }),
        ],
        context.now,
      )
      return sendSpreadsheet(reply, `${statement.merchantName}-对账单-${statement.month}.xlsx`, body, `statement-${statement.month}.xlsx`)
    },
  )

  app.get(
    '/workbench/benefits/signals',
    { schema: { tags, summary: 'Fraud signals of the last 30 days, unreviewed first', response: { 200: FraudSignalList, ...errors } } },
    async (request) => fraudSignals(app.serviceContext(request)),
  )
  app.post(
    '/workbench/benefits/signals/review',
    { schema: { tags, summary: 'Mark a signal reviewed, with a note', body: ReviewSignalBody, response: { 200: Ok, ...errors } } },
    async (request) => runInTransaction(app, request, (context) => reviewSignal(context, request.body)),
  )
  app.get(
    '/workbench/benefits/settings',
    { schema: { tags, summary: 'The line’s settings (the undo window)', response: { 200: BenefitsSettings, ...errors } } },
    async (request) => {
      requireLineAccess(app.serviceContext(request).user, benefitsAccess)
      return { undoMinutes: await undoMinutesOf(app.db) }
    },
  )
  app.put(
    '/workbench/benefits/settings',
    { schema: { tags, summary: 'Change the undo window', body: BenefitsSettings, response: { 200: BenefitsSettings, ...errors } } },
    async (request) => runInTransaction(app, request, (context) => saveSettings(context, request.body)),
  )
  app.get(
    '/workbench/benefits/stats',
    {
      schema: {
        tags,
        summary: 'The dashboard against the plan: cards, merchants, campaigns, redemptions and savings',
        response: { 200: Dashboard, ...errors },
      },
    },
    async (request) => benefitsStats(app.serviceContext(request)),
  )
}
