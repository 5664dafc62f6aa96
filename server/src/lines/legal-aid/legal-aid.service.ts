import { randomUUID } from 'node:crypto'
import { and, eq, gt, sql } from 'drizzle-orm'
import {
  ASSIGN_WITHIN_WORKING_DAYS,
  DECIDE_WITHIN_WORKING_DAYS,
  caseOutcomeLabel,
  caseStatusLabel,
  caseTypeLabel,
  isCaseOpen,
  nextCaseStatus,
  type AcceptBody,
  type AssignBody,
  type ReassignBody,
  type CaseAction,
  type CaseApplication,
  type CaseAttachment,
  type CaseMessage,
  type CaseMessageBody,
  type CaseStatus,
  type CloseBody,
  type DeclineBody,
  type Lawyer,
  type LawyerInput,
  type LegalAidSummary,
  type MyCaseDetail,
  type MyCaseSummary,
  type NoteBody,
  type StaffCaseDetail,
  type StaffCaseQuery,
  type StaffCaseSummary,
  type StartBody,
  type WithdrawBody,
} from '@contract/lines/legal-aid'
import { maskPhone } from '@contract/rules/mask'
import { addWorkingDays, chinaDate, isPastDeadline, workingCalendar, type WorkingCalendar } from '@contract/rules/working-days'
import type { Config } from '../../config'
import { recordAudit } from '../../core/audit'
import { appendTimelineEvent, listTimeline } from '../../core/timeline'
import type { Queryable } from '../../db/client'
import type { FieldCipher } from '../../lib/crypto'
import { conflict, forbidden, notFound, validationFailed } from '../../lib/errors'
import { queueStatusUpdate, type SubscribeMessageQueue } from '../../core/subscribe-messages'
import type { AuthUser } from '../../platform/auth/auth.service'
import { notifyInApp } from '../../platform/inbox/inbox.service'
import { attachUploads, toAttachment, uploadsFor, type UploadRow } from '../../platform/uploads/uploads.service'
import {
  activeLawyers,
  allLawyers,
  casesOfApplicant,
  countQueue,
  findCase,
  findLawyer,
  insertLawyer,
  messagesOf,
  queueCases,
  type CaseRow,
  type CaseWithPeople,
  type LawyerRow,
  updateLawyer,
} from './legal-aid.repository'
import { legalAidCases, legalAidMessages } from './legal-aid.tables'

export const CASE_SUBJECT = 'legal_aid_case'
export const MESSAGE_SUBJECT = 'legal_aid_message'
/** More than anyone needs; stops a client from piling up credits. */
const MAX_SUBSCRIBE_CREDITS = 20

export interface LegalAidDeps {
  cipher: FieldCipher
  config: Config
  /** Subscribe messages to send once the transaction has committed. */
  outbox?: SubscribeMessageQueue
  now?: Date
}

const calendars = new WeakMap<Config, WorkingCalendar>()
function calendarOf(config: Config): WorkingCalendar {
  let calendar = calendars.get(config)
  if (!calendar) {
    calendar = workingCalendar(config.legalAid.holidays, config.legalAid.extraWorkdays)
    calendars.set(config, calendar)
  }
  return calendar
}

// ── Who may see what ──

export type StaffAccess = 'act' | 'read'

/**
 * Legal staff handle every case in the city; a city admin may look (oversight, audited) but
 * not act. Anyone else has no access: per-case routes answer 404, the queue 403.
 */
export function staffAccessOf(user: AuthUser): StaffAccess | undefined {
  if (user.roles.some((grant) => grant.role === 'legal_staff')) return 'act'
  if (user.roles.some((grant) => grant.role === 'city_admin')) return 'read'
  return undefined
}

async function loadOwnCase(db: Queryable, user: AuthUser, id: string): Promise<CaseWithPeople> {
  const found = await findCase(db, id)
  if (!found || found.row.applicantId !== user.id) throw notFound('没有找到这个案件')
  return found
}

