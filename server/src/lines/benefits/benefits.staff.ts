import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import {
  campaignWorkflow,
  MERCHANT_TABS,
  merchantWorkflow,
  offerWorkflow,
  type BenefitsSettings,
  type Campaign,
  type CampaignInput,
  type CampaignList,
  type MerchantCounts,
  type MerchantDecision,
  type MerchantProfileInput,
  type Offer,
  type OfferInput,
  type OfferList,
  type SettleBody,
  type SettlementList,
  type SettlementQuery,
  type SignBody,
  type StaffMerchantDetail,
  type StaffMerchantList,
  type StaffMerchantQuery,
  type StaffMerchantSummary,
  type StaffOfferQuery,
  type Statement,
} from '@contract/lines/benefits'
import type { PageQuery } from '@contract/kit/paging'
import { pages } from '@contract/pages'
import { chinaDate } from '@contract/rules/working-days'
import { mayAct, requireLineAccess, staffAccessTo, type AccessRule, type StaffAccess } from '../../core/access'
import type { ServiceContext } from '../../core/context'
import { notifyApplicant } from '../../core/notify'
import { keyset } from '../../core/paging'
import { listTimeline, appendTimelineEvent } from '../../core/timeline'
import { transition } from '../../core/workflow'
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors'
import { staffRoles, users } from '../../platform/auth/auth.tables'
import { toAttachment, uploadsFor } from '../../platform/uploads/uploads.service'
import { CASHIER_ROLE, monthRange, statementOf } from './benefits.desk'
import { toOffers } from './benefits.member'
import {
  benefitsCampaigns,
  benefitsMerchants,
  benefitsOffers,
  benefitsRedemptions,
  benefitsSettings,
  benefitsSettlements,
} from './benefits.tables'
import { CAMPAIGN_SUBJECT, fen, liveOfferCount, MERCHANT_SUBJECT, OFFER_SUBJECT, yuan, type MerchantRow } from './benefits.views'

/** Union staff's side: merchant onboarding and oversight, offers and campaigns, settlement, settings. */

export const STAFF_ROLE = 'benefits_staff'

export const benefitsAccess: AccessRule = {
  act: [STAFF_ROLE],
  oversee: ['city_admin'],
  reach: 'city',
  ownRecordMessage: '不能审核自己提交的商户申请，请由其他工作人员办理',
}

const guarded = (row: MerchantRow) => ({ applicantId: row.applicantId ?? '' })

/** Staff who act on the line (oversight reads only: 403; anyone else: 403, they have no such page). */
export function requireActing(context: ServiceContext): void {
  if (requireLineAccess(context.user, benefitsAccess).access !== 'act') throw forbidden('您可以查看，但不能办理')
}

async function loadMerchant(context: ServiceContext, id: string, need: StaffAccess): Promise<{ row: MerchantRow; access: StaffAccess }> {
  const [row] = await context.db.select().from(benefitsMerchants).where(eq(benefitsMerchants.id, id))
  if (!row) throw notFound('没有找到这家商户')
  const access = staffAccessTo(context.user, benefitsAccess, guarded(row), need, '没有找到这家商户')
  return { row, access }
}

const tabCondition = (tab: (typeof MERCHANT_TABS)[number]): SQL | undefined =>
  tab === 'all'
    ? undefined
    : tab === 'waiting'
      ? inArray(benefitsMerchants.status, ['applied', 'approved'])
      : eq(benefitsMerchants.status, tab)

const liveOffersOf = (now: Date) => liveOfferCount(chinaDate(now), { inStock: false })

