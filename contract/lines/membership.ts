import * as z from 'zod/mini'
import { choice, mobilePhone, optionalText, personName, requiredText } from '../fields'
import { RotatingQr } from '../kit/codes'
import { pageQueryShape } from '../kit/paging'
import { defineWorkflow } from '../kit/workflow'
import { ageOn, checkIdNumber, idNumberProblemMessage, normaliseIdNumber } from '../rules/id-number'
import { TimelineEvent } from '../timeline'

/*
 * 会员入会 (joining the union) and the electronic member card. The application form is filled in
 * steps on the phone; each step's schema checks the step as it is left, and the whole body is the
 * steps together, checked again by the server with the same words.
 */

// ── Choices ──────────────────────────────────────────────────────────────────────────────────

export const GENDERS = ['male', 'female'] as const
export const genderLabel: Record<(typeof GENDERS)[number], string> = { male: '男', female: '女' }

/** The 56 ethnic groups (GB/T 3304), 汉族 first as the most common answer. */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const // prettier-ignore

export const EDUCATIONS = ['junior_or_below', 'senior', 'college', 'bachelor', 'postgraduate'] as const
export const educationLabel: Record<(typeof EDUCATIONS)[number], string> = {
  junior_or_below: '初中及以下',
  senior: '高中/中专/技校',
  college: '大专',
  bachelor: '本科',
  postgraduate: '研究生',
}

export const POLITICAL_STATUSES = ['masses', 'cpc_member', 'cpc_probationary', 'cyl_member', 'democratic_party'] as const
export const politicalStatusLabel: Record<(typeof POLITICAL_STATUSES)[number], string> = {
  masses: '群众',
  cpc_member: '中共党员',
  cpc_probationary: '中共预备党员',
  cyl_member: '共青团员',
  democratic_party: '民主党派',
}

export const HUKOU_TYPES = ['urban', 'rural'] as const
export const hukouTypeLabel: Record<(typeof HUKOU_TYPES)[number], string> = { urban: '城镇户籍', rural: '农村户籍' }

/**
 * 就业形态. The new-form kinds (新就业形态) usually have no union at a workplace: the form points
 * them at their district's holding-pool union.
 */
export const EMPLOYMENT_TYPES = [
  'full_time',
  'part_time',
  'dispatched',
  'flexible',
  'food_delivery',
  'courier',
  'ride_hailing',
  'truck_driver',
  'domestic',
  'other_new_form',
] as const
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number]
export const employmentTypeLabel: Record<EmploymentType, string> = {
  full_time: '全日制用工',
  part_time: '非全日制用工',
  dispatched: '劳务派遣',
  flexible: '灵活就业',
  food_delivery: '外卖配送',
  courier: '快递',
  ride_hailing: '网约车',
  truck_driver: '货车司机',
  domestic: '家政服务',
  other_new_form: '其他新就业形态',
}
export const NEW_FORM_EMPLOYMENT: ReadonlySet<EmploymentType> = new Set([
  'food_delivery',
  'courier',
  'ride_hailing',
  'truck_driver',
  'domestic',
  'other_new_form',
])

/** The youngest age at which one may work, and so join (劳动法 art. 15). */
export const MINIMUM_AGE = 16

// ── Fields ───────────────────────────────────────────────────────────────────────────────────

/** An ID number: normalised (no spaces, upper-case X), then checked with a message per problem. */
export const idNumberField = z.string({ error: '请填写身份证号' }).check(
  z.overwrite(normaliseIdNumber),
  z.superRefine((value, context) => {
    const check = checkIdNumber(value)
    if (!check.ok) {
      context.addIssue({ code: 'custom', message: idNumberProblemMessage[check.problem], input: value })
    } else if (ageOn(check.birthDate) < MINIMUM_AGE) {
      context.addIssue({ code: 'custom', message: `未满 ${MINIMUM_AGE} 周岁不能申请入会`, input: value })
    }
  }),
)

/** Only `true` passes: a box the worker must tick themselves. */
const consentBox = (message: string) => z.literal(true, { error: message })

// ── Steps of the form ────────────────────────────────────────────────────────────────────────