async function loadCaseForStaff(db: Queryable, user: AuthUser, id: string, need: StaffAccess): Promise<CaseWithPeople> {
  const access = staffAccessOf(user)
  if (!access) throw notFound('没有找到这个案件')
  const found = await findCase(db, id)
  if (!found) throw notFound('没有找到这个案件')
  if (need === 'act' && access !== 'act') throw forbidden('只有法律援助工作人员可以办理案件')
  return found
}

// ── Views ──

const yuan = (fen: number | null): number | null => (fen === null ? null : fen / 100)
const fen = (amount: number): number => Math.round(amount * 100)
const shortDate = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
const caseLink = (id: string) => `/legal-aid/pages/case/index?id=${id}`

export function caseNumber(row: CaseRow): string {
  return `法援〔${chinaDate(row.createdAt).slice(0, 4)}〕${row.seq}号`
}

function nextStepFor({ row, lawyer }: CaseWithPeople): string {
  switch (row.status) {
    case 'submitted':
      return `工会法律工作部将在${shortDate(row.decideBy)}前决定是否受理`
    case 'accepted':
      return row.assignBy ? `已受理，将在${shortDate(row.assignBy)}前为您指派律师` : '已受理，正在为您指派律师'
    case 'declined':
      return '不予受理。如有疑问，可拨打 12351 职工维权服务热线'
    case 'assigned':
      return lawyer ? `${lawyer.name}律师将与您联系，您也可以直接拨打 ${lawyer.phone}` : '已指派律师，律师将与您联系'
    case 'in_progress':
      return lawyer ? `${lawyer.name}律师正在承办，有进展会通知您` : '律师正在承办，有进展会通知您'
    case 'closed':
      return row.outcome ? `已结案：${caseOutcomeLabel[row.outcome]}` : '已结案'
    case 'withdrawn':
      return '您已撤回申请。如需帮助，可以重新申请'
  }
}

function dueByOf(row: CaseRow): string | null {
  if (row.status === 'submitted') return row.decideBy
  if (row.status === 'accepted') return row.assignBy
  return null
}

function toMySummary(item: CaseWithPeople): MyCaseSummary {
  const { row } = item
  return {
    id: row.id,
    caseNo: caseNumber(row),
    type: row.type,
    status: row.status,
    employerName: row.employerName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    nextStep: nextStepFor(item),
  }
}

function toStaffSummary({ row, lawyer, applicantName }: CaseWithPeople, now: Date): StaffCaseSummary {
  const dueBy = dueByOf(row)
  return {
    id: row.id,
    caseNo: caseNumber(row),
    type: row.type,
    status: row.status,
    employerName: row.employerName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    contactName: row.contactName,
    applicantName,
    decideBy: row.decideBy,
    assignBy: row.assignBy,
    dueBy,
    overdue: dueBy !== null && isPastDeadline(dueBy, now),
    awaitingReply: row.awaitingReply && isCaseOpen(row.status),
    handlerName: lawyer?.name ?? null,
  }
}

const toLawyer = (row: LawyerRow): Lawyer => ({
  id: row.id,
  name: row.name,
  firm: row.firm,
  phone: row.phone,
  specialties: row.specialties,
  active: row.active,
})

