import type { LightMyRequestResponse } from 'fastify'
import type { CaseApplication, CaseStatus } from '@contract/lines/legal-aid'
import { multipartFile, PNG_BYTES } from '../../helpers/files'
import type { TestApp } from '../../helpers/test-app'

export const DESCRIPTION = '我在工地干了三个月的钢筋工，包工头一直拖欠工资，说年底结清，现在人找不到了，电话也不接。'

export function application(overrides: Partial<CaseApplication> = {}): CaseApplication {
  return {
    type: 'wage_arrears',
    description: DESCRIPTION,
    employerName: '连云港某建筑劳务有限公司',
    employerAddress: '海州区朝阳东路 8 号',
    amountInvolved: 18000,
    demand: '要回拖欠的三个月工资',
    monthlyIncome: 4321.5,
    contactName: '刘大壮',
    contactPhone: '13912345678',
    attachmentIds: [],
    consent: true,
    ...overrides,
  }
}

let keyCounter = 0
export const freshKey = () => `test-key-${Date.now().toString(36)}-${++keyCounter}`

export async function submitCase(t: TestApp, openid: string, overrides: Partial<CaseApplication> = {}): Promise<string> {
  const response = await t.as(openid)({
    method: 'POST',
    url: '/api/legal-aid/cases',
    payload: application(overrides),
    headers: { 'idempotency-key': freshKey() },
  })
  if (response.statusCode !== 201) throw new Error(`submit failed: ${response.statusCode} ${response.body}`)
  return (response.json() as { id: string }).id
}

export async function uploadPng(t: TestApp, openid: string, name = 'evidence.png'): Promise<string> {
  const { payload, headers } = multipartFile(name, PNG_BYTES, 'image/png')
  const response = await t.as(openid)({ method: 'POST', url: '/api/uploads', payload, headers })
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`)
  return (response.json() as { id: string }).id
}

export const staffBodies = {
  accept: { note: '符合受理条件' },
  decline: { reason: '不属于劳动争议' },
  assign: { lawyerId: 'demo-lawyer-zhou' },
  reassign: { lawyerId: 'demo-lawyer-sun', reason: '周律师出差一个月' },
  start: { note: '已与申请人联系' },
  close: { outcome: 'mediated', amountRecovered: 12000, summary: '调解成功，单位当场支付' },
} as const

export function staffAction(t: TestApp, openid: string, caseId: string, action: keyof typeof staffBodies): Promise<LightMyRequestResponse> {
  return t.as(openid)({ method: 'POST', url: `/api/workbench/legal-aid/cases/${caseId}/${action}`, payload: staffBodies[action] })
}

/** The path of staff actions from a new case to each status. */
export const pathTo: Record<CaseStatus, Array<keyof typeof staffBodies | 'withdraw'>> = {
  submitted: [],
  accepted: ['accept'],
  declined: ['decline'],
  assigned: ['accept', 'assign'],
  in_progress: ['accept', 'assign', 'start'],
  closed: ['accept', 'assign', 'start', 'close'],
  withdrawn: ['withdraw'],
}

let workerCounter = 0

/** A case in a status, by a worker of its own (a real person files a few cases a day, not dozens). */
export async function caseIn(t: TestApp, status: CaseStatus, worker = `worker-sm-${++workerCounter}`): Promise<string> {
  const id = await submitCase(t, worker)
  for (const step of pathTo[status]) {
    const response =
      step === 'withdraw'
        ? await t.as(worker)({ method: 'POST', url: `/api/legal-aid/cases/${id}/withdraw`, payload: {} })
        : await staffAction(t, 'demo-legal', id, step)
    if (response.statusCode !== 200) throw new Error(`${step} failed: ${response.statusCode} ${response.body}`)
  }
  return id
}
