import { eq } from 'drizzle-orm'
import type { ApplicationBody } from '@contract/lines/membership'
import { checkIdNumber, idNumberCheckCharacter } from '@contract/rules/id-number'
import { maskIdNumber } from '@contract/rules/mask'
import { grantSubscribeCredits } from '../../core/notify'
import { appendTimelineEvent } from '../../core/timeline'
import type { SystemContext } from '../../core/context'
import type { Queryable } from '../../db/client'
import type { FieldCipher } from '../../lib/crypto'
import { findUserByOpenid, upsertUserByOpenid } from '../../platform/auth/auth.repository'
import { users } from '../../platform/auth/auth.tables'
import { memberNumbersFor } from './membership.review'
import { nextMemberSequence } from './membership.repository'
import { APPLICATION_SUBJECT } from './membership.apply'
import { membershipApplications, memberships } from './membership.tables'

type DemoForm = Omit<ApplicationBody, 'consentNotice' | 'consentSensitive' | 'phoneSource' | 'idNumber'> & {
  /** First 17 digits; the check character is computed, so every demo number is valid. */
  idNumber17: string
  phone: string
}

interface DemoApplicant {
  openid: string
  nickname: string
  daysAgo: number
  form: DemoForm
}

const DAY_MS = 24 * 3600 * 1000

const base = { migrantWorker: false, education: 'senior', politicalStatus: 'masses', hukouType: 'urban' } as const

/**
 * Applicants waiting for review, spread over unions inside and outside 海州区, so that each staff
 * persona sees a queue of their own (and the city admin sees all of them).
 */
const waitingApplicants: DemoApplicant[] = [
  {
    openid: 'demo-applicant-1',
    nickname: '周志强',
    daysAgo: 5,
    form: {
      ...base,
      name: '周志强',
      gender: 'male',
      ethnicity: '汉族',
      idNumber17: '32070619880512003',
      phone: '13905180001',
      employer: '连云港市第一人民医院',
      employmentType: 'full_time',
      education: 'college',
      orgId: 'lyg-haizhou-hospital1',
    },
  },
  {
    openid: 'demo-applicant-2',
    nickname: '孙丽',
    daysAgo: 3,
    form: {
      ...base,
      name: '孙丽',
      gender: 'female',
      ethnicity: '汉族',
      idNumber17: '32070619750823004',
      phone: '13905180002',
      employer: '海州区环境卫生管理处',
      employmentType: 'dispatched',
      migrantWorker: true,
      education: 'junior_or_below',
      hukouType: 'rural',
      hukouPlace: '江苏省连云港市灌云县',
      orgId: 'lyg-haizhou-sanitation',
    },
  },
  {
    openid: 'demo-applicant-3',
    nickname: '吴刚',
    daysAgo: 1,
    form: {
      ...base,
      name: '吴刚',
      gender: 'male',
      ethnicity: '回族',
      idNumber17: '32070319950101005',
      phone: '13905180003',
      employer: '美团外卖（海州站点）',
      employmentType: 'food_delivery',
      migrantWorker: true,
      hukouType: 'rural',
      orgId: 'lyg-haizhou-pool',
    },
  },
  {
    openid: 'demo-applicant-4',
    nickname: '郑华',
    daysAgo: 2,
    form: {
      ...base,
      name: '郑华',
      gender: 'male',
      ethnicity: '汉族',
      idNumber17: '32070319821111007',
      phone: '13905180004',
      employer: '连云港港口集团',
      employmentType: 'full_time',
      politicalStatus: 'cpc_member',
      orgId: 'lyg-lianyun-port',
    },
  },
  {
    openid: 'demo-applicant-5',
    nickname: '冯磊',
    daysAgo: 6,
    form: {
      ...base,
      name: '冯磊',
      gender: 'male',
      ethnicity: '汉族',
      idNumber17: '32072119930606009',
      phone: '13905180005',
      employer: '顺丰速运（赣榆营业部）',
      employmentType: 'courier',
      migrantWorker: true,
      hukouType: 'rural',
      orgId: 'lyg-ganyu-pool',
    },
  },
  {
    openid: 'demo-applicant-6',
    nickname: '何静',
    daysAgo: 0,
    form: {
      ...base,
      name: '何静',
      gender: 'female',
      ethnicity: '汉族',
      idNumber17: '32079119970315002',
      phone: '13905180006',
      employer: '京东物流（开发区分拣中心）',
      employmentType: 'courier',
      education: 'bachelor',
      politicalStatus: 'cyl_member',
      orgId: 'lyg-kaifa-logistics',
    },
  },
]

