import { and, eq, gt, sql } from 'drizzle-orm'
import { MAX_SUBSCRIBE_CREDITS, type SubscribeTopic } from '@contract/subscriptions'
import type { Config } from '../config'
import type { Queryable } from '../db/client'
import { notFound } from '../lib/errors'
import { notifyInApp } from '../platform/inbox/inbox.service'
import type { SystemContext } from './context'
import { outbox, subscribeCredits } from './core.tables'

/**
 * Telling an applicant that something happened to their request: an in-app message (消息) always,
 * and a WeChat subscribe message when they allowed one for this record. Both are written in the
 * caller's transaction — the subscribe message into the outbox, which a job sends after the commit
 * (so a crash in between loses nothing, and a rolled-back change sends nothing).
 */
export interface SubjectRef {
  type: string
  id: string
}

export interface StatusUpdate {
  /** Which template family: the one status-update template unless the deployment set one for the topic. */
  topic: SubscribeTopic
  /** The record the permission was given for. */
  subject: SubjectRef
  /** What the message is about, e.g. 法律援助·欠薪 (thing: at most 20 characters). */
  thing: string
  /** The new status, e.g. 已受理 (phrase: at most 5 characters). */
  phrase: string
  /** What to do next (thing: at most 20 characters). */
  hint: string
  /** What happened, for logs, e.g. `legal_aid.accept`: never personal data. */
  event: string
}

export interface ApplicantNotice {
  userId: string
  title: string
  body: string
  /** The page the message opens (from contract/pages.ts). */
  link: string
  wechat?: StatusUpdate
}

/** The template a topic is sent with; empty when the deployment has none (in-app messages only). */
export function templateFor(config: Config, topic: SubscribeTopic): string {
  return config.subscribeTemplates[topic] || config.subscribeTemplates.status
}

const cut = (text: string, length: number) => Array.from(text).slice(0, length).join('')

function chinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * The keywords of our status-update templates: `thing1` subject, `phrase2` status, `time3` time,
 * `thing4` hint. WeChat refuses a value longer than its keyword type allows, so they are cut.
 */
export function statusUpdateData(update: Pick<StatusUpdate, 'thing' | 'phrase' | 'hint'>, at: Date): Record<string, { value: string }> {
  return {
    thing1: { value: cut(update.thing, 20) },
    phrase2: { value: cut(update.phrase, 5) },
    time3: { value: chinaDateTime(at) },
    thing4: { value: cut(update.hint, 20) },
  }
}

export async function notifyApplicant(context: SystemContext, notice: ApplicantNotice): Promise<void> {
  await notifyInApp(context.db, { userId: notice.userId, title: notice.title, body: notice.body, link: notice.link })
  const update = notice.wechat
  if (!update) return
  const templateId = templateFor(context.config, update.topic)
  if (!templateId) return
  const [spent] = await context.db
    .update(subscribeCredits)
    .set({ credits: sql`${subscribeCredits.credits} - 1`, updatedAt: context.now })
    .where(
      and(
        eq(subscribeCredits.userId, notice.userId),
        eq(subscribeCredits.subjectType, update.subject.type),
        eq(subscribeCredits.subjectId, update.subject.id),
        gt(subscribeCredits.credits, 0),
      ),
    )
    .returning({ credits: subscribeCredits.credits })
  if (!spent) return
  await context.db.insert(outbox).values({
    kind: 'wechat_subscribe',
    event: update.event,
    userId: notice.userId,
    payload: { templateId, page: notice.link.replace(/^\//, ''), data: statusUpdateData(update, context.now) },
    creditSubjectType: update.subject.type,
    creditSubjectId: update.subject.id,
    nextAttemptAt: context.now,
  })
}

/**
 * Records messages a user just allowed in WeChat for one of their records, up to `max` banked
 * (a submission's one decision needs one; a case that runs for months may use many).
 */
export async function grantSubscribeCredits(
  db: Queryable,
  grant: { userId: string; subject: SubjectRef; accepted: number; max?: number; now: Date },
): Promise<number> {
  const max = grant.max ?? MAX_SUBSCRIBE_CREDITS
  const accepted = Math.max(0, Math.min(grant.accepted, max))
  const [row] = await db
    .insert(subscribeCredits)
    .values({ userId: grant.userId, subjectType: grant.subject.type, subjectId: grant.subject.id, credits: accepted, updatedAt: grant.now })
    .onConflictDoUpdate({
      target: [subscribeCredits.userId, subscribeCredits.subjectType, subscribeCredits.subjectId],
      set: { credits: sql`least(${subscribeCredits.credits} + ${accepted}, ${max})`, updatedAt: grant.now },
    })
    .returning({ credits: subscribeCredits.credits })
  return row?.credits ?? 0
}

/** More messages allowed for a record the user already has one for; 404 for anyone else's. */
export async function addSubscribeCredits(
  db: Queryable,
  userId: string,
  subject: SubjectRef,
  accepted: number,
  now: Date,
): Promise<number> {
  const [row] = await db
    .update(subscribeCredits)
    .set({ credits: sql`least(${subscribeCredits.credits} + ${accepted}, ${MAX_SUBSCRIBE_CREDITS})`, updatedAt: now })
    .where(
      and(eq(subscribeCredits.userId, userId), eq(subscribeCredits.subjectType, subject.type), eq(subscribeCredits.subjectId, subject.id)),
    )
    .returning({ credits: subscribeCredits.credits })
  if (!row) throw notFound()
  return row.credits
}

export async function creditsFor(db: Queryable, userId: string, subject: SubjectRef): Promise<number> {
  const [row] = await db
    .select({ credits: subscribeCredits.credits })
    .from(subscribeCredits)
    .where(
      and(eq(subscribeCredits.userId, userId), eq(subscribeCredits.subjectType, subject.type), eq(subscribeCredits.subjectId, subject.id)),
    )
  return row?.credits ?? 0
}
