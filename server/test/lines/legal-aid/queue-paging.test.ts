import { CASE_STATUSES, QUEUE_TABS, type CaseStatus, type QueueTab, type StaffCaseSummary } from '@contract/lines/legal-aid'
import { grantRole, upsertUserByOpenid } from '../../../src/platform/auth/auth.repository'
import { legalAidCases } from '../../../src/lines/legal-aid/legal-aid.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'

/**
 * The legal department's queue with more cases than anyone scrolls: every tab pages through all of
 * its cases, none twice, overdue first, and the newest cases are reachable in every tab.
 */
describe('the legal-aid queue with 650 cases', () => {
  let t: TestApp
  const now = Date.now()
  const inserted: Array<{ id: string; status: CaseStatus; seq: number }> = []

  beforeAll(async () => {
    t = await createTestApp({ demo: false })
    const legal = await upsertUserByOpenid(t.database.db, 'demo-legal', '赵敏')
    await grantRole(t.database.db, { userId: legal.id, role: 'legal_staff', orgId: 'lyg' })
    const worker = await upsertUserByOpenid(t.database.db, 'worker-many', '多案件')
    const description = t.app.cipher.encrypt('案情')
    const income = t.app.cipher.encrypt('450000')
    const rows = Array.from({ length: 650 }, (_, index) => {
      const status = CASE_STATUSES[index % CASE_STATUSES.length]!
      const createdAt = new Date(now - (650 - index) * 3600_000)
      // Every fifth waiting case is past its deadline.
      const deadline = new Date(createdAt.getTime() + (index % 5 === 0 ? 24 : 24 * 400) * 3600_000).toISOString().slice(0, 10)
      return {
        applicantId: worker.id,
        type: 'wage_arrears' as const,
        status,
        descriptionEnc: description,
        employerName: `单位 ${index}`,
        employerAddress: '地址',
        demand: '诉求',
        monthlyIncomeEnc: income,
        contactName: '联系人',
        contactPhone: '13900000000',
        decideBy: deadline,
        assignBy: status === 'submitted' ? null : deadline,
        createdAt,
        updatedAt: createdAt,
      }
    })
    for (let start = 0; start < rows.length; start += 200) {
      const batch = await t.database.db
        .insert(legalAidCases)
        .values(rows.slice(start, start + 200))
        .returning({ id: legalAidCases.id, status: legalAidCases.status, seq: legalAidCases.seq })
      inserted.push(...batch)
    }
  }, 60_000)
  afterAll(() => t.close())

  const inTab = (tab: QueueTab) =>
    inserted.filter(
      (row) => tab === 'all' || (tab === 'waiting' ? row.status === 'submitted' || row.status === 'accepted' : row.status === tab),
    )

  async function everyPage(tab: QueueTab) {
    const seen: StaffCaseSummary[] = []
    let cursor: string | null = null
    let counts: Record<string, number> | undefined
    for (let page = 0; page < 100; page++) {
      const query: string = `/api/workbench/legal-aid/cases?tab=${tab}${cursor ? `&cursor=${cursor}` : ''}`
      const response = await t.as('demo-legal')({ method: 'GET', url: query })
      expect(response.statusCode).toBe(200)
      const body = response.json() as { items: StaffCaseSummary[]; nextCursor: string | null; counts: Record<string, number> }
      counts = body.counts
      seen.push(...body.items)
      cursor = body.nextCursor
      if (!cursor) break
    }
    return { seen, counts: counts! }
  }

  it.each(QUEUE_TABS)('tab %s: every case once, the newest included, overdue first', async (tab) => {
    const { seen, counts } = await everyPage(tab)
    const expected = inTab(tab)
    expect(counts[tab]).toBe(expected.length)
    expect(seen).toHaveLength(expected.length)
    expect(new Set(seen.map((item) => item.id)).size).toBe(expected.length)
    const newest = expected.reduce((latest, row) => (row.seq > latest.seq ? row : latest))
    expect(seen.map((item) => item.id)).toContain(newest.id)
    // Overdue cases come before the rest.
    const firstOnTime = seen.findIndex((item) => !item.overdue)
    if (firstOnTime >= 0) expect(seen.slice(firstOnTime).some((item) => item.overdue)).toBe(false)
  })

  it("the worker's own list (prepared statements) pages through all 650, newest first, none twice", async () => {
    const ids: string[] = []
    let cursor: string | null = null
    for (let page = 0; page < 100; page++) {
      const response = await t.as('worker-many')({
        method: 'GET',
        url: `/api/legal-aid/cases?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      })
      expect(response.statusCode).toBe(200)
      const body = response.json() as { items: Array<{ id: string }>; nextCursor: string | null }
      ids.push(...body.items.map((item) => item.id))
      cursor = body.nextCursor
      if (!cursor) break
    }
    expect(ids).toEqual([...inserted].sort((a, b) => b.seq - a.seq).map((row) => row.id))
    // Another worker's list is prepared by the same statement and holds none of them.
    await upsertUserByOpenid(t.database.db, 'worker-none', '无案件')
    const other = await t.as('worker-none')({ method: 'GET', url: '/api/legal-aid/cases' })
    expect(other.json()).toEqual({ items: [], nextCursor: null })
  })

  it('a tampered cursor is a 400 with a field message, not a 500', async () => {
    const bad = await t.as('worker-many')({ method: 'GET', url: '/api/legal-aid/cases?cursor=bm9wZQ' })
    expect(bad.statusCode).toBe(400)
    const response = await t.as('demo-legal')({ method: 'GET', url: '/api/workbench/legal-aid/cases?cursor=bm9wZQ' })
    expect(response.statusCode).toBe(400)
    expect(response.json().fields).toEqual({ cursor: '翻页参数不正确，请刷新列表' })
  })
})
