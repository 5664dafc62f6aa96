import {
  aidTypeLabel,
  eventKindLabel,
  fileLabelOf,
  hardshipWorkflow,
  isAwaitingDocuments,
  outOfPocketFen,
  netLossFen,
  proofSlotLabel,
  proofSlotsFor,
  relationLabel,
  reviewStepLabel,
  schoolStageLabel,
  stepOf,
  toYuan,
  type AidType,
  type ApplicationAction,
  type ApplicationStatus,
  type EducationItem,
  type FileApplicationRef,
  type HouseholdMember,
  type ItemView,
  type LedgerRow,
  type LivingItem,
  type MedicalItem,
  type MemberView,
  type ProofSlotView,
  type TemporaryItem,
} from '@contract/lines/hardship'
import { pages } from '@contract/pages'
import { AppError } from '../../lib/errors'
import { maskIdNumber } from '@contract/rules/mask'
import { chinaDate, isOverdue } from '../../core/calendar'
import type { SystemContext } from '../../core/context'
import type { FieldCipher } from '../../lib/crypto'
import { toAttachment, uploadsFor } from '../../platform/uploads/uploads.service'
import type { Queryable } from '../../db/client'
import { openJson } from './hardship.household'
import type { hardshipApplications, hardshipFiles, hardshipItems, hardshipProofSlots } from './hardship.tables'

export const APPLICATION_SUBJECT = hardshipWorkflow.subject
export const FILE_SUBJECT = 'hardship_file'
export const PROOF_SUBJECT = 'hardship_proof'
export const VISIT_SUBJECT = 'hardship_visit'
export const ACCOUNT_REVEAL = 'hardship.bank_account.reveal'

export type ApplicationRow = typeof hardshipApplications.$inferSelect
export type FileRow = typeof hardshipFiles.$inferSelect
export type ItemRow = typeof hardshipItems.$inferSelect
export type SlotRow = typeof hardshipProofSlots.$inferSelect

export type ItemDetails = LivingItem | MedicalItem | EducationItem | TemporaryItem

export const shortDate = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
export const applicationLink = (id: string) => pages.hardship.application.url({ id })
export const staffCaseLink = (id: string) => pages.hardship.staffCase.url({ id })

export const applicationNumber = (row: Pick<ApplicationRow, 'createdAt' | 'seq'>): string =>
  `帮扶〔${chinaDate(row.createdAt).slice(0, 4)}〕${row.seq}号`
export const fileNumber = (row: Pick<FileRow, 'createdAt' | 'seq'>): string => `帮档〔${chinaDate(row.createdAt).slice(0, 4)}〕${row.seq}号`

/** Age in whole years from the birth date inside a (checked) ID number. */
export function ageOf(idNumber: string, now: Date): number {
  const birth = idNumber.slice(6, 14)
  const today = chinaDate(now).replace(/-/g, '')
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4))
  return Math.max(0, today.slice(4) < birth.slice(4) ? years - 1 : years)
}

/** A member as shown: the ID number always masked; health and income only for those handling the case. */
export function toMemberView(member: HouseholdMember, now: Date, full: boolean): MemberView {
  return {
    name: member.name,
    relation: member.relation,
    idNumberMasked: maskIdNumber(member.idNumber),
    age: ageOf(member.idNumber, now),
    health: full ? member.health : null,
    healthNote: full ? member.healthNote || null : null,
    workStatus: member.workStatus,
    monthlyIncome: full ? member.monthlyIncome : null,
    unitOrSchool: member.unitOrSchool || null,
  }
}

const money = (yuan: number) => `${yuan.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`

/** An item's own fields in words; the health ones (病种、医院) only for those handling the case. */
export function itemFacts(type: AidType, details: ItemDetails, members: readonly HouseholdMember[], full: boolean) {
  const nameOf = (index: number) => {
    const member = members[index]
    return member ? `${member.name}（${relationLabel[member.relation]}）` : '家庭成员'
  }
  switch (type) {
    case 'living': {
      const item = details as LivingItem
      return full ? [{ label: '申请理由', value: item.reason }] : []
    }
    case 'medical': {
      const item = details as MedicalItem
      if (!full) return []
      return [
        { label: '患者', value: nameOf(item.patient) },
        { label: '病种', value: item.disease },
        { label: '就诊医院', value: item.hospital },
        { label: '住院', value: `${item.admittedOn} 至 ${item.dischargedOn ?? '至今'}` },
        { label: '医疗总费用', value: money(item.totalCost) },
        { label: '医保报销', value: money(item.insurancePaid) },
        { label: '单位或其他已付', value: money(item.otherPaid) },
        { label: '个人自付', value: money(toYuan(outOfPocketFen(item))) },
      ]
    }
    case 'education': {
      const item = details as EducationItem
      return [
        { label: '就读子女', value: nameOf(item.child) },
        { label: '学校', value: `${item.school}（${schoolStageLabel[item.stage]}）` },
        ...(item.major ? [{ label: '专业', value: item.major }] : []),
        { label: '学制 / 年级', value: `${item.lengthYears} 年制，${item.yearOfStudy} 年级` },
        { label: '每年学费', value: money(item.tuition) },
      ]
    }
    case 'temporary': {
      const item = details as TemporaryItem
      return [
        { label: '突发事件', value: `${eventKindLabel[item.eventKind]}（${item.eventOn}）` },
        ...(full ? [{ label: '事件经过', value: item.description }] : []),
        { label: '损失金额', value: money(item.losses) },
        { label: '已获赔偿或保险', value: money(item.compensation) },
        { label: '扣除赔偿后损失', value: money(toYuan(netLossFen(item))) },
      ]
    }
  }
}

