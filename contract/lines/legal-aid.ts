import * as z from 'zod/mini'
import { amountYuan, choice, mobilePhone, optionalText, personName, requiredText } from '../fields'
import { defineWorkflow } from '../kit/workflow'
import { pageQueryShape } from '../kit/paging'
import { TimelineEvent } from '../timeline'
import { Attachment, attachmentIds, MAX_ATTACHMENTS } from '../uploads'

/** 法律援助 (legal aid for labour disputes): the case, its workflow and what each side sees. */

export const CASE_TYPES = ['wage_arrears', 'labour_contract', 'work_injury', 'social_insurance', 'dismissal', 'other'] as const
export const CaseType = choice('案件类型', CASE_TYPES)
export type CaseType = z.infer<typeof CaseType>
export const caseTypeLabel: Record<CaseType, string> = {
  wage_arrears: '欠薪',
  labour_contract: '劳动合同',
  work_injury: '工伤',
  social_insurance: '社会保险',
  dismissal: '解除劳动关系',
  other: '其他',
}

export const CASE_STATUSES = ['submitted', 'accepted', 'declined', 'assigned', 'in_progress', 'closed', 'withdrawn'] as const
export const CaseStatus = z.enum(CASE_STATUSES)
export type CaseStatus = z.infer<typeof CaseStatus>

export const CASE_OUTCOMES = ['mediated', 'arbitration', 'litigation', 'withdrawn', 'other'] as const
export const CaseOutcome = choice('结案方式', CASE_OUTCOMES)
export type CaseOutcome = z.infer<typeof CaseOutcome>
export const caseOutcomeLabel: Record<CaseOutcome, string> = {
  mediated: '调解成功',
  arbitration: '仲裁',
  litigation: '诉讼',
  withdrawn: '撤回',
  other: '其他',
}

// ── The workflow: pure data, used by the server's transition() and by the pages ──

export const legalAidWorkflow = defineWorkflow({
  subject: 'legal_aid_case',
  noun: '案件',
  statuses: {
    submitted: { label: '待受理', open: true },
    accepted: { label: '已受理', open: true },
    declined: { label: '不予受理', open: false },
    assigned: { label: '已指派律师', open: true },
    in_progress: { label: '承办中', open: true },
    closed: { label: '已结案', open: false },
    withdrawn: { label: '已撤回', open: false },
  },
  actions: {
    accept: { label: '受理', from: ['submitted'], to: 'accepted', by: 'staff' },
    decline: { label: '不予受理', from: ['submitted'], to: 'declined', by: 'staff' },
    assign: { label: '指派律师', from: ['accepted'], to: 'assigned', by: 'staff' },
    // The lawyer falls ill or has a conflict of interest: the case keeps going with another one.
    reassign: { label: '更换律师', from: ['assigned', 'in_progress'], by: 'staff' },
    start: { label: '开始承办', from: ['assigned'], to: 'in_progress', by: 'staff' },
    close: { label: '结案', from: ['in_progress'], to: 'closed', by: 'staff' },
    withdraw: { label: '撤回申请', from: ['submitted', 'accepted', 'assigned', 'in_progress'], to: 'withdrawn', by: 'applicant' },
    /** A progress note: the status stays; recorded so the timeline can name the step. */
    note: { label: '进展', from: ['submitted', 'accepted', 'assigned', 'in_progress'], by: 'staff' },
  },
})

export const caseStatusLabel = legalAidWorkflow.statusLabel
// The workflow names exactly the statuses the table stores.
const _everyStatusInWorkflow: Record<CaseStatus, unknown> = legalAidWorkflow.statuses
void _everyStatusInWorkflow

export const CASE_ACTIONS = legalAidWorkflow.actionList
export type CaseAction = (typeof CASE_ACTIONS)[number]
export const caseActionLabel = legalAidWorkflow.actionLabel
/** Actions staff take with a decision form (a progress note is not one of them). */
export const STAFF_CASE_ACTIONS = ['accept', 'decline', 'assign', 'reassign', 'start', 'close'] as const
export type StaffCaseAction = (typeof STAFF_CASE_ACTIONS)[number]

/** Statuses a case is still being worked on in (the worker may withdraw; messages are open). */
export function isCaseOpen(status: CaseStatus): boolean {
  return legalAidWorkflow.isOpen(status)
}

export const DECIDE_WITHIN_WORKING_DAYS = 7
export const ASSIGN_WITHIN_WORKING_DAYS = 3

// ── Requests ──

