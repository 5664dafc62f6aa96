/**
 * A service line's workflow as data: its statuses (with the words people read), which of them are
 * still open, and the actions that move a record between them — who may take each and from where.
 * The server's `transition()` refuses what this table does not allow; pages show the actions the
 * server says the caller may take. Deliberately small: no engine, no DSL, no stored definitions.
 */

/** Who takes an action: the person the record is about, or staff (which staff: the line's access rule). */
export type WorkflowActor = 'applicant' | 'staff'

export interface StatusDefinition {
  label: string
  /** Still being worked on: deadlines run, messages are open, the applicant may withdraw. */
  open: boolean
}

export interface ActionDefinition<S extends string> {
  label: string
  from: readonly S[]
  /** Where it takes the record; absent: it stays where it is (a new lawyer mid-case, an edit). */
  to?: S
  by: WorkflowActor
}

export interface WorkflowDefinition<S extends string, A extends string> {
  /** The timeline subject type of the records, e.g. `legal_aid_case`. */
  subject: string
  /** What the record is called in messages, e.g. 案件, 申请. */
  noun: string
  statuses: Record<S, StatusDefinition>
  actions: Record<A, ActionDefinition<S>>
}

export type TransitionCheck<S extends string> = { ok: true; to: S } | { ok: false; message: string }

export interface Workflow<S extends string, A extends string> extends WorkflowDefinition<S, A> {
  readonly statusList: readonly S[]
  readonly actionList: readonly A[]
  statusLabel: Record<S, string>
  actionLabel: Record<A, string>
  isOpen(status: S): boolean
  /** Where the action takes a record in `from`, or why it cannot (words for the person acting). */
  next(from: S, action: A): TransitionCheck<S>
  /** The actions `by` may take on a record in `status`, in the order they were defined. */
  actionsFrom(status: S, by: WorkflowActor): A[]
}

export function defineWorkflow<const S extends string, const A extends string>(definition: WorkflowDefinition<S, A>): Workflow<S, A> {
  const statusList = Object.keys(definition.statuses) as S[]
  const actionList = Object.keys(definition.actions) as A[]
  const statusLabel = Object.fromEntries(statusList.map((status) => [status, definition.statuses[status].label])) as Record<S, string>
  const actionLabel = Object.fromEntries(actionList.map((action) => [action, definition.actions[action].label])) as Record<A, string>
  return {
    ...definition,
    statusList,
    actionList,
    statusLabel,
    actionLabel,
    isOpen: (status) => definition.statuses[status]?.open ?? false,
    next(from, action) {
      const rule = definition.actions[action]
      if (rule && rule.from.includes(from)) return { ok: true, to: rule.to ?? from }
      return { ok: false, message: `${definition.noun}当前为“${statusLabel[from] ?? from}”，不能${actionLabel[action] ?? action}` }
    },
    actionsFrom: (status, by) =>
      actionList.filter((action) => definition.actions[action].by === by && definition.actions[action].from.includes(status)),
  }
}

/** The statuses of a workflow that are open, for "from any open status" rules. */
export function openStatuses<const S extends string>(statuses: Record<S, StatusDefinition>): S[] {
  return (Object.keys(statuses) as S[]).filter((status) => statuses[status].open)
}