function toStaffSummary(row: MerchantRow, liveOffers: number): StaffMerchantSummary {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    district: row.district,
    address: row.address,
    status: row.status,
    contactName: row.contactName,
    contractEndsOn: row.contractEndsOn,
    liveOffers,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export async function listMerchantsForStaff(context: ServiceContext, query: StaffMerchantQuery): Promise<StaffMerchantList> {
  requireLineAccess(context.user, benefitsAccess)
  const filters: Array<SQL | undefined> = [
    query.category ? eq(benefitsMerchants.category, query.category) : undefined,
    query.district ? eq(benefitsMerchants.district, query.district) : undefined,
    query.q
      ? or(
          ilike(benefitsMerchants.name, `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`),
          ilike(benefitsMerchants.creditCode, `${query.q}%`),
        )
      : undefined,
  ]
  const tab = query.tab ?? 'waiting'
  const page = keyset(
    [
      { expr: sql`-extract(epoch from ${benefitsMerchants.updatedAt})`, type: 'float8' },
      { expr: sql`${benefitsMerchants.id}`, type: 'uuid' },
    ],
    query,
  )
  const rows = await context.db
    .select({ merchant: benefitsMerchants, liveOffers: liveOffersOf(context.now), cursorKey: page.cursorKey })
    .from(benefitsMerchants)
    .where(and(...filters, tabCondition(tab), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  const [countRow] = await context.db
    .select(
      Object.fromEntries(
        MERCHANT_TABS.map((name) => {
          const condition = tabCondition(name)
          return [name, condition ? sql<number>`(count(*) filter (where ${condition}))::int` : sql<number>`count(*)::int`]
        }),
      ) as Record<(typeof MERCHANT_TABS)[number], SQL<number>>,
    )
    .from(benefitsMerchants)
    .where(and(...filters))
  const counts = Object.fromEntries(MERCHANT_TABS.map((name) => [name, Number(countRow?.[name] ?? 0)])) as MerchantCounts
  return { ...page.page(rows, (row) => toStaffSummary(row.merchant, Number(row.liveOffers))), counts }
}

export async function getMerchantForStaff(context: ServiceContext, id: string): Promise<StaffMerchantDetail> {
  const { row, access } = await loadMerchant(context, id, 'read')
  const { db, now, cipher, config } = context
  const [liveCount] = await db
    .select({ n: liveOffersOf(now) })
    .from(benefitsMerchants)
    .where(eq(benefitsMerchants.id, id))
  const offerRows = await db
    .select()
    .from(benefitsOffers)
    .where(eq(benefitsOffers.merchantId, id))
    .orderBy(desc(benefitsOffers.createdAt))
    .limit(50)
  const cashiers = await db
    .select({ userId: staffRoles.userId, name: sql<string>`coalesce(${users.realName}, ${users.nickname})`, since: staffRoles.createdAt })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.role, CASHIER_ROLE), eq(staffRoles.scopeId, id), isNull(staffRoles.revokedAt)))
  const [applicant] = row.applicantId
    ? await db
        .select({ name: sql<string>`coalesce(${users.realName}, ${users.nickname})` })
        .from(users)
        .where(eq(users.id, row.applicantId))
    : []
  const files = async (kind: string) =>
    (await uploadsFor(db, `${MERCHANT_SUBJECT}_${kind}`, [id])).map((upload) => toAttachment(config.authSecret, upload, now.getTime()))
  const canAct = mayAct(context.user, access, guarded(row))
  return {
    ...toStaffSummary(row, Number(liveCount?.n ?? 0)),
    lat: row.lat,
    lng: row.lng,
    phone: row.phone,
    hours: row.hours,
    description: row.description,
    cardPayPercent: row.cardPayPercent,
    cardDiscountNote: row.cardDiscountNote,
    creditCode: row.creditCode,
    contactPhone: cipher.decrypt(row.contactPhoneEnc).replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2'),
    proposedOffers: row.proposedOffers,
    licences: await files('licence'),
    photos: await files('photo'),
    contractNo: row.contractNo,
    contractStartsOn: row.contractStartsOn,
    decisionReason: row.decisionReason,
    applicantName: applicant?.name ?? '工会录入',
    cashiers: cashiers.map((cashier) => ({ ...cashier, since: cashier.since.toISOString() })),
    offers: await toOffers(context, offerRows),
    timeline: await listTimeline(db, context.roles, MERCHANT_SUBJECT, id, 'staff'),
    actions: canAct ? (merchantWorkflow.actionsFrom(row.status, 'staff').filter((action) => action !== 'edit') as MerchantDecision[]) : [],
    canAct,
    canInvite: canAct && ['signed', 'active', 'suspended'].includes(row.status),
    cashierRole: CASHIER_ROLE,
  }
}