/** An item's own fields; null once the applicant's account was deleted. */
export const openItem = (cipher: FieldCipher, row: ItemRow): ItemDetails | null => openJson<ItemDetails | null>(cipher, row.detailsEnc)

export function toItemView(
  cipher: FieldCipher,
  row: ItemRow,
  members: readonly HouseholdMember[],
  full: boolean,
  cap: ItemView['cap'],
): ItemView {
  const details = openItem(cipher, row)
  return {
    type: row.type,
    facts: details ? itemFacts(row.type, details, members, full) : [],
    cap,
    approved: row.approvedFen === null ? null : toYuan(row.approvedFen),
    paid: toYuan(row.paidFen),
  }
}

/** Proof slots with their files (signed links), in the order the form asks for them. */
export async function proofViews(
  context: SystemContext,
  db: Queryable,
  application: ApplicationRow,
  slots: readonly SlotRow[],
  members: readonly HouseholdMember[],
  items: readonly ItemRow[],
): Promise<ProofSlotView[]> {
  const files = await uploadsFor(
    db,
    PROOF_SUBJECT,
    slots.map((slot) => slot.id),
  )
  const wanted = proofSlotsFor({
    migrantWorker: application.migrantWorker,
    members,
    items: Object.fromEntries(items.map((item) => [item.type, true])),
  })
  const keys = [...new Set([...wanted.map((slot) => slot.key as string), ...slots.map((slot) => slot.slot)])]
  return keys.map((key) => {
    const slot = slots.find((candidate) => candidate.slot === key)
    return {
      key,
      label: proofSlotLabel(key, members),
      required: wanted.find((candidate) => candidate.key === key)?.required ?? false,
      files: slot
        ? files
            .filter((file) => file.subjectId === slot.id)
            .map((file) => toAttachment(context.config.authSecret, file, context.now.getTime()))
        : [],
    }
  })
}

/** The step's deadline as it stands: while documents are awaited it is frozen, so not overdue. */
export function deadlineOf(row: ApplicationRow, now: Date): { dueBy: string | null; overdue: boolean } {
  if (!stepOf(row.status)) return { dueBy: null, overdue: false }
  return { dueBy: row.dueBy, overdue: !isAwaitingDocuments(row.status) && isOverdue(row.dueBy, now) }
}

/** What happens next, in the worker's words. */
export function nextStepFor(row: ApplicationRow, now: Date): string {
  const { dueBy, overdue } = deadlineOf(row, now)
  const by = dueBy ? `${shortDate(dueBy)}前` : ''
  const late = overdue ? '（已超过期限，我们正在加紧办理）' : ''
  const status: ApplicationStatus = row.status
  switch (status) {
    case 'first_review':
      return `所在工会将入户核实，并在${by}完成初审${late}`
    case 'first_review_docs':
    case 'city_review_docs':
      return '请按要求补充材料，补齐前审核期限暂停计算'
    case 'publicity':
      return `正在公示（公示只显示姓名首字和单位），${row.publicityEndsOn ? `${shortDate(row.publicityEndsOn)}期满` : '期满'}后报市困难职工帮扶中心`
    case 'city_review':
      return `市困难职工帮扶中心将在${by}完成审核${late}`
    case 'approved':
      return `已批准 ${money(toYuan(row.approvedTotalFen))}，将在${by}发放到您的账户${late}`
    case 'paid':
      return `已发放 ${money(toYuan(row.paidTotalFen))}`
    case 'rejected':
      return row.rejectionReason ? `未通过：${row.rejectionReason}。可修改后重新提交` : '未通过，可修改后重新提交'
    case 'withdrawn':
      return '您已撤回申请'
  }
}

export const stepLabelOf = (row: ApplicationRow): string | null => {
  const step = stepOf(row.status)
  return step ? reviewStepLabel[step] : null
}

export const toFileRef = (row: ApplicationRow): FileApplicationRef => ({
  id: row.id,
  applicationNo: applicationNumber(row),
  status: row.status,
  aidTypes: row.aidTypes,
})

/** Approved and paid per type in a year (the ledger the caps are kept against). */
export function ledgerOf(
  rows: ReadonlyArray<{ type: AidType; approvedFen: number | null; paidFen: number; decidedYear: number | null }>,
  year: number,
): LedgerRow[] {
  return (Object.keys(aidTypeLabel) as AidType[])
    .map((type) => {
      const mine = rows.filter((row) => row.type === type && row.decidedYear === year)
      return {
        type,
        approved: toYuan(mine.reduce((sum, row) => sum + (row.approvedFen ?? 0), 0)),
        paid: toYuan(mine.reduce((sum, row) => sum + row.paidFen, 0)),
      }
    })
    .filter((row) => row.approved > 0 || row.paid > 0)
}

export const fileLabel = (row: FileRow, now: Date) => fileLabelOf(row, Number(chinaDate(now).slice(0, 4)))

/** The workflow's refusal (409 in its words), before anything else is checked or written. */
export function refuseUnless(row: Pick<ApplicationRow, 'status'>, action: ApplicationAction): void {
  const check = hardshipWorkflow.next(row.status, action)
  if (!check.ok) throw new AppError(409, 'WRONG_STATUS', check.message)
}
