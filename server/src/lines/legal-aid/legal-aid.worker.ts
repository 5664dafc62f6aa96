import {
  DECIDE_WITHIN_WORKING_DAYS,
  isCaseOpen,
  legalAidWorkflow,
  type CaseApplication,
  type CaseMessage,
  type CaseMessageBody,
  type MyCaseDetail,
  type MyCaseList,
  type MyCaseSummary,
  type WithdrawBody,
} from '@contract/lines/legal-aid'
import { maskPhone } from '@contract/rules/mask'
import { requireOwnRecord } from '../../core/access'
import { dueBy } from '../../core/calendar'
import type { ServiceContext } from '../../core/context'
import { creditsFor, grantSubscribeCredits, notifyApplicant } from '../../core/notify'
import { appendTimelineEvent } from '../../core/timeline'
import { transition } from '../../core/workflow'
import { attachUploads } from '../../platform/uploads/uploads.service'
import { casesOfApplicant, findCase, type CaseWithPeople } from './legal-aid.repository'
import { workerNotices } from './legal-aid.notices'
import { legalAidCases } from './legal-aid.tables'
import { insertMessage } from './legal-aid.thread'
import { CASE_SUBJECT, caseLink, caseNumber, detailParts, fen, nextStepFor, toMySummary } from './legal-aid.views'

/** The worker's side of legal aid: ask, follow, write, withdraw. */

const caseSubject = (id: string) => ({ type: CASE_SUBJECT, id })

/** One of the worker's own cases; anyone else's does not exist for them. */
export async function loadOwnCase(context: ServiceContext, id: string): Promise<CaseWithPeople> {
  const found = await findCase(context.db, id)
  requireOwnRecord(context.user, found && !found.row.anonymisedAt ? { applicantId: found.row.applicantId } : undefined, '没有找到这个案件')
  return found!
}

export async function submitCase(context: ServiceContext, input: CaseApplication): Promise<MyCaseSummary> {
  const { db, user, cipher, now } = context
  const [row] = await db
    .insert(legalAidCases)
    .values({
      applicantId: user.id,
      type: input.type,
      status: 'submitted',
      descriptionEnc: cipher.encrypt(input.description),
      employerName: input.employerName,
      employerAddress: input.employerAddress,
      amountInvolvedFen: input.amountInvolved === undefined || input.amountInvolved === null ? null : fen(input.amountInvolved),
      demand: input.demand,
      monthlyIncomeEnc: cipher.encrypt(String(fen(input.monthlyIncome))),
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      decideBy: dueBy(context.calendar, now, DECIDE_WITHIN_WORKING_DAYS),
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
  await grantSubscribeCredits(db, { userId: user.id, subject: caseSubject(row.id), accepted: input.subscribeAccepted ?? 0, now })
  await appendTimelineEvent(db, {
    subjectType: CASE_SUBJECT,
    subjectId: row.id,
    actorId: user.id,
    actorRole: 'applicant',
    fromStatus: null,
    toStatus: 'submitted',
    action: 'submit',
  })
  const item = { row, lawyer: null, applicantName: user.nickname }
  const notice = workerNotices.submit({ caseNo: caseNumber(row), note: nextStepFor(item, now) })
  await notifyApplicant(context, { userId: user.id, title: notice.title, body: notice.body, link: caseLink(row.id) })
  return toMySummary(item, now)
}

export async function listMyCases(context: ServiceContext, query: { cursor?: string; limit?: string }): Promise<MyCaseList> {
  const page = await casesOfApplicant(context.db, context.user.id, query)
  return { ...page, items: page.items.map((item) => toMySummary(item, context.now)) }
}

export async function getMyCase(context: ServiceContext, id: string): Promise<MyCaseDetail> {
  const item = await loadOwnCase(context, id)
  const { row, lawyer } = item
  return {
    ...toMySummary(item, context.now),
    ...(await detailParts(context, context.db, row, 'applicant')),
    contactPhoneMasked: maskPhone(row.contactPhone),
    handler:
      lawyer && ['assigned', 'in_progress', 'closed'].includes(row.status)
        ? { name: lawyer.name, firm: lawyer.firm, phone: lawyer.phone }
        : null,
    canWithdraw: legalAidWorkflow.next(row.status, 'withdraw').ok,
    canMessage: isCaseOpen(row.status),
    subscribeCredits: await creditsFor(context.db, context.user.id, caseSubject(row.id)),
  }
}

export async function postWorkerMessage(context: ServiceContext, id: string, input: CaseMessageBody): Promise<CaseMessage> {
  return insertMessage(context, await loadOwnCase(context, id), 'worker', input)
}

export async function withdrawCase(context: ServiceContext, id: string, input: WithdrawBody): Promise<MyCaseSummary> {
  const item = await loadOwnCase(context, id)
  const row = await transition(context, {
    workflow: legalAidWorkflow,
    table: legalAidCases,
    record: item.row,
    action: 'withdraw',
    actor: { id: context.user.id, role: 'applicant' },
    note: input.reason || null,
  })
  return toMySummary({ ...item, row }, context.now)
}
