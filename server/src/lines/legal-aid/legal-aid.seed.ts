import { inArray } from 'drizzle-orm'
import { chinaDate, addWorkingDays } from '@contract/rules/working-days'
import { ASSIGN_WITHIN_WORKING_DAYS, DECIDE_WITHIN_WORKING_DAYS, type CaseStatus, type CaseType } from '@contract/lines/legal-aid'
import { formatYuan } from '@contract/format'
import { grantSubscribeCredits } from '../../core/notify'
import { appendTimelineEvent } from '../../core/timeline'
import type { SystemContext } from '../../core/context'
import { findUserByOpenid } from '../../platform/auth/auth.repository'
import { CASE_SUBJECT } from './legal-aid.views'
import { legalAidCases, legalAidLawyers, legalAidMessages } from './legal-aid.tables'

/** 工会阳光法律援助志愿者 for the demo: invented names, firms and numbers. */
export const demoLawyers: Array<Omit<typeof legalAidLawyers.$inferInsert, 'phoneEnc'> & { phone: string }> = [
  {
    id: 'demo-lawyer-zhou',
    name: '周立新',
    firm: '江苏港城律师事务所',
    phone: '0518-85550101',
    specialties: ['wage_arrears', 'labour_contract'],
  },
  {
    id: 'demo-lawyer-sun',
    name: '孙慧',
    firm: '连云港明法律师事务所',
    phone: '0518-85550102',
    specialties: ['work_injury', 'social_insurance'],
  },
  {
    id: 'demo-lawyer-wu',
    name: '吴建华',
    firm: '江苏海州正和律师事务所',
    phone: '0518-85550103',
    specialties: ['dismissal', 'labour_contract'],
  },
  { id: 'demo-lawyer-zheng', name: '郑婷', firm: '连云港新海律师事务所', phone: '0518-85550104', specialties: ['wage_arrears', 'other'] },
]

interface DemoCase {
  id: string
  type: CaseType
  status: CaseStatus
  daysAgo: number
  description: string
  employerName: string
  amountInvolved: number | null
  demand: string
  monthlyIncome: number
  lawyerId?: string
  staffMessage?: string
  outcome?: { outcome: 'mediated'; amountRecovered: number; summary: string }
}

const demoCases: DemoCase[] = [
  {
    id: '00000000-0000-4000-8000-00000000a001',
    type: 'wage_arrears',
    status: 'submitted',
    daysAgo: 20,
    description:
      '我在海州区一家餐饮店做外卖配送和后厨帮工，老板拖欠了我 9 月和 10 月两个月的工资，多次催要一直说下个月给，现在电话也不接了。',
    employerName: '海州区某餐饮管理有限公司',
    amountInvolved: 9600,
    demand: '要回拖欠的两个月工资',
    monthlyIncome: 4800,
  },
  {
    id: '00000000-0000-4000-8000-00000000a002',
    type: 'work_injury',
    status: 'assigned',
    daysAgo: 6,
    description: '送货途中在路口被电动车撞倒，右手骨折，住院一周。平台说我不是他们的员工，不给申报工伤，医药费都是我自己垫付的。',
    employerName: '连云港某同城配送服务有限公司',
    amountInvolved: 23000,
    demand: '认定工伤，报销医疗费并支付停工期间工资',
    monthlyIncome: 5200,
    lawyerId: 'demo-lawyer-sun',
    staffMessage: '王师傅您好，孙律师会在这两天联系您，请先把住院病历和发票拍照发到这里。',
  },
  {
    id: '00000000-0000-4000-8000-00000000a003',
    type: 'labour_contract',
    status: 'closed',
    daysAgo: 60,
    description: '入职快递站点半年，一直没有签劳动合同，站点负责人说签了合同要扣社保，我想要回未签合同的双倍工资差额。',
    employerName: '开发区某快递服务站',
    amountInvolved: 15000,
    demand: '支付未签劳动合同的双倍工资差额',
    monthlyIncome: 4500,
    lawyerId: 'demo-lawyer-zhou',
    outcome: { outcome: 'mediated', amountRecovered: 12000, summary: '经劳动争议调解委员会调解，用人单位同意一次性支付 12,000 元。' },
  },
]

const STAGES: CaseStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'closed']
/** The action that reaches each stage, for the timeline. */
const stepAction: Partial<Record<CaseStatus, string>> = {
  submitted: 'submit',
  accepted: 'accept',
  assigned: 'assign',
  in_progress: 'start',
  closed: 'close',
}