/** Step 1: the notice of what is collected and why, and a separate consent for the ID number. */
export const ConsentStep = z.object({
  consentNotice: consentBox('请阅读并同意入会须知和个人信息处理规则'),
  consentSensitive: consentBox('请单独同意处理您的身份证号（敏感个人信息），否则无法办理入会'),
})

const identityShape = {
  name: personName('姓名', 30, 2),
  gender: choice('性别', GENDERS),
  ethnicity: choice('民族', ETHNICITIES),
  idNumber: idNumberField,
}

/** The gender chosen must be the one the ID number records (its 17th digit). */
function crossCheckGender(
  value: { gender?: string; idNumber?: string },
  context: z.core.$RefinementCtx<{ gender?: string; idNumber?: string }>,
): void {
  if (!value.idNumber || !value.gender) return
  const check = checkIdNumber(value.idNumber)
  if (check.ok && check.gender !== value.gender) {
    context.addIssue({ code: 'custom', path: ['gender'], message: '性别与身份证号不符，请核对', input: value.gender })
  }
}

/** Step 2: who the worker is. */
export const IdentityStep = z.object(identityShape).check(z.superRefine(crossCheckGender))

/** Step 2 when resubmitting and keeping the ID number on file (the server checks the gender). */
export const IdentityStepKeepingIdNumber = z.object({
  name: identityShape.name,
  gender: identityShape.gender,
  ethnicity: identityShape.ethnicity,
})

export const PHONE_SOURCES = ['wechat', 'typed'] as const
export type PhoneSource = (typeof PHONE_SOURCES)[number]

const phoneShape = {
  /** `wechat`: the number the account verified through WeChat; `typed`: the one in `phone`. */
  phoneSource: choice('手机号的填写方式', PHONE_SOURCES),
  phone: z.optional(z.string()),
}

function requireTypedPhone(
  value: { phoneSource?: string; phone?: string },
  context: z.core.$RefinementCtx<{ phoneSource?: string; phone?: string }>,
): void {
  if (value.phoneSource !== 'typed') return
  const parsed = mobilePhone.safeParse(value.phone ?? '')
  if (!parsed.success) {
    context.addIssue({ code: 'custom', path: ['phone'], message: parsed.error.issues[0]?.message ?? '请填写手机号', input: value.phone })
  }
}

/** Step 3: how the union can reach the worker. */
export const PhoneStep = z.object(phoneShape).check(z.superRefine(requireTypedPhone))

const workShape = {
  employer: requiredText('工作单位（平台或公司名称）', 60),
  employmentType: choice('就业形态', EMPLOYMENT_TYPES),
  migrantWorker: z.boolean({ error: '请选择是否为农民工' }),
  education: choice('学历', EDUCATIONS),
  politicalStatus: choice('政治面貌', POLITICAL_STATUSES),
  hukouType: choice('户籍类型', HUKOU_TYPES),
  hukouPlace: optionalText('户籍所在地', 60),
}

/** Step 4: work and background. */
export const WorkStep = z.object(workShape)

const unionShape = {
  orgId: z.string({ error: '请选择要加入的工会' }).check(z.minLength(1, '请选择要加入的工会'), z.maxLength(64, '请选择要加入的工会')),
}

/** Step 5: the union to join (a grassroots union, or the district's holding-pool union). */
export const UnionStep = z.object(unionShape)

/** Whether the worker, at the submit tap, allowed one WeChat message with the review result. */
const subscribeShape = {
  subscribeAccepted: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1))),
}

/** `POST /api/membership/applications`: every step together. */
export const ApplicationBody = z
  .object({ ...ConsentStep.shape, ...identityShape, ...phoneShape, ...workShape, ...unionShape, ...subscribeShape })
  .check(z.superRefine(crossCheckGender), z.superRefine(requireTypedPhone))
export type ApplicationBody = z.infer<typeof ApplicationBody>

/**
 * `PUT /api/membership/applications/:id` after a rejection or while waiting: the same, except that the ID number
 * may be left out to keep the one on file (the phone never gets it back in clear to re-send).
 */
