import { sql } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { application, CENTRE, get, GRASSROOTS, household, members, post, submit } from './helpers'

/** Income, health, family and the bank account are sealed at rest, masked in responses, never logged. */
describe('hardship sensitive data', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  }, 180_000)
  afterAll(() => t.close())

  it('nothing typed about the family is stored or logged in clear', async () => {
    const [worker] = await members(t)
    const family = household(4321.57)
    family[1] = { ...family[1]!, healthNote: '罕见病甲型综合征' }
    const medical = {
      patient: 1,
      disease: '罕见病甲型综合征',
      hospital: '南京鼓楼医院',
      admittedOn: '2026-06-01',
      totalCost: 88888,
      insurancePaid: 30000,
      otherPaid: 0,
    }
    const body = await application(t, worker!.openid, {
      members: family,
      items: { medical },
      contactPhone: '13955501234',
      causeNote: '妻子患罕见病，家中积蓄已经花光，还借了亲戚七万块钱。',
      bank: { bankName: '中国农业银行', accountName: '王建军', accountNumber: '6228480000009876543' },
    })
    const id = await submit(t, worker!.openid, body)
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    await post(t, GRASSROOTS, `/api/workbench/hardship/applications/${id}/first-review`, {
      decision: 'recommend',
      visit: { visitedOn: today, visitors: '陈红、王军', findings: '家中只有一张床，妻子卧床不起，邻居证实借款属实。', photoIds: [] },
      tier: 'deep',
    })
    await post(t, GRASSROOTS, `/api/workbench/hardship/applications/${id}/objections`, {
      raisedBy: '邻居赵某',
      content: '他家在乡下还有一套老房子',
    })
    // Responses mask the ID numbers and the account.
    const staffView = (await get(t, CENTRE, `/api/workbench/hardship/applications/${id}`)).json()
    expect(staffView.members[0].idNumberMasked).toMatch(/^\d{3}\*+\d{4}$|^\d{1,6}\*+[\dX]{1,4}$/)
    expect(JSON.stringify(staffView)).not.toContain(family[0]!.idNumber)
    expect(JSON.stringify(staffView)).not.toContain('6228480000009876543')

    const secrets = [
      ...family.map((person) => person.idNumber),
      '4321.57',
      '432157',
      '罕见病甲型综合征',
      '南京鼓楼医院',
      '13955501234',
      '借了亲戚七万块钱',
      '6228480000009876543',
      '邻居证实借款属实',
      '乡下还有一套老房子',
      '邻居赵某',
    ]
    const tables = [
      'hardship_files',
      'hardship_file_people',
      'hardship_applications',
      'hardship_items',
      'hardship_visits',
      'hardship_objections',
      'hardship_payments',
      'hardship_annual_reviews',
      'timeline_events',
      'audit_log',
      'inbox_messages',
      'outbox',
    ]
    for (const table of tables) {
      const rows = await t.database.db.execute(sql.raw(`select row_to_json(t)::text as row from ${table} t`))
      const text = JSON.stringify((rows as unknown as { rows: unknown[] }).rows ?? rows)
      for (const secret of secrets) expect([table, secret, text.includes(secret)]).toEqual([table, secret, false])
    }
    const logs = t.logs.join('\n')
    for (const secret of secrets) expect([secret, logs.includes(secret)]).toEqual([secret, false])
  })
})
