import type { InjectOptions } from 'fastify'
import { makeMembers } from '../../helpers/members'
import { countQueries } from '../../helpers/query-count'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { asMember, courseInput, enroll, publishedCourse } from './helpers'

jest.setTimeout(120_000)

/** Training's lists ask the database a constant number of questions however many rows they show. */
describe('training reads: no query per row', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  }, 120_000)
  afterAll(() => t.close())

  async function queriesFor(send: (request: InjectOptions) => Promise<{ statusCode: number; body: string }>, url: string): Promise<number> {
    const { result: response, queries } = await countQueries(t.database, () => send({ method: 'GET', url }))
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`)
    return queries
  }

  it('the catalogue, my courses, staff courses and a roster send as many queries with more rows', async () => {
    const [member, ...others] = await makeMembers(t, 5, { prefix: 'training-query-count' })
    const first = await publishedCourse(t, courseInput(new Date(), { capacity: 1, startsInHours: 24 * 5 }))
    await enroll(t, others[0]!, first.id)
    await enroll(t, member!, first.id, { waitlist: true })
    const reads = () => [
      { send: asMember(t, member!), url: '/api/training/courses' },
      { send: asMember(t, member!), url: '/api/training/enrollments' },
      { send: asMember(t, member!), url: '/api/training/certificates' },
      { send: t.as('demo-training'), url: '/api/workbench/training/courses' },
      { send: t.as('demo-training'), url: `/api/workbench/training/courses/${first.id}/roster?tab=all` },
      { send: t.as('demo-training'), url: '/api/workbench/training/subsidy-claims' },
    ]
    for (const { send, url } of reads()) await queriesFor(send, url)
    const before = new Map<string, number>()
    for (const { send, url } of reads()) before.set(url, await queriesFor(send, url))

    // More courses, more enrollments of the member (seated and waitlisted), more on the roster.
    for (let index = 0; index < 3; index++) {
      const course = await publishedCourse(
        t,
        courseInput(new Date(), { capacity: 1, startsInHours: 24 * (10 + index * 2), title: `测试课程·计数${index}` }),
      )
      await enroll(t, others[index + 1]!, course.id)
      await enroll(t, member!, course.id, { waitlist: true })
      await enroll(t, others[index + 1]!, first.id, { waitlist: true })
    }
    const after = new Map<string, number>()
    for (const { send, url } of reads()) after.set(url, await queriesFor(send, url))
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before))
    console.log(`[training query counts] ${[...after].map(([url, count]) => `${url} ${count}`).join(', ')}`)
  })
})
