import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { CaseStatus, CaseType, QueueCounts, QueueTab } from '@contract/lines/legal-aid'
import { chinaDate } from '../../core/calendar'
import { keyset, preparedKeyset, type SortKey } from '../../core/paging'
import type { Queryable } from '../../db/client'
import { users } from '../../platform/auth/auth.tables'
import { legalAidCases, legalAidLawyers, legalAidMessages } from './legal-aid.tables'

export type CaseRow = typeof legalAidCases.$inferSelect
export type LawyerRow = typeof legalAidLawyers.$inferSelect
export type MessageRow = typeof legalAidMessages.$inferSelect

export interface CaseWithPeople {
  row: CaseRow
  lawyer: LawyerRow | null
  applicantName: string
}

const caseColumns = { row: legalAidCases, lawyer: legalAidLawyers, applicantName: users.nickname }

/** What a list shows of a case: no story, no contact phone, no amounts (lists stay small and fast). */
const summaryColumns = {
  row: {
    id: legalAidCases.id,
    seq: legalAidCases.seq,
    type: legalAidCases.type,
    status: legalAidCases.status,
    employerName: legalAidCases.employerName,
    contactName: legalAidCases.contactName,
    decideBy: legalAidCases.decideBy,
    assignBy: legalAidCases.assignBy,
    outcome: legalAidCases.outcome,
    awaitingReply: legalAidCases.awaitingReply,
    createdAt: legalAidCases.createdAt,
    updatedAt: legalAidCases.updatedAt,
  },
  lawyer: { id: legalAidLawyers.id, name: legalAidLawyers.name, phoneEnc: legalAidLawyers.phoneEnc },
  applicantName: users.nickname,
}
export type CaseSummaryRow = Pick<
  CaseRow,
  | 'id'
  | 'seq'
  | 'type'
  | 'status'
  | 'employerName'
  | 'contactName'
  | 'decideBy'
  | 'assignBy'
  | 'outcome'
  | 'awaitingReply'
  | 'createdAt'
  | 'updatedAt'
>
export type LawyerSummaryRow = Pick<LawyerRow, 'id' | 'name' | 'phoneEnc'>
/** A case as lists show it. */
export interface CaseSummaryWithPeople {
  row: CaseSummaryRow
  lawyer: LawyerSummaryRow | null
  applicantName: string
}

function withPeople<R extends { applicantName: string | null }>(row: R): R & { applicantName: string } {
  return { ...row, applicantName: row.applicantName ?? '' }
}

function casesWithPeople() {
  return (db: Queryable) =>
    db
      .select(caseColumns)
      .from(legalAidCases)
      .leftJoin(legalAidLawyers, eq(legalAidLawyers.id, legalAidCases.lawyerId))
      .leftJoin(users, eq(users.id, legalAidCases.applicantId))
}

export async function findCase(db: Queryable, id: string): Promise<CaseWithPeople | undefined> {
  const [row] = await casesWithPeople()(db).where(eq(legalAidCases.id, id))
  return row ? withPeople(row) : undefined
}

/** The worker's own cases, newest first: the list the worker opens most, prepared. */
const myCasesPage = preparedKeyset('legal_aid_my_cases', [{ expr: sql`-${legalAidCases.seq}`, type: 'int' }], (db, list, name) =>
  db
    .select({ ...summaryColumns, cursorKey: list.cursorKey })
    .from(legalAidCases)
    .leftJoin(legalAidLawyers, eq(legalAidLawyers.id, legalAidCases.lawyerId))
    .leftJoin(users, eq(users.id, legalAidCases.applicantId))
    .where(and(eq(legalAidCases.applicantId, sql.placeholder('applicantId')), isNull(legalAidCases.anonymisedAt), list.after))
    .orderBy(...list.orderBy)
    .limit(list.limit)
    .prepare(name),
)

export async function casesOfApplicant(db: Queryable, applicantId: string, query: { cursor?: string; limit?: string }) {
  return myCasesPage(db, { applicantId }, query, withPeople)
}

/** Every case the person still has (an anonymised one is no longer theirs). */
export async function allCasesOfApplicant(db: Queryable, applicantId: string): Promise<CaseRow[]> {
  return db
    .select()
    .from(legalAidCases)
    .where(and(eq(legalAidCases.applicantId, applicantId), isNull(legalAidCases.anonymisedAt)))
    .orderBy(asc(legalAidCases.seq))
}

/** The deadline that applies now: deciding while submitted, assigning once accepted. */
const currentDeadline = sql`case ${legalAidCases.status} when 'submitted' then ${legalAidCases.decideBy} when 'accepted' then ${legalAidCases.assignBy} end`

/** The condition "past its current deadline" on `today` (a China date). */
export function overdueCondition(now: Date): SQL {
  return sql`coalesce(${currentDeadline} < ${chinaDate(now)}::date, false)`
}

/**
 * The queue's order, as keys for keyset paging: overdue first, then what waits by its deadline
 * (oldest case first), then open cases by their latest change, then the rest, newest change first.
 */