async function detailParts(db: Queryable, deps: LegalAidDeps, row: CaseRow, viewer: 'applicant' | 'staff') {
  const now = deps.now ?? new Date()
  const messageRows = await messagesOf(db, row.id)
  const files = await uploadsFor(db, CASE_SUBJECT, [row.id])
  const messageFiles = await uploadsFor(
    db,
    MESSAGE_SUBJECT,
    messageRows.map(({ message }) => message.id),
  )
  const attach = (upload: UploadRow): CaseAttachment => toAttachment(deps.config.authSecret, upload, now.getTime())
  const messages: CaseMessage[] = messageRows.map(({ message, authorName }) => ({
    id: message.id,
    from: message.authorRole,
    authorName:
      message.authorRole === 'worker'
        ? viewer === 'applicant'
          ? '我'
          : `申请人 ${row.contactName}`
        : `${authorName || '工作人员'}（法律援助工作人员）`,
    body: deps.cipher.decrypt(message.bodyEnc),
    attachments: messageFiles.filter((file) => file.subjectId === message.id).map(attach),
    createdAt: message.createdAt.toISOString(),
  }))
  return {
    description: deps.cipher.decrypt(row.descriptionEnc),
    employerAddress: row.employerAddress,
    amountInvolved: yuan(row.amountInvolvedFen),
    demand: row.demand,
    monthlyIncome: Number(deps.cipher.decrypt(row.monthlyIncomeEnc)) / 100,
    contactName: row.contactName,
    decideBy: row.decideBy,
    assignBy: row.assignBy,
    declineReason: row.declineReason,
    outcome:
      row.status === 'closed' && row.outcome && row.closedAt
        ? {
            outcome: row.outcome,
            amountRecovered: yuan(row.amountRecoveredFen) ?? 0,
            summary: row.closingSummary ?? '',
            closedAt: row.closedAt.toISOString(),
          }
        : null,
    attachments: files.map(attach),
    messages,
    timeline: await listTimeline(db, CASE_SUBJECT, row.id, viewer),
  }
}

// ── Notifications ──

interface WorkerNotice {
  title: string
  body: string
  /** Shown as the status in the subscribe message (≤ 5 characters). */
  phrase: string
  /** A short hint for the subscribe message (≤ 20 characters). */
  hint: string
  event: string
}

/**
 * Tells the worker: an in-app message always, and a WeChat subscribe message when they allowed
 * one that is not yet spent (spent here, in the transaction; sent after commit).
 */
async function tellWorker(db: Queryable, deps: LegalAidDeps, row: CaseRow, notice: WorkerNotice): Promise<void> {
  await notifyInApp(db, { userId: row.applicantId, title: notice.title, body: notice.body, link: caseLink(row.id) })
  const templateId = deps.config.subscribeTemplates.legalAidCase
  if (!templateId || !deps.outbox) return
  const [spent] = await db
    .update(legalAidCases)
    .set({ subscribeCredits: sql`${legalAidCases.subscribeCredits} - 1` })
    .where(and(eq(legalAidCases.id, row.id), gt(legalAidCases.subscribeCredits, 0)))
    .returning({ id: legalAidCases.id })
  if (!spent) return
  await queueStatusUpdate(db, deps.outbox, {
    userId: row.applicantId,
    templateId,
    page: caseLink(row.id).slice(1),
    event: notice.event,
    update: { subject: `法律援助·${caseTypeLabel[row.type]}`, phrase: notice.phrase, at: deps.now ?? new Date(), hint: notice.hint },
  })
}

// ── The worker ──