const decisionNotice: Record<MerchantDecision, (row: MerchantRow, reason: string | null) => { title: string; body: string }> = {
  approve: (row) => ({ title: '加盟申请已通过审核', body: `“${row.name}”的加盟申请已通过审核，工作人员将联系您签订加盟协议。` }),
  reject: (row, reason) => ({ title: '加盟申请未通过', body: `“${row.name}”的加盟申请未通过：${reason ?? ''}` }),
  sign: (row) => ({ title: '加盟协议已签订', body: `“${row.name}”已签约，协议期 ${row.contractStartsOn} 至 ${row.contractEndsOn}。` }),
  activate: (row) => ({ title: '店铺已上线', body: `“${row.name}”已在“会员卡·优惠”上线，会员可以领取和使用本店优惠了。` }),
  suspend: (row, reason) => ({
    title: '合作已暂停',
    body: `“${row.name}”的合作已暂停：${reason ?? ''}。暂停期间会员不能领取和使用本店优惠。`,
  }),
  resume: (row) => ({ title: '合作已恢复', body: `“${row.name}”的合作已恢复。` }),
  remove: (row, reason) => ({ title: '已终止合作', body: `“${row.name}”已被清退：${reason ?? ''}` }),
}

/** A staff decision on a merchant: the workflow step, the reason kept, the merchant told. */
export async function decideMerchant(
  context: ServiceContext,
  id: string,
  action: MerchantDecision,
  body: { reason?: string; note?: string } & Partial<SignBody>,
): Promise<StaffMerchantSummary> {
  const { row } = await loadMerchant(context, id, 'act')
  const reason = body.reason ?? null
  const changes: Partial<typeof benefitsMerchants.$inferInsert> = {}
  if (action === 'reject' || action === 'suspend' || action === 'remove') changes.decisionReason = reason
  if (action === 'sign') {
    changes.contractNo = body.contractNo
    changes.contractStartsOn = body.contractStartsOn
    changes.contractEndsOn = body.contractEndsOn
  }
  if (action === 'activate' && row.contractStartsOn && row.contractStartsOn > chinaDate(context.now))
    throw new AppError(409, 'WRONG_STATUS', `协议 ${row.contractStartsOn} 才开始，届时再上线`)
  const updated = await transition(context, {
    workflow: merchantWorkflow,
    table: benefitsMerchants,
    record: { id, status: row.status },
    action,
    actor: { id: context.user.id, role: STAFF_ROLE },
    changes,
    note: reason ?? body.note ?? null,
  })
  if (row.applicantId) {
    const notice = decisionNotice[action](updated, reason)
    await notifyApplicant(context, { userId: row.applicantId, ...notice, link: pages.benefits.apply.path })
  }
  return toStaffSummary(updated, 0)
}

export async function editMerchant(context: ServiceContext, id: string, input: MerchantProfileInput): Promise<StaffMerchantSummary> {
  const { row } = await loadMerchant(context, id, 'act')
  const check = merchantWorkflow.next(row.status, 'edit')
  if (!check.ok) throw new AppError(409, 'WRONG_STATUS', check.message)
  const [updated] = await context.db
    .update(benefitsMerchants)
    .set({
      ...input,
      description: input.description ?? null,
      cardPayPercent: input.cardPayPercent ?? null,
      cardDiscountNote: input.cardDiscountNote ?? null,
      updatedAt: context.now,
    })
    .where(eq(benefitsMerchants.id, id))
    .returning()
  await appendTimelineEvent(context.db, {
    subjectType: MERCHANT_SUBJECT,
    subjectId: id,
    actorId: context.user.id,
    actorRole: STAFF_ROLE,
    fromStatus: row.status,
    toStatus: row.status,
    action: 'edit',
    note: '修改了商户资料',
    visibility: 'internal',
  })
  return toStaffSummary(updated!, 0)
}

// ── Offers ───────────────────────────────────────────────────────────────────────────────────

