import type { ApplicationBody } from '@contract/lines/membership'
import { idNumberCheckCharacter } from '@contract/rules/id-number'

/** A valid ID number from its first 17 digits (the 17th digit: odd for men, even for women). */
export function validIdNumber(first17: string): string {
  return `${first17}${idNumberCheckCharacter(first17)}`
}

/** The demo member's ID number (see membership.demo.ts) and a waiting demo applicant's. */
export const DEMO_MEMBER_ID_NUMBER = validIdNumber('32070619850214006')
export const DEMO_WAITING_ID_NUMBER = validIdNumber('32070619880512003')

/** A complete, valid application; tests change what they are about. */
export function applicationBody(overrides: Partial<ApplicationBody> = {}): ApplicationBody {
  return {
    consentNotice: true,
    consentSensitive: true,
    name: '王小明',
    gender: 'male',
    ethnicity: '汉族',
    idNumber: validIdNumber('32070619900307001'),
    phoneSource: 'typed',
    phone: '13812345678',
    employer: '美团外卖（海州站点）',
    employmentType: 'food_delivery',
    migrantWorker: true,
    education: 'senior',
    politicalStatus: 'masses',
    hukouType: 'rural',
    hukouPlace: '江苏省连云港市东海县',
    orgId: 'lyg-haizhou-pool',
    ...overrides,
  }
}

let keyCounter = 0
/** A fresh Idempotency-Key header. */
export function idempotency(): { 'idempotency-key': string } {
  keyCounter += 1
  return { 'idempotency-key': `test-key-${Date.now().toString(36)}-${keyCounter}` }
}