export const ResubmitBody = z
  .object({
    ...ConsentStep.shape,
    ...identityShape,
    idNumber: z.optional(idNumberField),
    ...phoneShape,
    ...workShape,
    ...unionShape,
    ...subscribeShape,
  })
  .check(z.superRefine(crossCheckGender), z.superRefine(requireTypedPhone))
export type ResubmitBody = z.infer<typeof ResubmitBody>

// ── Statuses ─────────────────────────────────────────────────────────────────────────────────

/**
 * submitted (待审核) → approved (审核通过, a membership is created) | rejected (未通过, with a
 * reason; the worker may edit and resubmit → submitted). withdrawn: the worker deleted their
 * account; the record stays, anonymised.
 */
export const APPLICATION_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const
export const ApplicationStatus = z.enum(APPLICATION_STATUSES)
export type ApplicationStatus = z.infer<typeof ApplicationStatus>

export const membershipWorkflow = defineWorkflow({
  subject: 'membership_application',
  noun: '这份申请',
  statuses: {
    submitted: { label: '待审核', open: true },
    approved: { label: '审核通过', open: false },
    rejected: { label: '未通过', open: false },
    withdrawn: { label: '已撤回', open: false },
  },
  actions: {
    approve: { label: '审核通过', from: ['submitted'], to: 'approved', by: 'staff' },
    reject: { label: '不通过', from: ['submitted'], to: 'rejected', by: 'staff' },
    /** Corrected while it waits: it keeps its place in the queue. */
    edit: { label: '修改申请信息', from: ['submitted'], by: 'applicant' },
    resubmit: { label: '修改后重新提交', from: ['rejected'], to: 'submitted', by: 'applicant' },
    /** The worker deleted their account: the record stays, anonymised. */
    withdraw: { label: '撤回申请', from: ['submitted', 'approved', 'rejected'], to: 'withdrawn', by: 'applicant' },
    /** A same-status record: a corrected phone, a phone shared with another account. */
    note: { label: '补充记录', from: ['submitted', 'approved', 'rejected'], by: 'applicant' },
  },
})
export const applicationStatusLabel = membershipWorkflow.statusLabel
const _everyStatusInWorkflow: Record<ApplicationStatus, unknown> = membershipWorkflow.statuses
void _everyStatusInWorkflow

/** What a reviewer may do with a waiting application. */
export const REVIEW_ACTIONS = ['approve', 'reject'] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

// ── The worker's views ───────────────────────────────────────────────────────────────────────

