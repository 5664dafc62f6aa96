import { performance } from 'node:perf_hooks'
import { trainingCourses, trainingSessions } from '../../../server/src/lines/training/training.tables'
import { makeMembers } from '../../../server/test/helpers/members'
import type { BenchRow, Figures, ServerBenchSection } from '../section'

interface Prepared {
  courseId: string
  tokens: string[]
}

const SEATS = 50
const PEOPLE = 500

/**
 * Training's seats under load: 500 members enrolling at once into a 50-seat course (each asking for
 * the waitlist when full) must leave exactly 50 enrolled and 450 in line, on PGlite and PostgreSQL;
 * and the catalogue list against the cached `GET /api/services`.
 */
export const trainingBench: ServerBenchSection = {
  name: 'training',
  async prepare(app): Promise<Prepared> {
    const members = await makeMembers({ database: app.database, config: app.config }, PEOPLE, { prefix: `bench-training-${Date.now()}` })
    const start = Date.now() + 30 * 24 * 3600_000
    const [course] = await app.db
      .insert(trainingCourses)
      .values({
        orgId: 'lyg',
        status: 'published',
        title: '压测课程·焊工技能提升',
        category: 'skills',
        summary: '压测用课程：五百人同时报名五十个名额。',
        organiser: '市总工会劳动和经济工作部',
        teacher: '压测',
        mode: 'offline',
        district: 'haizhou',
        address: '海州区朝阳东路 66 号',
        capacity: SEATS,
        enrollDeadline: new Date(start - 2 * 3600_000),
        completionRule: '出勤率达到 80%',
        firstSessionAt: new Date(start),
        lastSessionEndsAt: new Date(start + 2 * 3600_000),
        sessionCount: 1,
        publishedAt: new Date(),
      })
      .returning({ id: trainingCourses.id })
    if (!course) throw new Error('the bench course was not created')
    await app.db.insert(trainingSessions).values({ courseId: course.id, startsAt: new Date(start), endsAt: new Date(start + 2 * 3600_000) })
    return { courseId: course.id, tokens: members.map((member) => member.token) }
  },
  async run({ url, compare, prepared }) {
    const { courseId, tokens } = prepared as Prepared
    const latencies: number[] = []
    const statuses = new Map<string, number>()
    let errors = 0
    const started = performance.now()
    let shed = 0
    const failures = new Map<string, number>()
    await Promise.all(
      tokens.map(async (token, index) => {
        const sent = performance.now()
        // A shed request (503, Retry-After) is sent again with the same key, as the app's client does.
        const key = `bench-enroll-${index}-${Date.now()}`
        let response: Response | undefined
        for (let attempt = 0; attempt < 50; attempt++) {
          response = await fetch(`${url}/api/training/courses/${courseId}/enrollment`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
            body: JSON.stringify({ waitlist: true }),
          }).catch(() => undefined)
          if (response?.status !== 503) break
          shed += 1
          await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
        }
        latencies.push(performance.now() - sent)
        if (!response || response.status !== 201) {
          errors += 1
          const why = response ? String(response.status) : 'no answer'
          failures.set(why, (failures.get(why) ?? 0) + 1)
          return
        }
        const { status } = (await response.json()) as { status: string }
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }),
    )
    const seconds = (performance.now() - started) / 1000
    latencies.sort((a, b) => a - b)
    const figures: Figures = {
      rps: Math.round((tokens.length - errors) / seconds),
      p99: Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0),
      errors,
      shed,
    }
    const enrolled = statuses.get('enrolled') ?? 0
    const waitlisted = statuses.get('waitlisted') ?? 0
    const exact = enrolled === SEATS && waitlisted === PEOPLE - SEATS
    const rows: BenchRow[] = [
      { label: `POST enrollment ×${PEOPLE} at once (${SEATS} seats; p99 includes retries after a 503)`, figures },
      {
        label: 'enrollment outcome',
        text: `${enrolled} enrolled, ${waitlisted} waitlisted, ${errors} failed${errors ? ` (${[...failures].map(([why, count]) => `${why} ×${count}`).join(', ')})` : ''} — ${exact ? 'exact' : `WRONG (want ${SEATS} and ${PEOPLE - SEATS})`}`,
      },
      { label: 'GET /api/training/courses', ...(await compare('/api/training/courses', { token: tokens[0] })), target: '≥ 0.25' },
    ]
    return rows
  },
}
