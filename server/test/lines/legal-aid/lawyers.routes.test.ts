import { and, eq } from 'drizzle-orm'
import { auditLog } from '../../../src/core/core.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { freshKey, submitCase, staffAction } from './helpers'

describe('the volunteer lawyer roster (工会阳光法律援助志愿者)', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  const legal = () => t.as('demo-legal')
  const newLawyer = {
    name: '孙立',
    firm: '江苏港城律师事务所',
    phone: '0518-85812345',
    specialties: ['work_injury', 'work_injury', 'dismissal'],
  }

  it('legal staff add a lawyer, once per submission, and then can assign them', async () => {
    const key = freshKey()
    const create = () =>
      legal()({ method: 'POST', url: '/api/workbench/legal-aid/lawyers', payload: newLawyer, headers: { 'idempotency-key': key } })
    const [first, retry] = [await create(), await create()]
    expect(first.statusCode).toBe(201)
    expect(retry.json()).toEqual(first.json())
    const lawyer = first.json()
    expect(lawyer).toMatchObject({ name: '孙立', phone: '0518-85812345', specialties: ['work_injury', 'dismissal'], active: true })

    const roster = (await legal()({ method: 'GET', url: '/api/workbench/legal-aid/lawyers?all=true' })).json().lawyers as Array<{
      id: string
    }>
    expect(roster.filter((item) => item.id === lawyer.id)).toHaveLength(1)

    const caseId = await submitCase(t, 'worker-roster')
    expect((await staffAction(t, 'demo-legal', caseId, 'accept')).statusCode).toBe(200)
    const assigned = await legal()({
      method: 'POST',
      url: `/api/workbench/legal-aid/cases/${caseId}/assign`,
      payload: { lawyerId: lawyer.id },
    })
    expect(assigned.statusCode).toBe(200)
    expect(assigned.json().handlerName).toBe('孙立')

    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'legal_aid.lawyer.create'), eq(auditLog.subjectId, lawyer.id)))
    expect(audit).toBeDefined()
  })

  it('a lawyer taken off the roster is no longer offered nor assignable, and keeps the cases they have', async () => {
    const lawyer = (
      await legal()({ method: 'POST', url: '/api/workbench/legal-aid/lawyers', payload: { ...newLawyer, name: '钱多' } })
    ).json()
    const caseId = await submitCase(t, 'worker-roster')
    await staffAction(t, 'demo-legal', caseId, 'accept')
    await legal()({ method: 'POST', url: `/api/workbench/legal-aid/cases/${caseId}/assign`, payload: { lawyerId: lawyer.id } })

    const off = await legal()({
      method: 'PUT',
      url: `/api/workbench/legal-aid/lawyers/${lawyer.id}`,
      payload: { ...newLawyer, name: '钱多', active: false },
    })
    expect(off.json()).toMatchObject({ active: false })
    const offered = (await legal()({ method: 'GET', url: '/api/workbench/legal-aid/lawyers' })).json().lawyers as Array<{ id: string }>
    expect(offered.map((item) => item.id)).not.toContain(lawyer.id)

    const another = await submitCase(t, 'worker-roster')
    await staffAction(t, 'demo-legal', another, 'accept')
    const refused = await legal()({
      method: 'POST',
      url: `/api/workbench/legal-aid/cases/${another}/assign`,
      payload: { lawyerId: lawyer.id },
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().fields).toEqual({ lawyerId: '请选择名单中的承办律师' })

    const existing = (await t.as('worker-roster')({ method: 'GET', url: `/api/legal-aid/cases/${caseId}` })).json()
    expect(existing.handler).toMatchObject({ name: '钱多' })
  })

  it('refuses bad input field by field', async () => {
    const response = await legal()({
      method: 'POST',
      url: '/api/workbench/legal-aid/lawyers',
      payload: { name: ' ', firm: '', phone: '12345', specialties: ['nonsense'] },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().fields).toEqual({
      name: '请填写律师姓名',
      firm: '请填写律师事务所',
      phone: '请填写手机号，或带区号的座机号（如 0518-85812345）',
      'specialties.0': '请选择案件类型',
    })
  })

  it('only legal staff manage it: a city admin and a worker are refused, an unknown lawyer is 404', async () => {
    for (const openid of ['demo-city-admin', 'demo-worker']) {
      expect((await t.as(openid)({ method: 'POST', url: '/api/workbench/legal-aid/lawyers', payload: newLawyer })).statusCode).toBe(403)
      expect((await t.as(openid)({ method: 'GET', url: '/api/workbench/legal-aid/lawyers?all=true' })).statusCode).toBe(403)
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/workbench/legal-aid/lawyers' })).statusCode).toBe(401)
    expect((await legal()({ method: 'PUT', url: '/api/workbench/legal-aid/lawyers/lawyer-nobody', payload: newLawyer })).statusCode).toBe(
      404,
    )
  })
})
