// Test data only (imported by *.test.ts files, never by a page): a worker's application as the
// server returns it, and a form filled in completely on the device.
import type { MyApplication } from '@contract/lines/membership'
import { idNumberCheckCharacter } from '@contract/rules/id-number'
import { emptyForm, newDraft, type ApplicationDraft } from './application-form'

/** A valid ID number (male, born 1990-03-07). */
export const FIXTURE_ID_NUMBER = `32070619900307001${idNumberCheckCharacter('32070619900307001')}`

/** A draft with every field filled in, at `step`. */
export function completeDraftFixture(step = 0): ApplicationDraft {
  return {
    ...newDraft(),
    step,
    form: {
      ...emptyForm,
      consentNotice: true,
      consentSensitive: true,
      name: '王小明',
      gender: 'male',
      ethnicity: '汉族',
      idNumber: FIXTURE_ID_NUMBER,
      phoneSource: 'typed',
      phone: '13812345678',
      employer: '美团外卖',
      employmentType: 'food_delivery',
      migrantWorker: true,
      education: 'senior',
      politicalStatus: 'masses',
      hukouType: 'rural',
      org: { id: 'lyg-haizhou-pool', name: '海州区新就业形态劳动者联合工会', pathNames: ['连云港市总工会', '海州区总工会'] },
    },
  }
}

export function applicationFixture(overrides: Partial<MyApplication> = {}): MyApplication {
  return {
    id: 'a-1',
    status: 'submitted',
    orgId: 'lyg-haizhou-pool',
    orgName: '海州区新就业形态劳动者联合工会',
    orgPathNames: ['连云港市总工会', '海州区总工会'],
    name: '王小明',
    gender: 'male',
    ethnicity: '汉族',
    birthDate: '1990-03-07',
    idNumberMasked: '3207**********0011',
    phoneMasked: '138****5678',
    phoneVerified: false,
    employer: '美团外卖',
    employmentType: 'food_delivery',
    migrantWorker: true,
    education: 'senior',
    politicalStatus: 'masses',
    hukouType: 'rural',
    hukouPlace: null,
    rejectionReason: null,
    submittedAt: '2026-11-20T00:00:00Z',
    updatedAt: '2026-11-20T00:00:00Z',
    reviewedAt: null,
    memberNumber: null,
    timeline: [],
    ...overrides,
  }
}
