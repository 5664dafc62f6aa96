import { createHash } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import {
  describeTerms,
  discountText,
  fundedByOf,
  needsBillAmount,
  offerKindLabel,
  savingFen,
  type DeskCheck,
  type DeskCheckBody,
  type DeskHome,
  type DeskRedemptionList,
  type DeskRedemptionQuery,
  type RedeemBody,
  type Redemption,
  type Statement,
  type StatementQuery,
  type UndoBody,
} from '@contract/lines/benefits'
import { maskName } from '@contract/rules/mask'
import { chinaDate } from '@contract/rules/working-days'
import { unitsHeld } from '../../core/access'
import { recordAudit } from '../../core/audit'
import type { ServiceContext } from '../../core/context'
import type { MemberRecord } from '../../core/members'
import { keyset } from '../../core/paging'
import { checkRotatingCode } from '../../core/rotating-code'
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors'
import { users } from '../../platform/auth/auth.tables'
import { COUPON_PURPOSE, isCouponPayload } from './benefits.member'
import { benefitsCoupons, benefitsMerchants, benefitsOffers, benefitsRedemptions, benefitsSettlements } from './benefits.tables'
import {
  fen,
  REDEMPTION_SUBJECT,
  startOfChinaDay,
  toRedemption,
  undoMinutesOf,
  yuan,
  type MerchantRow,
  type OfferRow,
} from './benefits.views'

/** The merchant desk: a cashier scans a coupon or a member card, confirms, and may undo for a few minutes. */

export const CASHIER_ROLE = 'benefits_cashier'

const expired = () => new AppError(409, 'CODE_EXPIRED', '二维码已过期，请让会员刷新后重新出示')
const invalid = (message = '无法识别的二维码，请让会员出示本店的优惠券码或电子会员卡') => new AppError(422, 'CODE_INVALID', message)
const used = (message = '该券已使用，不能重复核销') => new AppError(409, 'ALREADY_REDEEMED', message)

/** A merchant this cashier works at (another merchant's desk does not exist for them). */
export async function deskMerchant(context: ServiceContext, merchantId: string, need: 'read' | 'redeem'): Promise<MerchantRow> {
  if (!unitsHeld(context.user, CASHIER_ROLE).includes(merchantId)) throw notFound('没有找到这家门店')
  const [row] = await context.db.select().from(benefitsMerchants).where(eq(benefitsMerchants.id, merchantId))
  if (!row || row.status === 'removed') throw notFound('没有找到这家门店')
  if (need === 'redeem' && row.status !== 'active') throw forbidden('本店合作已暂停，暂时不能核销会员优惠')
  return row
}

export async function deskHome(context: ServiceContext): Promise<DeskHome> {
  const ids = unitsHeld(context.user, CASHIER_ROLE)
  const rows = ids.length
    ? await context.db
        .select({
          id: benefitsMerchants.id,
          name: benefitsMerchants.name,
          address: benefitsMerchants.address,
          status: benefitsMerchants.status,
        })
        .from(benefitsMerchants)
        .where(and(inArray(benefitsMerchants.id, ids), sql`${benefitsMerchants.status} <> 'removed'`))
    : []
  return { merchants: rows, undoMinutes: await undoMinutesOf(context.db) }
}

type Scanned =
  | {
      kind: 'coupon'
      couponId: string
      userId: string
      offer: OfferRow
      member: MemberRecord | null
      expiresAt: Date
      status: 'active' | 'redeemed'
    }
  | { kind: 'card'; member: MemberRecord }

