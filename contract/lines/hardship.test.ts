import { hardshipSettingsFixture } from '@fixtures/hardship'
import { idNumberCheckCharacter } from '../rules/id-number'
import { fieldErrors } from '../fields'
import {
  APPLICATION_STATUSES,
  campaignDetail,
  capFor,
  FILE_STATUSES,
  fileLabelOf,
  HardshipApplication,
  hardshipFileWorkflow,
  hardshipWorkflow,
  netLossFen,
  outOfPocketFen,
  perCapitaFen,
  proofSlotsFor,
  schoolYearOf,
  stepOf,
  suggestTier,
  type ApplicationAction,
  type ApplicationStatus,
  type FileAction,
  type FileStatus,
  type HardshipSettings,
} from './hardship'

/** The whole application table, written out by hand: every (status, action) pair that is allowed. */
const allowed: Record<string, ApplicationStatus> = {
  'first_review/recommend': 'publicity',
  'first_review/reject_first': 'rejected',
  'first_review/request_documents_first': 'first_review_docs',
  'first_review/withdraw': 'withdrawn',
  'first_review_docs/supplement_first': 'first_review',
  'first_review_docs/withdraw': 'withdrawn',
  'publicity/record_objection': 'publicity',
  'publicity/dismiss_objection': 'publicity',
  'publicity/uphold_objection': 'rejected',
  'publicity/end_publicity': 'city_review',
  'publicity/withdraw': 'withdrawn',
  'city_review/request_documents_city': 'city_review_docs',
  'city_review/approve': 'approved',
  'city_review/reject_city': 'rejected',
  'city_review/withdraw': 'withdrawn',
  'city_review_docs/supplement_city': 'city_review',
  'city_review_docs/withdraw': 'withdrawn',
  'approved/record_payment': 'approved',
  'approved/complete_payment': 'paid',
  'rejected/resubmit': 'first_review',
}

describe('the hardship application workflow', () => {
  const actions = hardshipWorkflow.actionList
  const pairs = APPLICATION_STATUSES.flatMap((status) => actions.map((action): [ApplicationStatus, ApplicationAction] => [status, action]))

  it.each(pairs)('%s + %s', (status, action) => {
    const result = hardshipWorkflow.next(status, action)
    const expected = allowed[`${status}/${action}`]
    if (expected) {
      expect(result).toEqual({ ok: true, to: expected })
    } else {
      expect(result.ok).toBe(false)
      expect(!result.ok && result.message).toMatch(/^申请当前为“.+”，不能.+$/)
    }
  })

  it('covers 9 statuses × 16 actions, 20 of them legal', () => {
    expect(pairs).toHaveLength(144)
    expect(pairs.filter(([status, action]) => hardshipWorkflow.next(status, action).ok)).toHaveLength(20)
  })

  it('paid and withdrawn are final; a rejected application can only be sent again', () => {
    for (const status of ['paid', 'withdrawn'] as const) {
      expect(hardshipWorkflow.isOpen(status)).toBe(false)
      expect(actions.some((action) => hardshipWorkflow.actions[action].from.includes(status))).toBe(false)
    }
    expect(hardshipWorkflow.actionsFrom('rejected', 'applicant')).toEqual(['resubmit'])
    expect(hardshipWorkflow.actionsFrom('rejected', 'staff')).toEqual([])
  })

  it('the applicant withdraws only while nothing is decided, and answers requests for documents', () => {
    expect(hardshipWorkflow.actions.withdraw.from).toEqual([
      'first_review',
      'first_review_docs',
      'publicity',
      'city_review',
      'city_review_docs',
    ])
    expect(hardshipWorkflow.actionsFrom('approved', 'applicant')).toEqual([])
    expect(hardshipWorkflow.actionsFrom('first_review_docs', 'applicant')).toEqual(['supplement_first', 'withdraw'])
    expect(hardshipWorkflow.actionsFrom('city_review_docs', 'staff')).toEqual([])
  })

  it('says what is wrong in Chinese', () => {
    expect(hardshipWorkflow.next('paid', 'approve')).toEqual({ ok: false, message: '申请当前为“已发放”，不能批准帮扶' })
  })

  it('a case waiting for documents is still at its step: the clock is that step’s', () => {
    expect(stepOf('first_review_docs')).toBe('first_review')
    expect(stepOf('city_review_docs')).toBe('city_review')
    expect(stepOf('approved')).toBe('payment')
    expect(stepOf('paid')).toBeNull()
  })
})

