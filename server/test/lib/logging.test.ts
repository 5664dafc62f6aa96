import { membershipApplications } from '../../src/lines/membership/membership.tables'
import { scrubDatabaseText, serializeError } from '../../src/lib/logging'
import { createTestApp, type TestApp } from '../helpers/test-app'

describe('error logs', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ demo: false })
  })
  afterAll(() => t.close())

  it('a failed query is logged without its parameters (which hold personal data)', async () => {
    let caught: unknown
    try {
      await t.database.db.insert(membershipApplications).values({
        userId: '00000000-0000-4000-8000-000000000000',
        orgId: 'lyg-haizhou-pool',
        status: 'submitted',
        name: '测试姓名',
        legacyPhone: '13800009999',
      })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(Error)
    // The raw error does carry them: this is what the serializer is for.
    expect(String((caught as Error).message)).toContain('13800009999')
    const logged = JSON.stringify(serializeError(caught as Error))
    expect(logged).toContain('membership_applications')
    expect(logged).toContain('params: [REDACTED]')
    expect(logged).not.toContain('13800009999')
    expect(logged).not.toContain('测试姓名')
  })

  it('PostgreSQL details that quote values are scrubbed', () => {
    expect(scrubDatabaseText('Key (phone)=(13800009999) already exists.')).toBe('Key (phone)=([REDACTED]) already exists.')
    expect(scrubDatabaseText('Failing row contains (abc, 13800009999, 王小明).')).toBe('Failing row contains [REDACTED].')
    expect(scrubDatabaseText('Failed query: select 1\nparams: 13800009999,王小明')).toBe('Failed query: select 1\nparams: [REDACTED]')
  })
})
