import os from 'node:os'
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import type { Database } from '../db/client'
import type { SystemContext } from './context'
import { scheduledJobs } from './core.tables'

/**
 * Scheduled work (the upload sweep, the outbox, reminders, yearly reviews…). The backend runs as
 * several instances on one database; each job runs on exactly one of them per interval: a run
 * first claims the job's row with one conditional UPDATE, and only the instance whose statement
 * changed the row goes on.
 */
export interface JobDefinition {
  /** Unique, dotted: `uploads.sweep`, `training.reminders`. */
  name: string
  /** At most one run per this many milliseconds, across all instances. */
  everyMs: number
  run(context: SystemContext): Promise<void>
}

export function defineJob(job: JobDefinition): JobDefinition {
  return job
}

/** Who runs a job, for operators reading scheduled_jobs. */
const runner = `${os.hostname()}:${process.pid}`

export class JobScheduler {
  private timers: NodeJS.Timeout[] = []
  private readonly running = new Set<Promise<boolean>>()
  private stopped = false

  constructor(
    private readonly db: Database,
    private readonly jobs: readonly JobDefinition[],
    private readonly contextFor: () => SystemContext,
    private readonly log: FastifyBaseLogger,
  ) {
    const names = new Set(jobs.map((job) => job.name))
    if (names.size !== jobs.length) throw new Error('two jobs share a name')
  }

  /**
   * Checks each job at least once a minute (more often for frequent ones), and once at start: an
   * instance that comes back after a crash sends what was left waiting without delay.
   */
  start(): void {
    void this.tick()
    for (const job of this.jobs) {
      const timer = setInterval(() => void this.track(this.runIfDue(job)), Math.min(job.everyMs, 60_000))
      timer.unref()
      this.timers.push(timer)
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.timers.forEach(clearInterval)
    this.timers = []
    await Promise.allSettled([...this.running])
  }

  /** Runs every job that is due now (a test's "tick"); resolves with the names of those that ran here. */
  async tick(): Promise<string[]> {
    const ran = await Promise.all(this.jobs.map((job) => this.track(this.runIfDue(job))))
    return this.jobs.filter((_, index) => ran[index]).map((job) => job.name)
  }

  find(name: string): JobDefinition | undefined {
    return this.jobs.find((job) => job.name === name)
  }

  private track(run: Promise<boolean>): Promise<boolean> {
    this.running.add(run)
    return run.finally(() => this.running.delete(run))
  }

  /** Claims the job for this interval and runs it; false when it is not due or another instance has it. */
  async runIfDue(job: JobDefinition): Promise<boolean> {
    if (this.stopped) return false
    const context = this.contextFor()
    const now = context.now
    const dueBefore = new Date(now.getTime() - job.everyMs)
    try {
      await this.db.insert(scheduledJobs).values({ name: job.name }).onConflictDoNothing()
      const claimed = await this.db
        .update(scheduledJobs)
        .set({ lastStartedAt: now, lastRunner: runner, runs: sql`${scheduledJobs.runs} + 1` })
        .where(and(eq(scheduledJobs.name, job.name), or(isNull(scheduledJobs.lastStartedAt), lte(scheduledJobs.lastStartedAt, dueBefore))))
        .returning({ name: scheduledJobs.name })
      if (claimed.length === 0) return false
    } catch (error) {
      this.log.error({ err: error, job: job.name }, 'could not claim a scheduled job')
      return false
    }
    let failure: string | null = null
    try {
      await job.run(context)
    } catch (error) {
      failure = (error as Error).name ?? 'Error'
      this.log.error({ err: error, job: job.name }, 'scheduled job failed')
    }
    await this.db
      .update(scheduledJobs)
      .set({ lastFinishedAt: this.contextFor().now, lastError: failure })
      .where(eq(scheduledJobs.name, job.name))
      .catch((error: unknown) => this.log.error({ err: error, job: job.name }, 'could not record a job run'))
    return true
  }
}