const fileAllowed: Record<string, FileStatus> = {
  'pending/archive': 'active',
  'active/update': 'active',
  'review_due/update': 'review_due',
  'active/schedule_review': 'review_due',
  'review_due/keep': 'active',
  'review_due/lift': 'lifted',
  'review_due/close': 'closed',
  'lifted/reopen': 'active',
  'closed/reopen': 'active',
}

describe('the household file workflow', () => {
  const pairs = FILE_STATUSES.flatMap((status) =>
    hardshipFileWorkflow.actionList.map((action): [FileStatus, FileAction] => [status, action]),
  )

  it.each(pairs)('%s + %s', (status, action) => {
    const expected = fileAllowed[`${status}/${action}`]
    const result = hardshipFileWorkflow.next(status, action)
    if (expected) expect(result).toEqual({ ok: true, to: expected })
    else expect(!result.ok && result.message).toMatch(/^档案当前为“.+”，不能.+$/)
  })

  it('covers 5 statuses × 7 actions, 9 of them legal', () => {
    expect(pairs).toHaveLength(35)
    expect(pairs.filter(([status, action]) => hardshipFileWorkflow.next(status, action).ok)).toHaveLength(9)
  })

  it('labels a file by the year: 增量 archived this year, 存量 before, 返困 fallen back this year', () => {
    expect(fileLabelOf({ archivedOn: '2026-03-01', fellBackOn: null }, 2026)).toBe('new')
    expect(fileLabelOf({ archivedOn: '2025-03-01', fellBackOn: null }, 2026)).toBe('carried')
    expect(fileLabelOf({ archivedOn: '2024-03-01', fellBackOn: '2026-05-01' }, 2026)).toBe('relapsed')
    expect(fileLabelOf({ archivedOn: '2024-03-01', fellBackOn: '2025-05-01' }, 2026)).toBe('carried')
    expect(fileLabelOf({ archivedOn: null, fellBackOn: null }, 2026)).toBeNull()
  })
})

const settings: HardshipSettings = hardshipSettingsFixture
const noUsage = { livingThisYearFen: 0, educationThisSchoolYearFen: 0, temporaryApproved: [] }

