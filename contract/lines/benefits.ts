import * as z from 'zod/mini'
import { UUID_PATTERN } from '../common'
import { amountYuan, choice, mobilePhone, optionalText, personName, requiredText } from '../fields'
import { RotatingQr } from '../kit/codes'
import { pageQueryShape } from '../kit/paging'
import { defineWorkflow } from '../kit/workflow'
import { TimelineEvent } from '../timeline'
import { Attachment, attachmentIds } from '../uploads'

/**
 * 会员服务卡·商户优惠: partner merchants (加盟商户) near the member, their offers claimed as coupons
 * and redeemed at the shop's desk, standing card discounts, merchant onboarding, and the monthly
 * settlement of union-funded vouchers. Money is in yuan here and in fen in the database.
 */

// ── Merchants ────────────────────────────────────────────────────────────────────────────────

export const MERCHANT_CATEGORIES = ['food', 'shopping', 'health', 'culture_sports', 'services', 'transport', 'education'] as const
export const MerchantCategory = choice('商户类别', MERCHANT_CATEGORIES)
export type MerchantCategory = z.infer<typeof MerchantCategory>
export const merchantCategoryLabel: Record<MerchantCategory, string> = {
  food: '餐饮',
  shopping: '购物',
  health: '医疗健康',
  culture_sports: '文体',
  services: '生活服务',
  transport: '交通出行',
  education: '教育',
}

/** The city's counties and districts, by the id of their union federation, with a point near each centre. */
export const DISTRICTS = [
  'lyg-haizhou',
  'lyg-lianyun',
  'lyg-ganyu',
  'lyg-donghai',
  'lyg-guanyun',
  'lyg-guannan',
  'lyg-kaifa',
  'lyg-xuwei',
] as const
export const District = choice('所在区县', DISTRICTS)
export type District = z.infer<typeof District>
export const districtLabel: Record<District, string> = {
  'lyg-haizhou': '海州区',
  'lyg-lianyun': '连云区',
  'lyg-ganyu': '赣榆区',
  'lyg-donghai': '东海县',
  'lyg-guanyun': '灌云县',
  'lyg-guannan': '灌南县',
  'lyg-kaifa': '开发区',
  'lyg-xuwei': '徐圩新区',
}
export const districtCentre: Record<District, { lat: number; lng: number }> = {
  'lyg-haizhou': { lat: 34.5967, lng: 119.1793 },
  'lyg-lianyun': { lat: 34.7405, lng: 119.3887 },
  'lyg-ganyu': { lat: 34.8398, lng: 119.1731 },
  'lyg-donghai': { lat: 34.5422, lng: 118.7523 },
  'lyg-guanyun': { lat: 34.2839, lng: 119.2392 },
  'lyg-guannan': { lat: 34.0873, lng: 119.3156 },
  'lyg-kaifa': { lat: 34.6567, lng: 119.3021 },
  'lyg-xuwei': { lat: 34.5826, lng: 119.5474 },
}

/** Roughly the city's extent: a point outside it is a typing mistake (or another city). */
export const CITY_BOUNDS = { minLat: 33.9, maxLat: 35.2, minLng: 118.4, maxLng: 119.9 }

// ── Opening hours ────────────────────────────────────────────────────────────────────────────

/** Weekdays 1 (Monday) … 7 (Sunday). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const
const weekdayName = ['', '一', '二', '三', '四', '五', '六', '日']

const clockTime = (label: string) =>
  z.string({ error: `请填写${label}` }).check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, `${label}格式为 HH:MM，如 09:30`))

/**
 * When a shop is open: the same hours on each of its days. A closing time at or before the
 * opening time runs past midnight (a night market 18:00–02:00 is open at 01:00 the next morning,
 * counted as the day it opened); 00:00–24:00 is all day.
 */
export const OpeningHours = z
  .object({
    days: z
      .array(z.number().check(z.int(), z.gte(1, '营业日不正确'), z.lte(7, '营业日不正确')))
      .check(z.minLength(1, '请至少选择一个营业日'), z.maxLength(7, '营业日不正确')),
    opens: clockTime('开门时间'),
    closes: clockTime('打烊时间'),
  })
  .check(z.refine((hours) => hours.opens !== hours.closes, { message: '开门和打烊时间不能相同', path: ['closes'] }))
export type OpeningHours = z.infer<typeof OpeningHours>

export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** China time (UTC+8, no daylight saving): the weekday 1–7 and minute of the day of an instant. */
export function chinaClock(at: Date): { weekday: number; minute: number } {
  const local = new Date(at.getTime() + 8 * 3600_000)
  return { weekday: ((local.getUTCDay() + 6) % 7) + 1, minute: local.getUTCHours() * 60 + local.getUTCMinutes() }
}

/** Whether the shop is open at this instant (the server's SQL says the same; a test holds them together). */
export function isOpenAt(hours: OpeningHours, at: Date): boolean {
  const { weekday, minute } = chinaClock(at)
  const opens = minutesOf(hours.opens)
  const closes = minutesOf(hours.closes)
  const today = hours.days.includes(weekday)
  const yesterday = hours.days.includes(weekday === 1 ? 7 : weekday - 1)
  if (closes > opens) return today && minute >= opens && minute < closes
  return (today && minute >= opens) || (yesterday && minute < closes)
}

