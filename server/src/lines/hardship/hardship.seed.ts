import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import {
  proofSlotsFor,
  type AidItems,
  type HardshipApplication,
  type HouseholdMember,
  type Relation,
  type WorkStatus,
} from '@contract/lines/hardship'
import { idNumberCheckCharacter } from '@contract/rules/id-number'
import { chinaDate } from '../../core/calendar'
import type { ServiceContext, SystemContext } from '../../core/context'
import type { MemberDirectory, MemberRecord } from '../../core/members'
import { loadAuthUser, type AuthUser } from '../../platform/auth/auth.service'
import { findUserByOpenid, upsertUserByOpenid } from '../../platform/auth/auth.repository'
import { orgs } from '../../platform/orgs/orgs.tables'
import { LocalFileStorage } from '../../platform/uploads/storage'
import { uploads } from '../../platform/uploads/uploads.tables'
import { annualReview, createCampaign, scheduleDueReviews, setCampaignStatus } from './hardship.files'
import { decide, endPublicity, firstReview, recordObjection, recordPayment, requestDocuments } from './hardship.staff'
import { hardshipApplications } from './hardship.tables'
import { submitApplication } from './hardship.worker'

/**
 * Demo data for 困难帮扶 (SEED_DEMO only): families at every step of the review, files due for
 * the yearly review (one overdue), a family lifted out of hardship, and an open 金秋助学 campaign.
 * Every record is made by the line's own service functions, on dates counted back from today, as
 * the people concerned would have made it — so the demo is never stale and never inconsistent.
 * The families are invented; their ID numbers are valid in form only.
 */

const DAY = 24 * 3600_000
/** A 1×1 PNG standing in for a scanned document (示例材料). */
const SAMPLE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

const idNumber = (birth: string, serial: string) => {
  const first17 = `320706${birth}${serial}`
  return first17 + idNumberCheckCharacter(first17)
}

const person = (
  name: string,
  relation: Relation,
  birth: string,
  serial: string,
  workStatus: WorkStatus,
  monthlyIncome: number,
  extra: Partial<HouseholdMember> = {},
): HouseholdMember => ({
  name,
  relation,
  idNumber: idNumber(birth, serial),
  health: 'good',
  workStatus,
  monthlyIncome,
  ...extra,
})

type Step = { daysAgo: number; by: 'grassroots' | 'centre'; ends?: boolean; run: (context: ServiceContext, id: string) => Promise<unknown> }

interface DemoFamily {
  openid: string
  orgId: string
  unitName: string
  daysAgo: number
  members: HouseholdMember[]
  mainCause: HardshipApplication['mainCause']
  causeNote: string
  items: AidItems
  steps: Step[]
}

const visit = (daysAgo: number, visitors: string, findings: string, now: Date) => ({
  visitedOn: chinaDate(new Date(now.getTime() - daysAgo * DAY)),
  visitors,
  findings,
  photoIds: [],
})

