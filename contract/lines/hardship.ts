import * as z from 'zod/mini'
import { amountYuan, choice, mobilePhone, optionalText, personName, requiredText } from '../fields'
import { defineWorkflow } from '../kit/workflow'
import { pageQueryShape } from '../kit/paging'
import { RevealEntry } from '../kit/reveal'
import { TimelineEvent } from '../timeline'
import { Attachment, attachmentIds } from '../uploads'
import { checkIdNumber, idNumberProblemMessage, normaliseIdNumber } from '../rules/id-number'

/**
 * 困难帮扶 (hardship assistance): a member's household applies for 生活 / 医疗 / 助学 / 临时 aid with
 * proof; the grassroots union reviews it with a home visit, it is publicly noticed (公示), the city's
 * 困难职工帮扶中心 decides each aid item within its cap and pays it; approval opens or updates the
 * household's file (困难职工档案), which is reviewed every year until the family is out of hardship.
 */

// ── Dictionaries ─────────────────────────────────────────────────────────────────────────────

const labelled = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }))

export const AID_TYPES = ['living', 'medical', 'education', 'temporary'] as const
export const AidType = choice('帮扶类型', AID_TYPES)
export type AidType = z.infer<typeof AidType>
export const aidTypeLabel: Record<AidType, string> = {
  living: '生活救助',
  medical: '医疗救助（大病救助）',
  education: '助学',
  temporary: '临时救助',
}
/** Short names for tags and the 公示. */
export const aidTypeShort: Record<AidType, string> = { living: '生活', medical: '医疗', education: '助学', temporary: '临时' }

export const TIERS = ['deep', 'relative', 'accident'] as const
export const Tier = choice('困难类型', TIERS)
export type Tier = z.infer<typeof Tier>
export const tierLabel: Record<Tier, string> = { deep: '深度困难', relative: '相对困难', accident: '意外致困' }

/** 档案类别 by the year: new this year, carried over from an earlier year, or fallen back after 脱困. */
export const FILE_LABELS = ['new', 'carried', 'relapsed'] as const
export type FileLabel = (typeof FILE_LABELS)[number]
export const fileLabelText: Record<FileLabel, string> = { new: '增量', carried: '存量', relapsed: '返困' }

export const CAUSES = ['illness', 'disability', 'schooling', 'unemployment', 'accident', 'single_parent', 'other'] as const
export const Cause = choice('致困原因', CAUSES)
export type Cause = z.infer<typeof Cause>
export const causeLabel: Record<Cause, string> = {
  illness: '大病',
  disability: '残疾',
  schooling: '子女上学',
  unemployment: '失业',
  accident: '意外或灾害',
  single_parent: '单亲',
  other: '其他',
}

export const RELATIONS = ['self', 'spouse', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other'] as const
export type Relation = (typeof RELATIONS)[number]
export const relationLabel: Record<Relation, string> = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  grandparent: '（外）祖父母',
  grandchild: '（外）孙子女',
  other: '其他亲属',
}

export const HEALTH_STATES = ['good', 'chronic', 'serious_illness', 'disability'] as const
export type HealthState = (typeof HEALTH_STATES)[number]
export const healthLabel: Record<HealthState, string> = {
  good: '良好',
  chronic: '慢性病',
  serious_illness: '大病、重病',
  disability: '残疾',
}

export const WORK_STATUSES = [
  'employed',
  'laid_off',
  'unemployed',
  'retired',
  'sick_leave',
  'flexible',
  'student',
  'preschool',
  'unable',
  'other',
] as const
export type WorkStatus = (typeof WORK_STATUSES)[number]
export const workStatusLabel: Record<WorkStatus, string> = {
  employed: '在岗',
  laid_off: '下岗',
  unemployed: '失业',
  retired: '退休',
  sick_leave: '病休',
  flexible: '灵活就业',
  student: '在校学生',
  preschool: '学龄前',
  unable: '无劳动能力',
  other: '其他',
}

export const HOUSING_TYPES = ['public_rental', 'low_rent', 'owned', 'none', 'rented', 'self_built', 'other'] as const
export type HousingType = (typeof HOUSING_TYPES)[number]
export const housingTypeLabel: Record<HousingType, string> = {
  public_rental: '承租单位公房',
  low_rent: '政府廉租房',
  owned: '自购房',
  none: '无房',
  rented: '租房',
  self_built: '自建房',
  other: '其他',
}

export const HUKOU_TYPES = ['non_agricultural', 'agricultural', 'converted'] as const
export type HukouType = (typeof HUKOU_TYPES)[number]
export const hukouTypeLabel: Record<HukouType, string> = { non_agricultural: '非农业户口', agricultural: '农业户口', converted: '农转居' }

export const SCHOOL_STAGES = ['high_school', 'vocational', 'college', 'undergraduate', 'postgraduate'] as const
export type SchoolStage = (typeof SCHOOL_STAGES)[number]
export const schoolStageLabel: Record<SchoolStage, string> = {
  high_school: '普通高中',
  vocational: '中职',
  college: '大专',
  undergraduate: '本科',
  postgraduate: '研究生',
}

/** What happened, for 临时救助: never twice for the same cause in one household. */
export const EVENT_KINDS = ['fire', 'traffic', 'natural_disaster', 'sudden_illness', 'injury', 'other'] as const
export type EventKind = (typeof EVENT_KINDS)[number]
export const eventKindLabel: Record<EventKind, string> = {
  fire: '火灾',
  traffic: '交通事故',
  natural_disaster: '自然灾害',
  sudden_illness: '突发重病',
  injury: '意外伤害',
  other: '其他突发事件',
}

export const PAYMENT_METHODS = ['bank_transfer', 'union_card', 'cash'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
export const paymentMethodLabel: Record<PaymentMethod, string> = {
  bank_transfer: '银行转账',
  union_card: '工会会员服务卡',
  cash: '现金（实名签收）',
}

export const CLOSE_REASONS = ['moved', 'retired', 'died', 'other'] as const
export type CloseReason = (typeof CLOSE_REASONS)[number]
export const closeReasonLabel: Record<CloseReason, string> = { moved: '迁出或调离', retired: '退休', died: '去世', other: '其他' }

export const CAMPAIGN_KINDS = ['winter_warmth', 'autumn_education'] as const
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number]
export const campaignKindLabel: Record<CampaignKind, string> = { winter_warmth: '送温暖', autumn_education: '金秋助学' }
/** The aid an application must ask for to count in a campaign of each kind. */
export const campaignAidTypes: Record<CampaignKind, readonly AidType[]> = {
  winter_warmth: ['living', 'temporary'],
  autumn_education: ['education'],
}