/** 周一至周五 09:00–21:00；周六、周日 … as one line. */
export function describeHours(hours: OpeningHours): string {
  const days = [...hours.days].sort((a, b) => a - b)
  const everyDay = days.length === 7
  const run = days.every((day, index) => index === 0 || day === days[index - 1]! + 1)
  const dayText = everyDay
    ? '每天'
    : run && days.length > 2
      ? `周${weekdayName[days[0]!]}至周${weekdayName[days.at(-1)!]}`
      : days.map((day) => `周${weekdayName[day]}`).join('、')
  if (hours.opens === '00:00' && hours.closes === '24:00') return `${dayText} 24 小时营业`
  const overnight = minutesOf(hours.closes) <= minutesOf(hours.opens)
  return `${dayText} ${hours.opens}–${overnight ? '次日' : ''}${hours.closes}`
}

// ── Workflows ────────────────────────────────────────────────────────────────────────────────

/**
 * A merchant from its application to the street: applied → reviewed → signed (contract dates) →
 * active on the contract's first day; suspended or removed for abuse (fake redemptions, cashing
 * out), with a reason the merchant is told.
 */
export const merchantWorkflow = defineWorkflow({
  subject: 'benefits_merchant',
  noun: '商户',
  statuses: {
    applied: { label: '待审核', open: true },
    approved: { label: '待签约', open: true },
    rejected: { label: '未通过', open: false },
    signed: { label: '已签约', open: true },
    active: { label: '合作中', open: true },
    suspended: { label: '已暂停', open: true },
    removed: { label: '已清退', open: false },
  },
  actions: {
    approve: { label: '审核通过', from: ['applied'], to: 'approved', by: 'staff' },
    reject: { label: '不予通过', from: ['applied'], to: 'rejected', by: 'staff' },
    sign: { label: '签约', from: ['approved'], to: 'signed', by: 'staff' },
    activate: { label: '上线', from: ['signed'], to: 'active', by: 'staff' },
    suspend: { label: '暂停合作', from: ['active'], to: 'suspended', by: 'staff' },
    resume: { label: '恢复合作', from: ['suspended'], to: 'active', by: 'staff' },
    remove: { label: '清退', from: ['signed', 'active', 'suspended'], to: 'removed', by: 'staff' },
    /** The profile (hours, place, card discount) corrected: the status stays. */
    edit: { label: '修改资料', from: ['applied', 'approved', 'signed', 'active', 'suspended'], by: 'staff' },
  },
})
export const MERCHANT_STATUSES = merchantWorkflow.statusList
export type MerchantStatus = keyof typeof merchantWorkflow.statuses
export const MerchantStatusSchema = z.enum(['applied', 'approved', 'rejected', 'signed', 'active', 'suspended', 'removed'])
export const MERCHANT_DECISIONS = ['approve', 'reject', 'sign', 'activate', 'suspend', 'resume', 'remove'] as const
export type MerchantDecision = (typeof MERCHANT_DECISIONS)[number]

/** An offer runs between its dates unless paused; withdrawn for good. */
export const offerWorkflow = defineWorkflow({
  subject: 'benefits_offer',
  noun: '优惠',
  statuses: {
    active: { label: '上架', open: true },
    paused: { label: '已暂停', open: true },
    withdrawn: { label: '已下架', open: false },
  },
  actions: {
    pause: { label: '暂停', from: ['active'], to: 'paused', by: 'staff' },
    resume: { label: '恢复', from: ['paused'], to: 'active', by: 'staff' },
    withdraw: { label: '下架', from: ['active', 'paused'], to: 'withdrawn', by: 'staff' },
    restock: { label: '补充库存', from: ['active', 'paused'], by: 'staff' },
  },
})
export type OfferStatus = keyof typeof offerWorkflow.statuses
export const OfferStatusSchema = z.enum(['active', 'paused', 'withdrawn'])

/** A campaign (营销活动) groups offers over its dates; scheduled ones have not begun yet. */
export const campaignWorkflow = defineWorkflow({
  subject: 'benefits_campaign',
  noun: '活动',
  statuses: {
    active: { label: '进行中', open: true },
    paused: { label: '已暂停', open: true },
    ended: { label: '已结束', open: false },
  },
  actions: {
    pause: { label: '暂停', from: ['active'], to: 'paused', by: 'staff' },
    resume: { label: '恢复', from: ['paused'], to: 'active', by: 'staff' },
    end: { label: '结束', from: ['active', 'paused'], to: 'ended', by: 'staff' },
  },
})
export type CampaignStatus = keyof typeof campaignWorkflow.statuses
export const CampaignStatusSchema = z.enum(['active', 'paused', 'ended'])

// ── Offers ───────────────────────────────────────────────────────────────────────────────────

/**
 * 折扣 (pay a share of the bill), 满减 (off above a threshold), 代金券 for named goods or services
 * (union-funded: never cash, never a shopping card), 会员价 (a member's price for named goods).
 */
export const OFFER_KINDS = ['discount', 'threshold', 'voucher', 'member_price'] as const
export const OfferKind = choice('优惠类型', OFFER_KINDS)
export type OfferKind = z.infer<typeof OfferKind>
export const offerKindLabel: Record<OfferKind, string> = {
  discount: '折扣',
  threshold: '满减',
  voucher: '代金券',
  member_price: '会员价',
}
/** Who pays for the saving: the union settles vouchers with the merchant monthly; the rest the merchant gives. */
export const fundedByOf = (kind: OfferKind): 'union' | 'merchant' => (kind === 'voucher' ? 'union' : 'merchant')
/** Offers whose saving depends on the bill: the cashier enters it. */
export const needsBillAmount = (kind: OfferKind | 'card'): boolean => kind === 'discount' || kind === 'threshold' || kind === 'card'