export async function listOffersForStaff(context: ServiceContext, query: StaffOfferQuery): Promise<OfferList> {
  requireLineAccess(context.user, benefitsAccess)
  const page = keyset(
    [
      { expr: sql`-extract(epoch from ${benefitsOffers.createdAt})`, type: 'float8' },
      { expr: sql`${benefitsOffers.id}`, type: 'uuid' },
    ],
    query,
  )
  const rows = await context.db
    .select({ offer: benefitsOffers, cursorKey: page.cursorKey })
    .from(benefitsOffers)
    .where(
      and(
        query.merchantId ? eq(benefitsOffers.merchantId, query.merchantId) : undefined,
        query.campaignId ? eq(benefitsOffers.campaignId, query.campaignId) : undefined,
        query.status ? eq(benefitsOffers.status, query.status) : undefined,
        page.after,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.limit)
  const shown = page.page(rows, (row) => row.offer)
  return { items: await toOffers(context, shown.items), nextCursor: shown.nextCursor }
}

export async function createOffer(context: ServiceContext, input: OfferInput): Promise<Offer> {
  requireLineAccess(context.user, benefitsAccess)
  const { row: merchant } = await loadMerchant(context, input.merchantId, 'act')
  if (!['signed', 'active', 'suspended'].includes(merchant.status)) throw validationFailed({ merchantId: '商户签约后才能上架优惠' })
  if (input.campaignId) {
    const [campaign] = await context.db.select().from(benefitsCampaigns).where(eq(benefitsCampaigns.id, input.campaignId))
    if (!campaign || campaign.status === 'ended') throw validationFailed({ campaignId: '请选择进行中的活动' })
  }
  const [row] = await context.db
    .insert(benefitsOffers)
    .values({
      merchantId: input.merchantId,
      campaignId: input.campaignId ?? null,
      title: input.title,
      description: input.description ?? null,
      kind: input.terms.kind,
      terms: input.terms,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      stock: input.stock,
      perMemberLimit: input.perMemberLimit,
      perMemberDailyLimit: input.perMemberDailyLimit,
      validDays: input.validDays,
      audience: input.audience,
      audienceOrgIds: input.audience === 'orgs' ? (input.audienceOrgIds ?? []) : [],
      createdAt: context.now,
      updatedAt: context.now,
    })
    .returning()
  await appendTimelineEvent(context.db, {
    subjectType: OFFER_SUBJECT,
    subjectId: row!.id,
    actorId: context.user.id,
    actorRole: STAFF_ROLE,
    fromStatus: null,
    toStatus: 'active',
    action: 'create',
    note: null,
  })
  return (await toOffers(context, [row!]))[0]!
}

async function loadOffer(context: ServiceContext, id: string) {
  requireLineAccess(context.user, benefitsAccess)
  const [row] = await context.db.select().from(benefitsOffers).where(eq(benefitsOffers.id, id))
  if (!row) throw notFound('没有找到这个优惠')
  requireActing(context)
  return row
}

export async function offerStep(context: ServiceContext, id: string, action: 'pause' | 'resume' | 'withdraw'): Promise<Offer> {
  const row = await loadOffer(context, id)
  const updated = await transition(context, {
    workflow: offerWorkflow,
    table: benefitsOffers,
    record: { id, status: row.status },
    action,
    actor: { id: context.user.id, role: STAFF_ROLE },
  })
  return (await toOffers(context, [updated]))[0]!
}

/** Stock top-up: added in one statement, so claims running meanwhile are never lost. */
export async function restockOffer(context: ServiceContext, id: string, add: number): Promise<Offer> {
  const row = await loadOffer(context, id)
  const check = offerWorkflow.next(row.status, 'restock')
  if (!check.ok) throw new AppError(409, 'WRONG_STATUS', check.message)
  const [updated] = await context.db
    .update(benefitsOffers)
    .set({ stock: sql`${benefitsOffers.stock} + ${add}`, updatedAt: context.now })
    .where(eq(benefitsOffers.id, id))
    .returning()
  await appendTimelineEvent(context.db, {
    subjectType: OFFER_SUBJECT,
    subjectId: id,
    actorId: context.user.id,
    actorRole: STAFF_ROLE,
    fromStatus: row.status,
    toStatus: row.status,
    action: 'restock',
    note: `补充 ${add} 张`,
  })
  return (await toOffers(context, [updated!]))[0]!
}

// ── Campaigns ────────────────────────────────────────────────────────────────────────────────

type CampaignRow = typeof benefitsCampaigns.$inferSelect

async function toCampaigns(context: ServiceContext, rows: readonly CampaignRow[]): Promise<Campaign[]> {
  const ids = rows.map((row) => row.id)
  const figures = ids.length
    ? await context.db
        .select({
          campaignId: benefitsOffers.campaignId,
          offers: sql<number>`count(distinct ${benefitsOffers.id})::int`,
          claimed: sql<number>`coalesce(sum(${benefitsOffers.claimed}), 0)::int`,
          redeemed: sql<number>`(select count(*)::int from ${benefitsRedemptions} r join ${benefitsOffers} o on o.id = r.offer_id where o.campaign_id = ${benefitsOffers.campaignId} and r.status = 'done')`,
        })
        .from(benefitsOffers)
        .where(inArray(benefitsOffers.campaignId, ids))
        .groupBy(benefitsOffers.campaignId)
    : []
  const byId = new Map(figures.map((row) => [row.campaignId, row]))
  const today = chinaDate(context.now)
  return rows.map((row) => {
    const figure = byId.get(row.id)
    const phase: Campaign['phase'] =
      row.status === 'ended' || row.endsOn < today
        ? 'ended'
        : row.status === 'paused'
          ? 'paused'
          : row.startsOn > today
            ? 'scheduled'
            : 'running'
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      status: row.status,
      phase,
      offers: Number(figure?.offers ?? 0),
      claimed: Number(figure?.claimed ?? 0),
      redeemed: Number(figure?.redeemed ?? 0),
    }
  })
}

