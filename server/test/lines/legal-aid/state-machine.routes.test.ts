import { eq } from 'drizzle-orm'
import {
  CASE_STATUSES,
  caseActionLabel,
  caseStatusLabel,
  legalAidWorkflow,
  STAFF_CASE_ACTIONS,
  type CaseStatus,
  type StaffCaseAction,
} from '@contract/lines/legal-aid'
import { legalAidCases } from '../../../src/lines/legal-aid/legal-aid.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { caseIn, staffAction } from './helpers'

/**
 * Every (status, action) pair through the API: the legal ones move the case and record it in
 * the timeline; the illegal ones answer 409 in Chinese and leave the case as it was.
 */
describe('legal-aid state machine through the API', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  /** Every step a person takes with a form: the staff decisions and the worker's withdrawal. */
  type CaseAction = StaffCaseAction | 'withdraw'
  const CASE_ACTIONS: CaseAction[] = [...STAFF_CASE_ACTIONS, 'withdraw']
  const act = (worker: string, caseId: string, action: CaseAction) =>
    action === 'withdraw'
      ? t.as(worker)({ method: 'POST', url: `/api/legal-aid/cases/${caseId}/withdraw`, payload: {} })
      : staffAction(t, 'demo-legal', caseId, action)

  const pairs = CASE_STATUSES.flatMap((status) => CASE_ACTIONS.map((action): [CaseStatus, CaseAction] => [status, action]))

  it.each(pairs)('from %s, %s', async (status, action) => {
    const worker = `worker-${status}-${action}`
    const id = await caseIn(t, status, worker)
    const expected = legalAidWorkflow.next(status, action)
    const response = await act(worker, id, action)
    const [row] = await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.id, id))
    if (expected.ok) {
      expect(response.statusCode).toBe(200)
      expect(response.json().status).toBe(expected.to)
      expect(row!.status).toBe(expected.to)
      const staffView = (await t.as('demo-legal')({ method: 'GET', url: `/api/workbench/legal-aid/cases/${id}` })).json()
      expect(staffView.timeline.at(-1)).toMatchObject({ fromStatus: status, toStatus: expected.to })
    } else {
      expect(response.statusCode).toBe(409)
      expect(response.json()).toEqual({
        code: 'WRONG_STATUS',
        message: `案件当前为“${caseStatusLabel[status]}”，不能${caseActionLabel[action]}`,
      })
      expect(row!.status).toBe(status)
    }
  })

  it('the staff view lists exactly the actions the state machine allows', async () => {
    for (const status of CASE_STATUSES) {
      const id = await caseIn(t, status)
      const detail = (await t.as('demo-legal')({ method: 'GET', url: `/api/workbench/legal-aid/cases/${id}` })).json()
      const allowed = STAFF_CASE_ACTIONS.filter((action) => legalAidWorkflow.next(status, action).ok)
      expect(detail.actions).toEqual(allowed)
    }
  })

  it('legal staff cannot act on a case they asked for themselves: it takes a colleague', async () => {
    const own = await caseIn(t, 'submitted', 'demo-legal')
    const detail = (await t.as('demo-legal')({ method: 'GET', url: `/api/workbench/legal-aid/cases/${own}` })).json()
    expect(detail).toMatchObject({ actions: [], canAct: false })
    const refused = await staffAction(t, 'demo-legal', own, 'accept')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().message).toBe('不能办理自己提交的申请，请由其他工作人员办理')
    const [row] = await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.id, own))
    expect(row!.status).toBe('submitted')
  })

  it('two staff accepting at once: one wins, the other gets 409, one timeline entry', async () => {
    const id = await caseIn(t, 'submitted')
    const results = await Promise.all([staffAction(t, 'demo-legal', id, 'accept'), staffAction(t, 'demo-legal', id, 'accept')])
    expect(results.map((response) => response.statusCode).sort()).toEqual([200, 409])
    const detail = (await t.as('demo-legal')({ method: 'GET', url: `/api/workbench/legal-aid/cases/${id}` })).json()
    expect(detail.timeline.filter((event: { toStatus: string }) => event.toStatus === 'accepted')).toHaveLength(1)
  })

  it('the assigned lawyer must be on the list; then the worker sees the handler’s name and contact', async () => {
    const id = await caseIn(t, 'accepted', 'worker-sm')
    const wrong = await t.as('demo-legal')({
      method: 'POST',
      url: `/api/workbench/legal-aid/cases/${id}/assign`,
      payload: { lawyerId: 'nobody' },
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().fields).toEqual({ lawyerId: '请选择名单中的承办律师' })
    expect((await staffAction(t, 'demo-legal', id, 'assign')).statusCode).toBe(200)
    const mine = (await t.as('worker-sm')({ method: 'GET', url: `/api/legal-aid/cases/${id}` })).json()
    expect(mine.handler).toEqual({ name: '周立新', firm: '江苏港城律师事务所', phone: '0518-85550101' })
    expect(mine.nextStep).toBe('周立新律师将与您联系，您也可以直接拨打 0518-85550101')
  })

  it('another lawyer can take over mid-case: the worker sees who and why, the case keeps its status', async () => {
    const id = await caseIn(t, 'in_progress', 'worker-sm')
    const [before] = await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.id, id))
    const reassign = (payload: object) =>
      t.as('demo-legal')({ method: 'POST', url: `/api/workbench/legal-aid/cases/${id}/reassign`, payload })

    const same = await reassign({ lawyerId: 'demo-lawyer-zhou', reason: '换人' })
    expect(same.statusCode).toBe(400)
    expect(same.json().fields).toEqual({ lawyerId: '这位律师已在承办，请选择另一位' })
    const noReason = await reassign({ lawyerId: 'demo-lawyer-sun', reason: '' })
    expect(noReason.json().fields).toEqual({ reason: '请填写更换原因' })

    const done = await reassign({ lawyerId: 'demo-lawyer-sun', reason: '周律师出差一个月' })
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({ status: 'in_progress' })
    const [after] = await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.id, id))
    expect(after).toMatchObject({ lawyerId: 'demo-lawyer-sun', assignedAt: before!.assignedAt })

    const mine = (await t.as('worker-sm')({ method: 'GET', url: `/api/legal-aid/cases/${id}` })).json()
    expect(mine.handler).toEqual({ name: '孙慧', firm: '连云港明法律师事务所', phone: '0518-85550102' })
    expect(mine.timeline.at(-1)).toMatchObject({
      fromStatus: 'in_progress',
      toStatus: 'in_progress',
      note: '改由孙慧律师（连云港明法律师事务所）承办。原因：周律师出差一个月',
    })
    const inbox = (await t.as('worker-sm')({ method: 'GET', url: '/api/messages' })).json()
    expect(inbox.items[0]).toMatchObject({ title: '承办律师已更换', body: expect.stringContaining('0518-85550102') })
  })

  it('closing records the outcome and the amount recovered, shown to the worker', async () => {
    const id = await caseIn(t, 'closed', 'worker-sm')
    const mine = (await t.as('worker-sm')({ method: 'GET', url: `/api/legal-aid/cases/${id}` })).json()
    expect(mine.outcome).toMatchObject({ outcome: 'mediated', amountRecovered: 12000, summary: '调解成功，单位当场支付' })
    expect(mine.timeline.at(-1).note).toBe('调解成功，追回 12,000 元。调解成功，单位当场支付')
    const bad = await t.as('demo-legal')({
      method: 'POST',
      url: `/api/workbench/legal-aid/cases/${await caseIn(t, 'in_progress')}/close`,
      payload: { outcome: 'won', amountRecovered: -5, summary: '' },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields).toEqual({ outcome: '请选择结案方式', amountRecovered: '追回金额不能为负数', summary: '请填写结案说明' })
  })

  it('declining needs a reason, which the worker sees', async () => {
    const id = await caseIn(t, 'submitted', 'worker-sm')
    const empty = await t.as('demo-legal')({
      method: 'POST',
      url: `/api/workbench/legal-aid/cases/${id}/decline`,
      payload: { reason: ' ' },
    })
    expect(empty.json().fields).toEqual({ reason: '请填写不予受理的原因' })
    await staffAction(t, 'demo-legal', id, 'decline')
    const mine = (await t.as('worker-sm')({ method: 'GET', url: `/api/legal-aid/cases/${id}` })).json()
    expect(mine).toMatchObject({ status: 'declined', declineReason: '不属于劳动争议', canWithdraw: false })
  })
})