/** Who may claim: every active member, members of the new-form workers' unions, or members of chosen unions. */
export const AUDIENCES = ['members', 'new_form', 'orgs'] as const
export const Audience = choice('领取对象', AUDIENCES)
export type Audience = z.infer<typeof Audience>
export const audienceLabel: Record<Audience, string> = {
  members: '工会会员',
  new_form: '新就业形态劳动者（外卖、快递、网约车等户外劳动者）',
  orgs: '指定工会的会员',
}

const percentPaid = z
  .number({ error: '请填写折扣' })
  .check(z.int('折扣请填整数，如 88 表示 8.8 折'), z.gte(10, '折扣不能低于 1 折'), z.lte(99, '折扣须低于原价'))

const goodsText = optionalText('适用商品或服务', 30)

/** The terms of an offer: which fields apply depends on its kind (the others are left out). */
export const OfferTerms = z
  .object({
    kind: OfferKind,
    /** 折扣: the share of the bill paid, in percent (88 = 8.8 折). */
    payPercent: z.optional(percentPaid),
    /** 满减: spend at least this… */
    threshold: z.optional(amountYuan('满减门槛', 100_000)),
    /** …to take this off. */
    off: z.optional(amountYuan('减免金额', 100_000)),
    /** 代金券: its face value. */
    face: z.optional(amountYuan('券面金额', 10_000)),
    /** 会员价 and 原价 of the named goods. */
    memberPrice: z.optional(amountYuan('会员价', 100_000)),
    regularPrice: z.optional(amountYuan('原价', 100_000)),
    /** 代金券 and 会员价: the goods or service it is for (提货券: rice, oil, a haircut…). */
    goods: goodsText,
  })
  .check(
    z.superRefine((terms, ctx) => {
      const need = (field: keyof typeof terms, message: string) => {
        if (terms[field] === undefined || terms[field] === '') ctx.issues.push({ code: 'custom', message, path: [field], input: terms })
      }
      if (terms.kind === 'discount') need('payPercent', '请填写折扣')
      if (terms.kind === 'threshold') {
        need('threshold', '请填写满减门槛')
        need('off', '请填写减免金额')
        if (terms.threshold !== undefined && terms.off !== undefined && !(terms.off > 0 && terms.off < terms.threshold))
          ctx.issues.push({ code: 'custom', message: '减免金额须大于 0 且小于门槛', path: ['off'], input: terms })
      }
      if (terms.kind === 'voucher') {
        need('face', '请填写券面金额')
        need('goods', '代金券须写明适用的商品或服务（不得兑换现金或购物卡）')
        if (terms.face !== undefined && terms.face <= 0)
          ctx.issues.push({ code: 'custom', message: '券面金额须大于 0', path: ['face'], input: terms })
      }
      if (terms.kind === 'member_price') {
        need('memberPrice', '请填写会员价')
        need('regularPrice', '请填写原价')
        need('goods', '请写明会员价适用的商品或服务')
        if (terms.memberPrice !== undefined && terms.regularPrice !== undefined && !(terms.memberPrice < terms.regularPrice))
          ctx.issues.push({ code: 'custom', message: '会员价须低于原价', path: ['memberPrice'], input: terms })
      }
    }),
  )
export type OfferTerms = z.infer<typeof OfferTerms>

const yuanText = (amount: number) => (Number.isInteger(amount) ? String(amount) : amount.toFixed(2))
/** 8.8 折 from 88. */
export const discountText = (payPercent: number) => `${payPercent % 10 === 0 ? payPercent / 10 : (payPercent / 10).toFixed(1)} 折`

/** The offer in a few words: 8.8 折 / 满 100 减 20 / 20 元代金券（理发） / 会员价 9.9 元（原价 15 元）. */
export function describeTerms(terms: OfferTerms): string {
  switch (terms.kind) {
    case 'discount':
      return discountText(terms.payPercent ?? 100)
    case 'threshold':
      return `满 ${yuanText(terms.threshold ?? 0)} 减 ${yuanText(terms.off ?? 0)}`
    case 'voucher':
      return `${yuanText(terms.face ?? 0)} 元代金券（${terms.goods ?? ''}）`
    case 'member_price':
      return `${terms.goods ?? ''}会员价 ${yuanText(terms.memberPrice ?? 0)} 元（原价 ${yuanText(terms.regularPrice ?? 0)} 元）`
  }
}

/**
 * What the member saves, in fen, on a bill of `billFen` (for the kinds that need one). A 满减 below
 * its threshold saves nothing (the desk refuses it); a discount never saves more than the bill.
 */
export function savingFen(terms: OfferTerms | { kind: 'card'; payPercent: number }, billFen: number | null): number {
  const fen = (yuan: number | undefined) => Math.round((yuan ?? 0) * 100)
  switch (terms.kind) {
    case 'discount':
    case 'card':
      return billFen === null ? 0 : Math.max(0, billFen - Math.round((billFen * (terms.payPercent ?? 100)) / 100))
    case 'threshold':
      return billFen !== null && billFen >= fen(terms.threshold) ? fen(terms.off) : 0
    case 'voucher':
      return fen(terms.face)
    case 'member_price':
      return Math.max(0, fen(terms.regularPrice) - fen(terms.memberPrice))
  }
}