export async function listCampaigns(context: ServiceContext, query: PageQuery): Promise<CampaignList> {
  requireLineAccess(context.user, benefitsAccess)
  const page = keyset(
    [
      { expr: sql`-extract(epoch from ${benefitsCampaigns.startsOn}::timestamp)`, type: 'float8' },
      { expr: sql`${benefitsCampaigns.id}`, type: 'uuid' },
    ],
    query,
  )
  const rows = await context.db
    .select({ campaign: benefitsCampaigns, cursorKey: page.cursorKey })
    .from(benefitsCampaigns)
    .where(page.after)
    .orderBy(...page.orderBy)
    .limit(page.limit)
  const shown = page.page(rows, (row) => row.campaign)
  return { items: await toCampaigns(context, shown.items), nextCursor: shown.nextCursor }
}

export async function createCampaign(context: ServiceContext, input: CampaignInput): Promise<Campaign> {
  requireActing(context)
  const [row] = await context.db
    .insert(benefitsCampaigns)
    .values({
      ...input,
      description: input.description ?? null,
      createdBy: context.user.id,
      createdAt: context.now,
      updatedAt: context.now,
    })
    .returning()
  await appendTimelineEvent(context.db, {
    subjectType: CAMPAIGN_SUBJECT,
    subjectId: row!.id,
    actorId: context.user.id,
    actorRole: STAFF_ROLE,
    fromStatus: null,
    toStatus: 'active',
    action: 'create',
    note: null,
  })
  return (await toCampaigns(context, [row!]))[0]!
}

export async function campaignStep(context: ServiceContext, id: string, action: 'pause' | 'resume' | 'end'): Promise<Campaign> {
  requireActing(context)
  const [row] = await context.db.select().from(benefitsCampaigns).where(eq(benefitsCampaigns.id, id))
  if (!row) throw notFound('没有找到这个活动')
  const updated = await transition(context, {
    workflow: campaignWorkflow,
    table: benefitsCampaigns,
    record: { id, status: row.status },
    action,
    actor: { id: context.user.id, role: STAFF_ROLE },
  })
  // Pausing or ending a campaign pauses or withdraws its offers with it.
  if (action !== 'resume') {
    await context.db
      .update(benefitsOffers)
      .set({ status: action === 'pause' ? 'paused' : 'withdrawn', updatedAt: context.now })
      .where(and(eq(benefitsOffers.campaignId, id), inArray(benefitsOffers.status, action === 'pause' ? ['active'] : ['active', 'paused'])))
  } else {
    await context.db
      .update(benefitsOffers)
      .set({ status: 'active', updatedAt: context.now })
      .where(and(eq(benefitsOffers.campaignId, id), eq(benefitsOffers.status, 'paused')))
  }
  return (await toCampaigns(context, [updated]))[0]!
}

// ── Settlement ───────────────────────────────────────────────────────────────────────────────

const lastMonth = (now: Date) => {
  const [year, month] = chinaDate(now).slice(0, 7).split('-').map(Number) as [number, number]
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}

