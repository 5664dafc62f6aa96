import type { InjectOptions } from 'fastify'
import { submitCase } from '../lines/legal-aid/helpers'
import { applicationBody, idempotency, validIdNumber } from '../lines/membership/membership-fixtures'
import { serviceLines } from '../../src/lines/registry'
import { countQueries } from '../helpers/query-count'
import { createTestApp, type TestApp } from '../helpers/test-app'

/**
 * Every read endpoint asks the database a constant number of questions, however many records it
 * shows: no query per row. Each endpoint is counted, then rows are added to what it lists, then
 * it is counted again — the two counts must be equal.
 */
describe('queries per read request', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  /** How many statements the database was sent while answering this request. */
  async function queriesFor(openid: string, request: InjectOptions): Promise<number> {
    const { result: response, queries } = await countQueries(t.database, () => t.as(openid)(request))
    if (response.statusCode !== 200) throw new Error(`${request.url}: ${response.statusCode} ${response.body}`)
    return queries
  }

  const reads: Array<{ openid: string; url: string }> = [
    { openid: 'demo-worker', url: '/api/me' },
    { openid: 'demo-worker', url: '/api/me/lines' },
    { openid: 'demo-worker', url: '/api/messages' },
    { openid: 'demo-worker', url: '/api/legal-aid/cases' },
    { openid: 'demo-legal', url: '/api/workbench/legal-aid/cases' },
    { openid: 'demo-legal', url: '/api/workbench' },
    { openid: 'demo-staff-district', url: '/api/workbench/membership/applications' },
    { openid: 'demo-city-admin', url: '/api/workbench/staff' },
    { openid: 'demo-city-admin', url: '/api/workbench/invites' },
  ]

  it('when the lists grow, then each read endpoint still sends the same number of queries', async () => {
    // Warm-up: the first authenticated request prepares the auth statement once per connection.
    for (const { openid, url } of reads) await queriesFor(openid, { method: 'GET', url })
    const before = new Map<string, number>()
    for (const { openid, url } of reads) before.set(url, await queriesFor(openid, { method: 'GET', url }))

    // More of everything the endpoints list: cases (and the messages they send), applications, invites.
    for (let index = 0; index < 3; index++) await submitCase(t, 'demo-worker')
    for (let index = 0; index < 3; index++) {
      const response = await t.as(`query-count-applicant-${index}`)({
        method: 'POST',
        url: '/api/membership/applications',
        payload: applicationBody({
          idNumber: validIdNumber(`3207061990030700${2 * index + 1}`),
          phone: `1391234560${index}`,
          orgId: 'lyg-haizhou-pool',
        }),
        headers: idempotency(),
      })
      if (response.statusCode !== 201) throw new Error(response.body)
      const invite = await t.as('demo-city-admin')({
        method: 'POST',
        url: '/api/workbench/invites',
        payload: { role: 'union_staff', orgId: 'lyg-haizhou', validDays: 3 },
      })
      expect(invite.statusCode).toBe(201)
    }

    const after = new Map<string, number>()
    for (const { openid, url } of reads) after.set(url, await queriesFor(openid, { method: 'GET', url }))
    console.log(`[query counts] ${[...after].map(([url, count]) => `${url} ${count}`).join(', ')}`)
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before))
    // And few: authentication is one of them; 我的 asks each line at most once for its row, besides its own reads.
    for (const [url, count] of after) expect([url, count <= (url === '/api/me/lines' ? 2 + serviceLines.length : 6)]).toEqual([url, true])
  })
})
