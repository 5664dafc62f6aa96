// Test data only (imported by *.test.ts files, never by a page): a worker's application as the
// server returns it.
import type { MyApplication } from '@contract/membership'

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