const chinaDay = (label: string) => z.string({ error: `请选择${label}` }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, `请选择${label}`))
const count = (label: string, max: number, min = 1) =>
  z
    .number({ error: `请填写${label}` })
    .check(z.int(`${label}须为整数`), z.gte(min, `${label}至少为 ${min}`), z.lte(max, `${label}最多 ${max}`))

export const OfferInput = z
  .object({
    merchantId: z.string({ error: '请选择商户' }).check(z.regex(UUID_PATTERN, '请选择商户')),
    campaignId: z.optional(z.nullable(z.string().check(z.regex(UUID_PATTERN, '请选择活动')))),
    title: requiredText('优惠名称', 24),
    description: optionalText('使用说明', 300),
    terms: OfferTerms,
    startsOn: chinaDay('开始日期'),
    endsOn: chinaDay('结束日期'),
    /** How many coupons in all (more can be added later). */
    stock: count('发放数量', 1_000_000),
    /** Per member: in all, and per day. */
    perMemberLimit: count('每人限领', 100),
    perMemberDailyLimit: count('每人每天限领', 100),
    /** Days a claimed coupon stays usable (never past the offer's end). */
    validDays: count('领取后有效天数', 365),
    audience: Audience,
    audienceOrgIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(20, '最多选择 20 个工会'))),
  })
  .check(
    z.superRefine((input, ctx) => {
      if (input.endsOn < input.startsOn) ctx.issues.push({ code: 'custom', message: '结束日期不能早于开始日期', path: ['endsOn'], input })
      if (input.perMemberDailyLimit > input.perMemberLimit)
        ctx.issues.push({ code: 'custom', message: '每天限领不能多于每人限领', path: ['perMemberDailyLimit'], input })
      if (input.audience === 'orgs' && !(input.audienceOrgIds?.length ?? 0))
        ctx.issues.push({ code: 'custom', message: '请选择可以领取的工会', path: ['audienceOrgIds'], input })
    }),
  )
export type OfferInput = z.infer<typeof OfferInput>

export const RestockBody = z.object({ add: count('补充数量', 1_000_000) })
export type RestockBody = z.infer<typeof RestockBody>

export const ReasonBody = z.object({ reason: requiredText('原因', 200, 2) })
export type ReasonBody = z.infer<typeof ReasonBody>
export const NoteOnlyBody = z.object({ note: optionalText('说明', 200) })
export type NoteOnlyBody = z.infer<typeof NoteOnlyBody>

/** Why a member cannot claim now, said plainly (null: they can). */
export const CLAIM_BLOCKS = ['not_member', 'not_eligible', 'not_started', 'ended', 'paused', 'sold_out', 'limit', 'daily_limit'] as const
export const ClaimBlock = z.enum(CLAIM_BLOCKS)
export type ClaimBlock = z.infer<typeof ClaimBlock>
export const claimBlockLabel: Record<ClaimBlock, string> = {
  not_member: '仅限工会会员领取',
  not_eligible: '本优惠仅限指定人群领取',
  not_started: '活动还没开始',
  ended: '活动已结束',
  paused: '活动暂停中',
  sold_out: '已领完',
  limit: '您已领满',
  daily_limit: '今天已领满，明天再来',
}

export const Offer = z.object({
  id: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  campaignId: z.nullable(z.string()),
  campaignName: z.nullable(z.string()),
  title: z.string(),
  description: z.nullable(z.string()),
  terms: OfferTerms,
  /** The terms in a few words. */
  summary: z.string(),
  fundedBy: z.enum(['union', 'merchant']),
  startsOn: z.string(),
  endsOn: z.string(),
  stock: z.number(),
  claimed: z.number(),
  remaining: z.number(),
  perMemberLimit: z.number(),
  perMemberDailyLimit: z.number(),
  validDays: z.number(),
  audience: Audience,
  audienceText: z.string(),
  status: OfferStatusSchema,
  /** For the member asking: how many they hold of it, and why they cannot claim (null: they can). */
  mine: z.optional(z.object({ claimed: z.number(), block: z.nullable(ClaimBlock) })),
})
export type Offer = z.infer<typeof Offer>

export const OfferQuery = z.object({
  merchantId: z.optional(z.string().check(z.regex(UUID_PATTERN, '商户编号不正确'))),
  campaignId: z.optional(z.string().check(z.regex(UUID_PATTERN, '活动编号不正确'))),
  ...pageQueryShape,
})
export type OfferQuery = z.infer<typeof OfferQuery>
export const OfferList = z.object({ items: z.array(Offer), nextCursor: z.nullable(z.string()) })
export type OfferList = z.infer<typeof OfferList>

export const StaffOfferQuery = z.object({
  merchantId: z.optional(z.string().check(z.regex(UUID_PATTERN, '商户编号不正确'))),
  campaignId: z.optional(z.string().check(z.regex(UUID_PATTERN, '活动编号不正确'))),
  status: z.optional(OfferStatusSchema),
  ...pageQueryShape,
})
export type StaffOfferQuery = z.infer<typeof StaffOfferQuery>

// ── Merchants (responses) ────────────────────────────────────────────────────────────────────