const applicationDetailShape = {
  id: z.string(),
  status: ApplicationStatus,
  orgId: z.string(),
  orgName: z.string(),
  /** Names from the city down to the union's parent. */
  orgPathNames: z.array(z.string()),
  name: z.string(),
  gender: z.enum(GENDERS),
  ethnicity: z.string(),
  birthDate: z.string(),
  /** e.g. 3207**********1234; the full number never leaves the server in a worker's view. */
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  /** The phone came from WeChat's verification rather than being typed. */
  phoneVerified: z.boolean(),
  employer: z.string(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  migrantWorker: z.boolean(),
  education: z.enum(EDUCATIONS),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  hukouType: z.enum(HUKOU_TYPES),
  hukouPlace: z.nullable(z.string()),
  rejectionReason: z.nullable(z.string()),
  submittedAt: z.string(),
  /** Changes whenever the application does: a reviewer's decision names the version they read. */
  updatedAt: z.string(),
  reviewedAt: z.nullable(z.string()),
  /** Set once approved. */
  memberNumber: z.nullable(z.string()),
}

export const MyApplication = z.object({ ...applicationDetailShape, timeline: z.array(TimelineEvent) })
export type MyApplication = z.infer<typeof MyApplication>

/** What identifies a membership, on the summary and on the card. */
const membershipShape = {
  memberNumber: z.string(),
  cardNumber: z.string(),
  orgName: z.string(),
  joinedAt: z.string(),
}

export const MembershipSummary = z.object({ ...membershipShape, orgId: z.string() })
export type MembershipSummary = z.infer<typeof MembershipSummary>

/** `GET /api/membership/applications/mine`: the worker's application (if any) and membership. */
export const MyMembership = z.object({
  application: z.nullable(MyApplication),
  membership: z.nullable(MembershipSummary),
})
export type MyMembership = z.infer<typeof MyMembership>

// ── The card ─────────────────────────────────────────────────────────────────────────────────

/** How long one QR token is accepted; the card page fetches a new one before it runs out. */
export const CARD_TOKEN_TTL_SECONDS = 60

export const MemberCard = z.object({
  name: z.string(),
  ...membershipShape,
  /** Rotates every minute (CARD_TOKEN_TTL_SECONDS); the page fetches the next one before it runs out. */
  qr: RotatingQr,
})
export type MemberCard = z.infer<typeof MemberCard>

// The card check (CardVerifyBody / CardVerifyResult) is a platform tool: contract/cards.ts.

// ── Staff review ─────────────────────────────────────────────────────────────────────────────

export const REVIEW_TABS = ['submitted', 'approved', 'rejected'] as const
export type ReviewTab = (typeof REVIEW_TABS)[number]

export const ReviewQueueQuery = z.object({
  status: z.optional(z.enum(REVIEW_TABS)),
  /** oldest: who has waited longest first (the default for 待审核); newest: latest first. */
  sort: z.optional(z.enum(['oldest', 'newest'])),
  /** Applicant name search. */
  q: z.optional(z.string().check(z.maxLength(30, '搜索内容太长'))),
  ...pageQueryShape,
})
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>

export const ReviewQueueItem = z.object({
  id: z.string(),
  status: ApplicationStatus,
  name: z.string(),
  gender: z.enum(GENDERS),
  orgId: z.string(),
  orgName: z.string(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  submittedAt: z.string(),
  /** Whole days since submission. */
  waitingDays: z.number(),
  phoneConflict: z.boolean(),
})
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>

export const ReviewQueue = z.object({
  items: z.array(ReviewQueueItem),
  nextCursor: z.nullable(z.string()),
  /** Per status, within the caller's scope (and search). */
  counts: z.object({ submitted: z.number(), approved: z.number(), rejected: z.number() }),
})
export type ReviewQueue = z.infer<typeof ReviewQueue>

export const WaitingCount = z.object({ waiting: z.number() })
export type WaitingCount = z.infer<typeof WaitingCount>

export const ReviewDetail = z.object({
  ...applicationDetailShape,
  /** Staff call the applicant about the application: the number in full. */
  phone: z.string(),
  /** The phone is also bound to other accounts; allowed because WeChat verified it. */
  phoneConflict: z.boolean(),
  applicantNickname: z.string(),
  /** Who revealed the full ID number, and when: the audit trail, newest first. */
  idReveals: z.array(z.object({ at: z.string(), actorName: z.string() })),
  timeline: z.array(TimelineEvent),
  /** What the caller may do now: empty once decided, and for the reviewer's own application. */
  actions: z.array(z.enum(REVIEW_ACTIONS)),
})
export type ReviewDetail = z.infer<typeof ReviewDetail>

export const RevealedIdNumber = z.object({ idNumber: z.string() })
export type RevealedIdNumber = z.infer<typeof RevealedIdNumber>

/**
 * The `updatedAt` of the application as the reviewer read it: an application the worker edited
 * since is not decided blind (409 WRONG_STATUS). Optional for older clients.
 */
const reviewedVersion = { version: z.optional(z.string().check(z.maxLength(40))) }

export const ApproveBody = z.object({ note: optionalText('备注', 200), ...reviewedVersion })
export type ApproveBody = z.infer<typeof ApproveBody>

export const RejectBody = z.object({ reason: requiredText('未通过的原因', 200, 4), ...reviewedVersion })
export type RejectBody = z.infer<typeof RejectBody>

/**
 * The answer to approve/reject: just the outcome (the page reloads the detail). Kept small on
 * purpose: it is remembered for retries, and must not keep a copy of the applicant's data.
 */
export const ReviewDecision = z.object({
  id: z.string(),
  status: ApplicationStatus,
  memberNumber: z.nullable(z.string()),
})
export type ReviewDecision = z.infer<typeof ReviewDecision>

/** How long a union usually takes to review an application (working days): the worker is told on the status page and in the message. */
export const MEMBERSHIP_DECISION_WITHIN_DAYS = 5