/** What a scanned code is, for this merchant: one of its coupons, or a member card where the shop has a card discount. */
async function readCode(context: ServiceContext, merchant: MerchantRow, code: string): Promise<Scanned> {
  const coupon = checkRotatingCode(context.config.authSecret, COUPON_PURPOSE, code, context.now, isCouponPayload)
  if (coupon.result === 'expired') throw expired()
  if (coupon.result === 'valid') {
    const [row] = await context.db
      .select({ coupon: benefitsCoupons, offer: benefitsOffers })
      .from(benefitsCoupons)
      .innerJoin(benefitsOffers, eq(benefitsOffers.id, benefitsCoupons.offerId))
      .where(eq(benefitsCoupons.id, coupon.payload.c))
    if (!row) throw invalid()
    if (row.coupon.merchantId !== merchant.id) throw invalid('这张优惠券不是本店的，请会员到券上写明的商户使用')
    return {
      kind: 'coupon',
      couponId: row.coupon.id,
      userId: row.coupon.userId,
      offer: row.offer,
      member: await context.members.activeMemberOf(context, row.coupon.userId),
      expiresAt: row.coupon.expiresAt,
      status: row.coupon.status,
    }
  }
  const card = await context.members.checkCardCode(context, code)
  if (card.result === 'expired') throw expired()
  if (card.result !== 'valid') throw invalid()
  if (merchant.cardPayPercent === null) throw invalid('本店没有会员卡折扣，请会员出示本店的优惠券')
  return { kind: 'card', member: card.member }
}

const memberMasked = (member: MemberRecord | null) => (member?.name ? maskName(member.name) : '会员')
const numberMasked = (member: MemberRecord | null) =>
  member ? `${member.memberNumber.slice(0, 2)}****${member.memberNumber.slice(-4)}` : '—'

function refuseStale(scanned: Scanned, now: Date) {
  if (scanned.kind !== 'coupon') return
  if (scanned.status === 'redeemed') throw used()
  if (scanned.expiresAt <= now) throw new AppError(409, 'CODE_EXPIRED', '这张优惠券已过期，不能使用')
  if (scanned.offer.status === 'withdrawn') throw invalid('该优惠已下架，不能使用')
}

export async function checkCode(context: ServiceContext, body: DeskCheckBody): Promise<DeskCheck> {
  const merchant = await deskMerchant(context, body.merchantId, 'redeem')
  const scanned = await readCode(context, merchant, body.code)
  refuseStale(scanned, context.now)
  if (scanned.kind === 'card') {
    return {
      kind: 'card',
      offerKind: 'card',
      title: '会员卡折扣',
      summary: `凭电子会员卡 ${discountText(merchant.cardPayPercent!)}${merchant.cardDiscountNote ? `（${merchant.cardDiscountNote}）` : ''}`,
      memberNameMasked: memberMasked(scanned.member),
      memberNumberMasked: numberMasked(scanned.member),
      needsBillAmount: true,
      threshold: null,
      couponExpiresAt: null,
    }
  }
  const { offer } = scanned
  return {
    kind: 'coupon',
    offerKind: offer.kind,
    title: offer.title,
    summary: describeTerms(offer.terms),
    memberNameMasked: memberMasked(scanned.member),
    memberNumberMasked: numberMasked(scanned.member),
    needsBillAmount: needsBillAmount(offer.kind),
    threshold: offer.kind === 'threshold' ? (offer.terms.threshold ?? null) : null,
    couponExpiresAt: scanned.expiresAt.toISOString(),
  }
}

const codeHashOf = (code: string) => createHash('sha256').update(code.trim()).digest('base64url')

/**
 * Redeem once. A coupon goes from active to redeemed in one conditional UPDATE (the second of two
 * cashiers scanning it at once finds it used); every redemption's code hash is unique, so one
 * shown card code gives one discount.
 */