export async function submitCase(db: Queryable, deps: LegalAidDeps, user: AuthUser, input: CaseApplication): Promise<MyCaseSummary> {
  const now = deps.now ?? new Date()
  const decideBy = addWorkingDays(chinaDate(now), DECIDE_WITHIN_WORKING_DAYS, calendarOf(deps.config))
  const [row] = await db
    .insert(legalAidCases)
    .values({
      applicantId: user.id,
      type: input.type,
      status: 'submitted',
      descriptionEnc: deps.cipher.encrypt(input.description),
      employerName: input.employerName,
      employerAddress: input.employerAddress,
      amountInvolvedFen: input.amountInvolved === undefined || input.amountInvolved === null ? null : fen(input.amountInvolved),
      demand: input.demand,
      monthlyIncomeEnc: deps.cipher.encrypt(String(fen(input.monthlyIncome))),
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      subscribeCredits: Math.min(input.subscribeAccepted ?? 0, MAX_SUBSCRIBE_CREDITS),
      decideBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  if (!row) throw new Error('insert returned no row')
  await attachUploads(db, {
    ownerId: user.id,
    ids: input.attachmentIds,
    subjectType: CASE_SUBJECT,
    subjectId: row.id,
    field: 'attachmentIds',
  })
  await appendTimelineEvent(db, {
    subjectType: CASE_SUBJECT,
    subjectId: row.id,
    actorId: user.id,
    actorRole: 'applicant',
    fromStatus: null,
    toStatus: 'submitted',
  })
  const item = { row, lawyer: null, applicantName: user.nickname }
  await notifyInApp(db, {
    userId: user.id,
    title: '法律援助申请已提交',
    body: `${caseNumber(row)}：${nextStepFor(item)}。`,
    link: caseLink(row.id),
  })
  return toMySummary(item)
}

export async function listMyCases(db: Queryable, user: AuthUser): Promise<MyCaseSummary[]> {
  return (await casesOfApplicant(db, user.id)).map(toMySummary)
}

export async function getMyCase(db: Queryable, deps: LegalAidDeps, user: AuthUser, id: string): Promise<MyCaseDetail> {
  const item = await loadOwnCase(db, user, id)
  const { row, lawyer } = item
  return {
    ...toMySummary(item),
    ...(await detailParts(db, deps, row, 'applicant')),
    contactPhoneMasked: maskPhone(row.contactPhone),
    handler:
      lawyer && ['assigned', 'in_progress', 'closed'].includes(row.status)
        ? { name: lawyer.name, firm: lawyer.firm, phone: lawyer.phone }
        : null,
    canWithdraw: nextCaseStatus(row.status, 'withdraw').ok,
    canMessage: isCaseOpen(row.status),
    subscribeCredits: row.subscribeCredits,
  }
}

async function insertMessage(
  db: Queryable,
  deps: LegalAidDeps,
  author: AuthUser,
  item: CaseWithPeople,
  role: 'worker' | 'staff',
  input: CaseMessageBody,
): Promise<CaseMessage> {
  const { row } = item
  if (!isCaseOpen(row.status)) throw conflict(`案件${caseStatusLabel[row.status]}，不能再发送消息`)
  const [message] = await db
    .insert(legalAidMessages)
    .values({ caseId: row.id, authorId: author.id, authorRole: role, bodyEnc: deps.cipher.encrypt(input.body) })
    .returning()
  if (!message) throw new Error('insert returned no row')
  await attachUploads(db, {
    ownerId: author.id,
    ids: input.attachmentIds ?? [],
    subjectType: MESSAGE_SUBJECT,
    subjectId: message.id,
    field: 'attachmentIds',
  })
  await db
    .update(legalAidCases)
    .set({ awaitingReply: role === 'worker', updatedAt: deps.now ?? new Date() })
    .where(eq(legalAidCases.id, row.id))
  const files = await uploadsFor(db, MESSAGE_SUBJECT, [message.id])
  return {
    id: message.id,
    from: role,
    authorName: role === 'worker' ? '我' : `${author.nickname || '工作人员'}（法律援助工作人员）`,
    body: input.body,
    attachments: files.map((file) => toAttachment(deps.config.authSecret, file)),
    createdAt: message.createdAt.toISOString(),
  }
}

export async function postWorkerMessage(db: Queryable, deps: LegalAidDeps, user: AuthUser, id: string, input: CaseMessageBody) {
  return insertMessage(db, deps, user, await loadOwnCase(db, user, id), 'worker', input)
}

/** Guards a status change: refuses illegal transitions in words, and loses races cleanly. */
async function moveCase(
  db: Queryable,
  item: CaseWithPeople,
  action: CaseAction,
  changes: Partial<typeof legalAidCases.$inferInsert>,
  now: Date,
): Promise<{ row: CaseRow; from: CaseStatus }> {
  const from = item.row.status
  const result = nextCaseStatus(from, action)
  if (!result.ok) throw conflict(result.message)
  const [row] = await db
    .update(legalAidCases)
    .set({ ...changes, status: result.to, updatedAt: now })
    .where(and(eq(legalAidCases.id, item.row.id), eq(legalAidCases.status, from)))
    .returning()
  if (!row) throw conflict('案件状态刚刚发生了变化，请刷新后再试')
  return { row, from }
}

export async function withdrawCase(
  db: Queryable,
  deps: LegalAidDeps,
  user: AuthUser,
  id: string,
  input: WithdrawBody,
): Promise<MyCaseSummary> {
  const item = await loadOwnCase(db, user, id)
  const now = deps.now ?? new Date()
  const { row, from } = await moveCase(db, item, 'withdraw', {}, now)
  await appendTimelineEvent(db, {
    subjectType: CASE_SUBJECT,
    subjectId: row.id,
    actorId: user.id,
    actorRole: 'applicant',
    fromStatus: from,
    toStatus: row.status,
    note: input.reason || null,
  })
  return toMySummary({ ...item, row })
}

export async function addSubscribeCredits(db: Queryable, user: AuthUser, id: string, accepted: number): Promise<number> {
  await loadOwnCase(db, user, id)
  const [row] = await db
    .update(legalAidCases)
    .set({ subscribeCredits: sql`least(${legalAidCases.subscribeCredits} + ${accepted}, ${MAX_SUBSCRIBE_CREDITS})` })
    .where(eq(legalAidCases.id, id))
    .returning({ credits: legalAidCases.subscribeCredits })
  return row?.credits ?? 0
}

// ── Legal staff ──

export async function listQueue(db: Queryable, user: AuthUser, query: StaffCaseQuery, now = new Date()): Promise<StaffCaseSummary[]> {
  if (!staffAccessOf(user)) throw forbidden()
  const statuses: CaseStatus[] | undefined =
    query.status === 'waiting' ? ['submitted', 'accepted'] : query.status ? [query.status] : undefined
  const rows = await queueCases(db, { statuses, type: query.type, overdueAsOf: query.overdue === 'true' ? chinaDate(now) : undefined })
  const summaries = rows.map((item) => toStaffSummary(item, now))
  // Overdue first, then what is waiting by its deadline, then the rest by latest change.
  const rank = (item: StaffCaseSummary) => (item.overdue ? 0 : item.dueBy ? 1 : isCaseOpen(item.status) ? 2 : 3)
  return summaries.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.dueBy ?? '').localeCompare(b.dueBy ?? '') ||
      (rank(a) >= 2 ? b.updatedAt.localeCompare(a.updatedAt) : a.createdAt.localeCompare(b.createdAt)),
  )
}

