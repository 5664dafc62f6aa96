import { caseOutcomeLabel, caseStatusLabel, caseTypeLabel, type CaseOutcome, type StaffCaseAction } from '@contract/lines/legal-aid'
import { formatYuan } from '@contract/format'
import type { SystemContext } from '../../core/context'
import { notifyApplicant } from '../../core/notify'
import type { CaseRow } from './legal-aid.repository'
import { CASE_SUBJECT, caseLink } from './legal-aid.views'

/**
 * What the worker is told when their case moves, in one place: the in-app message (title, body)
 * and the WeChat status update (a ≤ 5-character phrase and a ≤ 20-character hint). Keyed by what
 * happened; `facts` are the particulars of this case.
 */
export interface NoticeFacts {
  caseNo: string
  note?: string | null
  /** By when a lawyer will be assigned (accept). */
  assignBy?: string
  reason?: string
  lawyer?: { name: string; firm: string; phone: string }
  outcome?: { outcome: CaseOutcome; amountRecovered: number; summary: string }
  status?: keyof typeof caseStatusLabel
}

export interface WorkerNotice {
  title: string
  body: string
  phrase: string
  hint: string
}

const tail = (text: string | null | undefined) => (text ? text : '')

export const workerNotices: Record<StaffCaseAction | 'submit' | 'note' | 'message', (facts: NoticeFacts) => WorkerNotice> = {
  submit: ({ caseNo, note }) => ({
    title: '法律援助申请已提交',
    body: `${caseNo}：${tail(note)}。`,
    phrase: '已提交',
    hint: '工会将尽快答复是否受理',
  }),
  accept: ({ caseNo, assignBy, note }) => ({
    title: '法律援助申请已受理',
    body: `${caseNo}已受理，我们将在${assignBy ?? ''}前为您指派律师。${tail(note)}`,
    phrase: '已受理',
    hint: '将尽快为您指派律师',
  }),
  decline: ({ caseNo, reason }) => ({
    title: '法律援助申请不予受理',
    body: `${caseNo}不予受理。原因：${tail(reason)}`,
    phrase: '不予受理',
    hint: '点击查看原因',
  }),
  assign: ({ caseNo, lawyer, note }) => ({
    title: '已为您指派律师',
    body: `${caseNo}由${lawyer?.name}律师（${lawyer?.firm}）承办，联系电话 ${lawyer?.phone}。${tail(note)}`,
    phrase: '已指派',
    hint: `${lawyer?.name}律师将与您联系`,
  }),
  reassign: ({ caseNo, lawyer, reason }) => ({
    title: '承办律师已更换',
    body: `${caseNo}改由${lawyer?.name}律师（${lawyer?.firm}）承办，联系电话 ${lawyer?.phone}。原因：${tail(reason)}`,
    phrase: '更换律师',
    hint: `${lawyer?.name}律师将与您联系`,
  }),
  start: ({ caseNo, note }) => ({
    title: '案件开始承办',
    body: `${caseNo}已开始承办。${tail(note)}`,
    phrase: '承办中',
    hint: '律师已开始办理您的案件',
  }),
  close: ({ caseNo, outcome }) => ({
    title: '案件已结案',
    body: `${caseNo}已结案：${outcome ? closingNote(outcome) : ''}`,
    phrase: '已结案',
    hint: outcome ? caseOutcomeLabel[outcome.outcome] : '已结案',
  }),
  note: ({ caseNo, note, status }) => ({
    title: '案件有新进展',
    body: `${caseNo}：${tail(note)}`,
    phrase: status ? caseStatusLabel[status].slice(0, 5) : '有进展',
    hint: '案件有新进展，点击查看',
  }),
  // The message itself stays encrypted with the case; the notice only points to it.
  message: ({ caseNo }) => ({
    title: '法律援助案件有新消息',
    body: `${caseNo}：工作人员给您发来一条新消息，点击查看。`,
    phrase: '新消息',
    hint: '工作人员给您发来新消息',
  }),
}

/** The timeline's and the notice's words for a closing: 调解成功，追回 12,000 元。… (money as every page writes it) */
export function closingNote({ outcome, amountRecovered, summary }: NonNullable<NoticeFacts['outcome']>): string {
  return `${caseOutcomeLabel[outcome]}${amountRecovered > 0 ? `，追回 ${formatYuan(amountRecovered)}` : ''}。${summary}`
}

/** Tells the worker: in-app always, and through WeChat when they allowed a message for this case. */
export async function tellWorker(context: SystemContext, row: CaseRow, notice: WorkerNotice, event: string): Promise<void> {
  await notifyApplicant(context, {
    userId: row.applicantId,
    title: notice.title,
    body: notice.body,
    link: caseLink(row.id),
    wechat: {
      topic: 'legal_aid',
      subject: { type: CASE_SUBJECT, id: row.id },
      thing: `法律援助·${caseTypeLabel[row.type]}`,
      phrase: notice.phrase,
      hint: notice.hint,
      event,
    },
  })
}