/** `demo-member` (a persona) is an approved member of the hospital union, with a card. */
const demoMember: DemoApplicant = {
  openid: 'demo-member',
  nickname: '李秀英',
  daysAgo: 40,
  form: {
    ...base,
    name: '李秀英',
    gender: 'female',
    ethnicity: '汉族',
    idNumber17: '32070619850214006',
    phone: '13905180010',
    employer: '连云港市第一人民医院',
    employmentType: 'full_time',
    education: 'bachelor',
    orgId: 'lyg-haizhou-hospital1',
  },
}

async function insertApplication(
  db: Queryable,
  cipher: FieldCipher,
  now: Date,
  applicant: DemoApplicant,
  decision?: { reviewerId: string },
): Promise<void> {
  const user = await upsertUserByOpenid(db, applicant.openid, applicant.nickname)
  const [existing] = await db
    .select({ id: membershipApplications.id })
    .from(membershipApplications)
    .where(eq(membershipApplications.userId, user.id))
  // Once seeded, what people did with the demo (approved, rejected…) is left as they left it.
  if (existing) return

  const { idNumber17, phone, ...form } = applicant.form
  const check = checkIdNumber(`${idNumber17}${idNumberCheckCharacter(idNumber17)}`)
  if (!check.ok) throw new Error(`demo ID number for ${applicant.openid} is invalid: ${check.problem}`)
  const submittedAt = new Date(now.getTime() - applicant.daysAgo * DAY_MS)
  const reviewedAt = decision ? new Date(submittedAt.getTime() + DAY_MS) : null
  if (!user.phone) await db.update(users).set({ phone }).where(eq(users.id, user.id))

  const [application] = await db
    .insert(membershipApplications)
    .values({
      userId: user.id,
      status: decision ? 'approved' : 'submitted',
      ...form,
      hukouPlace: form.hukouPlace ?? null,
      birthDate: check.birthDate,
      idNumberCipher: cipher.encrypt(check.idNumber),
      idNumberHash: cipher.lookupHash(check.idNumber),
      idNumberMasked: maskIdNumber(check.idNumber),
      phone,
      consentAt: submittedAt,
      submittedAt,
      createdAt: submittedAt,
      reviewedBy: decision?.reviewerId ?? null,
      reviewedAt,
    })
    .returning({ id: membershipApplications.id })
  const subject = { subjectType: APPLICATION_SUBJECT, subjectId: application!.id }
  await grantSubscribeCredits(db, {
    userId: user.id,
    subject: { type: APPLICATION_SUBJECT, id: application!.id },
    accepted: 0,
    max: 1,
    now,
  })
  await appendTimelineEvent(db, {
    ...subject,
    actorId: user.id,
    actorRole: 'applicant',
    fromStatus: null,
    toStatus: 'submitted',
    action: 'submit',
    note: '提交入会申请',
    at: submittedAt,
  })
  if (!decision || !reviewedAt) return

  const numbers = memberNumbersFor(await nextMemberSequence(db), reviewedAt)
  await db.insert(memberships).values({
    userId: user.id,
    applicationId: application!.id,
    orgId: form.orgId,
    ...numbers,
    name: form.name,
    idNumberHash: cipher.lookupHash(check.idNumber),
    status: 'active',
    joinedAt: reviewedAt,
  })
  await appendTimelineEvent(db, {
    ...subject,
    actorId: decision.reviewerId,
    actorRole: 'union_staff',
    fromStatus: 'submitted',
    toStatus: 'approved',
    action: 'approve',
    note: `会员号 ${numbers.memberNumber}`,
    at: reviewedAt,
  })
}

/** Membership demo data; safe to run at every start (each applicant is seeded once). */
export async function seedMembershipDemo({ db, cipher, now }: SystemContext): Promise<void> {
  await db.transaction(async (tx) => {
    const reviewer = await findUserByOpenid(tx, 'demo-staff-grassroots')
    if (reviewer) await insertApplication(tx, cipher, now, demoMember, { reviewerId: reviewer.id })
    for (const applicant of waitingApplicants) await insertApplication(tx, cipher, now, applicant)
  })
}
