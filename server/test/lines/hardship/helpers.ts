import { eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import type { HardshipApplication, HouseholdMember } from '@contract/lines/hardship'
import { idNumberCheckCharacter } from '@contract/rules/id-number'
import { memberships } from '../../../src/lines/membership/membership.tables'
import { multipartFile, PNG_BYTES } from '../../helpers/files'
import { makeMembers, type TestMember } from '../../helpers/members'
import type { TestApp } from '../../helpers/test-app'

let serial = 100
/** A valid ID number of someone born on `birth` (YYYYMMDD), unique within the test run. */
export function idNumber(birth = '19800101'): string {
  const first17 = `320706${birth}${String(++serial % 1000).padStart(3, '0')}`
  return first17 + idNumberCheckCharacter(first17)
}

export const member = (name: string, relation: HouseholdMember['relation'], overrides: Partial<HouseholdMember> = {}): HouseholdMember => ({
  name,
  relation,
  idNumber: idNumber(relation === 'child' ? '20080303' : '19800101'),
  health: 'good',
  workStatus: 'employed',
  monthlyIncome: 0,
  ...overrides,
})

/** A household of three: the applicant earning `income` a month, a sick spouse, a child at school. */
export function household(income = 1500): HouseholdMember[] {
  return [
    member('王建军', 'self', { monthlyIncome: income, unitOrSchool: '连云港市第一人民医院' }),
    member('李梅', 'spouse', { health: 'serious_illness', healthNote: '乳腺癌化疗', workStatus: 'sick_leave' }),
    member('王小雨', 'child', { workStatus: 'student' }),
  ]
}

export async function uploadPng(t: TestApp, openid: string, name = 'proof.png'): Promise<string> {
  const { payload, headers } = multipartFile(name, PNG_BYTES, 'image/png')
  const response = await t.as(openid)({ method: 'POST', url: '/api/uploads', payload, headers })
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`)
  return (response.json() as { id: string }).id
}

/** An application with every required proof uploaded by `openid`. */
export async function application(t: TestApp, openid: string, overrides: Partial<HardshipApplication> = {}): Promise<HardshipApplication> {
  const members = overrides.members ?? household()
  const items = overrides.items ?? { living: { reason: '妻子治病期间家庭收入很低，日常生活困难。' } }
  const { proofSlotsFor } = await import('@contract/lines/hardship')
  const proofs: Record<string, string[]> = {}
  for (const slot of proofSlotsFor({ migrantWorker: overrides.migrantWorker ?? false, members, items })) {
    if (slot.required) proofs[slot.key] = [await uploadPng(t, openid, `${slot.key}.png`)]
  }
  const self = members.find((person) => person.relation === 'self')!
  return {
    unitName: '连云港市第一人民医院',
    contactPhone: '13912345678',
    migrantWorker: false,
    contractMonths: null,
    members,
    housing: { type: 'rented', area: 45 },
    hukouType: 'non_agricultural',
    mainCause: 'illness',
    secondaryCause: 'schooling',
    causeNote: '妻子患乳腺癌化疗一年，家里只有我一个人的工资，孩子读高三。',
    exclusions: { multipleHomes: false, ownsBusiness: false, privateSchool: false, privateVehicle: false },
    items,
    proofs,
    bank: { bankName: '中国工商银行连云港分行', accountName: self.name, accountNumber: '6222021100001234567' },
    pledgeSignature: self.name,
    pledge: true,
    financeCheckConsent: true,
    sensitiveConsent: true,
    ...overrides,
  }
}

let keyCounter = 0
export const freshKey = () => `hs-${Date.now().toString(36)}-${++keyCounter}`

export function post(t: TestApp, openid: string, url: string, payload: unknown = {}): Promise<LightMyRequestResponse> {
  return t.as(openid)({ method: 'POST', url, payload: payload as object, headers: { 'idempotency-key': freshKey() } })
}

export function get(t: TestApp, openid: string, url: string): Promise<LightMyRequestResponse> {
  return t.as(openid)({ method: 'GET', url })
}

export async function submit(t: TestApp, openid: string, body: HardshipApplication): Promise<string> {
  const response = await post(t, openid, '/api/hardship/applications', body)
  if (response.statusCode !== 201) throw new Error(`submit failed: ${response.statusCode} ${response.body}`)
  return (response.json() as { id: string }).id
}

let memberCounter = 0
/** Fresh members of a union (the hospital's by default), as applicants. */
export async function members(t: TestApp, count = 1, orgId = 'lyg-haizhou-hospital1'): Promise<TestMember[]> {
  return makeMembers(t, count, { prefix: `hs-member-${++memberCounter}`, orgId })
}

/** Records a member's ID number hash, as the membership line does at approval. */
export async function setMemberIdNumber(t: TestApp, who: TestMember, idNumber: string): Promise<void> {
  await t.database.db
    .update(memberships)
    .set({ idNumberHash: t.app.systemContext().cipher.lookupHash(idNumber) })
    .where(eq(memberships.id, who.membershipId))
}

export const GRASSROOTS = 'demo-staff-grassroots'
export const CENTRE = 'demo-hardship-centre'
export const visit = (visitedOn: string) => ({
  visitedOn,
  visitors: '陈红、王军',
  findings: '入户核实，家庭情况与申报一致。',
  photoIds: [] as string[],
})

/** Takes an application from the first review through the 公示 to the city review (the clock moved on by the caller). */
export async function recommend(t: TestApp, id: string, today: string, tier: 'deep' | 'relative' | 'accident' = 'deep', reason?: string) {
  const response = await post(t, GRASSROOTS, `/api/workbench/hardship/applications/${id}/first-review`, {
    decision: 'recommend',
    visit: visit(today),
    tier,
    ...(reason ? { tierReason: reason } : {}),
  })
  if (response.statusCode !== 200) throw new Error(`recommend failed: ${response.statusCode} ${response.body}`)
  return response.json()
}
