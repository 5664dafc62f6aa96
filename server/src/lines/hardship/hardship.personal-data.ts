import { and, eq, inArray, isNull } from 'drizzle-orm'
import { aidTypeShort, hardshipWorkflow } from '@contract/lines/hardship'
import { maskPhone } from '@contract/rules/mask'
import type { ServiceContext } from '../../core/context'
import { timelineEvents } from '../../core/core.tables'
import type { PersonalDataHooks } from '../../core/service-line'
import { appendTimelineEvent } from '../../core/timeline'
import { forgetUploads } from '../../platform/uploads/uploads.service'
import { sealJson } from './hardship.household'
import {
  hardshipAnnualReviews,
  hardshipApplications,
  hardshipFilePeople,
  hardshipFiles,
  hardshipItems,
  hardshipObjections,
  hardshipProofSlots,
  hardshipVisits,
} from './hardship.tables'
import { APPLICATION_SUBJECT, applicationNumber, FILE_SUBJECT, PROOF_SUBJECT, VISIT_SUBJECT } from './hardship.views'

async function applicationsOf(context: ServiceContext) {
  return context.db
    .select()
    .from(hardshipApplications)
    .where(and(eq(hardshipApplications.applicantId, context.user.id), isNull(hardshipApplications.anonymisedAt)))
    .orderBy(hardshipApplications.seq)
}

/**
 * What 困难帮扶 holds about a worker: their applications (the household with ID numbers, health and
 * income, the account, the proof), the home-visit findings and objections about them, and the
 * household's file. Deleting the account erases all of it; the applications stay as anonymous
 * records (number, aid types, amounts, dates) because the union reports on the money it paid.
 */
export const hardshipPersonalData: PersonalDataHooks = {
  async describe(context) {
    const rows = await applicationsOf(context)
    if (rows.length === 0) return null
    return {
      line: 'hardship',
      title: '困难帮扶',
      records: rows.map((row) => ({
        title: `${applicationNumber(row)} ${row.aidTypes.map((type) => aidTypeShort[type]).join('、')}`,
        facts: [
          { label: '状态', value: hardshipWorkflow.statusLabel[row.status] },
          { label: '申请人', value: row.applicantName },
          { label: '工作单位', value: row.unitName },
          { label: '家庭人口', value: `${row.memberCount} 人（含身份证号、健康、收入，已加密保存）` },
          { label: '手机号', value: row.contactPhoneEnc ? maskPhone(context.cipher.decrypt(row.contactPhoneEnc)) : '' },
          { label: '收款账户', value: `${row.bankName} ${row.accountNumberMasked}` },
          { label: '提交时间', value: row.createdAt.toISOString() },
        ],
      })),
      onDelete:
        '困难帮扶申请中的家庭成员、身份证号、健康和收入情况、银行账户、入户调查记录和证明材料将被删除；未办结的申请会撤回，已发放的金额作为匿名记录保留。',
    }
  },

  async erase(context) {
    const { db, cipher, now, user } = context
    const rows = await applicationsOf(context)
    if (rows.length === 0) return { outcome: null, storageKeys: [] }
    const ids = rows.map((row) => row.id)
    const slots = await db
      .select({ id: hardshipProofSlots.id })
      .from(hardshipProofSlots)
      .where(inArray(hardshipProofSlots.applicationId, ids))
    const visits = await db.select({ id: hardshipVisits.id }).from(hardshipVisits).where(inArray(hardshipVisits.applicationId, ids))
    const storageKeys = [
      ...(await forgetUploads(db, { attachedTo: { subjectType: PROOF_SUBJECT, subjectIds: slots.map((slot) => slot.id) } })),
      ...(await forgetUploads(db, { attachedTo: { subjectType: VISIT_SUBJECT, subjectIds: visits.map((visit) => visit.id) } })),
    ]
    await db
      .update(hardshipVisits)
      .set({ findingsEnc: cipher.encrypt(''), visitors: '（已删除）' })
      .where(inArray(hardshipVisits.applicationId, ids))
    await db
      .update(hardshipObjections)
      .set({ contentEnc: cipher.encrypt(''), raisedByEnc: null, resolutionNoteEnc: null })
      .where(inArray(hardshipObjections.applicationId, ids))
    await db
      .update(hardshipItems)
      .set({ detailsEnc: sealJson(cipher, null), childHash: null })
      .where(inArray(hardshipItems.applicationId, ids))
    await db
      .update(timelineEvents)
      .set({ note: null })
      .where(and(eq(timelineEvents.subjectType, APPLICATION_SUBJECT), inArray(timelineEvents.subjectId, ids)))
    const emptyHousehold = sealJson(cipher, { members: [], housing: null, hukouType: 'non_agricultural', causeNote: '' })
    for (const row of rows) {
      const open = hardshipWorkflow.statuses[row.status].open && row.status !== 'approved'
      await db
        .update(hardshipApplications)
        .set({
          ...(open ? { status: 'withdrawn' as const, dueBy: null, pausedOn: null } : {}),
          applicantName: '（已删除）',
          unitName: '（已删除）',
          contactPhoneEnc: null,
          householdEnc: emptyHousehold,
          perCapitaIncomeEnc: cipher.encrypt('0'),
          accountName: '（已删除）',
          accountNumberEnc: null,
          accountNumberMasked: '****',
          documentsRequest: null,
          rejectionReason: null,
          tierReason: null,
          updatedAt: now,
          anonymisedAt: now,
        })
        .where(eq(hardshipApplications.id, row.id))
      if (open) {
        await appendTimelineEvent(db, {
          subjectType: APPLICATION_SUBJECT,
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
    // The household's file, where only this person applied for it: the family goes with them.
    const fileIds = [...new Set(rows.map((row) => row.fileId))]
    for (const fileId of fileIds) {
      const others = await db
        .select({ id: hardshipApplications.id })
        .from(hardshipApplications)
        .where(and(eq(hardshipApplications.fileId, fileId), isNull(hardshipApplications.anonymisedAt)))
      if (others.length > 0) continue
      await db.delete(hardshipFilePeople).where(eq(hardshipFilePeople.fileId, fileId))
      await db
        .update(hardshipAnnualReviews)
        .set({ circumstancesEnc: cipher.encrypt(''), perCapitaIncomeEnc: null })
        .where(eq(hardshipAnnualReviews.fileId, fileId))
      await db
        .update(hardshipFiles)
        .set({ headName: '（已删除）', membersEnc: null, perCapitaIncomeEnc: null, updatedAt: now })
        .where(eq(hardshipFiles.id, fileId))
      await db
        .update(timelineEvents)
        .set({ note: null })
        .where(and(eq(timelineEvents.subjectType, FILE_SUBJECT), eq(timelineEvents.subjectId, fileId)))
    }
    return { outcome: `困难帮扶：${rows.length} 份申请的个人信息已删除`, storageKeys }
  },
}