export async function redeem(context: ServiceContext, body: RedeemBody): Promise<Redemption> {
  const { db, now, user } = context
  const merchant = await deskMerchant(context, body.merchantId, 'redeem')
  const scanned = await readCode(context, merchant, body.code)
  refuseStale(scanned, now)
  const memberUserId = scanned.kind === 'coupon' ? scanned.userId : scanned.member.userId
  if (memberUserId === user.id) throw forbidden('不能核销自己的优惠，请由店里的其他收银员办理')
  const kind = scanned.kind === 'coupon' ? scanned.offer.kind : 'card'
  const billFen = body.billAmount === undefined ? null : fen(body.billAmount)
  if (needsBillAmount(kind) && billFen === null) throw validationFailed({ billAmount: '请填写消费金额' })
  if (kind === 'threshold' && scanned.kind === 'coupon' && billFen !== null && billFen < fen(scanned.offer.terms.threshold ?? 0))
    throw validationFailed({ billAmount: `消费满 ${scanned.offer.terms.threshold} 元才能使用这张满减券` })
  const saved =
    scanned.kind === 'coupon'
      ? savingFen(scanned.offer.terms, billFen)
      : savingFen({ kind: 'card', payPercent: merchant.cardPayPercent! }, billFen)
  if (scanned.kind === 'coupon') {
    const [taken] = await db
      .update(benefitsCoupons)
      .set({ status: 'redeemed', redeemedAt: now })
      .where(
        and(eq(benefitsCoupons.id, scanned.couponId), eq(benefitsCoupons.status, 'active'), sql`${benefitsCoupons.expiresAt} > ${now}`),
      )
      .returning({ id: benefitsCoupons.id })
    if (!taken) throw used('该券刚刚已被核销，不能重复使用')
  }
  const member = scanned.member
  const [row] = await db
    .insert(benefitsRedemptions)
    .values({
      merchantId: merchant.id,
      couponId: scanned.kind === 'coupon' ? scanned.couponId : null,
      offerId: scanned.kind === 'coupon' ? scanned.offer.id : null,
      userId: memberUserId,
      memberMasked: memberMasked(member),
      kind,
      title: scanned.kind === 'coupon' ? scanned.offer.title : `会员卡${discountText(merchant.cardPayPercent!)}`,
      billFen,
      savedFen: saved,
      fundedBy: kind === 'card' ? 'merchant' : fundedByOf(kind),
      cashierId: user.id,
      codeHash: codeHashOf(body.code),
      at: now,
    })
    .onConflictDoNothing({ target: benefitsRedemptions.codeHash })
    .returning()
  if (!row) throw used(scanned.kind === 'card' ? '这个会员码刚刚已使用过，请让会员刷新后重新出示' : undefined)
  return toRedemption(row, user.realName ?? user.nickname, await undoMinutesOf(db), now)
}

/** Undo within the set minutes, by a cashier of the shop, with a reason; audited. The coupon can be used again. */
export async function undoRedemption(context: ServiceContext, id: string, body: UndoBody): Promise<Redemption> {
  const { db, now, user } = context
  const [row] = await db.select().from(benefitsRedemptions).where(eq(benefitsRedemptions.id, id))
  if (!row) throw notFound('没有找到这笔核销')
  await deskMerchant(context, row.merchantId, 'read')
  if (row.status === 'undone') throw new AppError(409, 'WRONG_STATUS', '这笔核销已撤销')
  const minutes = await undoMinutesOf(db)
  if (now.getTime() - row.at.getTime() > minutes * 60_000)
    throw new AppError(409, 'WRONG_STATUS', `核销超过 ${minutes} 分钟，不能撤销；如有问题请联系工会工作人员`)
  const [undone] = await db
    .update(benefitsRedemptions)
    .set({ status: 'undone', undoneAt: now, undoneBy: user.id, undoReason: body.reason })
    .where(and(eq(benefitsRedemptions.id, id), eq(benefitsRedemptions.status, 'done')))
    .returning()
  if (!undone) throw new AppError(409, 'WRONG_STATUS', '这笔核销已撤销')
  if (row.couponId) {
    await db.update(benefitsCoupons).set({ status: 'active', redeemedAt: null }).where(eq(benefitsCoupons.id, row.couponId))
  }
  await recordAudit(db, {
    actorId: user.id,
    action: 'benefits.redemption.undo',
    subjectType: REDEMPTION_SUBJECT,
    subjectId: id,
    detail: { merchantId: row.merchantId, reason: body.reason, minutesAfter: Math.round((now.getTime() - row.at.getTime()) / 60_000) },
  })
  return toRedemption(undone, user.realName ?? user.nickname, minutes, now)
}