/** Per merchant, the union-funded vouchers redeemed in the month (last month by default) and whether it is settled. */
export async function settlementList(context: ServiceContext, query: SettlementQuery): Promise<SettlementList> {
  requireLineAccess(context.user, benefitsAccess)
  const month = query.month ?? lastMonth(context.now)
  const { from, to } = monthRange(month)
  const rows = await context.db
    .select({
      merchantId: benefitsMerchants.id,
      merchantName: benefitsMerchants.name,
      district: benefitsMerchants.district,
      count: sql<number>`count(${benefitsRedemptions.id})::int`,
      value: sql<number>`coalesce(sum(${benefitsRedemptions.savedFen}), 0)::int`,
      settledAt: benefitsSettlements.settledAt,
      settledByName: sql<
        string | null
      >`(select coalesce(real_name, nickname) from ${users} where ${users.id} = ${benefitsSettlements.settledBy})`,
    })
    .from(benefitsRedemptions)
    .innerJoin(benefitsMerchants, eq(benefitsMerchants.id, benefitsRedemptions.merchantId))
    .leftJoin(benefitsSettlements, and(eq(benefitsSettlements.merchantId, benefitsMerchants.id), eq(benefitsSettlements.month, month)))
    .where(
      and(
        eq(benefitsRedemptions.status, 'done'),
        eq(benefitsRedemptions.fundedBy, 'union'),
        sql`${benefitsRedemptions.at} >= ${from}`,
        sql`${benefitsRedemptions.at} < ${to}`,
      ),
    )
    .groupBy(
      benefitsMerchants.id,
      benefitsMerchants.name,
      benefitsMerchants.district,
      benefitsSettlements.settledAt,
      benefitsSettlements.settledBy,
    )
    .orderBy(asc(benefitsMerchants.district), asc(benefitsMerchants.name))
  const shown = rows.map((row) => ({
    merchantId: row.merchantId,
    merchantName: row.merchantName,
    district: row.district,
    voucherCount: Number(row.count),
    voucherValue: yuan(Number(row.value)),
    status: row.settledAt ? ('settled' as const) : ('open' as const),
    settledAt: row.settledAt?.toISOString() ?? null,
    settledByName: row.settledByName,
  }))
  return {
    month,
    rows: shown,
    totalCount: shown.reduce((sum, row) => sum + row.voucherCount, 0),
    totalValue: yuan(rows.reduce((sum, row) => sum + Number(row.value), 0)),
    monthClosed: monthRange(month).to <= context.now,
  }
}

/** Mark a merchant's month settled, with the figures as they stand (a month is settled once it is over). */
export async function settle(context: ServiceContext, body: SettleBody): Promise<Statement> {
  const { row } = await loadMerchant(context, body.merchantId, 'act')
  if (monthRange(body.month).to > context.now) throw validationFailed({ month: '本月尚未结束，月底后再结算' })
  const statement = await statementOf(context, row, body.month)
  if (statement.settled) throw new AppError(409, 'WRONG_STATUS', `${row.name} ${body.month} 已结算`)
  if (statement.unionCount === 0) throw validationFailed({ month: '该商户本月没有需结算的代金券' })
  const inserted = await context.db
    .insert(benefitsSettlements)
    .values({
      merchantId: row.id,
      month: body.month,
      voucherCount: statement.unionCount,
      voucherValueFen: fen(statement.unionValue),
      note: body.note ?? null,
      settledBy: context.user.id,
      settledAt: context.now,
    })
    .onConflictDoNothing()
    .returning()
  if (inserted.length === 0) throw new AppError(409, 'WRONG_STATUS', `${row.name} ${body.month} 已结算`)
  await appendTimelineEvent(context.db, {
    subjectType: MERCHANT_SUBJECT,
    subjectId: row.id,
    actorId: context.user.id,
    actorRole: STAFF_ROLE,
    fromStatus: row.status,
    toStatus: row.status,
    action: 'settle',
    note: `${body.month} 结算代金券 ${statement.unionCount} 张，${statement.unionValue} 元`,
  })
  if (row.applicantId) {
    await notifyApplicant(context, {
      userId: row.applicantId,
      title: `${body.month} 代金券已结算`,
      body: `“${row.name}” ${body.month} 核销的工会代金券 ${statement.unionCount} 张，共 ${statement.unionValue} 元，已结算。`,
      link: pages.benefits.desk.path,
    })
  }
  return { ...statement, settled: true, settledAt: context.now.toISOString() }
}

export async function staffStatement(context: ServiceContext, merchantId: string, month: string): Promise<Statement> {
  const { row } = await loadMerchant(context, merchantId, 'read')
  return statementOf(context, row, month)
}

// ── Settings ─────────────────────────────────────────────────────────────────────────────────

export async function saveSettings(context: ServiceContext, input: BenefitsSettings): Promise<BenefitsSettings> {
  requireActing(context)
  await context.db
    .insert(benefitsSettings)
    .values({ id: 'default', undoMinutes: input.undoMinutes, updatedAt: context.now })
    .onConflictDoUpdate({ target: benefitsSettings.id, set: { undoMinutes: input.undoMinutes, updatedAt: context.now } })
  return input
}