describe('income, tier and caps', () => {
  it('per-capita monthly income is the household’s income over everyone in it, in fen', () => {
    expect(perCapitaFen([{ monthlyIncome: 2000 }, { monthlyIncome: 0 }, { monthlyIncome: 400.5 }])).toBe(80017)
    expect(perCapitaFen([])).toBe(0)
  })

  it('suggests 深度 below 低保, 相对 below twice it, 意外 for a sudden event whatever the income', () => {
    expect(suggestTier({ perCapitaFen: 79_999, dibaoFen: 80_000, causes: [] })).toBe('deep')
    expect(suggestTier({ perCapitaFen: 80_000, dibaoFen: 80_000, causes: [] })).toBe('relative')
    expect(suggestTier({ perCapitaFen: 159_999, dibaoFen: 80_000, causes: ['illness'] })).toBe('relative')
    expect(suggestTier({ perCapitaFen: 160_000, dibaoFen: 80_000, causes: ['illness', null] })).toBeNull()
    expect(suggestTier({ perCapitaFen: 500_000, dibaoFen: 80_000, causes: ['unemployment', 'accident'] })).toBe('accident')
  })

  it('生活救助: 12 months of 低保 a year per household, less what this year already had', () => {
    expect(capFor({ type: 'living', tier: 'deep', settings, usage: noUsage })).toMatchObject({ maxFen: 960_000, refusal: null })
    const later = capFor({ type: 'living', tier: 'deep', settings, usage: { ...noUsage, livingThisYearFen: 600_000 } })
    expect(later.maxFen).toBe(360_000)
    expect(later.rule).toBe('每户每年不超过 12 个月低保（9,600 元），今年已批 6,000 元，还可批 3,600 元')
    expect(capFor({ type: 'living', tier: 'deep', settings, usage: { ...noUsage, livingThisYearFen: 960_000 } }).refusal).toBe(
      '今年的生活救助已达上限',
    )
  })

  it('医疗: the out-of-pocket part', () => {
    const basis = outOfPocketFen({ totalCost: 52_000, insurancePaid: 30_000, otherPaid: 2_000.5 })
    expect(basis).toBe(1_999_950)
    expect(capFor({ type: 'medical', tier: 'relative', settings, usage: noUsage, basisFen: basis }).maxFen).toBe(1_999_950)
  })

  it('助学: 4,000 a school year for a child of a deep-hardship family, the lower figure otherwise', () => {
    expect(capFor({ type: 'education', tier: 'deep', settings, usage: noUsage }).maxFen).toBe(400_000)
    expect(capFor({ type: 'education', tier: 'relative', settings, usage: noUsage }).maxFen).toBe(200_000)
    expect(capFor({ type: 'education', tier: 'deep', settings, usage: { ...noUsage, educationThisSchoolYearFen: 150_000 } }).maxFen).toBe(
      250_000,
    )
    expect(schoolYearOf('2026-07-12')).toBe(2026)
    expect(schoolYearOf('2027-03-01')).toBe(2026)
  })

  it('临时救助: the loss after compensation; at most two per household, never twice for one cause', () => {
    const basis = netLossFen({ losses: 30_000, compensation: 12_000 })
    expect(basis).toBe(1_800_000)
    expect(capFor({ type: 'temporary', tier: 'accident', settings, usage: noUsage, basisFen: basis, eventKind: 'fire' })).toMatchObject({
      maxFen: 1_800_000,
      refusal: null,
    })
    const once = { ...noUsage, temporaryApproved: [{ eventKind: 'fire' as const }] }
    expect(capFor({ type: 'temporary', tier: 'accident', settings, usage: once, basisFen: basis, eventKind: 'fire' })).toMatchObject({
      maxFen: 0,
      refusal: '同一原因（火灾）不能重复临时救助',
    })
    const twice = { ...noUsage, temporaryApproved: [{ eventKind: 'fire' as const }, { eventKind: 'traffic' as const }] }
    expect(capFor({ type: 'temporary', tier: 'accident', settings, usage: twice, basisFen: basis, eventKind: 'injury' }).refusal).toBe(
      '每户最多 2 次临时救助，已有 2 次',
    )
  })

  it('a campaign reads on the home grid as what is left and until when', () => {
    expect(campaignDetail({ budget: 500_000, committed: 115_000, quota: 180, taken: 60, closesOn: '2027-09-01' })).toBe(
      '名额剩 120 个 · 预算剩 38.5 万元 · 9月1日截止',
    )
  })
})

