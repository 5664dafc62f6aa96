import { and, eq, inArray } from 'drizzle-orm'
import { caseTypeLabel, isCaseOpen, legalAidWorkflow } from '@contract/lines/legal-aid'
import { maskPhone } from '@contract/rules/mask'
import { formatYuan } from '@contract/format'
import type { ServiceContext } from '../../core/context'
import { timelineEvents } from '../../core/core.tables'
import type { PersonalDataHooks } from '../../core/service-line'
import { appendTimelineEvent } from '../../core/timeline'
import { forgetUploads } from '../../platform/uploads/uploads.service'
import { allCasesOfApplicant } from './legal-aid.repository'
import { legalAidCases, legalAidMessages } from './legal-aid.tables'
import { CASE_SUBJECT, caseNumber, contactPhoneOf, MESSAGE_SUBJECT } from './legal-aid.views'

const yuanOfFen = (fen: number) => formatYuan(fen / 100)

/**
 * What legal aid holds about a worker: their cases (the story, the income, the contact), the
 * conversation and the files. Deleting the account erases all of that; the case stays as an
 * anonymous record (its number, type, dates and statuses) because the union reports on its cases.
 */
export const legalAidPersonalData: PersonalDataHooks = {
  async describe(context) {
    const cases = await allCasesOfApplicant(context.db, context.user.id)
    if (cases.length === 0) return null
    return {
      line: 'legal_aid',
      title: '法律援助',
      records: cases.map((row) => ({
        title: `${caseNumber(row)} ${caseTypeLabel[row.type]}`,
        facts: [
          { label: '状态', value: legalAidWorkflow.statusLabel[row.status] },
          { label: '用人单位', value: row.employerName },
          { label: '联系人', value: row.contactName },
          { label: '手机号', value: maskPhone(contactPhoneOf(context.cipher, row)) },
          { label: '月收入', value: yuanOfFen(Number(context.cipher.decrypt(row.monthlyIncomeEnc))) },
          { label: '提交时间', value: row.createdAt.toISOString() },
        ],
      })),
      onDelete: '法律援助案件中的案情、收入、联系方式、消息和证据材料将被删除；未办结的案件会撤回。',
    }
  },

  async erase(context: ServiceContext) {
    const { db, user, cipher, now } = context
    const cases = await allCasesOfApplicant(db, user.id)
    if (cases.length === 0) return { outcome: null, storageKeys: [] }
    const caseIds = cases.map((row) => row.id)
    const messages = await db.select({ id: legalAidMessages.id }).from(legalAidMessages).where(inArray(legalAidMessages.caseId, caseIds))
    const storageKeys = [
      ...(await forgetUploads(db, { attachedTo: { subjectType: CASE_SUBJECT, subjectIds: caseIds } })),
      ...(await forgetUploads(db, { attachedTo: { subjectType: MESSAGE_SUBJECT, subjectIds: messages.map((message) => message.id) } })),
    ]
    await db.delete(legalAidMessages).where(inArray(legalAidMessages.caseId, caseIds))
    // Notes in the history may name the worker or retell the story: the steps stay, their words go.
    await db
      .update(timelineEvents)
      .set({ note: null })
      .where(and(eq(timelineEvents.subjectType, CASE_SUBJECT), inArray(timelineEvents.subjectId, caseIds)))
    for (const row of cases) {
      const open = isCaseOpen(row.status)
      await db
        .update(legalAidCases)
        .set({
          ...(open ? { status: 'withdrawn' as const } : {}),
          descriptionEnc: cipher.encrypt(''),
          monthlyIncomeEnc: cipher.encrypt('0'),
          employerName: '（已删除）',
          employerAddress: '（已删除）',
          demand: '',
          contactName: '（已删除）',
          contactPhoneEnc: null,
          legacyContactPhone: null,
          declineReason: null,
          closingSummary: null,
          awaitingReply: false,
          updatedAt: now,
          anonymisedAt: now,
        })
        .where(eq(legalAidCases.id, row.id))
      if (open) {
        await appendTimelineEvent(db, {
          subjectType: CASE_SUBJECT,
          subjectId: row.id,
          actorId: user.id,
          actorRole: 'applicant',
          fromStatus: row.status,
          toStatus: 'withdrawn',
          action: 'withdraw',
          note: '本人注销账号：申请撤回，个人信息已删除',
        })
      }
    }
    return { outcome: `法律援助：${cases.length} 件案件的个人信息已删除`, storageKeys }
  },
}