export async function queueSummary(db: Queryable, user: AuthUser, now = new Date()): Promise<LegalAidSummary> {
  if (!staffAccessOf(user)) throw forbidden()
  return countQueue(db, chinaDate(now))
}

/** Lawyers to assign (active ones), or the whole roster to manage it. */
export async function listLawyers(db: Queryable, user: AuthUser, all = false): Promise<Lawyer[]> {
  if (staffAccessOf(user) !== 'act') throw forbidden('只有法律援助工作人员可以管理和指派律师')
  return (await (all ? allLawyers(db) : activeLawyers(db))).map(toLawyer)
}

/** Adds a volunteer lawyer to the roster; who did it is audited. */
export async function createLawyer(db: Queryable, user: AuthUser, input: LawyerInput): Promise<Lawyer> {
  if (staffAccessOf(user) !== 'act') throw forbidden('只有法律援助工作人员可以管理律师名单')
  const row = await insertLawyer(db, {
    id: `lawyer-${randomUUID()}`,
    name: input.name,
    firm: input.firm,
    phone: input.phone,
    specialties: [...new Set(input.specialties)],
    active: input.active ?? true,
  })
  await recordAudit(db, { actorId: user.id, action: 'legal_aid.lawyer.create', subjectType: 'legal_aid_lawyer', subjectId: row.id })
  return toLawyer(row)
}

/**
 * Corrects a lawyer's details or takes them off (and back on) the roster. Cases already assigned
 * keep their lawyer; an inactive lawyer is only no longer offered for new assignments.
 */
export async function editLawyer(db: Queryable, user: AuthUser, id: string, input: LawyerInput): Promise<Lawyer> {
  if (staffAccessOf(user) !== 'act') throw forbidden('只有法律援助工作人员可以管理律师名单')
  const row = await updateLawyer(db, id, {
    name: input.name,
    firm: input.firm,
    phone: input.phone,
    specialties: [...new Set(input.specialties)],
    ...(input.active === undefined ? {} : { active: input.active }),
  })
  if (!row) throw notFound('没有找到这位律师')
  await recordAudit(db, {
    actorId: user.id,
    action: 'legal_aid.lawyer.update',
    subjectType: 'legal_aid_lawyer',
    subjectId: row.id,
    detail: { active: row.active },
  })
  return toLawyer(row)
}