/** The worker's application; the same schema checks the form on the phone and the request on the server. */
export const CaseApplication = z.object({
  type: CaseType,
  description: requiredText('事情经过', 2000, 30),
  employerName: requiredText('用人单位名称', 60),
  employerAddress: requiredText('用人单位地址', 120),
  /** 涉案金额 in yuan, when there is one (unpaid wages, compensation…). */
  amountInvolved: z.optional(z.nullable(amountYuan('涉案金额'))),
  demand: requiredText('您的诉求', 500, 5),
  monthlyIncome: amountYuan('月收入', 1_000_000),
  contactName: personName('联系人姓名', 20),
  contactPhone: mobilePhone,
  attachmentIds: attachmentIds(MAX_ATTACHMENTS),
  /** Separate consent to process sensitive information (income, the dispute): PIPL art. 29. */
  consent: z.literal(true, { error: '请阅读并同意个人信息处理说明' }),
  /** How many case-update subscribe messages the worker just accepted (each allows one). */
  subscribeAccepted: z.optional(z.number().check(z.int(), z.gte(0), z.lte(10))),
})
export type CaseApplication = z.infer<typeof CaseApplication>

export const CaseMessageBody = z
  .object({
    body: z.string({ error: '请填写消息内容' }).check(z.trim(), z.maxLength(1000, '消息最多 1000 个字')),
    attachmentIds: z.optional(attachmentIds(MAX_ATTACHMENTS)),
  })
  .check(
    z.refine((value) => value.body.length > 0 || (value.attachmentIds?.length ?? 0) > 0, {
      message: '请填写消息内容或添加附件',
      path: ['body'],
    }),
  )
export type CaseMessageBody = z.infer<typeof CaseMessageBody>

export const WithdrawBody = z.object({ reason: optionalText('撤回原因', 200) })
export type WithdrawBody = z.infer<typeof WithdrawBody>

export const AcceptBody = z.object({ note: optionalText('受理说明', 500) })
export type AcceptBody = z.infer<typeof AcceptBody>

export const DeclineBody = z.object({ reason: requiredText('不予受理的原因', 500, 4) })
export type DeclineBody = z.infer<typeof DeclineBody>

export const AssignBody = z.object({
  lawyerId: z.string({ error: '请选择承办律师' }).check(z.minLength(1, '请选择承办律师')),
  note: optionalText('指派说明', 500),
})
export type AssignBody = z.infer<typeof AssignBody>

export const ReassignBody = z.object({
  lawyerId: z.string({ error: '请选择新的承办律师' }).check(z.minLength(1, '请选择新的承办律师')),
  /** Why the lawyer changes: the worker sees it with the new lawyer's name. */
  reason: requiredText('更换原因', 200, 2),
})
export type ReassignBody = z.infer<typeof ReassignBody>

export const StartBody = z.object({ note: optionalText('承办说明', 500) })
export type StartBody = z.infer<typeof StartBody>

export const NoteBody = z.object({
  note: requiredText('进展内容', 1000),
  visibility: choice('是否对申请人可见', ['public', 'internal']),
})
export type NoteBody = z.infer<typeof NoteBody>

export const CloseBody = z.object({
  outcome: CaseOutcome,
  amountRecovered: amountYuan('追回金额'),
  summary: requiredText('结案说明', 1000, 4),
})
export type CloseBody = z.infer<typeof CloseBody>

/** The queue's tabs: what waits (undecided or unassigned), every case, or one status. */
export const QUEUE_TABS = ['waiting', 'all', ...CASE_STATUSES] as const
export type QueueTab = (typeof QUEUE_TABS)[number]

export const StaffCaseQuery = z.object({
  tab: z.optional(z.enum(QUEUE_TABS, { error: '状态不正确' })),
  type: z.optional(z.enum(CASE_TYPES, { error: '案件类型不正确' })),
  overdue: z.optional(z.enum(['true', 'false'], { error: '参数不正确' })),
  ...pageQueryShape,
})
export type StaffCaseQuery = z.infer<typeof StaffCaseQuery>

// ── Responses ──

/** Kept for the pages that show a case's files. */
export const CaseAttachment = Attachment
export type CaseAttachment = Attachment

export const Lawyer = z.object({
  id: z.string(),
  name: z.string(),
  firm: z.string(),
  phone: z.string(),
  specialties: z.array(CaseType),
  /** Inactive lawyers are kept (their past cases name them) but are no longer offered. */
  active: z.boolean(),
})
export type Lawyer = z.infer<typeof Lawyer>
export const LawyerList = z.object({ lawyers: z.array(Lawyer) })
export type LawyerList = z.infer<typeof LawyerList>

export const LawyerQuery = z.object({
  /** `true`: the whole roster, inactive lawyers included (for managing it). */
  all: z.optional(z.enum(['true', 'false'])),
})
export type LawyerQuery = z.infer<typeof LawyerQuery>

