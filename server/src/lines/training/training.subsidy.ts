import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import {
  claimWindowCheck,
  claimWindowEnds,
  isSkillKind,
  payableYuan,
  STAFF_CLAIM_ACTIONS,
  SUBSIDY_AMOUNT_YUAN,
  subsidyWorkflow,
  type ApproveClaimBody,
  type ClaimQueueQuery,
  type ClaimQueueTab,
  type MyClaimDetail,
  type MyClaimList,
  type MyClaimSummary,
  type PayClaimBody,
  type RejectClaimBody,
  type StaffClaimDetail,
  type StaffClaimList,
  type StaffClaimSummary,
  type SubsidyClaimBody,
  type WithdrawClaimBody,
} from '@contract/lines/training'
import { mayAct, requireLineAccess, requireOwnRecord, staffAccessTo, type StaffAccess } from '../../core/access'
import { recordAudit } from '../../core/audit'
import { chinaDate } from '../../core/calendar'
import type { ServiceContext } from '../../core/context'
import { requireActiveMember } from '../../core/members'
import { grantSubscribeCredits, notifyApplicant } from '../../core/notify'
import { keyset } from '../../core/paging'
import { appendTimelineEvent, listTimeline } from '../../core/timeline'
import { transition } from '../../core/workflow'
import { holdTransactionLock, type Queryable } from '../../db/client'
import { AppError, notFound, validationFailed } from '../../lib/errors'
import { orgs } from '../../platform/orgs/orgs.tables'
import { attachUploads, toAttachment, uploadsFor } from '../../platform/uploads/uploads.service'
import { subsidyAccess } from './training.access'
import { CLAIM_SUBJECT, claimNotices, tellClaimant } from './training.notices'
import { chinaYear, quotaOf, takeQuotaPlace } from './training.settings'
import { trainingSubsidyClaims } from './training.tables'
import { fen, yuan } from './training.views'
import { pages } from '@contract/pages'

/**
 * The training subsidy of 《连云港市市、区企业产业工人职业培训补贴暂行办法》, as a case on the
 * workflow kit: 500 元 for 中级工/高级工, 1,000 元 for 技师/高级技师 — only the highest promotion of a
 * year is paid — and 500 元 for a job-related 大专 or higher diploma (once a year); claimed within
 * six months of the certificate by a member (a front-line worker of a manufacturing firm with 12
 * months of social insurance, declared and proved with files); decided by the city's training
 * staff within the year's quota; paid to the worker's union and recorded.
 */

type ClaimRow = typeof trainingSubsidyClaims.$inferSelect
interface ClaimWithUnit {
  row: ClaimRow
  unitName: string
}

const HELD: ClaimRow['status'][] = ['submitted', 'approved', 'paid']
const GRANTED: ClaimRow['status'][] = ['approved', 'paid']

export const claimNumber = (row: ClaimRow): string => `培补〔${chinaDate(row.createdAt).slice(0, 4)}〕${row.seq}号`

const lockClaimant = (db: Queryable, userId: string) => holdTransactionLock(db, `training-claims:${userId}`)

/**
 * Skill subsidy a person holds for certificates of one year, in fen: granted (approved or paid),
 * and with `pending` also what claims still under review would take.
 */
async function skillHeldFen(db: Queryable, userId: string, year: number, options: { pending: boolean; except?: string }): Promise<number> {
  const [row] = await db
    .select({
      value: sql<number>`coalesce(sum(case when ${trainingSubsidyClaims.status} = 'submitted' then ${trainingSubsidyClaims.payableFen} else ${trainingSubsidyClaims.approvedAmountFen} end), 0)::int`,
    })
    .from(trainingSubsidyClaims)
    .where(
      and(
        eq(trainingSubsidyClaims.applicantId, userId),
        eq(trainingSubsidyClaims.certificateYear, year),
        ne(trainingSubsidyClaims.kind, 'diploma'),
        inArray(trainingSubsidyClaims.status, options.pending ? HELD : GRANTED),
        options.except ? ne(trainingSubsidyClaims.id, options.except) : undefined,
      ),
    )
  return Number(row?.value ?? 0)
}