export async function getStaffCase(db: Queryable, deps: LegalAidDeps, user: AuthUser, id: string): Promise<StaffCaseDetail> {
  const item = await loadCaseForStaff(db, user, id, 'read')
  const now = deps.now ?? new Date()
  const access = staffAccessOf(user)
  // Reading the description and income is access to sensitive data: who looked is kept.
  await recordAudit(db, {
    actorId: user.id,
    action: 'legal_aid.case.view',
    subjectType: CASE_SUBJECT,
    subjectId: item.row.id,
    detail: { access },
  })
  const actions =
    access === 'act'
      ? (['accept', 'decline', 'assign', 'reassign', 'start', 'close'] as const).filter(
          (action) => nextCaseStatus(item.row.status, action).ok,
        )
      : []
  return {
    ...toStaffSummary(item, now),
    ...(await detailParts(db, deps, item.row, 'staff')),
    contactPhone: item.row.contactPhone,
    handler: item.lawyer ? toLawyer(item.lawyer) : null,
    actions,
    canAct: access === 'act',
  }
}

export type StaffActionInput =
  | { action: 'accept'; body: AcceptBody }
  | { action: 'decline'; body: DeclineBody }
  | { action: 'assign'; body: AssignBody }
  | { action: 'reassign'; body: ReassignBody }
  | { action: 'start'; body: StartBody }
  | { action: 'close'; body: CloseBody }