/** A lawyer's phone: a mobile number, or a landline with its area code (0518-85812345). */
export const lawyerPhone = z
  .string({ error: '请填写联系电话' })
  .check(z.trim(), z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写手机号，或带区号的座机号（如 0518-85812345）'))

/** Adding a volunteer lawyer to the roster (工会阳光法律援助志愿者), or correcting one. */
export const LawyerInput = z.object({
  name: personName('律师姓名', 20),
  firm: requiredText('律师事务所', 60),
  phone: lawyerPhone,
  specialties: z.array(CaseType).check(z.maxLength(CASE_TYPES.length, '擅长领域选择有误')),
  active: z.optional(z.boolean()),
})
export type LawyerInput = z.infer<typeof LawyerInput>

export const CaseMessage = z.object({
  id: z.string(),
  from: z.enum(['worker', 'staff']),
  authorName: z.string(),
  body: z.string(),
  attachments: z.array(CaseAttachment),
  createdAt: z.string(),
})
export type CaseMessage = z.infer<typeof CaseMessage>

export const CaseOutcomeView = z.object({
  outcome: CaseOutcome,
  amountRecovered: z.number(),
  summary: z.string(),
  closedAt: z.string(),
})

const caseCore = {
  id: z.string(),
  /** 法援〔2026〕12号 style number people quote on the phone. */
  caseNo: z.string(),
  type: CaseType,
  status: CaseStatus,
  employerName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}

export const MyCaseSummary = z.object({
  ...caseCore,
  /** What happens next, in words. */
  nextStep: z.string(),
})
export type MyCaseSummary = z.infer<typeof MyCaseSummary>
export const MyCaseQuery = z.object(pageQueryShape)
export const MyCaseList = z.object({ items: z.array(MyCaseSummary), nextCursor: z.nullable(z.string()) })
export type MyCaseList = z.infer<typeof MyCaseList>

const caseDetail = {
  description: z.string(),
  employerAddress: z.string(),
  amountInvolved: z.nullable(z.number()),
  demand: z.string(),
  /** The worker's own; for staff only those who handle the case (the form promises so): null for oversight. */
  monthlyIncome: z.nullable(z.number()),
  contactName: z.string(),
  decideBy: z.string(),
  assignBy: z.nullable(z.string()),
  declineReason: z.nullable(z.string()),
  outcome: z.nullable(CaseOutcomeView),
  attachments: z.array(CaseAttachment),
  messages: z.array(CaseMessage),
  timeline: z.array(TimelineEvent),
}

export const MyCaseDetail = z.object({
  ...caseCore,
  ...caseDetail,
  nextStep: z.string(),
  contactPhoneMasked: z.string(),
  handler: z.nullable(z.object({ name: z.string(), firm: z.string(), phone: z.string() })),
  canWithdraw: z.boolean(),
  canMessage: z.boolean(),
  /** Case-update WeChat messages the worker has allowed and we have not yet sent. */
  subscribeCredits: z.number(),
})
export type MyCaseDetail = z.infer<typeof MyCaseDetail>

const staffCore = {
  ...caseCore,
  contactName: z.string(),
  applicantName: z.string(),
  decideBy: z.string(),
  assignBy: z.nullable(z.string()),
  /** The deadline that applies now (deciding or assigning), null once neither applies. */
  dueBy: z.nullable(z.string()),
  overdue: z.boolean(),
  /** The worker wrote last and nobody has answered yet. */
  awaitingReply: z.boolean(),
  handlerName: z.nullable(z.string()),
}

export const StaffCaseSummary = z.object(staffCore)
export type StaffCaseSummary = z.infer<typeof StaffCaseSummary>
export const QueueCounts = z.object(Object.fromEntries(QUEUE_TABS.map((tab) => [tab, z.number()])) as Record<QueueTab, z.ZodMiniNumber>)
export type QueueCounts = z.infer<typeof QueueCounts>
/**
 * Overdue first, then what waits by its deadline, then open cases by latest change, then the rest
 * newest first. Counts per tab (with the type and overdue filters applied).
 */
export const StaffCaseList = z.object({ items: z.array(StaffCaseSummary), nextCursor: z.nullable(z.string()), counts: QueueCounts })
export type StaffCaseList = z.infer<typeof StaffCaseList>

export const StaffCaseDetail = z.object({
  ...staffCore,
  ...caseDetail,
  /** In full for legal staff, who call the worker; masked for read-only oversight. */
  contactPhone: z.string(),
  handler: z.nullable(Lawyer),
  /** Actions the caller may take now (empty for read-only viewers). */
  actions: z.array(z.enum(STAFF_CASE_ACTIONS)),
  canAct: z.boolean(),
})
export type StaffCaseDetail = z.infer<typeof StaffCaseDetail>

export const LegalAidSummary = z.object({
  /** Submitted and not yet decided. */
  undecided: z.number(),
  /** Accepted and not yet assigned to a lawyer. */
  unassigned: z.number(),
  /** Of those, past their deadline. */
  overdue: z.number(),
  /** The worker wrote and nobody answered yet. */
  awaitingReply: z.number(),
})
export type LegalAidSummary = z.infer<typeof LegalAidSummary>