export const MerchantQuery = z.object({
  /** Where the member is (shared through WeChat's location prompt): nearest first, with distances. */
  lat: z.optional(z.string().check(z.regex(/^-?\d{1,2}(\.\d{1,8})?$/, '位置不正确'))),
  lng: z.optional(z.string().check(z.regex(/^-?\d{1,3}(\.\d{1,8})?$/, '位置不正确'))),
  /** Metres around the member (default 3 km, at most 50 km). */
  radius: z.optional(z.string().check(z.regex(/^\d{1,5}$/, '范围不正确'))),
  category: z.optional(z.enum(MERCHANT_CATEGORIES, { error: '类别不正确' })),
  district: z.optional(z.enum(DISTRICTS, { error: '区县不正确' })),
  q: z.optional(z.string().check(z.trim(), z.maxLength(30, '搜索内容太长'))),
  openNow: z.optional(z.enum(['true', 'false'])),
  ...pageQueryShape,
})
export type MerchantQuery = z.infer<typeof MerchantQuery>
export const DEFAULT_RADIUS_METRES = 3000
export const MAX_RADIUS_METRES = 50_000

export const MerchantSummary = z.object({
  id: z.string(),
  name: z.string(),
  category: MerchantCategory,
  district: District,
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  /** From the member, when they shared where they are. */
  distanceMetres: z.nullable(z.number()),
  hours: OpeningHours,
  openNow: z.boolean(),
  /** A standing discount on showing the member card (88 = 8.8 折), or null. */
  cardPayPercent: z.nullable(z.number()),
  liveOffers: z.number(),
})
export type MerchantSummary = z.infer<typeof MerchantSummary>
export const MerchantList = z.object({ items: z.array(MerchantSummary), nextCursor: z.nullable(z.string()) })
export type MerchantList = z.infer<typeof MerchantList>

export const MerchantDetail = z.object({
  ...MerchantSummary.shape,
  description: z.nullable(z.string()),
  /** The shop's own number, to call. */
  phone: z.string(),
  hoursText: z.string(),
  photos: z.array(Attachment),
  offers: z.array(Offer),
  cardDiscountNote: z.nullable(z.string()),
})
export type MerchantDetail = z.infer<typeof MerchantDetail>

// ── Merchant application (anyone logged in) ──────────────────────────────────────────────────

/** 统一社会信用代码: 18 characters, the last a check character (GB 32100-2015). */
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false
  const sum = CREDIT_CODE_WEIGHTS.reduce((total, weight, index) => total + CREDIT_CODE_ALPHABET.indexOf(code[index]!) * weight, 0)
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31] === code[17]
}
export const creditCode = z.string({ error: '请填写统一社会信用代码' }).check(
  z.trim(),
  z.overwrite((value) => value.toUpperCase()),
  z.minLength(1, '请填写统一社会信用代码'),
  z.regex(/^[0-9A-Z]{18}$/, '统一社会信用代码是 18 位数字和大写字母'),
  z.refine(isValidCreditCode, '统一社会信用代码校验不通过，请核对营业执照'),
)

