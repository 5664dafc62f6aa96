import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { CaseStatus, CaseType } from '@contract/lines/legal-aid'
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

function withPeople(rows: Array<{ row: CaseRow; lawyer: LawyerRow | null; applicantName: string | null }>): CaseWithPeople[] {
  return rows.map(({ row, lawyer, applicantName }) => ({ row, lawyer, applicantName: applicantName ?? '' }))
}

export async function findCase(db: Queryable, id: string): Promise<CaseWithPeople | undefined> {
  const rows = await db
    .select(caseColumns)
    .from(legalAidCases)
    .leftJoin(legalAidLawyers, eq(legalAidLawyers.id, legalAidCases.lawyerId))
    .leftJoin(users, eq(users.id, legalAidCases.applicantId))
    .where(eq(legalAidCases.id, id))
  return withPeople(rows)[0]
}

export async function casesOfApplicant(db: Queryable, applicantId: string): Promise<CaseWithPeople[]> {
  const rows = await db
    .select(caseColumns)
    .from(legalAidCases)
    .leftJoin(legalAidLawyers, eq(legalAidLawyers.id, legalAidCases.lawyerId))
    .leftJoin(users, eq(users.id, legalAidCases.applicantId))
    .where(eq(legalAidCases.applicantId, applicantId))
    .orderBy(desc(legalAidCases.seq))
  return withPeople(rows)
}

export interface QueueFilter {
  statuses?: CaseStatus[]
  type?: CaseType
  /** Only cases past their current deadline, as of this China date. */
  overdueAsOf?: string
}

/** The condition "past its current deadline" on `today` (a China date). */
export function overdueCondition(today: string): SQL {
  return or(
    and(eq(legalAidCases.status, 'submitted'), sql`${legalAidCases.decideBy} < ${today}`),
    and(eq(legalAidCases.status, 'accepted'), sql`${legalAidCases.assignBy} < ${today}`),
  )!
}

/** The legal department's queue; sorted by the service (overdue first needs today's date). */
export async function queueCases(db: Queryable, filter: QueueFilter, limit = 500): Promise<CaseWithPeople[]> {
  const rows = await db
    .select(caseColumns)
    .from(legalAidCases)
    .leftJoin(legalAidLawyers, eq(legalAidLawyers.id, legalAidCases.lawyerId))
    .leftJoin(users, eq(users.id, legalAidCases.applicantId))
    .where(
      and(
        filter.statuses ? inArray(legalAidCases.status, filter.statuses) : undefined,
        filter.type ? eq(legalAidCases.type, filter.type) : undefined,
        filter.overdueAsOf ? overdueCondition(filter.overdueAsOf) : undefined,
      ),
    )
    .orderBy(asc(legalAidCases.seq))
    .limit(limit)
  return withPeople(rows)
}

export async function countQueue(db: Queryable, today: string) {
  const [row] = await db
    .select({
      undecided: sql<number>`count(*) filter (where ${legalAidCases.status} = 'submitted')::int`,
      unassigned: sql<number>`count(*) filter (where ${legalAidCases.status} = 'accepted')::int`,
      overdue: sql<number>`count(*) filter (where ${overdueCondition(today)})::int`,
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
    .select({ message: legalAidMessages, authorName: users.nickname })
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