export async function deskRedemptions(context: ServiceContext, query: DeskRedemptionQuery): Promise<DeskRedemptionList> {
  const { db, now } = context
  await deskMerchant(context, query.merchantId, 'read')
  const day = query.day ?? chinaDate(now)
  const from = startOfChinaDay(day)
  const to = new Date(from.getTime() + 86_400_000)
  const inDay = and(
    eq(benefitsRedemptions.merchantId, query.merchantId),
    sql`${benefitsRedemptions.at} >= ${from}`,
    sql`${benefitsRedemptions.at} < ${to}`,
  )
  const page = keyset(
    [
      { expr: sql`-extract(epoch from ${benefitsRedemptions.at})`, type: 'float8' },
      { expr: sql`${benefitsRedemptions.id}`, type: 'uuid' },
    ],
    query,
  )
  const rows = await db
    .select({
      redemption: benefitsRedemptions,
      cashier: sql<string>`coalesce(${users.realName}, ${users.nickname})`,
      cursorKey: page.cursorKey,
    })
    .from(benefitsRedemptions)
    .innerJoin(users, eq(users.id, benefitsRedemptions.cashierId))
    .where(and(inDay, page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  const [totals] = await db
    .select({
      count: sql<number>`(count(*) filter (where ${benefitsRedemptions.status} = 'done'))::int`,
      saved: sql<number>`coalesce(sum(${benefitsRedemptions.savedFen}) filter (where ${benefitsRedemptions.status} = 'done'), 0)::int`,
      union: sql<number>`coalesce(sum(${benefitsRedemptions.savedFen}) filter (where ${benefitsRedemptions.status} = 'done' and ${benefitsRedemptions.fundedBy} = 'union'), 0)::int`,
      undone: sql<number>`(count(*) filter (where ${benefitsRedemptions.status} = 'undone'))::int`,
    })
    .from(benefitsRedemptions)
    .where(inDay)
  const minutes = await undoMinutesOf(db)
  return {
    ...page.page(rows, (row) => toRedemption(row.redemption, row.cashier, minutes, now)),
    day,
    totals: {
      count: Number(totals?.count ?? 0),
      saved: yuan(Number(totals?.saved ?? 0)),
      unionFunded: yuan(Number(totals?.union ?? 0)),
      undone: Number(totals?.undone ?? 0),
    },
  }
}

/** A China month's [start, end) instants. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`
  return { from: startOfChinaDay(`${month}-01`), to: startOfChinaDay(`${next}-01`) }
}

/** One merchant's month: redemptions by offer, and the union-funded vouchers the union settles. */
export async function statementOf(context: ServiceContext, merchant: MerchantRow, month: string): Promise<Statement> {
  const { db } = context
  const { from, to } = monthRange(month)
  const lines = await db
    .select({
      offerId: benefitsRedemptions.offerId,
      title: benefitsRedemptions.title,
      kind: benefitsRedemptions.kind,
      fundedBy: benefitsRedemptions.fundedBy,
      count: sql<number>`count(*)::int`,
      saved: sql<number>`sum(${benefitsRedemptions.savedFen})::int`,
    })
    .from(benefitsRedemptions)
    .where(
      and(
        eq(benefitsRedemptions.merchantId, merchant.id),
        eq(benefitsRedemptions.status, 'done'),
        sql`${benefitsRedemptions.at} >= ${from}`,
        sql`${benefitsRedemptions.at} < ${to}`,
      ),
    )
    .groupBy(benefitsRedemptions.offerId, benefitsRedemptions.title, benefitsRedemptions.kind, benefitsRedemptions.fundedBy)
    .orderBy(benefitsRedemptions.title)
  const [settled] = await db
    .select()
    .from(benefitsSettlements)
    .where(and(eq(benefitsSettlements.merchantId, merchant.id), eq(benefitsSettlements.month, month)))
  const shown = lines.map((line) => ({ ...line, count: Number(line.count), saved: yuan(Number(line.saved)) }))
  const union = shown.filter((line) => line.fundedBy === 'union')
  return {
    merchantId: merchant.id,
    merchantName: merchant.name,
    month,
    lines: shown,
    count: shown.reduce((sum, line) => sum + line.count, 0),
    saved: yuan(lines.reduce((sum, line) => sum + Number(line.saved), 0)),
    unionCount: union.reduce((sum, line) => sum + line.count, 0),
    unionValue: yuan(lines.filter((line) => line.fundedBy === 'union').reduce((sum, line) => sum + Number(line.saved), 0)),
    settled: Boolean(settled),
    settledAt: settled?.settledAt.toISOString() ?? null,
  }
}

export async function deskStatement(context: ServiceContext, query: StatementQuery): Promise<Statement> {
  const merchant = await deskMerchant(context, query.merchantId, 'read')
  return statementOf(context, merchant, query.month ?? chinaDate(context.now).slice(0, 7))
}

export const redemptionKindLabel = (kind: Redemption['kind']) => (kind === 'card' ? '会员卡折扣' : offerKindLabel[kind])