/** A shop's own number: a mobile, or a landline with its area code. */
export const shopPhone = z
  .string({ error: '请填写店铺电话' })
  .check(z.trim(), z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写手机号，或带区号的座机号（如 0518-85812345）'))

const latitude = z
  .number({ error: '请在地图上选择位置' })
  .check(z.gte(CITY_BOUNDS.minLat, '位置不在连云港市内'), z.lte(CITY_BOUNDS.maxLat, '位置不在连云港市内'))
const longitude = z
  .number({ error: '请在地图上选择位置' })
  .check(z.gte(CITY_BOUNDS.minLng, '位置不在连云港市内'), z.lte(CITY_BOUNDS.maxLng, '位置不在连云港市内'))

/** What the public sees of a shop: the part both the application and staff edits set. */
const profileShape = {
  name: requiredText('店铺名称', 30, 2),
  category: MerchantCategory,
  district: District,
  address: requiredText('详细地址', 80, 4),
  lat: latitude,
  lng: longitude,
  phone: shopPhone,
  hours: OpeningHours,
  description: optionalText('店铺介绍', 300),
  /** A standing member discount on the card (88 = 8.8 折); absent when the shop offers none. */
  cardPayPercent: z.optional(z.nullable(percentPaid)),
}

export const MerchantApplicationInput = z.object({
  ...profileShape,
  creditCode,
  /** The licence (营业执照) photo or scan: required. */
  licenceIds: attachmentIds(3).check(z.minLength(1, '请上传营业执照')),
  /** Shop front and inside (optional, shown to members once the shop is live). */
  photoIds: z.optional(attachmentIds(6)),
  contactName: personName('联系人姓名', 20),
  contactPhone: mobilePhone,
  /** What the shop proposes to members (offers are then set up by union staff). */
  proposedOffers: requiredText('拟提供的会员优惠', 300, 4),
  consent: z.literal(true, { error: '请阅读并同意《加盟商户服务协议》和个人信息处理说明' }),
})
export type MerchantApplicationInput = z.infer<typeof MerchantApplicationInput>

export const MerchantProfileInput = z.object({ ...profileShape, cardDiscountNote: optionalText('会员卡优惠说明', 60) })
export type MerchantProfileInput = z.infer<typeof MerchantProfileInput>

export const SignBody = z
  .object({
    contractNo: requiredText('协议编号', 30),
    contractStartsOn: chinaDay('协议开始日期'),
    contractEndsOn: chinaDay('协议结束日期'),
    note: optionalText('签约说明', 200),
  })
  .check(
    z.refine((body) => body.contractEndsOn > body.contractStartsOn, { message: '协议结束日期须晚于开始日期', path: ['contractEndsOn'] }),
  )
export type SignBody = z.infer<typeof SignBody>

export const MyMerchantApplication = z.object({
  id: z.string(),
  name: z.string(),
  category: MerchantCategory,
  district: District,
  address: z.string(),
  status: MerchantStatusSchema,
  /** What happens next, or why it stopped, in plain words. */
  nextStep: z.string(),
  contractStartsOn: z.nullable(z.string()),
  contractEndsOn: z.nullable(z.string()),
  decisionReason: z.nullable(z.string()),
  createdAt: z.string(),
  timeline: z.array(TimelineEvent),
})
export type MyMerchantApplication = z.infer<typeof MyMerchantApplication>
export const MyMerchantApplications = z.object({ items: z.array(MyMerchantApplication) })
export type MyMerchantApplications = z.infer<typeof MyMerchantApplications>

// ── Staff: merchants ─────────────────────────────────────────────────────────────────────────

export const MERCHANT_TABS = ['waiting', 'all', ...MerchantStatusSchema.options] as const
export type MerchantTab = (typeof MERCHANT_TABS)[number]
export const StaffMerchantQuery = z.object({
  tab: z.optional(z.enum(MERCHANT_TABS, { error: '状态不正确' })),
  category: z.optional(z.enum(MERCHANT_CATEGORIES, { error: '类别不正确' })),
  district: z.optional(z.enum(DISTRICTS, { error: '区县不正确' })),
  q: z.optional(z.string().check(z.trim(), z.maxLength(30, '搜索内容太长'))),
  ...pageQueryShape,
})
export type StaffMerchantQuery = z.infer<typeof StaffMerchantQuery>

export const StaffMerchantSummary = z.object({
  id: z.string(),
  name: z.string(),
  category: MerchantCategory,
  district: District,
  address: z.string(),
  status: MerchantStatusSchema,
  contactName: z.string(),
  contractEndsOn: z.nullable(z.string()),
  liveOffers: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type StaffMerchantSummary = z.infer<typeof StaffMerchantSummary>
export const MerchantCounts = z.object(
  Object.fromEntries(MERCHANT_TABS.map((tab) => [tab, z.number()])) as Record<MerchantTab, z.ZodMiniNumber>,
)
export type MerchantCounts = z.infer<typeof MerchantCounts>
export const StaffMerchantList = z.object({
  items: z.array(StaffMerchantSummary),
  nextCursor: z.nullable(z.string()),
  counts: MerchantCounts,
})
export type StaffMerchantList = z.infer<typeof StaffMerchantList>

export const Cashier = z.object({ userId: z.string(), name: z.string(), since: z.string() })
export type Cashier = z.infer<typeof Cashier>

export const StaffMerchantDetail = z.object({
  ...StaffMerchantSummary.shape,
  ...MerchantProfileInput.shape,
  description: z.nullable(z.string()),
  cardPayPercent: z.nullable(z.number()),
  cardDiscountNote: z.nullable(z.string()),
  creditCode: z.string(),
  contactPhone: z.string(),
  proposedOffers: z.string(),
  licences: z.array(Attachment),
  photos: z.array(Attachment),
  contractNo: z.nullable(z.string()),
  contractStartsOn: z.nullable(z.string()),
  decisionReason: z.nullable(z.string()),
  applicantName: z.string(),
  cashiers: z.array(Cashier),
  offers: z.array(Offer),
  timeline: z.array(TimelineEvent),
  /** Decisions the caller may take now (empty for read-only viewers). */
  actions: z.array(z.enum(MERCHANT_DECISIONS)),
  canAct: z.boolean(),
  /** Cashiers may be invited (the merchant is signed, active or suspended). */
  canInvite: z.boolean(),
  /** The scoped role an invite for this merchant grants (POST /api/workbench/invites with scopeId = id). */
  cashierRole: z.string(),
})
export type StaffMerchantDetail = z.infer<typeof StaffMerchantDetail>

// ── Campaigns ────────────────────────────────────────────────────────────────────────────────

export const CampaignInput = z
  .object({
    name: requiredText('活动名称', 30, 2),
    description: optionalText('活动介绍', 300),
    startsOn: chinaDay('开始日期'),
    endsOn: chinaDay('结束日期'),
  })
  .check(z.refine((input) => input.endsOn >= input.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] }))
export type CampaignInput = z.infer<typeof CampaignInput>

export const Campaign = z.object({
  id: z.string(),
  name: z.string(),
  description: z.nullable(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  status: CampaignStatusSchema,
  /** 未开始 / 进行中 / 已暂停 / 已结束, from the status and the dates. */
  phase: z.enum(['scheduled', 'running', 'paused', 'ended']),
  offers: z.number(),
  claimed: z.number(),
  redeemed: z.number(),
})
export type Campaign = z.infer<typeof Campaign>
export const CampaignList = z.object({ items: z.array(Campaign), nextCursor: z.nullable(z.string()) })
export type CampaignList = z.infer<typeof CampaignList>
export const campaignPhaseLabel: Record<Campaign['phase'], string> = {
  scheduled: '未开始',
  running: '进行中',
  paused: '已暂停',
  ended: '已结束',
}
export const CampaignQuery = z.object(pageQueryShape)

// ── Coupons (the member's) ───────────────────────────────────────────────────────────────────

export const COUPON_STATUSES = ['active', 'redeemed', 'expired'] as const
export const CouponStatus = z.enum(COUPON_STATUSES)
export type CouponStatus = z.infer<typeof CouponStatus>
export const couponStatusLabel: Record<CouponStatus, string> = { active: '可使用', redeemed: '已使用', expired: '已过期' }

/** A coupon's code rotates like the member card's: a minute each, one-time. */
export const COUPON_CODE_TTL_SECONDS = 60

export const Coupon = z.object({
  id: z.string(),
  offerId: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  merchantAddress: z.string(),
  title: z.string(),
  summary: z.string(),
  kind: OfferKind,
  status: CouponStatus,
  claimedAt: z.string(),
  expiresAt: z.string(),
  redeemedAt: z.nullable(z.string()),
  /** What it saved when used. */
  saved: z.nullable(z.number()),
})
export type Coupon = z.infer<typeof Coupon>
export const CouponQuery = z.object({ status: z.optional(CouponStatus), ...pageQueryShape })
export type CouponQuery = z.infer<typeof CouponQuery>
export const CouponList = z.object({
  items: z.array(Coupon),
  nextCursor: z.nullable(z.string()),
  counts: z.object({ active: z.number(), redeemed: z.number(), expired: z.number() }),
})
export type CouponList = z.infer<typeof CouponList>

export const CouponCodeQuery = z.object({
  /** Where the member is, only when they already shared it on the merchants page (never asked for here). */
  lat: z.optional(z.string().check(z.regex(/^-?\d{1,2}(\.\d{1,8})?$/, '位置不正确'))),
  lng: z.optional(z.string().check(z.regex(/^-?\d{1,3}(\.\d{1,8})?$/, '位置不正确'))),
})
export type CouponCodeQuery = z.infer<typeof CouponCodeQuery>
export const CouponCode = z.object({ coupon: Coupon, qr: z.nullable(RotatingQr) })
export type CouponCode = z.infer<typeof CouponCode>

export const ClaimBody = z.object({})
export type ClaimBody = z.infer<typeof ClaimBody>

/** The member's savings: this year's total and what they redeemed, newest first. */
export const MyRedemption = z.object({
  id: z.string(),
  merchantName: z.string(),
  merchantAddress: z.string(),
  what: z.string(),
  kind: z.enum(['discount', 'threshold', 'voucher', 'member_price', 'card']),
  saved: z.number(),
  at: z.string(),
  undone: z.boolean(),
})
export type MyRedemption = z.infer<typeof MyRedemption>
export const MyRedemptionList = z.object({
  items: z.array(MyRedemption),
  nextCursor: z.nullable(z.string()),
  year: z.number(),
  savedThisYear: z.number(),
  countThisYear: z.number(),
})
export type MyRedemptionList = z.infer<typeof MyRedemptionList>

// ── The merchant desk ────────────────────────────────────────────────────────────────────────

const merchantIdField = z.string({ error: '请选择门店' }).check(z.regex(UUID_PATTERN, '请选择门店'))
const scannedCode = z
  .string({ error: '请扫描或输入二维码内容' })
  .check(z.trim(), z.minLength(1, '请扫描或输入二维码内容'), z.maxLength(512, '二维码内容不正确'))

export const DeskCheckBody = z.object({ merchantId: merchantIdField, code: scannedCode })
export type DeskCheckBody = z.infer<typeof DeskCheckBody>

/** What the cashier sees before confirming: the coupon's offer or the card's standing discount, and the member, masked. */
export const DeskCheck = z.object({
  kind: z.enum(['coupon', 'card']),
  offerKind: z.enum(['discount', 'threshold', 'voucher', 'member_price', 'card']),
  title: z.string(),
  summary: z.string(),
  memberNameMasked: z.string(),
  memberNumberMasked: z.string(),
  needsBillAmount: z.boolean(),
  /** 满减: the bill must reach this. */
  threshold: z.nullable(z.number()),
  couponExpiresAt: z.nullable(z.string()),
})
export type DeskCheck = z.infer<typeof DeskCheck>

export const RedeemBody = z.object({
  merchantId: merchantIdField,
  code: scannedCode,
  /** The bill, for 折扣, 满减 and card discounts. */
  billAmount: z.optional(amountYuan('消费金额', 100_000)),
  /** Where the member was when the code was shown is not asked; the desk sends nothing else. */
})
export type RedeemBody = z.infer<typeof RedeemBody>

export const Redemption = z.object({
  id: z.string(),
  merchantId: z.string(),
  kind: z.enum(['discount', 'threshold', 'voucher', 'member_price', 'card']),
  title: z.string(),
  memberNameMasked: z.string(),
  bill: z.nullable(z.number()),
  saved: z.number(),
  fundedBy: z.enum(['union', 'merchant']),
  at: z.string(),
  cashierName: z.string(),
  status: z.enum(['done', 'undone']),
  undoneAt: z.nullable(z.string()),
  undoReason: z.nullable(z.string()),
  /** Until when this may still be undone (null: no longer). */
  undoUntil: z.nullable(z.string()),
})
export type Redemption = z.infer<typeof Redemption>

export const DeskMerchant = z.object({ id: z.string(), name: z.string(), address: z.string(), status: MerchantStatusSchema })
export const DeskHome = z.object({ merchants: z.array(DeskMerchant), undoMinutes: z.number() })
export type DeskHome = z.infer<typeof DeskHome>

export const DeskRedemptionQuery = z.object({
  merchantId: merchantIdField,
  /** A China date; today when absent. */
  day: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期不正确'))),
  ...pageQueryShape,
})
export type DeskRedemptionQuery = z.infer<typeof DeskRedemptionQuery>
export const DeskTotals = z.object({ count: z.number(), saved: z.number(), unionFunded: z.number(), undone: z.number() })
export type DeskTotals = z.infer<typeof DeskTotals>
export const DeskRedemptionList = z.object({
  items: z.array(Redemption),
  nextCursor: z.nullable(z.string()),
  day: z.string(),
  totals: DeskTotals,
})
export type DeskRedemptionList = z.infer<typeof DeskRedemptionList>

export const UndoBody = z.object({ reason: requiredText('撤销原因', 100, 2) })
export type UndoBody = z.infer<typeof UndoBody>

const month = z.string({ error: '请选择月份' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM'))
export const StatementQuery = z.object({ merchantId: merchantIdField, month: z.optional(month) })
export type StatementQuery = z.infer<typeof StatementQuery>
export const StatementLine = z.object({
  offerId: z.nullable(z.string()),
  title: z.string(),
  kind: z.enum(['discount', 'threshold', 'voucher', 'member_price', 'card']),
  fundedBy: z.enum(['union', 'merchant']),
  count: z.number(),
  saved: z.number(),
})
export const Statement = z.object({
  merchantId: z.string(),
  merchantName: z.string(),
  month: z.string(),
  lines: z.array(StatementLine),
  count: z.number(),
  saved: z.number(),
  /** Union-funded vouchers: what the union settles with the merchant. */
  unionCount: z.number(),
  unionValue: z.number(),
  settled: z.boolean(),
  settledAt: z.nullable(z.string()),
})
export type Statement = z.infer<typeof Statement>

// ── Staff: settlement, signals, settings ─────────────────────────────────────────────────────

export const SettlementQuery = z.object({ month: z.optional(month) })
export type SettlementQuery = z.infer<typeof SettlementQuery>
export const SettlementRow = z.object({
  merchantId: z.string(),
  merchantName: z.string(),
  district: District,
  voucherCount: z.number(),
  voucherValue: z.number(),
  status: z.enum(['open', 'settled']),
  settledAt: z.nullable(z.string()),
  settledByName: z.nullable(z.string()),
})
export type SettlementRow = z.infer<typeof SettlementRow>
export const SettlementList = z.object({
  month: z.string(),
  rows: z.array(SettlementRow),
  totalCount: z.number(),
  totalValue: z.number(),
  /** A month is settled once it is over. */
  monthClosed: z.boolean(),
})
export type SettlementList = z.infer<typeof SettlementList>
export const SettleBody = z.object({ merchantId: merchantIdField, month, note: optionalText('结算说明', 200) })
export type SettleBody = z.infer<typeof SettleBody>

export const SIGNAL_KINDS = ['far_from_shop', 'outside_hours', 'many_merchants', 'undo_rate', 'burst'] as const
export const SignalKind = z.enum(SIGNAL_KINDS)
export type SignalKind = z.infer<typeof SignalKind>
export const signalKindLabel: Record<SignalKind, string> = {
  far_from_shop: '出示位置远离门店',
  outside_hours: '非营业时间核销',
  many_merchants: '短时间内多店核销',
  undo_rate: '撤销率偏高',
  burst: '短时集中核销',
}
export const FraudSignal = z.object({
  key: z.string(),
  kind: SignalKind,
  merchantId: z.nullable(z.string()),
  merchantName: z.nullable(z.string()),
  /** The member, masked, when the signal is about one. */
  memberMasked: z.nullable(z.string()),
  detail: z.string(),
  at: z.string(),
  reviewed: z.boolean(),
  reviewNote: z.nullable(z.string()),
})
export type FraudSignal = z.infer<typeof FraudSignal>
export const FraudSignalList = z.object({ items: z.array(FraudSignal), since: z.string() })
export type FraudSignalList = z.infer<typeof FraudSignalList>
export const ReviewSignalBody = z.object({
  key: z.string().check(z.regex(/^[a-z_]+:[A-Za-z0-9:_-]{1,120}$/, '信号不正确')),
  note: optionalText('处理说明', 200),
})
export type ReviewSignalBody = z.infer<typeof ReviewSignalBody>

export const UNDO_MINUTES_DEFAULT = 5
export const BenefitsSettings = z.object({
  undoMinutes: z
    .number({ error: '请填写撤销时限' })
    .check(z.int('请填写整数分钟'), z.gte(1, '撤销时限至少 1 分钟'), z.lte(30, '撤销时限最多 30 分钟')),
})
export type BenefitsSettings = z.infer<typeof BenefitsSettings>

/** The plan's figures the dashboard measures against (连·工惠 three-year plan). */
export const PLAN = {
  cardsPerYear: 80_000,
  cardsTotal: 250_000,
  /** Signed merchants by the end of the plan's first, second and third year. */
  merchantsByYear: [100, 300, 500] as const,
  campaignsPerYear: 100,
  firstYear: 2026,
}

export const Id = z.object({ id: z.string().check(z.regex(UUID_PATTERN, '编号格式不正确')) })