function queueOrder(now: Date): SortKey[] {
  const rank = sql`case when ${overdueCondition(now)} then 0 when ${legalAidCases.status} in ('submitted', 'accepted') then 1 when ${legalAidCases.status} in ('assigned', 'in_progress') then 2 else 3 end`
  const waiting = sql`${legalAidCases.status} in ('submitted', 'accepted')`
  return [
    { expr: rank, type: 'int' },
    { expr: sql`case when ${waiting} then coalesce(${currentDeadline}::text, '') else '' end`, type: 'text' },
    {
      expr: sql`case when ${waiting} then extract(epoch from ${legalAidCases.createdAt}) else -extract(epoch from ${legalAidCases.updatedAt}) end`,
      type: 'float8',
    },
    { expr: sql`${legalAidCases.id}`, type: 'uuid' },
  ]
}

export interface QueueFilter {
  type?: CaseType
  overdueOnly?: boolean
}

const tabStatuses = (tab: QueueTab): CaseStatus[] | undefined =>
  tab === 'all' ? undefined : tab === 'waiting' ? ['submitted', 'accepted'] : [tab]

function filterCondition(filter: QueueFilter, now: Date): SQL | undefined {
  return and(filter.type ? eq(legalAidCases.type, filter.type) : undefined, filter.overdueOnly ? overdueCondition(now) : undefined)
}

/** One page of a queue tab. */
export async function queuePage(db: Queryable, tab: QueueTab, filter: QueueFilter, query: { cursor?: string; limit?: string }, now: Date) {
  const page = keyset(queueOrder(now), query)
  const statuses = tabStatuses(tab)
  const rows = await db
    .select({ ...summaryColumns, cursorKey: page.cursorKey })
    .from(legalAidCases)
    .leftJoin(legalAidLawyers, eq(legalAidLawyers.id, legalAidCases.lawyerId))
    .leftJoin(users, eq(users.id, legalAidCases.applicantId))
    .where(and(statuses ? inArray(legalAidCases.status, statuses) : undefined, filterCondition(filter, now), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return page.page(rows, withPeople)
}

/** How many cases each tab holds, with the same filters, in one query. */
export async function queueCounts(db: Queryable, filter: QueueFilter, now: Date): Promise<QueueCounts> {
  const perStatus = await db
    .select({ status: legalAidCases.status, value: sql<number>`count(*)::int` })
    .from(legalAidCases)
    .where(filterCondition(filter, now))
    .groupBy(legalAidCases.status)
  const of = (status: CaseStatus) => Number(perStatus.find((row) => row.status === status)?.value ?? 0)
  return {
    waiting: of('submitted') + of('accepted'),
    all: perStatus.reduce((sum, row) => sum + Number(row.value), 0),
    submitted: of('submitted'),
    accepted: of('accepted'),
    declined: of('declined'),
    assigned: of('assigned'),
    in_progress: of('in_progress'),
    closed: of('closed'),
    withdrawn: of('withdrawn'),
  }
}

/** What the workbench badge and the summary show. */
export async function countWaiting(db: Queryable, now: Date) {
  const [row] = await db
    .select({
      undecided: sql<number>`count(*) filter (where ${legalAidCases.status} = 'submitted')::int`,
      unassigned: sql<number>`count(*) filter (where ${legalAidCases.status} = 'accepted')::int`,
      overdue: sql<number>`count(*) filter (where ${overdueCondition(now)})::int`,
      awaitingReply: sql<number>`count(*) filter (where ${legalAidCases.awaitingReply} and ${legalAidCases.status} in ('submitted', 'accepted', 'assigned', 'in_progress'))::int`,
    })
    .from(legalAidCases)
  return {
    undecided: Number(row?.undecided ?? 0),
    unassigned: Number(row?.unassigned ?? 0),
    overdue: Number(row?.overdue ?? 0),
    awaitingReply: Number(row?.awaitingReply ?? 0),
  }
}

export async function messagesOf(db: Queryable, caseId: string) {
  return db
    .select({ message: legalAidMessages, authorName: sql<string | null>`coalesce(${users.realName}, ${users.nickname})` })
    .from(legalAidMessages)
    .leftJoin(users, eq(users.id, legalAidMessages.authorId))
    .where(eq(legalAidMessages.caseId, caseId))
    .orderBy(asc(legalAidMessages.seq))
}

export async function activeLawyers(db: Queryable): Promise<LawyerRow[]> {
  return db.select().from(legalAidLawyers).where(eq(legalAidLawyers.active, true)).orderBy(asc(legalAidLawyers.sortOrder))
}

export async function findLawyer(db: Queryable, id: string): Promise<LawyerRow | undefined> {
  const [row] = await db.select().from(legalAidLawyers).where(eq(legalAidLawyers.id, id))
  return row
}

/** The whole roster, active first, for managing it. */
export async function allLawyers(db: Queryable): Promise<LawyerRow[]> {
  return db.select().from(legalAidLawyers).orderBy(desc(legalAidLawyers.active), asc(legalAidLawyers.sortOrder), asc(legalAidLawyers.name))
}

export async function insertLawyer(db: Queryable, values: typeof legalAidLawyers.$inferInsert): Promise<LawyerRow> {
  const [row] = await db.insert(legalAidLawyers).values(values).returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function updateLawyer(
  db: Queryable,
  id: string,
  changes: Partial<typeof legalAidLawyers.$inferInsert>,
): Promise<LawyerRow | undefined> {
  const [row] = await db.update(legalAidLawyers).set(changes).where(eq(legalAidLawyers.id, id)).returning()
  return row
}
