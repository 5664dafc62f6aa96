import {
  caseOutcomeLabel,
  isCaseOpen,
  type CaseAttachment,
  type CaseMessage,
  type Lawyer,
  type MyCaseSummary,
  type StaffCaseSummary,
} from '@contract/lines/legal-aid'
import { pages } from '@contract/pages'
import { chinaDate, isOverdue } from '../../core/calendar'
import type { SystemContext } from '../../core/context'
import { listTimeline } from '../../core/timeline'
import type { Queryable } from '../../db/client'
import type { FieldCipher } from '../../lib/crypto'
import { toAttachment, uploadsFor, type UploadRow } from '../../platform/uploads/uploads.service'
import { messagesOf, type CaseRow, type CaseSummaryRow, type CaseSummaryWithPeople, type LawyerRow } from './legal-aid.repository'

export const CASE_SUBJECT = 'legal_aid_case'
export const MESSAGE_SUBJECT = 'legal_aid_message'

export const yuan = (fen: number | null): number | null => (fen === null ? null : fen / 100)
export const fen = (amount: number): number => Math.round(amount * 100)
export const shortDate = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
export const caseLink = (id: string) => pages.legalAid.case.url({ id })

export function caseNumber(row: Pick<CaseRow, 'createdAt' | 'seq'>): string {
  return `法援〔${chinaDate(row.createdAt).slice(0, 4)}〕${row.seq}号`
}

/** The deadline that applies now: deciding while submitted, assigning once accepted. */
export function dueByOf(row: Pick<CaseRow, 'status' | 'decideBy' | 'assignBy'>): string | null {
  if (row.status === 'submitted') return row.decideBy
  if (row.status === 'accepted') return row.assignBy
  return null
}

/** A lawyer's phone, decrypted (every phone number is encrypted at rest). */
export const lawyerPhoneOf = (cipher: FieldCipher, lawyer: Pick<LawyerRow, 'phoneEnc'>): string =>
  lawyer.phoneEnc ? cipher.decrypt(lawyer.phoneEnc) : ''
/** The worker's contact phone on a case (empty once anonymised). */
export const contactPhoneOf = (cipher: FieldCipher, row: CaseRow): string =>
  row.contactPhoneEnc ? cipher.decrypt(row.contactPhoneEnc) : ''

/** What happens next, in the worker's words; an overdue step says so and what the worker can do. */
export function nextStepFor(cipher: FieldCipher, { row, lawyer }: CaseSummaryWithPeople, now: Date): string {
  const due = dueByOf(row)
  const late = isOverdue(due, now)
  switch (row.status) {
    case 'submitted':
      return late
        ? `已超过受理期限（${shortDate(row.decideBy)}），我们正在加紧办理；也可以拨打 12351 职工维权服务热线询问`
        : `工会法律工作部将在${shortDate(row.decideBy)}前决定是否受理`
    case 'accepted':
      if (!row.assignBy) return '已受理，正在为您指派律师'
      return late
        ? `已超过指派期限（${shortDate(row.assignBy)}），正在尽快为您指派律师`
        : `已受理，将在${shortDate(row.assignBy)}前为您指派律师`
    case 'declined':
      return '不予受理。如有疑问，可拨打 12351 职工维权服务热线'
    case 'assigned':
      return lawyer ? `${lawyer.name}律师将与您联系，您也可以直接拨打 ${lawyerPhoneOf(cipher, lawyer)}` : '已指派律师，律师将与您联系'
    case 'in_progress':
      return lawyer ? `${lawyer.name}律师正在承办，有进展会通知您` : '律师正在承办，有进展会通知您'
    case 'closed':
      return row.outcome ? `已结案：${caseOutcomeLabel[row.outcome]}` : '已结案'
    case 'withdrawn':
      return '您已撤回申请。如需帮助，可以重新申请'
  }
}

/** What every view of a case starts with: its number, kind, status, employer and dates. */
function caseCore(row: CaseSummaryRow) {
  return {
    id: row.id,
    caseNo: caseNumber(row),
    type: row.type,
    status: row.status,
    employerName: row.employerName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export function toMySummary(cipher: FieldCipher, item: CaseSummaryWithPeople, now: Date): MyCaseSummary {
  return { ...caseCore(item.row), nextStep: nextStepFor(cipher, item, now) }
}

export function toStaffSummary({ row, lawyer, applicantName }: CaseSummaryWithPeople, now: Date): StaffCaseSummary {
  const dueBy = dueByOf(row)
  return {
    ...caseCore(row),
    contactName: row.contactName,
    applicantName,
    decideBy: row.decideBy,
    assignBy: row.assignBy,
    dueBy,
    overdue: isOverdue(dueBy, now),
    awaitingReply: row.awaitingReply && isCaseOpen(row.status),
    handlerName: lawyer?.name ?? null,
  }
}

export const toLawyer = (cipher: FieldCipher, row: LawyerRow): Lawyer => ({
  id: row.id,
  name: row.name,
  firm: row.firm,
  phone: lawyerPhoneOf(cipher, row),
  specialties: row.specialties,
  active: row.active,
})

export function authorNameOf(role: 'worker' | 'staff', viewer: 'applicant' | 'staff', contactName: string, staffName: string): string {
  if (role === 'worker') return viewer === 'applicant' ? '我' : `申请人 ${contactName}`
  return `${staffName || '工作人员'}（法律援助工作人员）`
}

/** Everything of a case both sides see in full: the story, the files, the conversation, the history. */
/** Who reads a case: the worker, the legal staff who handle it, or oversight (read-only, less shown). */
export type CaseViewer = 'applicant' | 'staff' | 'oversight'

export async function detailParts(context: SystemContext, db: Queryable, row: CaseRow, viewer: CaseViewer) {
  const side = viewer === 'applicant' ? 'applicant' : 'staff'
  const messageRows = await messagesOf(db, row.id)
  const files = await uploadsFor(db, CASE_SUBJECT, [row.id])
  const messageFiles = await uploadsFor(
    db,
    MESSAGE_SUBJECT,
    messageRows.map(({ message }) => message.id),
  )
  const attach = (upload: UploadRow): CaseAttachment => toAttachment(context.config.authSecret, upload, context.now.getTime())
  const messages: CaseMessage[] = messageRows.map(({ message, authorName }) => ({
    id: message.id,
    from: message.authorRole,
    authorName: authorNameOf(message.authorRole, side, row.contactName, authorName ?? ''),
    body: context.cipher.decrypt(message.bodyEnc),
    attachments: messageFiles.filter((file) => file.subjectId === message.id).map(attach),
    createdAt: message.createdAt.toISOString(),
  }))
  return {
    description: context.cipher.decrypt(row.descriptionEnc),
    employerAddress: row.employerAddress,
    amountInvolved: yuan(row.amountInvolvedFen),
    demand: row.demand,
    // The form tells the worker only legal-aid staff see it: oversight does not.
    monthlyIncome: viewer === 'oversight' ? null : Number(context.cipher.decrypt(row.monthlyIncomeEnc)) / 100,
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
    timeline: await listTimeline(db, context.roles, CASE_SUBJECT, row.id, side),
  }
}