export const options = {
  aidTypes: labelled(AID_TYPES, aidTypeLabel),
  tiers: labelled(TIERS, tierLabel),
  causes: labelled(CAUSES, causeLabel),
  relations: labelled(RELATIONS, relationLabel),
  health: labelled(HEALTH_STATES, healthLabel),
  workStatuses: labelled(WORK_STATUSES, workStatusLabel),
  housingTypes: labelled(HOUSING_TYPES, housingTypeLabel),
  hukouTypes: labelled(HUKOU_TYPES, hukouTypeLabel),
  schoolStages: labelled(SCHOOL_STAGES, schoolStageLabel),
  eventKinds: labelled(EVENT_KINDS, eventKindLabel),
  paymentMethods: labelled(PAYMENT_METHODS, paymentMethodLabel),
  closeReasons: labelled(CLOSE_REASONS, closeReasonLabel),
  campaignKinds: labelled(CAMPAIGN_KINDS, campaignKindLabel),
}

// ── The application's workflow ───────────────────────────────────────────────────────────────

export const APPLICATION_STATUSES = [
  'first_review',
  'first_review_docs',
  'publicity',
  'city_review',
  'city_review_docs',
  'approved',
  'paid',
  'rejected',
  'withdrawn',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

/**
 * Up the union tree: the grassroots union's first review (with a home visit), the 公示, the city
 * centre's review, payment. At either review the case can wait for more documents, in a status of
 * its own (its deadline stands still meanwhile) that the applicant's answer ends. A rejected
 * application is corrected and sent again in place, so its history tells the whole story.
 */
export const hardshipWorkflow = defineWorkflow({
  subject: 'hardship_application',
  noun: '申请',
  statuses: {
    first_review: { label: '待基层初审', open: true },
    first_review_docs: { label: '待补充材料（初审）', open: true },
    publicity: { label: '公示中', open: true },
    city_review: { label: '待市级审核', open: true },
    city_review_docs: { label: '待补充材料（市级审核）', open: true },
    approved: { label: '已批准，待发放', open: true },
    paid: { label: '已发放', open: false },
    rejected: { label: '未通过', open: false },
    withdrawn: { label: '已撤回', open: false },
  },
  actions: {
    recommend: { label: '初审推荐', from: ['first_review'], to: 'publicity', by: 'staff' },
    reject_first: { label: '初审不通过', from: ['first_review'], to: 'rejected', by: 'staff' },
    request_documents_first: { label: '要求补充材料', from: ['first_review'], to: 'first_review_docs', by: 'staff' },
    supplement_first: { label: '补充材料', from: ['first_review_docs'], to: 'first_review', by: 'applicant' },
    record_objection: { label: '登记异议', from: ['publicity'], by: 'staff' },
    dismiss_objection: { label: '异议不成立', from: ['publicity'], by: 'staff' },
    uphold_objection: { label: '异议成立', from: ['publicity'], to: 'rejected', by: 'staff' },
    end_publicity: { label: '公示期满', from: ['publicity'], to: 'city_review', by: 'staff' },
    request_documents_city: { label: '要求补充材料', from: ['city_review'], to: 'city_review_docs', by: 'staff' },
    supplement_city: { label: '补充材料', from: ['city_review_docs'], to: 'city_review', by: 'applicant' },
    approve: { label: '批准帮扶', from: ['city_review'], to: 'approved', by: 'staff' },
    reject_city: { label: '审核不通过', from: ['city_review'], to: 'rejected', by: 'staff' },
    record_payment: { label: '登记发放', from: ['approved'], by: 'staff' },
    complete_payment: { label: '发放完毕', from: ['approved'], to: 'paid', by: 'staff' },
    withdraw: {
      label: '撤回申请',
      from: ['first_review', 'first_review_docs', 'publicity', 'city_review', 'city_review_docs'],
      to: 'withdrawn',
      by: 'applicant',
    },
    resubmit: { label: '重新提交', from: ['rejected'], to: 'first_review', by: 'applicant' },
  },
})

export const applicationStatusLabel = hardshipWorkflow.statusLabel
export type ApplicationAction = (typeof hardshipWorkflow.actionList)[number]
export const applicationActionLabel = hardshipWorkflow.actionLabel

/** The review steps, each with its working-day deadline (a setting). */
export const REVIEW_STEPS = ['first_review', 'publicity', 'city_review', 'payment'] as const
export type ReviewStep = (typeof REVIEW_STEPS)[number]
export const reviewStepLabel: Record<ReviewStep, string> = {
  first_review: '基层初审',
  publicity: '公示',
  city_review: '市级审核',
  payment: '发放',
}

/** Which step a status is at (the one whose clock runs, or stands still while documents are awaited). */
export function stepOf(status: ApplicationStatus): ReviewStep | null {
  switch (status) {
    case 'first_review':
    case 'first_review_docs':
      return 'first_review'
    case 'publicity':
      return 'publicity'
    case 'city_review':
    case 'city_review_docs':
      return 'city_review'
    case 'approved':
      return 'payment'
    default:
      return null
  }
}

/** Waiting for the applicant's documents: the step's clock stands still. */
export const isAwaitingDocuments = (status: ApplicationStatus): boolean => status === 'first_review_docs' || status === 'city_review_docs'

/** Who acts next on a status: the grassroots union, the city centre, or the applicant. */
export function whoActs(status: ApplicationStatus): 'grassroots' | 'centre' | 'applicant' | null {
  if (status === 'first_review' || status === 'publicity') return 'grassroots'
  if (status === 'city_review' || status === 'approved') return 'centre'
  if (isAwaitingDocuments(status)) return 'applicant'
  return null
}

// ── The household file's workflow ────────────────────────────────────────────────────────────

export const FILE_STATUSES = ['pending', 'active', 'review_due', 'lifted', 'closed'] as const
export type FileStatus = (typeof FILE_STATUSES)[number]

/**
 * One file per household (一户一档). It exists from the household's first application (so a second
 * one joins it) but is archived (建档) only by an approval; every year it is reviewed, and ends
 * with 脱困 or is closed; a family that falls back into hardship is taken on again (返困).
 */
export const hardshipFileWorkflow = defineWorkflow({
  subject: 'hardship_file',
  noun: '档案',
  statuses: {
    pending: { label: '未建档', open: true },
    active: { label: '在档', open: true },
    review_due: { label: '待年度复核', open: true },
    lifted: { label: '已脱困', open: false },
    closed: { label: '已撤档', open: false },
  },
  actions: {
    archive: { label: '建档', from: ['pending'], to: 'active', by: 'staff' },
    update: { label: '更新档案', from: ['active', 'review_due'], by: 'staff' },
    schedule_review: { label: '列入年度复核', from: ['active'], to: 'review_due', by: 'staff' },
    keep: { label: '复核：继续帮扶', from: ['review_due'], to: 'active', by: 'staff' },
    lift: { label: '复核：脱困', from: ['review_due'], to: 'lifted', by: 'staff' },
    close: { label: '复核：撤档', from: ['review_due'], to: 'closed', by: 'staff' },
    reopen: { label: '重新建档', from: ['lifted', 'closed'], to: 'active', by: 'staff' },
  },
})
export const fileStatusLabel = hardshipFileWorkflow.statusLabel
export type FileAction = (typeof hardshipFileWorkflow.actionList)[number]

/** The label of a file in `year`: 返困 if it fell back this year, 增量 if archived this year, else 存量. */
export function fileLabelOf(file: { archivedOn: string | null; fellBackOn: string | null }, year: number): FileLabel | null {
  if (!file.archivedOn) return null
  if (file.fellBackOn && Number(file.fellBackOn.slice(0, 4)) === year) return 'relapsed'
  return Number(file.archivedOn.slice(0, 4)) === year ? 'new' : 'carried'
}

// ── Pure rules: income, tier, caps ───────────────────────────────────────────────────────────

/** Yuan to fen, exactly (amounts have at most two decimals). */
export const toFen = (yuan: number): number => Math.round(yuan * 100)
export const toYuan = (fen: number): number => fen / 100

/** Household per-capita monthly income, in fen: everyone's monthly income over everyone. */
export function perCapitaFen(members: ReadonlyArray<{ monthlyIncome: number }>): number {
  if (members.length === 0) return 0
  const total = members.reduce((sum, member) => sum + toFen(Number.isFinite(member.monthlyIncome) ? member.monthlyIncome : 0), 0)
  return Math.round(total / members.length)
}

/**
 * The tier the income suggests against the city's 低保: 深度困难 below it, 相对困难 below twice it;
 * a sudden event (意外或灾害) makes 意外致困 whatever the income. Null: the income is above both
 * lines and no sudden event is declared (staff may still decide otherwise, with a reason).
 */
export function suggestTier(input: {
  perCapitaFen: number
  dibaoFen: number
  causes: ReadonlyArray<Cause | null | undefined>
}): Tier | null {
  if (input.perCapitaFen < input.dibaoFen) return 'deep'
  if (input.perCapitaFen < 2 * input.dibaoFen) return 'relative'
  if (input.causes.includes('accident')) return 'accident'
  return null
}

/** The figures every rule is computed from: the deployment's settings, in yuan (see GET /api/hardship/info). */
export const HardshipSettings = z.object({
  /** The city's minimum living standard (低保), per person per month. */
  dibaoMonthly: z.number(),
  /** 生活救助: at most this many months of 低保 per household per calendar year. */
  livingCapMonths: z.number(),
  /** 助学 per child per school year: a family in deep hardship, and the others. */
  educationCapDeep: z.number(),
  educationCapOther: z.number(),
  /** 临时救助 per household, ever. */
  temporaryMaxPerHousehold: z.number(),
  /** Working days per step. */
  deadlines: z.object({ first_review: z.number(), publicity: z.number(), city_review: z.number(), payment: z.number() }),
  /** Working days the yearly review may take once it is due. */
  annualReviewDays: z.number(),
  /** Months running above 低保 that make 脱困. */
  liftMonths: z.number(),
})
export type HardshipSettings = z.infer<typeof HardshipSettings>

/** What an item has already had this year (or this school year, for a child), in fen. */
export interface CapUsage {
  /** 生活救助 approved for the household this calendar year. */
  livingThisYearFen: number
  /** 助学 approved for this child this school year. */
  educationThisSchoolYearFen: number
  /** 临时救助 the household has had approved (ever) and their event kinds. */
  temporaryApproved: ReadonlyArray<{ eventKind: EventKind }>
}

export interface CapFacts {
  type: AidType
  tier: Tier
  settings: HardshipSettings
  usage: CapUsage
  /** 医疗: what the patient paid themselves. 临时: the loss after compensation. */
  basisFen?: number
  eventKind?: EventKind
}

export interface Cap {
  /** The most this item may be given now, in fen (0 when nothing more may be). */
  maxFen: number
  /** How the cap is made, in words staff read beside the amount. */
  rule: string
  /** Why nothing may be given at all (临时救助 limits), when that is the case. */
  refusal: string | null
}

const yuanText = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`

/** The cap for one aid item, with the rule in words: the same on the decision form and on the server. */
export function capFor(facts: CapFacts): Cap {
  const { settings, usage } = facts
  switch (facts.type) {
    case 'living': {
      const yearly = toFen(settings.dibaoMonthly) * settings.livingCapMonths
      const left = Math.max(0, yearly - usage.livingThisYearFen)
      return {
        maxFen: left,
        rule: `每户每年不超过 ${settings.livingCapMonths} 个月低保（${yuanText(yearly)}），今年已批 ${yuanText(usage.livingThisYearFen)}，还可批 ${yuanText(left)}`,
        refusal: left === 0 ? '今年的生活救助已达上限' : null,
      }
    }
    case 'medical': {
      const basis = Math.max(0, facts.basisFen ?? 0)
      return { maxFen: basis, rule: `不超过个人自付部分 ${yuanText(basis)}`, refusal: basis === 0 ? '没有个人自付费用' : null }
    }
    case 'education': {
      const perYear = toFen(facts.tier === 'deep' ? settings.educationCapDeep : settings.educationCapOther)
      const left = Math.max(0, perYear - usage.educationThisSchoolYearFen)
      return {
        maxFen: left,
        rule: `${facts.tier === 'deep' ? '深度困难家庭' : '其他困难家庭'}每个子女每学年不超过 ${yuanText(perYear)}，本学年已批 ${yuanText(usage.educationThisSchoolYearFen)}`,
        refusal: left === 0 ? '这个孩子本学年的助学已达上限' : null,
      }
    }
    case 'temporary': {
      const basis = Math.max(0, facts.basisFen ?? 0)
      const count = usage.temporaryApproved.length
      const sameCause = facts.eventKind !== undefined && usage.temporaryApproved.some((item) => item.eventKind === facts.eventKind)
      const refusal =
        count >= settings.temporaryMaxPerHousehold
          ? `每户最多 ${settings.temporaryMaxPerHousehold} 次临时救助，已有 ${count} 次`
          : sameCause
            ? `同一原因（${eventKindLabel[facts.eventKind!]}）不能重复临时救助`
            : basis === 0
              ? '损失已由赔偿或保险补足'
              : null
      return {
        maxFen: refusal ? 0 : basis,
        rule: `不超过扣除赔偿后的损失 ${yuanText(basis)}；每户最多 ${settings.temporaryMaxPerHousehold} 次，同一原因只能一次（已有 ${count} 次）`,
        refusal,
      }
    }
  }
}

/** The school year (its first calendar year) a date falls in: 金秋助学 starts in July. */
export function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4))
  return Number(date.slice(5, 7)) >= 7 ? year : year - 1
}

// ── Fields of the application ────────────────────────────────────────────────────────────────

/** An ID number of anyone in the household (children too: no minimum age). */
export const householdIdNumber = z.string({ error: '请填写身份证号' }).check(
  z.overwrite(normaliseIdNumber),
  z.superRefine((value, context) => {
    const check = checkIdNumber(value)
    if (!check.ok) context.addIssue({ code: 'custom', message: idNumberProblemMessage[check.problem], input: value })
  }),
)

const isoDate = (label: string) =>
  z.string({ error: `请选择${label}` }).check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, `请选择${label}`),
    z.refine((value) => !Number.isNaN(Date.parse(value)), `${label}不正确`),
  )

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .check(z.int(`${label}应为整数`), z.gte(min, `${label}不能小于 ${min}`), z.lte(max, `${label}不能大于 ${max}`))

export const MAX_HOUSEHOLD_MEMBERS = 12

export const HouseholdMember = z.object({
  name: personName('姓名', 20),
  relation: choice('与申请人关系', RELATIONS),
  idNumber: householdIdNumber,
  health: choice('健康状况', HEALTH_STATES),
  /** The illness or disability, when there is one (sensitive: health). */
  healthNote: optionalText('病情或残疾情况', 100),
  workStatus: choice('工作状态', WORK_STATUSES),
  monthlyIncome: amountYuan('月收入', 1_000_000),
  /** Where they work or study. */
  unitOrSchool: optionalText('工作单位或学校', 60),
})
export type HouseholdMember = z.infer<typeof HouseholdMember>

export const Housing = z.object({
  type: choice('住房类型', HOUSING_TYPES),
  area: z.number({ error: '请填写住房面积' }).check(z.gte(0, '住房面积不能为负数'), z.lte(2000, '住房面积超出范围')),
})

/** The four exclusions (any one of them and the household cannot be on file), declared under the pledge. */
export const EXCLUSIONS = ['multipleHomes', 'ownsBusiness', 'privateSchool', 'privateVehicle'] as const
export type Exclusion = (typeof EXCLUSIONS)[number]
export const exclusionQuestion: Record<Exclusion, string> = {
  multipleHomes: '家庭拥有两套及以上住房',
  ownsBusiness: '家庭成员经营企业、个体工商户或雇佣他人',
  privateSchool: '子女就读高收费私立学校，或自费出国留学',
  privateVehicle: '拥有非工作必需的私家车',
}
const exclusionAnswer = (exclusion: Exclusion) =>
  z.literal(false, { error: `“${exclusionQuestion[exclusion]}”的家庭不能申请困难帮扶；如情况特殊，请与所在工会联系` })

export const LivingItem = z.object({ reason: requiredText('申请生活救助的理由', 300, 10) })
export type LivingItem = z.infer<typeof LivingItem>

export const MedicalItem = z
  .object({
    /** The patient: an index into the household members. */
    patient: wholeNumber('患者', 0, MAX_HOUSEHOLD_MEMBERS - 1),
    disease: requiredText('病种', 60),
    hospital: requiredText('就诊医院', 60),
    admittedOn: isoDate('入院日期'),
    dischargedOn: z.optional(z.nullable(isoDate('出院日期'))),
    totalCost: amountYuan('医疗总费用'),
    insurancePaid: amountYuan('医保报销金额'),
    otherPaid: amountYuan('单位或其他渠道已支付'),
  })
  .check(
    z.refine((item) => toFen(item.insurancePaid) + toFen(item.otherPaid) <= toFen(item.totalCost), {
      message: '医保报销和已支付合计不能超过医疗总费用',
      path: ['insurancePaid'],
    }),
    z.refine((item) => !item.dischargedOn || item.dischargedOn >= item.admittedOn, {
      message: '出院日期不能早于入院日期',
      path: ['dischargedOn'],
    }),
  )
export type MedicalItem = z.infer<typeof MedicalItem>

/** What the patient paid themselves: total − 医保 − unit and others. */
export const outOfPocketFen = (item: Pick<MedicalItem, 'totalCost' | 'insurancePaid' | 'otherPaid'>): number =>
  Math.max(0, toFen(item.totalCost) - toFen(item.insurancePaid) - toFen(item.otherPaid))

export const EducationItem = z
  .object({
    /** The child: an index into the household members. */
    child: wholeNumber('就读子女', 0, MAX_HOUSEHOLD_MEMBERS - 1),
    stage: choice('就读阶段', SCHOOL_STAGES),
    school: requiredText('学校', 60),
    major: optionalText('专业', 60),
    /** 学制, in years. */
    lengthYears: wholeNumber('学制', 1, 8),
    /** Which year of study (1 = first year). */
    yearOfStudy: wholeNumber('年级', 1, 8),
    tuition: amountYuan('每年学费'),
  })
  .check(z.refine((item) => item.yearOfStudy <= item.lengthYears, { message: '年级不能超过学制', path: ['yearOfStudy'] }))
export type EducationItem = z.infer<typeof EducationItem>

export const TemporaryItem = z.object({
  eventKind: choice('突发事件类型', EVENT_KINDS),
  eventOn: isoDate('发生日期'),
  description: requiredText('事件经过', 500, 10),
  losses: amountYuan('损失金额'),
  compensation: amountYuan('已获赔偿或保险'),
})
export type TemporaryItem = z.infer<typeof TemporaryItem>

/** The loss after compensation: the most 临时救助 may make up. */
export const netLossFen = (item: Pick<TemporaryItem, 'losses' | 'compensation'>): number =>
  Math.max(0, toFen(item.losses) - toFen(item.compensation))

export const AidItems = z.object({
  living: z.optional(LivingItem),
  medical: z.optional(MedicalItem),
  education: z.optional(EducationItem),
  temporary: z.optional(TemporaryItem),
})
export type AidItems = z.infer<typeof AidItems>

// ── Proof: one named slot per document ───────────────────────────────────────────────────────

export const FIXED_PROOF_SLOTS = [
  'id_front',
  'id_back',
  'hukou_book',
  'unit_certificate',
  'labour_contract',
  'diagnosis',
  'medical_receipts',
  'enrolment',
  'event_proof',
  'other',
] as const
export type FixedProofSlot = (typeof FIXED_PROOF_SLOTS)[number]
/** A fixed slot, or `income:<n>`: the income proof of the household's n-th member. */
export type ProofSlotKey = FixedProofSlot | `income:${number}`
export const PROOF_SLOT_PATTERN =
  /^(id_front|id_back|hukou_book|unit_certificate|labour_contract|diagnosis|medical_receipts|enrolment|event_proof|other|income:\d{1,2})$/
export const ProofSlotKeySchema = z.string({ error: '材料类型不正确' }).check(z.regex(PROOF_SLOT_PATTERN, '材料类型不正确'))

const fixedSlotLabel: Record<FixedProofSlot, string> = {
  id_front: '身份证人像面',
  id_back: '身份证国徽面',
  hukou_book: '户口本（全家各页）',
  unit_certificate: '所在单位证明',
  labour_contract: '劳动合同（一年及以上）',
  diagnosis: '诊断证明',
  medical_receipts: '医疗费用票据或医保结算单',
  enrolment: '录取通知书或在读证明',
  event_proof: '事件证明（如火灾、事故认定书）',
  other: '其他材料',
}

export interface ProofSlot {
  key: ProofSlotKey
  label: string
  required: boolean
}

/** What one slot is called, naming the member for an income proof. */
export function proofSlotLabel(key: string, members: ReadonlyArray<{ name: string }> = []): string {
  if (key.startsWith('income:')) {
    const member = members[Number(key.slice('income:'.length))]
    return `收入证明（${member?.name || '家庭成员'}）`
  }
  return fixedSlotLabel[key as FixedProofSlot] ?? '材料'
}

/**
 * The documents an application needs, slot by slot: ID both sides, 户口本 and the unit's
 * certificate for every type; a labour contract for 农民工; then by type — income proof for every
 * earning member (生活), diagnosis and receipts (医疗), the admission letter or enrolment proof (助学).
 */
export function proofSlotsFor(input: {
  migrantWorker: boolean
  members: ReadonlyArray<{ name: string; monthlyIncome: number }>
  items: { [K in AidType]?: unknown }
}): ProofSlot[] {
  const slot = (key: ProofSlotKey, required = true): ProofSlot => ({ key, label: proofSlotLabel(key, input.members), required })
  const slots: ProofSlot[] = [slot('id_front'), slot('id_back'), slot('hukou_book'), slot('unit_certificate')]
  if (input.migrantWorker) slots.push(slot('labour_contract'))
  if (input.items.living) {
    input.members.forEach((member, index) => {
      if (member.monthlyIncome > 0) slots.push(slot(`income:${index}`))
    })
  }
  if (input.items.medical) slots.push(slot('diagnosis'), slot('medical_receipts'))
  if (input.items.education) slots.push(slot('enrolment'))
  if (input.items.temporary) slots.push(slot('event_proof', false))
  slots.push(slot('other', false))
  return slots
}

export const BankAccount = z.object({
  bankName: requiredText('开户银行', 40),
  accountName: personName('户名', 20),
  accountNumber: z.string({ error: '请填写银行卡号' }).check(
    z.overwrite((value) => value.replace(/\s+/g, '')),
    z.minLength(1, '请填写银行卡号'),
    z.regex(/^\d{12,30}$/, '银行卡号应为 12 到 30 位数字'),
  ),
})
export type BankAccount = z.infer<typeof BankAccount>

/** Only `true` passes: something the worker must agree to themselves. */
const agreed = (message: string) => z.literal(true, { error: message })

const applicationShape = {
  unitName: requiredText('工作单位', 60),
  contactPhone: mobilePhone,
  migrantWorker: z.boolean({ error: '请选择是否农民工' }),
  /** 农民工: how long their labour contract runs, in months (a year or more is required). */
  contractMonths: z.optional(z.nullable(wholeNumber('劳动合同期限', 0, 600))),
  members: z
    .array(HouseholdMember, { error: '请添加家庭成员' })
    .check(
      z.minLength(1, '请添加家庭成员，第一位是您本人'),
      z.maxLength(MAX_HOUSEHOLD_MEMBERS, `家庭成员最多 ${MAX_HOUSEHOLD_MEMBERS} 人`),
    ),
  housing: Housing,
  hukouType: choice('户口类型', HUKOU_TYPES),
  mainCause: Cause,
  secondaryCause: z.optional(z.nullable(choice('次要致困原因', CAUSES))),
  causeNote: requiredText('家庭困难情况', 500, 10),
  exclusions: z.object(
    Object.fromEntries(EXCLUSIONS.map((key) => [key, exclusionAnswer(key)])) as Record<Exclusion, z.ZodMiniLiteral<false>>,
  ),
  items: AidItems,
  /** Uploads by proof slot (`id_front`, `income:1`…). */
  proofs: z.record(ProofSlotKeySchema, attachmentIds()),
  bank: BankAccount,
  /** 承诺书: the applicant signs with their name (it must match 本人 in the household). */
  pledgeSignature: personName('承诺人签名', 20),
  pledge: agreed('请阅读并签署承诺书'),
  /** 家庭经济状况核对授权: the centre may have 民政 check the household's finances. */
  financeCheckConsent: agreed('请同意授权核对家庭经济状况，否则无法审核'),
  /** PIPL art. 29: a separate consent for income, health and family details. */
  sensitiveConsent: agreed('请单独同意处理家庭收入、健康等敏感个人信息'),
  /** How many case-update subscribe messages the worker just accepted. */
  subscribeAccepted: z.optional(z.number().check(z.int(), z.gte(0), z.lte(10))),
}

type ApplicationShape = {
  members: HouseholdMember[]
  migrantWorker: boolean
  contractMonths?: number | null
  mainCause: Cause
  secondaryCause?: Cause | null
  items: AidItems
  proofs: Record<string, string[]>
  pledgeSignature: string
}

/** The checks across fields: the household, the items' members, the contract, the causes, the proof. */
function crossCheck(value: ApplicationShape, context: z.core.$RefinementCtx<ApplicationShape>): void {
  const issue = (path: PropertyKey[], message: string) => context.addIssue({ code: 'custom', path, message, input: value })
  const selves = value.members.filter((member) => member.relation === 'self')
  if (selves.length !== 1) issue(['members'], '家庭成员中应有且只有一位“本人”')
  const ids = value.members.map((member) => member.idNumber)
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) issue(['members', index, 'idNumber'], '这个身份证号已填过')
  })
  const self = selves[0]
  if (self && value.pledgeSignature.replace(/\s/g, '') !== self.name.replace(/\s/g, '')) {
    issue(['pledgeSignature'], '请用本人姓名签署承诺书')
  }
  if (value.migrantWorker && (value.contractMonths ?? 0) < 12) {
    issue(['contractMonths'], '农民工申请需与单位签订一年及以上的劳动合同')
  }
  if (value.secondaryCause && value.secondaryCause === value.mainCause) issue(['secondaryCause'], '次要原因不能与主要原因相同')
  const chosen = AID_TYPES.filter((type) => value.items[type])
  if (chosen.length === 0) issue(['items'], '请至少选择一项帮扶')
  if (value.items.medical && value.items.medical.patient >= value.members.length) issue(['items', 'medical', 'patient'], '请选择患者')
  if (value.items.education) {
    const child = value.members[value.items.education.child]
    if (!child) issue(['items', 'education', 'child'], '请选择就读的子女')
    else if (child.relation !== 'child') issue(['items', 'education', 'child'], '助学只能为子女申请')
  }
  for (const slot of proofSlotsFor(value)) {
    if (slot.required && (value.proofs[slot.key]?.length ?? 0) === 0) issue(['proofs', slot.key], `请上传${slot.label}`)
  }
  const allowed = new Set(proofSlotsFor(value).map((slot) => slot.key))
  for (const key of Object.keys(value.proofs)) {
    if (!allowed.has(key as ProofSlotKey) && (value.proofs[key]?.length ?? 0) > 0) issue(['proofs', key], '这项材料与所选帮扶无关，请删除')
  }
}

/** The application (and a resubmission after rejection): the phone checks it step by step, the server whole. */
export const HardshipApplication = z.object(applicationShape).check(z.superRefine(crossCheck))
export type HardshipApplication = z.infer<typeof HardshipApplication>

/** The form's steps, each checked as it is left with the part of the schema it asks for. */
export const applicationSteps = {
  household: z.object({ members: applicationShape.members }),
  situation: z.object({
    unitName: applicationShape.unitName,
    contactPhone: applicationShape.contactPhone,
    migrantWorker: applicationShape.migrantWorker,
    contractMonths: applicationShape.contractMonths,
    housing: applicationShape.housing,
    hukouType: applicationShape.hukouType,
    mainCause: applicationShape.mainCause,
    secondaryCause: applicationShape.secondaryCause,
    causeNote: applicationShape.causeNote,
    exclusions: applicationShape.exclusions,
  }),
  items: z.object({ items: applicationShape.items }),
  payment: z.object({ bank: applicationShape.bank }),
}

// ── Worker requests ──────────────────────────────────────────────────────────────────────────

/** The worker's answer to a request for documents: uploads into the slots that were asked for. */
export const SupplementBody = z.object({
  files: z.record(ProofSlotKeySchema, attachmentIds()),
  note: optionalText('补充说明', 300),
})
export type SupplementBody = z.infer<typeof SupplementBody>

export const WithdrawBody = z.object({ reason: optionalText('撤回原因', 200) })
export type WithdrawBody = z.infer<typeof WithdrawBody>

export const MyApplicationQuery = z.object(pageQueryShape)

// ── Staff requests ───────────────────────────────────────────────────────────────────────────

/** Confirming the suggested tier, or another one with the reason. */
const tierChoice = {
  tier: Tier,
  tierReason: optionalText('调整困难类型的理由', 200),
}

export const HomeVisit = z.object({
  visitedOn: isoDate('入户日期'),
  /** Who went, e.g. 陈红、王军. */
  visitors: requiredText('入户人员', 60, 2),
  findings: requiredText('入户核实情况', 1000, 10),
  photoIds: attachmentIds(),
})
export type HomeVisit = z.infer<typeof HomeVisit>

export const FirstReviewBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('recommend'), visit: HomeVisit, ...tierChoice, note: optionalText('初审意见', 500) }),
  z.object({ decision: z.literal('reject'), visit: z.optional(HomeVisit), reason: requiredText('不通过的原因', 500, 4) }),
])
export type FirstReviewBody = z.infer<typeof FirstReviewBody>

export const RequestDocumentsBody = z.object({
  slots: z
    .array(ProofSlotKeySchema, { error: '请选择需要补充的材料' })
    .check(z.minLength(1, '请选择需要补充的材料'), z.maxLength(12, '最多选择 12 项')),
  note: requiredText('需要补充的说明', 300, 4),
})
export type RequestDocumentsBody = z.infer<typeof RequestDocumentsBody>

export const ObjectionBody = z.object({
  /** Who raised it, as they gave it (may be anonymous). */
  raisedBy: optionalText('异议人', 30),
  content: requiredText('异议内容', 500, 4),
})
export type ObjectionBody = z.infer<typeof ObjectionBody>

export const ObjectionParams = z.object({
  id: z.string().check(z.regex(/^[0-9a-f-]{36}$/i, '编号格式不正确')),
  objectionId: z.string().check(z.regex(/^[0-9a-f-]{36}$/i, '编号格式不正确')),
})

export const ResolveObjectionBody = z.object({
  outcome: choice('核实结论', ['dismissed', 'upheld']),
  /** The finding; when upheld, the reason the applicant reads. */
  note: requiredText('核实情况', 500, 4),
})
export type ResolveObjectionBody = z.infer<typeof ResolveObjectionBody>

export const DecisionItem = z.object({ type: AidType, amount: amountYuan('批准金额', 1_000_000) })
export const DecisionBody = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    ...tierChoice,
    items: z.array(DecisionItem).check(z.minLength(1, '请填写批准的帮扶金额'), z.maxLength(AID_TYPES.length, '帮扶项目有误')),
    note: optionalText('审批意见', 500),
  }),
  z.object({ decision: z.literal('reject'), reason: requiredText('不通过的原因', 500, 4) }),
])
export type DecisionBody = z.infer<typeof DecisionBody>

export const PaymentBody = z.object({
  type: AidType,
  amount: z.number({ error: '请填写发放金额' }).check(
    z.gt(0, '发放金额应大于 0'),
    z.lte(1_000_000, '发放金额超出范围'),
    z.refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, '发放金额最多两位小数'),
  ),
  paidOn: isoDate('发放日期'),
  method: choice('发放方式', PAYMENT_METHODS),
  note: optionalText('备注', 200),
})
export type PaymentBody = z.infer<typeof PaymentBody>

export const APPLICATION_QUEUE_TABS = [
  'waiting',
  'first_review',
  'docs',
  'publicity',
  'city_review',
  'approved',
  'paid',
  'rejected',
  'withdrawn',
  'all',
] as const
export type ApplicationQueueTab = (typeof APPLICATION_QUEUE_TABS)[number]
export const applicationQueueTabLabel: Record<ApplicationQueueTab, string> = {
  waiting: '待我办理',
  first_review: '初审',
  docs: '待补材料',
  publicity: '公示中',
  city_review: '市级审核',
  approved: '待发放',
  paid: '已发放',
  rejected: '未通过',
  withdrawn: '已撤回',
  all: '全部',
}

export const StaffApplicationQuery = z.object({
  tab: z.optional(z.enum(APPLICATION_QUEUE_TABS, { error: '状态不正确' })),
  type: z.optional(z.enum(AID_TYPES, { error: '帮扶类型不正确' })),
  overdue: z.optional(z.enum(['true', 'false'], { error: '参数不正确' })),
  ...pageQueryShape,
})
export type StaffApplicationQuery = z.infer<typeof StaffApplicationQuery>

export const AnnualReviewBody = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('keep'),
    /** Household monthly income now, all members together, and how many live on it. */
    householdIncome: amountYuan('家庭月收入', 1_000_000),
    householdSize: wholeNumber('家庭人口', 1, MAX_HOUSEHOLD_MEMBERS),
    circumstances: requiredText('家庭现状', 1000, 10),
    ...tierChoice,
  }),
  z.object({
    outcome: z.literal('lift'),
    householdIncome: amountYuan('家庭月收入', 1_000_000),
    householdSize: wholeNumber('家庭人口', 1, MAX_HOUSEHOLD_MEMBERS),
    circumstances: requiredText('家庭现状', 1000, 10),
    /** Months running the per-capita income has been above 低保 (6 make 脱困). */
    monthsAboveDibao: wholeNumber('连续高于低保的月数', 0, 120),
  }),
  z.object({
    outcome: z.literal('close'),
    closeReason: choice('撤档原因', CLOSE_REASONS),
    circumstances: requiredText('情况说明', 1000, 4),
  }),
])
export type AnnualReviewBody = z.infer<typeof AnnualReviewBody>

export const FILE_QUEUE_TABS = ['review_due', 'active', 'lifted', 'closed', 'all'] as const
export type FileQueueTab = (typeof FILE_QUEUE_TABS)[number]
export const fileQueueTabLabel: Record<FileQueueTab, string> = {
  review_due: '待年度复核',
  active: '在档',
  lifted: '已脱困',
  closed: '已撤档',
  all: '全部',
}
export const StaffFileQuery = z.object({
  tab: z.optional(z.enum(FILE_QUEUE_TABS, { error: '状态不正确' })),
  tier: z.optional(z.enum(TIERS, { error: '困难类型不正确' })),
  ...pageQueryShape,
})
export type StaffFileQuery = z.infer<typeof StaffFileQuery>

export const CampaignInput = z
  .object({
    kind: choice('活动类型', CAMPAIGN_KINDS),
    name: requiredText('活动名称', 40, 4),
    opensOn: isoDate('开始日期'),
    closesOn: isoDate('截止日期'),
    budget: amountYuan('预算', 100_000_000).check(z.gt(0, '预算应大于 0')),
    quota: wholeNumber('名额', 1, 100_000),
  })
  .check(z.refine((value) => value.closesOn >= value.opensOn, { message: '截止日期不能早于开始日期', path: ['closesOn'] }))
export type CampaignInput = z.infer<typeof CampaignInput>

// ── Responses ────────────────────────────────────────────────────────────────────────────────

/** A household member as shown: the ID number masked always; income and health as the viewer may see them. */
export const MemberView = z.object({
  name: z.string(),
  relation: z.enum(RELATIONS),
  idNumberMasked: z.string(),
  age: z.number(),
  /** Null for oversight: health and income are for those who handle the case. */
  health: z.nullable(z.enum(HEALTH_STATES)),
  healthNote: z.nullable(z.string()),
  workStatus: z.enum(WORK_STATUSES),
  monthlyIncome: z.nullable(z.number()),
  unitOrSchool: z.nullable(z.string()),
})
export type MemberView = z.infer<typeof MemberView>

export const ProofSlotView = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  files: z.array(Attachment),
})
export type ProofSlotView = z.infer<typeof ProofSlotView>

/** One aid item as asked for, with what was decided and paid (yuan). */
export const ItemView = z.object({
  type: AidType,
  /** The type's own fields, in words (病种、医院、学校…); empty for oversight where sensitive. */
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  /** The most it may be given as the case stands (yuan), and how that is made. */
  cap: z.nullable(z.object({ max: z.number(), rule: z.string(), refusal: z.nullable(z.string()) })),
  approved: z.nullable(z.number()),
  paid: z.number(),
})
export type ItemView = z.infer<typeof ItemView>

export const DocumentsRequestView = z.object({
  slots: z.array(z.object({ key: z.string(), label: z.string() })),
  note: z.string(),
  requestedAt: z.string(),
  /** The step's deadline stands still meanwhile. */
  step: z.enum(REVIEW_STEPS),
})
export type DocumentsRequestView = z.infer<typeof DocumentsRequestView>

export const PaymentView = z.object({
  id: z.string(),
  type: AidType,
  amount: z.number(),
  paidOn: z.string(),
  method: z.enum(PAYMENT_METHODS),
  note: z.nullable(z.string()),
  recordedBy: z.string(),
})
export type PaymentView = z.infer<typeof PaymentView>

export const HomeVisitView = z.object({
  visitedOn: z.string(),
  visitors: z.string(),
  findings: z.string(),
  photos: z.array(Attachment),
  recordedBy: z.string(),
})
export type HomeVisitView = z.infer<typeof HomeVisitView>

export const ObjectionView = z.object({
  id: z.string(),
  raisedBy: z.string(),
  content: z.string(),
  status: z.enum(['open', 'dismissed', 'upheld']),
  resolutionNote: z.nullable(z.string()),
  recordedAt: z.string(),
  resolvedAt: z.nullable(z.string()),
})
export type ObjectionView = z.infer<typeof ObjectionView>

const applicationCore = {
  id: z.string(),
  /** 帮扶〔2026〕12号: the number people quote on the phone. */
  applicationNo: z.string(),
  aidTypes: z.array(AidType),
  status: z.enum(APPLICATION_STATUSES),
  campaignName: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
}

export const MyApplicationSummary = z.object({ ...applicationCore, nextStep: z.string() })
export type MyApplicationSummary = z.infer<typeof MyApplicationSummary>
export const MyApplicationList = z.object({ items: z.array(MyApplicationSummary), nextCursor: z.nullable(z.string()) })
export type MyApplicationList = z.infer<typeof MyApplicationList>

const applicationDetail = {
  unitName: z.string(),
  migrantWorker: z.boolean(),
  contractMonths: z.nullable(z.number()),
  members: z.array(MemberView),
  housing: z.nullable(z.object({ type: z.enum(HOUSING_TYPES), area: z.number() })),
  hukouType: z.enum(HUKOU_TYPES),
  mainCause: Cause,
  secondaryCause: z.nullable(Cause),
  causeNote: z.nullable(z.string()),
  /** Yuan per person per month; null for oversight. */
  perCapitaIncome: z.nullable(z.number()),
  suggestedTier: z.nullable(Tier),
  tier: z.nullable(Tier),
  tierReason: z.nullable(z.string()),
  items: z.array(ItemView),
  proofs: z.array(ProofSlotView),
  documentsRequest: z.nullable(DocumentsRequestView),
  bankName: z.string(),
  accountName: z.string(),
  accountNumberMasked: z.string(),
  rejectionReason: z.nullable(z.string()),
  /** The current step's deadline, while one runs (stands still while documents are awaited). */
  dueBy: z.nullable(z.string()),
  publicityEndsOn: z.nullable(z.string()),
  approvedTotal: z.number(),
  paidTotal: z.number(),
  payments: z.array(PaymentView),
  timeline: z.array(TimelineEvent),
  fileId: z.nullable(z.string()),
}

export const MyApplicationDetail = z.object({
  ...applicationCore,
  ...applicationDetail,
  nextStep: z.string(),
  contactPhoneMasked: z.string(),
  canWithdraw: z.boolean(),
  canResubmit: z.boolean(),
  canSupplement: z.boolean(),
  subscribeCredits: z.number(),
})
export type MyApplicationDetail = z.infer<typeof MyApplicationDetail>

const staffCore = {
  ...applicationCore,
  applicantName: z.string(),
  unitName: z.string(),
  orgName: z.string(),
  dueBy: z.nullable(z.string()),
  overdue: z.boolean(),
  /** Waiting for the applicant's documents (the clock stands still). */
  awaitingDocuments: z.boolean(),
  openObjections: z.number(),
  tier: z.nullable(Tier),
  suggestedTier: z.nullable(Tier),
}
export const StaffApplicationSummary = z.object(staffCore)
export type StaffApplicationSummary = z.infer<typeof StaffApplicationSummary>
export const ApplicationQueueCounts = z.object(
  Object.fromEntries(APPLICATION_QUEUE_TABS.map((tab) => [tab, z.number()])) as Record<ApplicationQueueTab, z.ZodMiniNumber>,
)
export type ApplicationQueueCounts = z.infer<typeof ApplicationQueueCounts>
export const StaffApplicationList = z.object({
  items: z.array(StaffApplicationSummary),
  nextCursor: z.nullable(z.string()),
  counts: ApplicationQueueCounts,
})
export type StaffApplicationList = z.infer<typeof StaffApplicationList>

/** Another application of the same household, as the file and the case list it. */
export const FileApplicationRef = z.object({
  id: z.string(),
  applicationNo: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  aidTypes: z.array(AidType),
})
export type FileApplicationRef = z.infer<typeof FileApplicationRef>

/** Staff actions with a form, as the case page offers them. */
export const STAFF_STEPS = [
  'first_review',
  'request_documents',
  'objection',
  'resolve_objection',
  'end_publicity',
  'decision',
  'payment',
] as const
export type StaffStep = (typeof STAFF_STEPS)[number]

export const StaffApplicationDetail = z.object({
  ...staffCore,
  ...applicationDetail,
  /** Full for those who handle the case (they arrange the home visit); masked for oversight. */
  contactPhone: z.string(),
  visit: z.nullable(HomeVisitView),
  firstReviewerName: z.nullable(z.string()),
  objections: z.array(ObjectionView),
  /** The steps the caller may take now (empty for read-only viewers), and why not, when that is someone's rule. */
  steps: z.array(z.enum(STAFF_STEPS)),
  canAct: z.boolean(),
  /** A sentence when the caller may look but not act here (their own household, the first reviewer…). */
  actNote: z.nullable(z.string()),
  /** The centre, who pays, may reveal the account; each reveal is listed. */
  canRevealAccount: z.boolean(),
  accountReveals: z.array(RevealEntry),
  /** The proof slots staff may ask for again. */
  requestableSlots: z.array(z.object({ key: z.string(), label: z.string() })),
  /** The household's other applications (one file per household: a second one joins it). */
  householdApplications: z.array(FileApplicationRef),
})
export type StaffApplicationDetail = z.infer<typeof StaffApplicationDetail>

/** The 公示: only the masked name, the unit, the aid asked for and until when. */
export const PublicityEntry = z.object({
  maskedName: z.string(),
  unitName: z.string(),
  aidTypes: z.array(z.string()),
  endsOn: z.string(),
})
export type PublicityEntry = z.infer<typeof PublicityEntry>
export const PublicityList = z.object({ orgName: z.nullable(z.string()), entries: z.array(PublicityEntry) })
export type PublicityList = z.infer<typeof PublicityList>

export const LedgerRow = z.object({ type: AidType, approved: z.number(), paid: z.number() })
export type LedgerRow = z.infer<typeof LedgerRow>

export const AnnualReviewView = z.object({
  id: z.string(),
  reviewedAt: z.string(),
  reviewerName: z.string(),
  outcome: z.enum(['keep', 'lift', 'close']),
  /** Yuan per person per month; null for oversight. */
  perCapitaIncome: z.nullable(z.number()),
  circumstances: z.nullable(z.string()),
  tierBefore: z.nullable(Tier),
  tierAfter: z.nullable(Tier),
  closeReason: z.nullable(z.enum(CLOSE_REASONS)),
})
export type AnnualReviewView = z.infer<typeof AnnualReviewView>

const fileCore = {
  id: z.string(),
  /** 帮档〔2026〕7号 */
  fileNo: z.string(),
  status: z.enum(FILE_STATUSES),
  tier: z.nullable(Tier),
  label: z.nullable(z.enum(FILE_LABELS)),
  mainCause: z.nullable(Cause),
  secondaryCause: z.nullable(Cause),
  orgName: z.string(),
  archivedOn: z.nullable(z.string()),
  nextReviewOn: z.nullable(z.string()),
}

export const MyFile = z.object({
  file: z.nullable(
    z.object({
      ...fileCore,
      year: z.number(),
      ledger: z.array(LedgerRow),
      members: z.array(MemberView),
      applications: z.array(FileApplicationRef),
    }),
  ),
})
export type MyFile = z.infer<typeof MyFile>

export const StaffFileSummary = z.object({
  ...fileCore,
  headName: z.string(),
  /** The yearly review's deadline once due. */
  reviewBy: z.nullable(z.string()),
  overdue: z.boolean(),
})
export type StaffFileSummary = z.infer<typeof StaffFileSummary>
export const FileQueueCounts = z.object(
  Object.fromEntries(FILE_QUEUE_TABS.map((tab) => [tab, z.number()])) as Record<FileQueueTab, z.ZodMiniNumber>,
)
export const StaffFileList = z.object({ items: z.array(StaffFileSummary), nextCursor: z.nullable(z.string()), counts: FileQueueCounts })
export type StaffFileList = z.infer<typeof StaffFileList>

export const StaffFileDetail = z.object({
  ...fileCore,
  headName: z.string(),
  reviewBy: z.nullable(z.string()),
  overdue: z.boolean(),
  year: z.number(),
  perCapitaIncome: z.nullable(z.number()),
  members: z.array(MemberView),
  ledger: z.array(LedgerRow),
  applications: z.array(FileApplicationRef),
  reviews: z.array(AnnualReviewView),
  timeline: z.array(TimelineEvent),
  canReview: z.boolean(),
  actNote: z.nullable(z.string()),
  /** What the yearly review compares against: the city's 低保 (yuan) and the months that make 脱困. */
  dibaoMonthly: z.number(),
  liftMonths: z.number(),
})
export type StaffFileDetail = z.infer<typeof StaffFileDetail>

export const Campaign = z.object({
  id: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  name: z.string(),
  aidTypes: z.array(AidType),
  opensOn: z.string(),
  closesOn: z.string(),
  budget: z.number(),
  /** Approved so far against the budget (yuan). */
  committed: z.number(),
  quota: z.number(),
  /** Applications counted so far. */
  taken: z.number(),
  status: z.enum(['draft', 'open', 'closed']),
  /** Open and today within its dates: applications made now count against it. */
  openNow: z.boolean(),
})
export type Campaign = z.infer<typeof Campaign>
export const CampaignList = z.object({ campaigns: z.array(Campaign) })
export type CampaignList = z.infer<typeof CampaignList>

/** What the worker's pages show before a form: the rules in figures and the campaigns open now. */
export const HardshipInfo = z.object({
  settings: HardshipSettings,
  campaigns: z.array(Campaign),
  /** Whether the caller is a member now (the form needs it). */
  member: z.boolean(),
})
export type HardshipInfo = z.infer<typeof HardshipInfo>

/** The campaign tile text for the home grid, from the same figures: 名额剩 120 个 · 预算剩 38.5 万元 · 9月1日截止. */
export function campaignDetail(campaign: Pick<Campaign, 'budget' | 'committed' | 'quota' | 'taken' | 'closesOn'>): string {
  const budgetLeft = Math.max(0, campaign.budget - campaign.committed)
  const money =
    budgetLeft >= 10_000
      ? `${(budgetLeft / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 万元`
      : `${budgetLeft.toLocaleString('zh-CN')} 元`
  const closes = `${Number(campaign.closesOn.slice(5, 7))}月${Number(campaign.closesOn.slice(8, 10))}日`
  return `名额剩 ${Math.max(0, campaign.quota - campaign.taken)} 个 · 预算剩 ${money} · ${closes}截止`
}