/**
 * The legal-aid demo: the volunteer lawyers and a few cases of 王小明 (demo-worker) in different
 * states, one of them past its deadline so that the legal queue has something to show.
 * Safe to run at every start: nothing is added twice.
 */
export async function seedLegalAidDemo({ db, cipher, calendar, now }: SystemContext): Promise<void> {
  await db
    .insert(legalAidLawyers)
    .values(demoLawyers.map(({ phone, ...lawyer }, index) => ({ ...lawyer, phoneEnc: cipher.encrypt(phone), sortOrder: index })))
    .onConflictDoNothing()

  const worker = await findUserByOpenid(db, 'demo-worker')
  const legal = await findUserByOpenid(db, 'demo-legal')
  if (!worker || !legal) return
  const existing = await db
    .select({ id: legalAidCases.id })
    .from(legalAidCases)
    .where(
      inArray(
        legalAidCases.id,
        demoCases.map((item) => item.id),
      ),
    )

  for (const demo of demoCases.filter((item) => !existing.some((row) => row.id === item.id))) {
    await db.transaction(async (tx) => {
      const createdAt = new Date(now.getTime() - demo.daysAgo * 24 * 3600_000)
      const at = (hours: number) => new Date(createdAt.getTime() + hours * 3600_000)
      const reached = STAGES.indexOf(demo.status)
      await tx.insert(legalAidCases).values({
        id: demo.id,
        applicantId: worker.id,
        type: demo.type,
        status: demo.status,
        descriptionEnc: cipher.encrypt(demo.description),
        employerName: demo.employerName,
        employerAddress: '连云港市海州区（演示地址）',
        amountInvolvedFen: demo.amountInvolved === null ? null : demo.amountInvolved * 100,
        demand: demo.demand,
        monthlyIncomeEnc: cipher.encrypt(String(demo.monthlyIncome * 100)),
        contactName: worker.nickname || '王小明',
        contactPhoneEnc: cipher.encrypt('13800000001'),
        decideBy: addWorkingDays(chinaDate(createdAt), DECIDE_WITHIN_WORKING_DAYS, calendar),
        assignBy: reached >= 1 ? addWorkingDays(chinaDate(at(24)), ASSIGN_WITHIN_WORKING_DAYS, calendar) : null,
        decidedAt: reached >= 1 ? at(24) : null,
        lawyerId: reached >= 2 ? (demo.lawyerId ?? null) : null,
        assignedAt: reached >= 2 ? at(48) : null,
        outcome: demo.outcome?.outcome ?? null,
        amountRecoveredFen: demo.outcome ? demo.outcome.amountRecovered * 100 : null,
        closingSummary: demo.outcome?.summary ?? null,
        closedAt: demo.status === 'closed' ? at(24 * 40) : null,
        createdAt,
        updatedAt: at(Math.min(reached, 3) * 24),
      })
      // Timed as the case columns above: accepted a day in, assigned two, started three, closed at forty.
      const events: Array<{ to: CaseStatus; at: Date; note?: string }> = [{ to: 'submitted', at: createdAt }]
      if (reached >= 1) events.push({ to: 'accepted', at: at(24), note: '符合法律援助条件，予以受理' })
      if (reached >= 2)
        events.push({
          to: 'assigned',
          at: at(48),
          note: `指派${demoLawyers.find((lawyer) => lawyer.id === demo.lawyerId)?.name ?? ''}律师承办`,
        })
      if (reached >= 3) events.push({ to: 'in_progress', at: at(72) })
      if (reached >= 4 && demo.outcome)
        events.push({
          to: 'closed',
          at: at(24 * 40),
          note: `调解成功，追回 ${formatYuan(demo.outcome.amountRecovered)}。${demo.outcome.summary}`,
        })
      let from: CaseStatus | null = null
      for (const event of events) {
        await appendTimelineEvent(tx, {
          action: stepAction[event.to],
          subjectType: CASE_SUBJECT,
          subjectId: demo.id,
          actorId: event.to === 'submitted' ? worker.id : legal.id,
          actorRole: event.to === 'submitted' ? 'applicant' : 'legal_staff',
          fromStatus: from,
          toStatus: event.to,
          note: event.note ?? null,
          at: event.at,
        })
        from = event.to
      }
      await grantSubscribeCredits(tx, { userId: worker.id, subject: { type: CASE_SUBJECT, id: demo.id }, accepted: 0, now })
      if (demo.staffMessage) {
        await tx.insert(legalAidMessages).values({
          caseId: demo.id,
          authorId: legal.id,
          authorRole: 'staff',
          bodyEnc: cipher.encrypt(demo.staffMessage),
          createdAt: at(49),
        })
      }
    })
  }
}
