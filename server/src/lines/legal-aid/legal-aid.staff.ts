import {
  ASSIGN_WITHIN_WORKING_DAYS,
  legalAidWorkflow,
  STAFF_CASE_ACTIONS,
  type AcceptBody,
  type AssignBody,
  type CaseMessage,
  type CaseMessageBody,
  type CloseBody,
  type DeclineBody,
  type LegalAidSummary,
  type NoteBody,
  type ReassignBody,
  type StaffCaseAction,
  type StaffCaseDetail,
  type StaffCaseList,
  type StaffCaseQuery,
  type StaffCaseSummary,
  type StartBody,
} from '@contract/lines/legal-aid'
import { maskPhone } from '@contract/rules/mask'
import { mayAct, requireLineAccess, staffAccessTo, type StaffAccess } from '../../core/access'
import { recordAudit } from '../../core/audit'
import { dueBy } from '../../core/calendar'
import type { ServiceContext } from '../../core/context'
import { appendTimelineEvent } from '../../core/timeline'
import { transition } from '../../core/workflow'
import { AppError, notFound, validationFailed } from '../../lib/errors'
import { legalAidAccess } from './legal-aid.access'
import { closingNote, tellWorker, workerNotices, type NoticeFacts } from './legal-aid.notices'
import { countWaiting, findCase, findLawyer, queueCounts, queuePage, type CaseWithPeople, type LawyerRow } from './legal-aid.repository'
import { legalAidCases } from './legal-aid.tables'
import { insertMessage } from './legal-aid.thread'
import { CASE_SUBJECT, caseNumber, contactPhoneOf, detailParts, fen, shortDate, toLawyer, toStaffSummary } from './legal-aid.views'

/** Legal staff's side: the queue, a case, and the steps that move it. */

/** A case as staff may see it, with the caller's access (404 out of reach, 403 when acting without the right). */
async function loadCaseForStaff(
  context: ServiceContext,
  id: string,
  need: StaffAccess,
): Promise<{ item: CaseWithPeople; access: StaffAccess }> {
  const found = await findCase(context.db, id)
  if (!found) throw notFound('没有找到这个案件')
  const access = staffAccessTo(context.user, legalAidAccess, { applicantId: found.row.applicantId }, need, '没有找到这个案件')
  return { item: found, access }
}

export async function listQueue(context: ServiceContext, query: StaffCaseQuery): Promise<StaffCaseList> {
  requireLineAccess(context.user, legalAidAccess)
  const filter = { type: query.type, overdueOnly: query.overdue === 'true' }
  const page = await queuePage(context.db, query.tab ?? 'waiting', filter, query, context.now)
  return {
    items: page.items.map((item) => toStaffSummary(item, context.now)),
    nextCursor: page.nextCursor,
    counts: await queueCounts(context.db, filter, context.now),
  }
}

export async function queueSummary(context: ServiceContext): Promise<LegalAidSummary> {
  requireLineAccess(context.user, legalAidAccess)
  return countWaiting(context.db, context.now)
}

export async function getStaffCase(context: ServiceContext, id: string): Promise<StaffCaseDetail> {
  const { item, access } = await loadCaseForStaff(context, id, 'read')
  // Reading the description and income is access to sensitive data: who looked is kept.
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: 'legal_aid.case.view',
    subjectType: CASE_SUBJECT,
    subjectId: item.row.id,
    detail: { access },
  })
  const acting = mayAct(context.user, access, { applicantId: item.row.applicantId })
  const viewer = access === 'act' ? 'staff' : 'oversight'
  const phone = contactPhoneOf(context.cipher, item.row)
  return {
    ...toStaffSummary(item, context.now),
    ...(await detailParts(context, context.db, item.row, viewer)),
    contactPhone: viewer === 'staff' ? phone : maskPhone(phone),
    handler: item.lawyer ? toLawyer(context.cipher, item.lawyer) : null,
    actions: acting ? STAFF_CASE_ACTIONS.filter((action) => legalAidWorkflow.next(item.row.status, action).ok) : [],
    canAct: acting,
  }
}

export type StaffActionInput =
  | { action: 'accept'; body: AcceptBody }
  | { action: 'decline'; body: DeclineBody }
  | { action: 'assign'; body: AssignBody }
  | { action: 'reassign'; body: ReassignBody }
  | { action: 'start'; body: StartBody }
  | { action: 'close'; body: CloseBody }

/** For logs: what happened, in the past tense the earlier events used. */
const eventOf: Record<StaffCaseAction | 'note' | 'message', string> = {
  accept: 'legal_aid.accepted',
  decline: 'legal_aid.declined',
  assign: 'legal_aid.assigned',
  reassign: 'legal_aid.reassigned',
  start: 'legal_aid.in_progress',
  close: 'legal_aid.closed',
  note: 'legal_aid.progress',
  message: 'legal_aid.message',
}