function families(now: Date): DemoFamily[] {
  const recommend = (daysAgo: number, visitors: string, findings: string, tier: 'deep' | 'relative' | 'accident'): Step => ({
    daysAgo,
    by: 'grassroots',
    run: (context, id) =>
      firstReview(context, id, {
        decision: 'recommend',
        visit: visit(daysAgo, visitors, findings, now),
        tier,
        tierReason: '入户核实情况与申报一致',
      }),
  })
  const endNotice = (daysAgo: number): Step => ({ daysAgo, by: 'grassroots', ends: true, run: (context, id) => endPublicity(context, id) })
  const approve = (
    daysAgo: number,
    tier: 'deep' | 'relative' | 'accident',
    items: Array<{ type: 'living' | 'medical' | 'education' | 'temporary'; amount: number }>,
  ): Step => ({
    daysAgo,
    by: 'centre',
    run: (context, id) => decide(context, id, { decision: 'approve', tier, tierReason: '与初审一致', items, note: '符合帮扶条件' }),
  })
  const pay = (daysAgo: number, type: 'living' | 'medical' | 'education' | 'temporary', amount: number): Step => ({
    daysAgo,
    by: 'centre',
    run: (context, id) =>
      recordPayment(context, id, {
        type,
        amount,
        paidOn: chinaDate(new Date(now.getTime() - daysAgo * DAY)),
        method: 'bank_transfer',
        note: '已转账',
      }),
  })
  const living = { living: { reason: '家庭收入低，日常生活开支难以维持，申请生活救助。' } }
  return [
    {
      openid: 'demo-hardship-family-1',
      orgId: 'lyg-haizhou-hospital1',
      unitName: '连云港市第一人民医院',
      daysAgo: 16,
      members: [
        person('赵海波', 'self', '19780312', '101', 'employed', 2100, { unitOrSchool: '连云港市第一人民医院后勤科' }),
        person('钱红', 'spouse', '19800506', '202', 'unemployed', 0, { health: 'chronic', healthNote: '糖尿病' }),
        person('赵雨涵', 'child', '20100909', '303', 'student', 0),
      ],
      mainCause: 'unemployment',
      causeNote: '妻子失业两年且长期患病，一家三口只靠我一份工资生活。',
      items: living,
      steps: [],
    },
    {
      openid: 'demo-hardship-family-2',
      orgId: 'lyg-haizhou-sanitation',
      unitName: '海州区环境卫生管理处',
      daysAgo: 6,
      members: [
        person('孙建国', 'self', '19720215', '111', 'employed', 2600, { unitOrSchool: '海州区环境卫生管理处' }),
        person('李桂兰', 'spouse', '19740820', '222', 'unable', 0, { health: 'serious_illness', healthNote: '尿毒症，每周透析三次' }),
      ],
      mainCause: 'illness',
      causeNote: '妻子尿毒症需要长期透析，医保报销后自付部分仍然很重。',
      items: {
        medical: {
          patient: 1,
          disease: '尿毒症',
          hospital: '连云港市第一人民医院',
          admittedOn: chinaDate(new Date(now.getTime() - 90 * DAY)),
          totalCost: 68000,
          insurancePaid: 47000,
          otherPaid: 3000,
        },
      },
      steps: [
        {
          daysAgo: 3,
          by: 'grassroots',
          run: (context, id) =>
            requestDocuments(context, id, { slots: ['medical_receipts'], note: '请补充近三个月的透析费用票据和医保结算单' }),
        },
      ],
    },
    {
      openid: 'demo-hardship-family-3',
      orgId: 'lyg-haizhou-hospital1',
      unitName: '连云港市第一人民医院',
      daysAgo: 8,
      members: [
        person('周丽', 'self', '19850418', '121', 'employed', 3200, { unitOrSchool: '连云港市第一人民医院' }),
        person('周子轩', 'child', '20150601', '131', 'student', 0),
      ],
      mainCause: 'accident',
      causeNote: '上个月家中因电线老化起火，家具家电全部烧毁，单亲带孩子暂住亲戚家。',
      items: {
        temporary: {
          eventKind: 'fire',
          eventOn: chinaDate(new Date(now.getTime() - 30 * DAY)),
          description: '家中电线老化起火，客厅和卧室烧毁，家具家电全部损毁。',
          losses: 36000,
          compensation: 6000,
        },
      },
      steps: [
        recommend(2, '陈红、王军', '现场可见火灾痕迹，房屋正在维修，母子暂住亲戚家，情况属实。', 'accident'),
        {
          daysAgo: 1,
          by: 'grassroots',
          run: (context, id) =>
            recordObjection(context, id, { raisedBy: '同科室职工', content: '听说她家有保险理赔，赔偿可能不止申报的数额。' }),
        },
      ],
    },
    {
      openid: 'demo-hardship-family-4',
      orgId: 'lyg-haizhou-sanitation',
      unitName: '海州区环境卫生管理处',
      daysAgo: 25,
      members: [
        person('吴长江', 'self', '19690707', '141', 'employed', 1900, {
          unitOrSchool: '海州区环境卫生管理处',
          health: 'disability',
          healthNote: '左腿残疾（四级）',
        }),
        person('郑秀芳', 'spouse', '19710303', '151', 'unable', 0, { health: 'serious_illness', healthNote: '肺癌术后化疗' }),
        person('吴佳', 'child', '20040404', '161', 'student', 0),
      ],
      mainCause: 'illness',
      causeNote: '妻子肺癌术后化疗，本人残疾收入低，女儿在读大学。',
      items: {
        ...living,
        medical: {
          patient: 1,
          disease: '肺癌',
          hospital: '江苏省肿瘤医院',
          admittedOn: chinaDate(new Date(now.getTime() - 120 * DAY)),
          dischargedOn: chinaDate(new Date(now.getTime() - 100 * DAY)),
          totalCost: 92000,
          insurancePaid: 61000,
          otherPaid: 5000,
        },
      },
      steps: [recommend(18, '周强、刘芳', '家中陈设简陋，妻子卧床，病历与票据齐全。', 'deep'), endNotice(9)],
    },
    {
      openid: 'demo-hardship-family-5',
      orgId: 'lyg-haizhou-hospital1',
      unitName: '连云港市第一人民医院',
      daysAgo: 20,
      members: [
        person('冯志刚', 'self', '19750919', '171', 'laid_off', 900, { unitOrSchool: '连云港市第一人民医院（内退）' }),
        person('冯晓雪', 'child', '20070210', '181', 'student', 0, { unitOrSchool: '南京师范大学' }),
      ],
      mainCause: 'schooling',
      causeNote: '本人内退收入低，女儿今年考上大学，学费和生活费负担重。',
      items: {
        education: {
          child: 1,
          stage: 'undergraduate',
          school: '南京师范大学',
          major: '汉语言文学',
          lengthYears: 4,
          yearOfStudy: 1,
          tuition: 5200,
        },
      },
      steps: [
        recommend(17, '陈红', '录取通知书属实，家庭收入低于低保。', 'deep'),
        endNotice(9),
        approve(2, 'deep', [{ type: 'education', amount: 4000 }]),
      ],
    },
    {
      openid: 'demo-hardship-family-6',
      orgId: 'lyg-haizhou-sanitation',
      unitName: '海州区环境卫生管理处',
      daysAgo: 60,
      members: [
        person('王秀梅', 'self', '19700101', '191', 'employed', 1500, { unitOrSchool: '海州区环境卫生管理处' }),
        person('王磊', 'child', '20120812', '192', 'student', 0),
      ],
      mainCause: 'single_parent',
      causeNote: '单亲母亲，独自抚养儿子，收入很低。',
      items: living,
      steps: [
        recommend(55, '周强', '母子二人租住老旧小区，收入属实。', 'deep'),
        endNotice(45),
        approve(40, 'deep', [{ type: 'living', amount: 4800 }]),
        pay(30, 'living', 4800),
      ],
    },
    {
      openid: 'demo-hardship-family-7',
      orgId: 'lyg-haizhou-hospital1',
      unitName: '连云港市第一人民医院',
      daysAgo: 40,
      members: [
        person('陶建华', 'self', '19820505', '201', 'employed', 5200, { unitOrSchool: '连云港市第一人民医院' }),
        person('陶敏', 'spouse', '19840606', '211', 'employed', 3100),
      ],
      mainCause: 'other',
      causeNote: '家里老人生病，开支较大，希望得到一些帮助。',
      items: living,
      steps: [
        {
          daysAgo: 35,
          by: 'grassroots',
          run: (context, id) =>
            firstReview(context, id, {
              decision: 'reject',
              reason: '家庭人均月收入高于低保标准两倍，不符合生活救助条件',
              visit: visit(35, '陈红', '夫妻二人均在岗，收入稳定。', now),
            }),
        },
      ],
    },
    {
      openid: 'demo-hardship-family-8',
      orgId: 'lyg-haizhou-sanitation',
      unitName: '海州区环境卫生管理处',
      daysAgo: 395,
      members: [
        person('蒋立新', 'self', '19660808', '221', 'sick_leave', 1200, { health: 'chronic', healthNote: '腰椎间盘突出' }),
        person('沈玉', 'spouse', '19680909', '231', 'unemployed', 0),
      ],
      mainCause: 'illness',
      causeNote: '本人长期病休收入低，妻子失业。',
      items: living,
      steps: [
        recommend(390, '周强', '情况属实。', 'deep'),
        endNotice(380),
        approve(375, 'deep', [{ type: 'living', amount: 6000 }]),
        pay(370, 'living', 6000),
      ],
    },
    {
      openid: 'demo-hardship-family-9',
      orgId: 'lyg-haizhou-hospital1',
      unitName: '连云港市第一人民医院',
      daysAgo: 440,
      members: [
        person('韩明', 'self', '19710101', '241', 'employed', 1800),
        person('韩梅', 'parent', '19450202', '251', 'retired', 600, { health: 'disability', healthNote: '偏瘫' }),
      ],
      mainCause: 'disability',
      causeNote: '母亲偏瘫需要照顾，本人收入低。',
      items: living,
      steps: [
        recommend(435, '陈红', '情况属实。', 'deep'),
        endNotice(425),
        approve(420, 'deep', [{ type: 'living', amount: 6000 }]),
        pay(415, 'living', 6000),
      ],
    },
    {
      openid: 'demo-hardship-family-10',
      orgId: 'lyg-haizhou-sanitation',
      unitName: '海州区环境卫生管理处',
      daysAgo: 420,
      members: [person('许文', 'self', '19760606', '261', 'unemployed', 0), person('许小北', 'child', '20090909', '271', 'student', 0)],
      mainCause: 'unemployment',
      causeNote: '本人失业，孩子上学。',
      items: living,
      steps: [
        recommend(415, '周强', '情况属实。', 'deep'),
        endNotice(405),
        approve(400, 'deep', [{ type: 'living', amount: 5000 }]),
        pay(395, 'living', 5000),
      ],
    },
  ]
}

