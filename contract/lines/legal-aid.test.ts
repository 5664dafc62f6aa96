import {
  CASE_STATUSES,
  CaseApplication,
  CaseMessageBody,
  isCaseOpen,
  legalAidWorkflow,
  type CaseAction,
  type CaseStatus,
} from './legal-aid'
import { fieldErrors } from '../fields'

/** The whole table, written out by hand: every (status, action) pair that is allowed. */
const allowed: Record<string, CaseStatus> = {
  'submitted/accept': 'accepted',
  'submitted/decline': 'declined',
  'accepted/assign': 'assigned',
  'assigned/start': 'in_progress',
  'assigned/reassign': 'assigned',
  'in_progress/reassign': 'in_progress',
  'in_progress/close': 'closed',
  'submitted/withdraw': 'withdrawn',
  'accepted/withdraw': 'withdrawn',
  'assigned/withdraw': 'withdrawn',
  'in_progress/withdraw': 'withdrawn',
  'submitted/note': 'submitted',
  'accepted/note': 'accepted',
  'assigned/note': 'assigned',
  'in_progress/note': 'in_progress',
}

describe('the legal-aid workflow', () => {
  const actions = legalAidWorkflow.actionList
  const pairs = CASE_STATUSES.flatMap((status) => actions.map((action): [CaseStatus, CaseAction] => [status, action]))

  it.each(pairs)('%s + %s', (status, action) => {
    const result = legalAidWorkflow.next(status, action)
    const expected = allowed[`${status}/${action}`]
    if (expected) {
      expect(result).toEqual({ ok: true, to: expected })
    } else {
      expect(result.ok).toBe(false)
      expect(!result.ok && result.message).toMatch(/^案件当前为“.+”，不能.+$/)
    }
  })

  it('covers 7 statuses × 8 actions, 15 of them legal', () => {
    expect(pairs).toHaveLength(56)
    expect(pairs.filter(([status, action]) => legalAidWorkflow.next(status, action).ok)).toHaveLength(15)
  })

  it('closed, declined and withdrawn are final', () => {
    for (const status of ['closed', 'declined', 'withdrawn'] as const) {
      expect(isCaseOpen(status)).toBe(false)
      expect(actions.some((action) => legalAidWorkflow.actions[action].from.includes(status))).toBe(false)
    }
  })

  it('says what is wrong in Chinese', () => {
    expect(legalAidWorkflow.next('closed', 'accept')).toEqual({ ok: false, message: '案件当前为“已结案”，不能受理' })
  })

  it('the worker may only withdraw; staff take every other step', () => {
    expect(legalAidWorkflow.actionsFrom('assigned', 'applicant')).toEqual(['withdraw'])
    expect(legalAidWorkflow.actionsFrom('assigned', 'staff')).toEqual(['reassign', 'start', 'note'])
  })
})

describe('CaseApplication', () => {
  const good = {
    type: 'wage_arrears',
    description: '我在某建筑工地干了三个月，老板一直拖欠工资，说年底一起结，现在找不到人了。',
    employerName: '连云港某建筑劳务有限公司',
    employerAddress: '海州区朝阳路 1 号',
    amountInvolved: 18000,
    demand: '要回拖欠的工资',
    monthlyIncome: 4500,
    contactName: '王小明',
    contactPhone: '13812345678',
    attachmentIds: [],
    consent: true,
  }

  it('accepts a complete application', () => {
    expect(CaseApplication.safeParse(good).success).toBe(true)
  })

  it('names each missing or wrong field in Chinese', () => {
    const result = CaseApplication.safeParse({ ...good, type: 'x', description: '太短', monthlyIncome: -1, consent: false })
    expect(fieldErrors(result.error!)).toEqual({
      type: '请选择案件类型',
      description: '事情经过至少 30 个字',
      monthlyIncome: '月收入不能为负数',
      consent: '请阅读并同意个人信息处理说明',
    })
  })

  it('refuses more than 9 attachments', () => {
    const ids = Array.from({ length: 10 }, (_, index) => `00000000-0000-4000-8000-00000000000${index % 10}`)
    expect(fieldErrors(CaseApplication.safeParse({ ...good, attachmentIds: ids }).error!)).toEqual({ attachmentIds: '最多上传 9 个文件' })
  })

  it('a message needs text or an attachment', () => {
    expect(fieldErrors(CaseMessageBody.safeParse({ body: '  ' }).error!)).toEqual({ body: '请填写消息内容或添加附件' })
    expect(CaseMessageBody.safeParse({ body: '', attachmentIds: ['00000000-0000-4000-8000-000000000001'] }).success).toBe(true)
  })
})