/** Accept, decline, assign, reassign, start, close: each moves the case, records why, and tells the worker. */
export async function staffAct(
  db: Queryable,
  deps: LegalAidDeps,
  user: AuthUser,
  id: string,
  input: StaffActionInput,
): Promise<StaffCaseSummary> {
  const item = await loadCaseForStaff(db, user, id, 'act')
  const now = deps.now ?? new Date()
  const calendar = calendarOf(deps.config)
  let moved: { row: CaseRow; from: CaseStatus }
  let lawyer = item.lawyer
  let note: string | null
  let notice: WorkerNotice
  const caseNo = caseNumber(item.row)

  switch (input.action) {
    case 'accept': {
      const assignBy = addWorkingDays(chinaDate(now), ASSIGN_WITHIN_WORKING_DAYS, calendar)
      moved = await moveCase(db, item, 'accept', { assignBy, decidedAt: now }, now)
      note = input.body.note || null
      notice = {
        event: 'legal_aid.accepted',
        title: '法律援助申请已受理',
        body: `${caseNo}已受理，我们将在${shortDate(assignBy)}前为您指派律师。${note ?? ''}`,
        phrase: '已受理',
        hint: '将尽快为您指派律师',
      }
      break
    }
    case 'decline': {
      moved = await moveCase(db, item, 'decline', { declineReason: input.body.reason, decidedAt: now }, now)
      note = input.body.reason
      notice = {
        event: 'legal_aid.declined',
        title: '法律援助申请不予受理',
        body: `${caseNo}不予受理。原因：${input.body.reason}`,
        phrase: '不予受理',
        hint: '点击查看原因',
      }
      break
    }
    case 'assign': {
      const chosen = await findLawyer(db, input.body.lawyerId)
      if (!chosen || !chosen.active) throw validationFailed({ lawyerId: '请选择名单中的承办律师' })
      lawyer = chosen
      moved = await moveCase(db, item, 'assign', { lawyerId: chosen.id, assignedAt: now }, now)
      note = [`指派 ${chosen.name}律师（${chosen.firm}）承办`, input.body.note].filter(Boolean).join('。')
      notice = {
        event: 'legal_aid.assigned',
        title: '已为您指派律师',
        body: `${caseNo}由${chosen.name}律师（${chosen.firm}）承办，联系电话 ${chosen.phone}。${input.body.note ?? ''}`,
        phrase: '已指派',
        hint: `${chosen.name}律师将与您联系`,
      }
      break
    }
    case 'reassign': {
      const chosen = await findLawyer(db, input.body.lawyerId)
      if (!chosen || !chosen.active) throw validationFailed({ lawyerId: '请选择名单中的承办律师' })
      if (chosen.id === item.row.lawyerId) throw validationFailed({ lawyerId: '这位律师已在承办，请选择另一位' })
      lawyer = chosen
      // The assignment deadline was met by the first lawyer: assignedAt stays as it was.
      moved = await moveCase(db, item, 'reassign', { lawyerId: chosen.id }, now)
      note = `改由${chosen.name}律师（${chosen.firm}）承办。原因：${input.body.reason}`
      notice = {
        event: 'legal_aid.reassigned',
        title: '承办律师已更换',
        body: `${caseNo}改由${chosen.name}律师（${chosen.firm}）承办，联系电话 ${chosen.phone}。原因：${input.body.reason}`,
        phrase: '更换律师',
        hint: `${chosen.name}律师将与您联系`,
      }
      break
    }
    case 'start': {
      moved = await moveCase(db, item, 'start', {}, now)
      note = input.body.note || null
      notice = {
        event: 'legal_aid.in_progress',
        title: '案件开始承办',
        body: `${caseNo}已开始承办。${note ?? ''}`,
        phrase: '承办中',
        hint: '律师已开始办理您的案件',
      }
      break
    }
    case 'close': {
      const { outcome, amountRecovered, summary } = input.body
      moved = await moveCase(
        db,
        item,
        'close',
        { outcome, amountRecoveredFen: fen(amountRecovered), closingSummary: summary, closedAt: now },
        now,
      )
      note = `${caseOutcomeLabel[outcome]}${amountRecovered > 0 ? `，追回 ${amountRecovered.toFixed(2)} 元` : ''}。${summary}`
      notice = {
        event: 'legal_aid.closed',
        title: '案件已结案',
        body: `${caseNo}已结案：${note}`,
        phrase: '已结案',
        hint: caseOutcomeLabel[outcome],
      }
      break
    }
  }

  await appendTimelineEvent(db, {
    subjectType: CASE_SUBJECT,
    subjectId: moved.row.id,
    actorId: user.id,
    actorRole: 'legal_staff',
    fromStatus: moved.from,
    toStatus: moved.row.status,
    note,
  })
  await tellWorker(db, deps, moved.row, notice)
  return toStaffSummary({ ...item, row: moved.row, lawyer }, now)
}

export async function addNote(db: Queryable, deps: LegalAidDeps, user: AuthUser, id: string, input: NoteBody): Promise<{ ok: true }> {
  const item = await loadCaseForStaff(db, user, id, 'act')
  await appendTimelineEvent(db, {
    subjectType: CASE_SUBJECT,
    subjectId: item.row.id,
    actorId: user.id,
    actorRole: 'legal_staff',
    fromStatus: item.row.status,
    toStatus: item.row.status,
    note: input.note,
    visibility: input.visibility,
  })
  if (input.visibility === 'public') {
    await tellWorker(db, deps, item.row, {
      event: 'legal_aid.progress',
      title: '案件有新进展',
      body: `${caseNumber(item.row)}：${input.note}`,
      phrase: caseStatusLabel[item.row.status].slice(0, 5),
      hint: '案件有新进展，点击查看',
    })
  }
  return { ok: true }
}

export async function postStaffMessage(db: Queryable, deps: LegalAidDeps, user: AuthUser, id: string, input: CaseMessageBody) {
  const item = await loadCaseForStaff(db, user, id, 'act')
  const message = await insertMessage(db, deps, user, item, 'staff', input)
  // The message itself is kept encrypted with the case; the in-app notice only points to it.
  await tellWorker(db, deps, item.row, {
    event: 'legal_aid.message',
    title: '法律援助案件有新消息',
    body: `${caseNumber(item.row)}：工作人员给您发来一条新消息，点击查看。`,
    phrase: '新消息',
    hint: '工作人员给您发来新消息',
  })
  return message
}
