import { and, asc, eq } from 'drizzle-orm'
import type { TimelineEvent } from '@contract/timeline'
import type { Queryable } from '../db/client'
import { users } from '../platform/auth/auth.tables'
import { timelineEvents } from './core.tables'
import type { RoleCatalogue } from './roles'

/** Who acted: the person the request is about, a staff member in a role, or the system. */
export type ActorRole = 'applicant' | 'system' | string

export interface NewTimelineEvent {
  subjectType: string
  subjectId: string
  actorId: string | null
  actorRole: ActorRole
  fromStatus: string | null
  toStatus: string
  /** The workflow action that made it; it names a step that keeps the status. */
  action?: string | null
  note?: string | null
  visibility?: 'public' | 'internal'
  /** When it happened, for demo histories; by default now. */
  at?: Date
}

/** Records a step. Call in the same transaction as the change itself. */
export async function appendTimelineEvent(db: Queryable, { at, ...event }: NewTimelineEvent): Promise<void> {
  await db.insert(timelineEvents).values({
    ...event,
    action: event.action ?? null,
    note: event.note ?? null,
    visibility: event.visibility ?? 'public',
    ...(at ? { createdAt: at } : {}),
  })
}

/**
 * A request's history, oldest first. The applicant sees public events with themselves as 本人;
 * staff see internal notes too, and the applicant by name.
 */
export async function listTimeline(
  db: Queryable,
  roles: RoleCatalogue,
  subjectType: string,
  subjectId: string,
  viewer: 'applicant' | 'staff',
): Promise<TimelineEvent[]> {
  const rows = await db
    .select({ event: timelineEvents, actorNickname: users.nickname })
    .from(timelineEvents)
    .leftJoin(users, eq(users.id, timelineEvents.actorId))
    .where(and(eq(timelineEvents.subjectType, subjectType), eq(timelineEvents.subjectId, subjectId)))
    .orderBy(asc(timelineEvents.seq))
  return rows
    .filter(({ event }) => viewer === 'staff' || event.visibility === 'public')
    .map(({ event, actorNickname }) => ({
      id: event.id,
      at: event.createdAt.toISOString(),
      actorName: describeActor(roles, event.actorRole, actorNickname ?? '', viewer),
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      action: event.action,
      note: event.note,
      ...(viewer === 'staff' ? { internal: event.visibility === 'internal' } : {}),
    }))
}

function describeActor(roles: RoleCatalogue, role: string, nickname: string, viewer: 'applicant' | 'staff'): string {
  if (role === 'system') return '系统'
  if (role === 'applicant') return viewer === 'applicant' ? '本人' : `申请人 ${nickname}`.trim()
  const label = roles.label(role)
  return nickname ? `${nickname}（${label}）` : label
}