function applicationFor(family: DemoFamily, proofs: Record<string, string[]>): HardshipApplication {
  const self = family.members[0]!
  return {
    unitName: family.unitName,
    contactPhone: `1390518${String(2000 + Number(family.openid.split('-').at(-1))).padStart(4, '0')}`,
    migrantWorker: false,
    contractMonths: null,
    members: family.members,
    housing: { type: 'rented', area: 48 },
    hukouType: 'non_agricultural',
    mainCause: family.mainCause,
    secondaryCause: null,
    causeNote: family.causeNote,
    exclusions: { multipleHomes: false, ownsBusiness: false, privateSchool: false, privateVehicle: false },
    items: family.items,
    proofs,
    bank: {
      bankName: '中国工商银行连云港分行',
      accountName: self.name,
      accountNumber: `62220211000${String(Number(family.openid.split('-').at(-1)) * 7919).padStart(8, '0')}`,
    },
    pledgeSignature: self.name,
    pledge: true,
    financeCheckConsent: true,
    sensitiveConsent: true,
    subscribeAccepted: 0,
  }
}

export async function seedHardshipDemo(system: SystemContext): Promise<void> {
  const first = await findUserByOpenid(system.db, 'demo-hardship-family-1')
  if (first) {
    const [existing] = await system.db
      .select({ id: hardshipApplications.id })
      .from(hardshipApplications)
      .where(eq(hardshipApplications.applicantId, first.id))
      .limit(1)
    if (existing) return
  }
  const storage = new LocalFileStorage(system.config.uploadDir)
  const list = families(system.now)
  await system.db.transaction(async (tx) => {
    const orgRows = await tx.select().from(orgs)
    const users = new Map<string, string>()
    for (const family of list) {
      const user = await upsertUserByOpenid(tx, family.openid, family.members[0]!.name)
      users.set(family.openid, user.id)
    }
    /** The demo families are members of their unions for the seed (the membership line has no records of them). */
    const directory: MemberDirectory = {
      ...system.members,
      async activeMemberOf(context, userId) {
        const family = list.find((candidate) => users.get(candidate.openid) === userId)
        if (!family) return system.members.activeMemberOf(context, userId)
        const org = orgRows.find((row) => row.id === family.orgId)!
        const record: MemberRecord = {
          membershipId: userId,
          userId,
          orgId: org.id,
          orgName: org.name,
          orgPath: org.path,
          memberNumber: '',
          idNumberHash: null,
          name: family.members[0]!.name,
          joinedAt: new Date(system.now.getTime() - 800 * DAY),
        }
        return record
      },
    }
    const people = new Map<string, AuthUser>()
    const contextAs = async (openid: string, daysAgo: number): Promise<ServiceContext> => {
      let user = people.get(openid)
      if (!user) {
        const row = await findUserByOpenid(tx, openid)
        user = row ? await loadAuthUser(tx, system.cipher, row.id) : undefined
        if (!user) throw new Error(`demo user ${openid} is missing`)
        people.set(openid, user)
      }
      return { ...system, db: tx, members: directory, now: new Date(system.now.getTime() - daysAgo * DAY), user }
    }
    const centre = 'demo-hardship-centre'
    // The year's 金秋助学, open since a month ago.
    const campaignContext = await contextAs(centre, 30)
    const year = Number(chinaDate(system.now).slice(0, 4))
    const campaign = await createCampaign(campaignContext, {
      kind: 'autumn_education',
      name: `${year}年金秋助学`,
      opensOn: chinaDate(campaignContext.now),
      closesOn: chinaDate(new Date(system.now.getTime() + 60 * DAY)),
      budget: 500_000,
      quota: 120,
    })
    await setCampaignStatus(campaignContext, campaign.id, 'open')
    for (const family of list) {
      const applicant = await contextAs(family.openid, family.daysAgo)
      // The proof, as the worker would have uploaded it: one sample file per required slot (written, then listed in one statement).
      const slots = proofSlotsFor({ migrantWorker: false, members: family.members, items: family.items }).filter((slot) => slot.required)
      const keys = slots.map(() => randomBytes(16).toString('hex'))
      await Promise.all(keys.map((key) => storage.write(key, Readable.from(SAMPLE_PNG))))
      const stored = await tx
        .insert(uploads)
        .values(
          slots.map((slot, index) => ({
            ownerId: applicant.user.id,
            storageKey: keys[index]!,
            originalName: `${slot.label}（示例）.png`,
            contentType: 'image/png' as const,
            size: SAMPLE_PNG.length,
          })),
        )
        .returning({ id: uploads.id })
      const proofs = Object.fromEntries(slots.map((slot, index) => [slot.key, [stored[index]!.id]]))
      const submitted = await submitApplication(applicant, applicationFor(family, proofs))
      const grassroots = family.orgId === 'lyg-haizhou-sanitation' ? 'demo-hardship-grassroots' : 'demo-staff-grassroots'
      // Steps happen in order, and the 公示 ends no earlier than its last day (holidays move it).
      let last = applicant.now.getTime()
      for (const step of family.steps) {
        const context = await contextAs(step.by === 'centre' ? centre : grassroots, step.daysAgo)
        let at = Math.max(context.now.getTime(), last + 3600_000)
        if (step.ends) {
          const [row] = await tx
            .select({ endsOn: hardshipApplications.publicityEndsOn })
            .from(hardshipApplications)
            .where(eq(hardshipApplications.id, submitted.id))
          if (row?.endsOn) at = Math.max(at, Date.parse(`${row.endsOn}T02:00:00Z`))
        }
        // Around a long holiday the 公示 may not have ended yet: the family stays where it is.
        if (at > system.now.getTime()) break
        last = at
        await step.run({ ...context, now: new Date(last) }, submitted.id)
      }
    }
    // Files whose yearly review came a month ago (now overdue) and today.
    await scheduleDueReviews({ ...system, db: tx, now: new Date(system.now.getTime() - 30 * DAY) })
    await scheduleDueReviews({ ...system, db: tx })
    // One family reviewed out of hardship (脱困) ten days ago.
    const lifted = await findUserByOpenid(tx, 'demo-hardship-family-10')
    const [application] = await tx
      .select({ fileId: hardshipApplications.fileId })
      .from(hardshipApplications)
      .where(eq(hardshipApplications.applicantId, lifted!.id))
    await annualReview(await contextAs('demo-hardship-grassroots', 10), application!.fileId, {
      outcome: 'lift',
      householdIncome: 5600,
      householdSize: 2,
      circumstances: '本人去年再就业，在物业公司做保安，收入稳定，连续八个月人均收入高于低保。',
      monthsAboveDibao: 8,
    })
  })
}
