import { and, eq, sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm'
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core'
import type { Workflow } from '@contract/kit/workflow'
import { AppError } from '../lib/errors'
import type { SystemContext } from './context'
import { appendTimelineEvent, type ActorRole } from './timeline'

/** A table whose rows follow a workflow: an id, a status and the time of the last change. */
export type WorkflowTable = PgTable & { id: AnyPgColumn; status: AnyPgColumn; updatedAt: AnyPgColumn }

export interface TransitionSpec<T extends WorkflowTable, S extends string, A extends string> {
  workflow: Workflow<S, A>
  table: T
  /** The record as the caller read it. */
  record: { id: string; status: S }
  action: A
  /** Who takes it, for the timeline (a staff role, the applicant, or the system). */
  actor: { id: string | null; role: ActorRole }
  /** Other columns the step sets (a reason, a deadline…). */
  changes?: Partial<InferInsertModel<T>>
  note?: string | null
  visibility?: 'public' | 'internal'
  /**
   * The `updatedAt` the caller read (ISO): the step is refused if the record changed since, so
   * nobody decides on a version they did not see.
   */
  expectVersion?: string
  /** What to say when it changed since it was read (default: the workflow's words). */
  changedMessage?: string
}

const stale = (message: string) => new AppError(409, 'WRONG_STATUS', message)

/**
 * The one way a record's status changes, in every line: checks the workflow allows the action from
 * the status the caller saw, sets the new status (and `changes`) only if the row is still in that
 * status (and version) — a compare-and-set, so two people acting at once cannot both win — and
 * writes the timeline event in the same transaction. Refusals are 409 WRONG_STATUS in the
 * workflow's words.
 */
export async function transition<T extends WorkflowTable, S extends string, A extends string>(
  context: SystemContext,
  spec: TransitionSpec<T, S, A>,
): Promise<InferSelectModel<T>> {
  const { workflow, table, record, action } = spec
  const check = workflow.next(record.status, action)
  if (!check.ok) throw stale(check.message)
  const values = { ...(spec.changes ?? {}), status: check.to, updatedAt: context.now } as PgUpdateSetSource<T>
  const matches = and(
    eq(table.id, record.id),
    eq(table.status, record.status),
    // Versions are read in milliseconds (JSON dates); the column may hold microseconds.
    spec.expectVersion === undefined ? undefined : sql`date_trunc('milliseconds', ${table.updatedAt}) = ${new Date(spec.expectVersion)}`,
  )
  // A generic table: Drizzle's builder cannot follow T through update(), so its rows are typed here.
  const updated = (await context.db
    .update(table as PgTable)
    .set(values)
    .where(matches)
    .returning()) as InferSelectModel<T>[]
  const row = updated[0]
  if (!row) {
    const [current] = (await context.db
      .select({ status: table.status })
      .from(table as PgTable)
      .where(eq(table.id, record.id))) as Array<{
      status: S
    }>
    if (current && current.status !== record.status) {
      throw stale(`${workflow.noun}刚刚已变为“${workflow.statusLabel[current.status] ?? current.status}”，请刷新后查看`)
    }
    throw stale(spec.changedMessage ?? `${workflow.noun}刚刚有更新，请查看最新内容后再操作`)
  }
  await appendTimelineEvent(context.db, {
    subjectType: workflow.subject,
    subjectId: record.id,
    actorId: spec.actor.id,
    actorRole: spec.actor.role,
    fromStatus: record.status,
    toStatus: check.to,
    action,
    note: spec.note ?? null,
    visibility: spec.visibility,
  })
  return row
}