const id = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`

export const goodApplication = {
  unitName: '连云港市第一人民医院后勤服务中心',
  contactPhone: '13812345678',
  migrantWorker: false,
  contractMonths: null,
  members: [
    {
      name: '王建军',
      relation: 'self',
      idNumber: id('32070619800101001'),
      health: 'chronic',
      healthNote: '高血压',
      workStatus: 'employed',
      monthlyIncome: 2400,
      unitOrSchool: '连云港市第一人民医院',
    },
    {
      name: '李梅',
      relation: 'spouse',
      idNumber: id('32070619820202002'),
      health: 'serious_illness',
      workStatus: 'sick_leave',
      monthlyIncome: 0,
    },
    { name: '王小雨', relation: 'child', idNumber: id('32070620080303003'), health: 'good', workStatus: 'student', monthlyIncome: 0 },
  ],
  housing: { type: 'rented', area: 45 },
  hukouType: 'non_agricultural',
  mainCause: 'illness',
  secondaryCause: 'schooling',
  causeNote: '妻子患乳腺癌化疗一年，家里只有我一个人的工资，孩子读高三。',
  exclusions: { multipleHomes: false, ownsBusiness: false, privateSchool: false, privateVehicle: false },
  items: { living: { reason: '妻子治病期间家庭收入很低，日常生活困难。' } },
  proofs: {
    id_front: ['00000000-0000-4000-8000-000000000001'],
    id_back: ['00000000-0000-4000-8000-000000000002'],
    hukou_book: ['00000000-0000-4000-8000-000000000003'],
    unit_certificate: ['00000000-0000-4000-8000-000000000004'],
    'income:0': ['00000000-0000-4000-8000-000000000005'],
  },
  bank: { bankName: '中国工商银行连云港分行', accountName: '王建军', accountNumber: '6222 0211 0000 1234 567' },
  pledgeSignature: '王建军',
  pledge: true,
  financeCheckConsent: true,
  sensitiveConsent: true,
}

describe('HardshipApplication', () => {
  it('accepts a complete application and normalises the account number', () => {
    const result = HardshipApplication.safeParse(goodApplication)
    expect(result.success).toBe(true)
    expect(result.data?.bank.accountNumber).toBe('6222021100001234567')
  })

  it('asks for the proof each aid needs, slot by slot, naming the member for income', () => {
    const slots = proofSlotsFor({ ...goodApplication, items: { living: {}, medical: {} } })
    expect(slots.filter((slot) => slot.required).map((slot) => slot.label)).toEqual([
      '身份证人像面',
      '身份证国徽面',
      '户口本（全家各页）',
      '所在单位证明',
      '收入证明（王建军）',
      '诊断证明',
      '医疗费用票据或医保结算单',
    ])
    expect(proofSlotsFor({ ...goodApplication, migrantWorker: true, items: { education: {} } }).map((slot) => slot.key)).toContain(
      'labour_contract',
    )
    const missing = HardshipApplication.safeParse({ ...goodApplication, proofs: { ...goodApplication.proofs, 'income:0': [] } })
    expect(fieldErrors(missing.error!)).toEqual({ 'proofs.income:0': '请上传收入证明（王建军）' })
  })

  it('names each wrong field in Chinese; the checks across fields follow once each field is right', () => {
    const fields = HardshipApplication.safeParse({
      ...goodApplication,
      exclusions: { ...goodApplication.exclusions, multipleHomes: true },
      financeCheckConsent: false,
    })
    expect(fieldErrors(fields.error!)).toEqual({
      'exclusions.multipleHomes': '“家庭拥有两套及以上住房”的家庭不能申请困难帮扶；如情况特殊，请与所在工会联系',
      financeCheckConsent: '请同意授权核对家庭经济状况，否则无法审核',
    })
    const across = HardshipApplication.safeParse({
      ...goodApplication,
      migrantWorker: true,
      contractMonths: 6,
      pledgeSignature: '张三',
      members: [goodApplication.members[0], { ...goodApplication.members[1], idNumber: goodApplication.members[0]!.idNumber }],
    })
    expect(fieldErrors(across.error!)).toEqual({
      'members.1.idNumber': '这个身份证号已填过',
      pledgeSignature: '请用本人姓名签署承诺书',
      contractMonths: '农民工申请需与单位签订一年及以上的劳动合同',
      'proofs.labour_contract': '请上传劳动合同（一年及以上）',
    })
  })

  it('education is for a child of the household; medical checks the money adds up', () => {
    const education = { child: 1, stage: 'high_school', school: '连云港高级中学', lengthYears: 3, yearOfStudy: 3, tuition: 1800 }
    const wrongChild = HardshipApplication.safeParse({
      ...goodApplication,
      items: { education },
      proofs: { ...goodApplication.proofs, enrolment: ['00000000-0000-4000-8000-000000000009'] },
    })
    expect(fieldErrors(wrongChild.error!)).toMatchObject({ 'items.education.child': '助学只能为子女申请' })
    const medical = {
      patient: 1,
      disease: '乳腺癌',
      hospital: '连云港市第一人民医院',
      admittedOn: '2026-06-01',
      totalCost: 1000,
      insurancePaid: 900,
      otherPaid: 200,
    }
    expect(fieldErrors(HardshipApplication.safeParse({ ...goodApplication, items: { medical } }).error!)).toMatchObject({
      'items.medical.insurancePaid': '医保报销和已支付合计不能超过医疗总费用',
    })
  })

  it('needs exactly one 本人 and at least one aid item', () => {
    const result = HardshipApplication.safeParse({ ...goodApplication, members: goodApplication.members.slice(1), items: {} })
    expect(fieldErrors(result.error!)).toMatchObject({ members: '家庭成员中应有且只有一位“本人”', items: '请至少选择一项帮扶' })
  })
})