async function findClaim(db: Queryable, id: string): Promise<ClaimWithUnit | undefined> {
  const [row] = await db
    .select({ row: trainingSubsidyClaims, unitName: orgs.name })
    .from(trainingSubsidyClaims)
    .innerJoin(orgs, eq(orgs.id, trainingSubsidyClaims.unitOrgId))
    .where(eq(trainingSubsidyClaims.id, id))
  return row
}

function nextStepOf(row: ClaimRow, unitName: string): string {
  switch (row.status) {
    case 'submitted':
      return '市总工会劳动和经济工作部正在审核，结果会通知您'
    case 'approved':
      return `已批准 ${yuan(row.approvedAmountFen ?? 0).toFixed(2)} 元，将拨付到${unitName}`
    case 'paid':
      return `已拨付到${unitName}，请与单位工会联系领取`
    case 'rejected':
      return '未通过。如有疑问可联系所在工会，符合条件的可以重新申请'
    case 'withdrawn':
      return '您已撤回申请'
  }
}

function claimCore({ row, unitName }: ClaimWithUnit) {
  return {
    id: row.id,
    claimNo: claimNumber(row),
    kind: row.kind,
    status: row.status,
    certificateName: row.certificateName,
    certificateDate: row.certificateDate,
    ruleAmount: yuan(row.ruleAmountFen),
    payable: yuan(row.payableFen),
    approvedAmount: row.approvedAmountFen === null ? null : yuan(row.approvedAmountFen),
    unitUnionName: unitName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

async function claimDetail(context: ServiceContext, { row }: ClaimWithUnit, viewer: 'applicant' | 'staff') {
  const files = await uploadsFor(context.db, CLAIM_SUBJECT, [row.id])
  return {
    certificateNo: row.certificateNo,
    employer: row.employer,
    socialInsuranceMonths: row.socialInsuranceMonths,
    claimWindowEnds: claimWindowEnds(row.certificateDate),
    rejectReason: row.rejectReason,
    paymentReference: row.paymentReference,
    paidAt: row.paidAt?.toISOString() ?? null,
    attachments: files.map((file) => toAttachment(context.config.authSecret, file, context.now.getTime())),
    timeline: await listTimeline(context.db, context.roles, CLAIM_SUBJECT, row.id, viewer),
  }
}

const toMySummary = (item: ClaimWithUnit): MyClaimSummary => ({ ...claimCore(item), nextStep: nextStepOf(item.row, item.unitName) })

export async function submitClaim(context: ServiceContext, body: SubsidyClaimBody): Promise<MyClaimSummary> {
  const { db, user, now } = context
  const member = await requireActiveMember(context, user.id, '培训补贴通过所在工会申领，拨付到单位工会。请先加入工会。')
  const window = claimWindowCheck(body.certificateDate, chinaDate(now))
  if (!window.ok) {
    const code = body.certificateDate > chinaDate(now) ? 'VALIDATION_FAILED' : 'SUBSIDY_WINDOW_PASSED'
    throw new AppError(400, code, window.message, { certificateDate: window.message })
  }
  await lockClaimant(db, user.id)
  const year = Number(body.certificateDate.slice(0, 4))
  const sameCertificate = await db
    .select({ id: trainingSubsidyClaims.id })
    .from(trainingSubsidyClaims)
    .where(
      and(
        eq(trainingSubsidyClaims.applicantId, user.id),
        eq(trainingSubsidyClaims.certificateNo, body.certificateNo),
        inArray(trainingSubsidyClaims.status, HELD),
      ),
    )
    .limit(1)
  if (sameCertificate.length) throw new AppError(409, 'CONFLICT', '这张证书已经申请过补贴，请在“我的补贴申请”查看')
  let payable: number
  if (isSkillKind(body.kind)) {
    const held = yuan(await skillHeldFen(db, user.id, year, { pending: true }))
    payable = payableYuan(body.kind, held)
    if (payable <= 0) {
      throw new AppError(
        409,
        'SUBSIDY_NOT_HIGHER',
        `${year} 年您已申领技术等级提升补贴 ${held} 元。同一年度多次晋升只补贴最高一级，本次没有可补的金额。`,
      )
    }
  } else {
    const diplomas = await db
      .select({ id: trainingSubsidyClaims.id })
      .from(trainingSubsidyClaims)
      .where(
        and(
          eq(trainingSubsidyClaims.applicantId, user.id),
          eq(trainingSubsidyClaims.kind, 'diploma'),
          eq(trainingSubsidyClaims.certificateYear, year),
          inArray(trainingSubsidyClaims.status, HELD),
        ),
      )
      .limit(1)
    if (diplomas.length) throw new AppError(409, 'CONFLICT', `学历教育补贴为一次性补贴，${year} 年的学历您已经申请过`)
    payable = SUBSIDY_AMOUNT_YUAN.diploma
  }
  const [row] = await db
    .insert(trainingSubsidyClaims)
    .values({
      applicantId: user.id,
      kind: body.kind,
      certificateName: body.certificateName,
      certificateNo: body.certificateNo,
      certificateDate: body.certificateDate,
      certificateYear: year,
      employer: body.employer,
      socialInsuranceMonths: body.socialInsuranceMonths,
      unitOrgId: member.orgId,
      applicantName: member.name ?? user.nickname,
      ruleAmountFen: fen(SUBSIDY_AMOUNT_YUAN[body.kind]),
      payableFen: fen(payable),
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  if (!row) throw new Error('insert returned no row')
  await attachUploads(db, {
    ownerId: user.id,
    ids: body.attachmentIds,
    subjectType: CLAIM_SUBJECT,
    subjectId: row.id,
    field: 'attachmentIds',
  })
  await grantSubscribeCredits(db, {
    userId: user.id,
    subject: { type: CLAIM_SUBJECT, id: row.id },
    accepted: body.subscribeAccepted ?? 0,
    now,
  })
  await appendTimelineEvent(db, {
    subjectType: CLAIM_SUBJECT,
    subjectId: row.id,
    actorId: user.id,
    actorRole: 'applicant',
    fromStatus: null,
    toStatus: 'submitted',
    action: 'submit',
  })
  const notice = claimNotices.submit(claimNumber(row), row.kind)
  await notifyApplicant(context, {
    userId: user.id,
    title: notice.title,
    body: notice.body,
    link: pages.training.claim.url({ id: row.id }),
  })
  return toMySummary({ row, unitName: member.orgName })
}

export async function listMyClaims(context: ServiceContext, query: { cursor?: string; limit?: string }): Promise<MyClaimList> {
  const page = keyset([{ expr: sql`-${trainingSubsidyClaims.seq}`, type: 'int' }], query)
  const rows = await context.db
    .select({ row: trainingSubsidyClaims, unitName: orgs.name, cursorKey: page.cursorKey })
    .from(trainingSubsidyClaims)
    .innerJoin(orgs, eq(orgs.id, trainingSubsidyClaims.unitOrgId))
    .where(and(eq(trainingSubsidyClaims.applicantId, context.user.id), isNull(trainingSubsidyClaims.anonymisedAt), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return {
    ...page.page(rows, toMySummary),
    skillGrantedThisYear: yuan(await skillHeldFen(context.db, context.user.id, chinaYear(context.now), { pending: true })),
  }
}

async function ownClaim(context: ServiceContext, id: string): Promise<ClaimWithUnit> {
  const found = await findClaim(context.db, id)
  requireOwnRecord(context.user, found && !found.row.anonymisedAt ? { applicantId: found.row.applicantId } : undefined, '没有找到这份申请')
  return found!
}

export async function getMyClaim(context: ServiceContext, id: string): Promise<MyClaimDetail> {
  const item = await ownClaim(context, id)
  return {
    ...toMySummary(item),
    ...(await claimDetail(context, item, 'applicant')),
    canWithdraw: subsidyWorkflow.next(item.row.status, 'withdraw').ok,
  }
}

export async function withdrawClaim(context: ServiceContext, id: string, body: WithdrawClaimBody): Promise<MyClaimSummary> {
  const item = await ownClaim(context, id)
  const row = await transition(context, {
    workflow: subsidyWorkflow,
    table: trainingSubsidyClaims,
    record: item.row,
    action: 'withdraw',
    actor: { id: context.user.id, role: 'applicant' },
    note: body.reason || null,
  })
  return toMySummary({ ...item, row })
}

// ── Staff ──

const tabStatuses: Record<ClaimQueueTab, ClaimRow['status'][] | undefined> = {
  submitted: ['submitted'],
  approved: ['approved'],
  paid: ['paid'],
  rejected: ['rejected'],
  all: undefined,
}

const toStaffSummary = (item: ClaimWithUnit): StaffClaimSummary => ({ ...claimCore(item), applicantName: item.row.applicantName })

export async function claimQueue(context: ServiceContext, query: ClaimQueueQuery): Promise<StaffClaimList> {
  requireLineAccess(context.user, subsidyAccess)
  const tab = query.tab ?? 'submitted'
  // What waits is served oldest first; the other tabs show the latest first.
  const page = keyset(
    [{ expr: tab === 'submitted' ? sql`${trainingSubsidyClaims.seq}` : sql`-${trainingSubsidyClaims.seq}`, type: 'int' }],
    query,
  )
  const statuses = tabStatuses[tab]
  const rows = await context.db
    .select({ row: trainingSubsidyClaims, unitName: orgs.name, cursorKey: page.cursorKey })
    .from(trainingSubsidyClaims)
    .innerJoin(orgs, eq(orgs.id, trainingSubsidyClaims.unitOrgId))
    .where(and(statuses ? inArray(trainingSubsidyClaims.status, statuses) : undefined, page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  const perStatus = await context.db
    .select({ status: trainingSubsidyClaims.status, value: sql<number>`count(*)::int` })
    .from(trainingSubsidyClaims)
    .groupBy(trainingSubsidyClaims.status)
  const of = (status: ClaimRow['status']) => Number(perStatus.find((row) => row.status === status)?.value ?? 0)
  return {
    ...page.page(rows, toStaffSummary),
    counts: {
      submitted: of('submitted'),
      approved: of('approved'),
      paid: of('paid'),
      rejected: of('rejected'),
      all: perStatus.reduce((sum, row) => sum + Number(row.value), 0),
    },
    quota: await quotaOf(context.db, chinaYear(context.now)),
  }
}

async function claimForStaff(context: ServiceContext, id: string, need: StaffAccess) {
  const item = await findClaim(context.db, id)
  if (!item || item.row.anonymisedAt) throw notFound('没有找到这份申请')
  const access = staffAccessTo(context.user, subsidyAccess, { applicantId: item.row.applicantId }, need, '没有找到这份申请')
  return { item, access }
}

export async function getStaffClaim(context: ServiceContext, id: string): Promise<StaffClaimDetail> {
  const { item, access } = await claimForStaff(context, id, 'read')
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: 'training.claim.view',
    subjectType: CLAIM_SUBJECT,
    subjectId: id,
    detail: { access },
  })
  const acting = mayAct(context.user, access, { applicantId: item.row.applicantId })
  return {
    ...toStaffSummary(item),
    ...(await claimDetail(context, item, 'staff')),
    payable: yuan(await approvableFen(context.db, item.row)),
    skillGrantedThatYear: yuan(
      await skillHeldFen(context.db, item.row.applicantId, item.row.certificateYear, { pending: false, except: item.row.id }),
    ),
    quota: await quotaOf(context.db, chinaYear(context.now)),
    actions: acting ? STAFF_CLAIM_ACTIONS.filter((action) => subsidyWorkflow.next(item.row.status, action).ok) : [],
    canAct: acting,
  }
}

/** What approving this claim may pay now: the rule's amount, less that year's grants for a skill claim. */
async function approvableFen(db: Queryable, row: ClaimRow): Promise<number> {
  if (!isSkillKind(row.kind)) return row.ruleAmountFen
  const granted = await skillHeldFen(db, row.applicantId, row.certificateYear, { pending: false, except: row.id })
  return Math.max(0, row.ruleAmountFen - granted)
}

export type ClaimDecision =
  { action: 'approve'; body: ApproveClaimBody } | { action: 'reject'; body: RejectClaimBody } | { action: 'pay'; body: PayClaimBody }

export async function decideClaim(context: ServiceContext, id: string, decision: ClaimDecision): Promise<StaffClaimSummary> {
  const { item } = await claimForStaff(context, id, 'act')
  const number = claimNumber(item.row)
  const actor = { id: context.user.id, role: 'training_staff' }
  let row: ClaimRow
  switch (decision.action) {
    case 'approve': {
      if (!subsidyWorkflow.next(item.row.status, 'approve').ok) break
      await lockClaimant(context.db, item.row.applicantId)
      const approvable = await approvableFen(context.db, item.row)
      const amount = fen(decision.body.amount)
      if (approvable <= 0)
        throw new AppError(409, 'SUBSIDY_NOT_HIGHER', '这位职工当年已获得同等或更高级别的补贴，按就高原则本次没有可补的金额，请不予批准')
      if (amount <= 0 || amount > approvable) throw validationFailed({ amount: `核定金额须大于 0，且不超过 ${yuan(approvable)} 元` })
      const year = chinaYear(context.now)
      if (!(await takeQuotaPlace(context.db, year)))
        throw new AppError(409, 'SUBSIDY_QUOTA_FULL', `${year} 年的补贴名额已用完，请调整名额后再批准`)
      row = await transition(context, {
        workflow: subsidyWorkflow,
        table: trainingSubsidyClaims,
        record: item.row,
        action: 'approve',
        actor,
        changes: { approvedAmountFen: amount, quotaYear: year, decidedAt: context.now },
        note: [`核定 ${yuan(amount).toFixed(2)} 元`, decision.body.note].filter(Boolean).join('。'),
      })
      await tellClaimant(context, row, claimNotices.approve(number, yuan(amount), item.unitName), 'training.claim_approved')
      return toStaffSummary({ ...item, row })
    }
    case 'reject':
      row = await transition(context, {
        workflow: subsidyWorkflow,
        table: trainingSubsidyClaims,
        record: item.row,
        action: 'reject',
        actor,
        changes: { rejectReason: decision.body.reason, decidedAt: context.now },
        note: decision.body.reason,
      })
      await tellClaimant(context, row, claimNotices.reject(number, decision.body.reason), 'training.claim_rejected')
      return toStaffSummary({ ...item, row })
    case 'pay':
      row = await transition(context, {
        workflow: subsidyWorkflow,
        table: trainingSubsidyClaims,
        record: item.row,
        action: 'pay',
        actor,
        changes: { paymentReference: decision.body.reference, paidAt: context.now },
        note: [`拨付到${item.unitName}，凭证号 ${decision.body.reference}`, decision.body.note].filter(Boolean).join('。'),
      })
      await tellClaimant(context, row, claimNotices.pay(number, item.unitName), 'training.claim_paid')
      return toStaffSummary({ ...item, row })
  }
  // The workflow refuses in its own words (an approval of a claim no longer waiting).
  row = await transition(context, {
    workflow: subsidyWorkflow,
    table: trainingSubsidyClaims,
    record: item.row,
    action: decision.action,
    actor,
  })
  return toStaffSummary({ ...item, row })
}

export async function openClaimsCount(db: Queryable): Promise<number> {
  const [row] = await db
    .select({ value: sql<number>`count(*)::int` })
    .from(trainingSubsidyClaims)
    .where(inArray(trainingSubsidyClaims.status, ['submitted', 'approved']))
  return Number(row?.value ?? 0)
}