async function chosenLawyer(context: ServiceContext, lawyerId: string): Promise<LawyerRow> {
  const lawyer = await findLawyer(context.db, lawyerId)
  if (!lawyer || !lawyer.active) throw validationFailed({ lawyerId: '请选择名单中的承办律师' })
  return lawyer
}

/** What each step sets on the case, writes in the timeline, and tells the worker. */
async function stepOf(context: ServiceContext, item: CaseWithPeople, input: StaffActionInput) {
  const caseNo = caseNumber(item.row)
  let changes: Partial<typeof legalAidCases.$inferInsert> = {}
  let note: string | null = null
  let lawyer = item.lawyer
  const facts: NoticeFacts = { caseNo }
  switch (input.action) {
    case 'accept': {
      const assignBy = dueBy(context.calendar, context.now, ASSIGN_WITHIN_WORKING_DAYS)
      changes = { assignBy, decidedAt: context.now }
      note = input.body.note || null
      Object.assign(facts, { assignBy: shortDate(assignBy), note })
      break
    }
    case 'decline':
      changes = { declineReason: input.body.reason, decidedAt: context.now }
      note = input.body.reason
      facts.reason = input.body.reason
      break
    case 'assign': {
      lawyer = await chosenLawyer(context, input.body.lawyerId)
      changes = { lawyerId: lawyer.id, assignedAt: context.now }
      note = [`指派 ${lawyer.name}律师（${lawyer.firm}）承办`, input.body.note].filter(Boolean).join('。')
      Object.assign(facts, { lawyer: toLawyer(context.cipher, lawyer), note: input.body.note })
      break
    }
    case 'reassign': {
      lawyer = await chosenLawyer(context, input.body.lawyerId)
      if (lawyer.id === item.row.lawyerId) throw validationFailed({ lawyerId: '这位律师已在承办，请选择另一位' })
      // The assignment deadline was met by the first lawyer: assignedAt stays as it was.
      changes = { lawyerId: lawyer.id }
      note = `改由${lawyer.name}律师（${lawyer.firm}）承办。原因：${input.body.reason}`
      Object.assign(facts, { lawyer: toLawyer(context.cipher, lawyer), reason: input.body.reason })
      break
    }
    case 'start':
      note = input.body.note || null
      facts.note = note
      break
    case 'close': {
      const { outcome, amountRecovered, summary } = input.body
      changes = { outcome, amountRecoveredFen: fen(amountRecovered), closingSummary: summary, closedAt: context.now }
      note = closingNote(input.body)
      facts.outcome = { outcome, amountRecovered, summary }
      break
    }
  }
  return { changes, note, lawyer, notice: workerNotices[input.action](facts) }
}

/** Accept, decline, assign, reassign, start, close: each moves the case, records why, and tells the worker. */
export async function staffAct(context: ServiceContext, id: string, input: StaffActionInput): Promise<StaffCaseSummary> {
  const { item } = await loadCaseForStaff(context, id, 'act')
  const step = await stepOf(context, item, input)
  const row = await transition(context, {
    workflow: legalAidWorkflow,
    table: legalAidCases,
    record: item.row,
    action: input.action,
    actor: { id: context.user.id, role: 'legal_staff' },
    changes: step.changes,
    note: step.note,
  })
  await tellWorker(context, row, step.notice, eventOf[input.action])
  return toStaffSummary({ ...item, row, lawyer: step.lawyer }, context.now)
}

export async function addNote(context: ServiceContext, id: string, input: NoteBody): Promise<{ ok: true }> {
  const { item } = await loadCaseForStaff(context, id, 'act')
  const check = legalAidWorkflow.next(item.row.status, 'note')
  if (!check.ok) throw new AppError(409, 'WRONG_STATUS', check.message)
  await appendTimelineEvent(context.db, {
    subjectType: CASE_SUBJECT,
    subjectId: item.row.id,
    actorId: context.user.id,
    actorRole: 'legal_staff',
    fromStatus: item.row.status,
    toStatus: item.row.status,
    action: 'note',
    note: input.note,
    visibility: input.visibility,
  })
  if (input.visibility === 'public') {
    await tellWorker(
      context,
      item.row,
      workerNotices.note({ caseNo: caseNumber(item.row), note: input.note, status: item.row.status }),
      eventOf.note,
    )
  }
  return { ok: true }
}

export async function postStaffMessage(context: ServiceContext, id: string, input: CaseMessageBody): Promise<CaseMessage> {
  const { item } = await loadCaseForStaff(context, id, 'act')
  const message = await insertMessage(context, item, 'staff', input)
  await tellWorker(context, item.row, workerNotices.message({ caseNo: caseNumber(item.row) }), eventOf.message)
  return message
}
