import { eq, sql } from 'drizzle-orm'
import { scheduledJobs } from '../../src/core/core.tables'
import { defineJob, type JobDefinition } from '../../src/core/jobs'
import { serviceLines } from '../../src/lines/registry'
import { notices } from '../../src/platform/catalogue/catalogue.tables'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { testLine } from '../helpers/test-line'

/**
 * The backend runs as several instances on one database: a scheduled job runs on exactly one of
 * them per interval, however the instances' ticks interleave.
 */
describe('scheduled jobs with two instances on one database', () => {
  const hourly = defineJob({
    name: 'test.hourly',
    everyMs: 3600_000,
    // The job's visible effect: one row per run.
    run: async (context) => {
      await context.db.insert(notices).values({ title: 'job ran', body: 'test.hourly' })
    },
  })
  /** A line that holds nothing and only brings its jobs. */
  const lineWithJobs = (key: string, jobs: JobDefinition[]) => testLine(key, { jobs })
  const withJob = [...serviceLines, lineWithJobs('job-test', [hourly])]
  let first: TestApp
  let second: TestApp
  let now = new Date('2026-12-01T08:00:00Z')

  beforeAll(async () => {
    first = await createTestApp({ lines: withJob, clock: () => now, demo: false })
    second = await createTestApp({ lines: withJob, clock: () => now, database: first.database })
  })
  afterAll(async () => {
    await second.close()
    await first.close()
  })

  const runs = async () =>
    Number(
      (
        await first.database.db
          .select({ value: sql<number>`count(*)::int` })
          .from(notices)
          .where(eq(notices.body, 'test.hourly'))
      )[0]!.value,
    )

  it('both instances ticking at once, many times: the job runs once in its hour', async () => {
    const ticks = await Promise.all(Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? first : second).app.jobs.tick()))
    expect(ticks.filter((ran) => ran.includes('test.hourly'))).toHaveLength(1)
    expect(await runs()).toBe(1)
    // The platform's own jobs, and every line's, obey the same rule.
    const rows = await first.database.db.select().from(scheduledJobs)
    const lineJobs = serviceLines.flatMap((line) => (line.jobs ?? []).map((job) => job.name))
    const expected = ['outbox.send', 'privacy.vacuum', 'rate-limits.cleanup', 'test.hourly', 'uploads.sweep', ...lineJobs]
    expect(lineJobs.length).toBeGreaterThan(0)
    expect(rows.map((row) => [row.name, row.runs]).sort()).toEqual(expected.sort().map((name) => [name, 1]))
  })

  it('an hour later it runs again, once', async () => {
    now = new Date(now.getTime() + 3600_000)
    await Promise.all([first.app.jobs.tick(), second.app.jobs.tick(), first.app.jobs.tick(), second.app.jobs.tick()])
    expect(await runs()).toBe(2)
  })

  it('a failing run is recorded and the next interval tries again', async () => {
    const failing = defineJob({ name: 'test.failing', everyMs: 60_000, run: async () => Promise.reject(new Error('boom')) })
    const app = await createTestApp({
      lines: [...serviceLines, lineWithJobs('failing-test', [failing])],
      clock: () => now,
      database: first.database,
    })
    try {
      expect(await app.app.jobs.tick()).toContain('test.failing')
      const [row] = await first.database.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'test.failing'))
      expect(row).toMatchObject({ runs: 1, lastError: 'Error' })
    } finally {
      await app.close()
    }
  })
})
