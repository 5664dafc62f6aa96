import { and, eq, ne } from 'drizzle-orm'
import {
  educationLabel,
  employmentTypeLabel,
  genderLabel,
  hukouTypeLabel,
  membershipWorkflow,
  politicalStatusLabel,
} from '@contract/lines/membership'
import type { DataFact } from '@contract/account'
import type { ServiceContext } from '../../core/context'
import type { PersonalDataHooks } from '../../core/service-line'
import { appendTimelineEvent } from '../../core/timeline'
import { APPLICATION_SUBJECT, applyContactPhone } from './membership.apply'
import { findActiveMembershipOfUser, findLiveApplicationOfUser } from './membership.repository'
import { membershipApplications, memberships } from './membership.tables'
import { applicationDetail } from './membership.views'

const date = (iso: string) => iso.slice(0, 10)

/**
 * What membership holds about a person: the application (identity, contact, work, background; the
 * ID number masked) and the membership. Deleting the account:
 * - ends a membership at once: the card stops verifying and the member number is retired, never
 *   given to anyone else;
 * - keeps the application as an anonymised record (status 已撤回): which union, when it was
 *   submitted and decided, and the member number — the union's register accounts for its numbers —
 *   while name, ID number, phone, work and background are erased.
 */
export const membershipPersonalData: PersonalDataHooks = {
  async describe(context: ServiceContext) {
    const live = await findLiveApplicationOfUser(context.db, context.user.id)
    const active = await findActiveMembershipOfUser(context.db, context.user.id)
    if (!live && !active) return null
    const records = []
    if (live) {
      const detail = applicationDetail(live.application, live.org, [], active?.membership.memberNumber ?? null)
      const facts: DataFact[] = [
        { label: '状态', value: membershipWorkflow.statusLabel[detail.status] },
        { label: '工会', value: detail.orgName },
        { label: '姓名', value: detail.name },
        { label: '性别', value: genderLabel[detail.gender] },
        { label: '民族', value: detail.ethnicity },
        { label: '身份证号', value: detail.idNumberMasked },
        { label: '手机号', value: detail.phoneMasked },
        { label: '工作单位', value: detail.employer },
        { label: '就业形态', value: employmentTypeLabel[detail.employmentType] },
        { label: '农民工', value: detail.migrantWorker ? '是' : '否' },
        { label: '学历', value: educationLabel[detail.education] },
        { label: '政治面貌', value: politicalStatusLabel[detail.politicalStatus] },
        { label: '户籍', value: [hukouTypeLabel[detail.hukouType], detail.hukouPlace].filter(Boolean).join(' · ') },
        { label: '提交时间', value: date(detail.submittedAt) },
        { label: '单独同意处理身份证号', value: date((live.application.consentAt ?? live.application.submittedAt).toISOString()) },
      ]
      records.push({ title: '入会申请', facts })
    }
    if (active) {
      records.push({
        title: '会员资格',
        facts: [
          { label: '会员号', value: active.membership.memberNumber },
          { label: '会员卡号', value: active.membership.cardNumber },
          { label: '所属工会', value: active.org.name },
          { label: '入会时间', value: date(active.membership.joinedAt.toISOString()) },
        ],
      })
    }
    return {
      line: 'membership',
      title: '会员入会',
      records,
      onDelete: active
        ? `会员资格立即终止，会员号 ${active.membership.memberNumber} 停用且不会再分配给他人，电子会员卡失效；入会申请中的个人信息将被删除。`
        : '入会申请将撤回，其中的个人信息将被删除。',
    }
  },

  async erase(context: ServiceContext) {
    const { db: tx, user, now } = context
    const active = await findActiveMembershipOfUser(tx, user.id)
    if (active) {
      await tx
        .update(memberships)
        .set({ status: 'ended', endedAt: now, endReason: 'account_deleted', name: null, idNumberHash: null })
        .where(eq(memberships.id, active.membership.id))
    }
    const live = await findLiveApplicationOfUser(tx, user.id)
    if (live) {
      await tx
        .update(membershipApplications)
        .set({
          status: 'withdrawn',
          name: null,
          gender: null,
          ethnicity: null,
          birthDate: null,
          idNumberCipher: null,
          idNumberHash: null,
          idNumberMasked: null,
          phone: null,
          phoneVerified: false,
          phoneConflict: false,
          employer: null,
          employmentType: null,
          migrantWorker: null,
          education: null,
          politicalStatus: null,
          hukouType: null,
          hukouPlace: null,
          rejectionReason: null,
          updatedAt: now,
          anonymisedAt: now,
        })
        .where(and(eq(membershipApplications.id, live.application.id), ne(membershipApplications.status, 'withdrawn')))
      await appendTimelineEvent(tx, {
        subjectType: APPLICATION_SUBJECT,
        subjectId: live.application.id,
        actorId: user.id,
        actorRole: 'applicant',
        fromStatus: live.application.status,
        toStatus: 'withdrawn',
        action: 'withdraw',
        note: active
          ? `本人注销账号：会员资格终止，会员号 ${active.membership.memberNumber} 停用，个人信息已删除`
          : '本人注销账号：申请撤回，个人信息已删除',
      })
    }
    const outcome = active
      ? `会员资格已终止，会员号 ${active.membership.memberNumber} 已停用`
      : live
        ? '入会申请已撤回，个人信息已删除'
        : null
    return { outcome, storageKeys: [] }
  },

  contactChanged: applyContactPhone,
}
