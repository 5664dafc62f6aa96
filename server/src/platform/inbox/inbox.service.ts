import { and, count, eq, isNull, sql } from 'drizzle-orm'
import type { InboxPage, InboxQuery } from '@contract/inbox'
import { keyset, type SortKey } from '../../core/paging'
import type { Queryable } from '../../db/client'
import { inboxMessages } from './inbox.tables'

export interface NewInboxMessage {
  userId: string
  title: string
  body: string
  link?: string
}

/** Puts a message in a user's 消息 list. Call inside the transaction that made the change. */
export async function notifyInApp(db: Queryable, message: NewInboxMessage): Promise<void> {
  await db.insert(inboxMessages).values({ ...message, link: message.link ?? null })
}

export async function unreadCount(db: Queryable, userId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(inboxMessages)
    .where(and(eq(inboxMessages.userId, userId), isNull(inboxMessages.readAt)))
  return Number(row?.value ?? 0)
}

/** Newest first, in insertion order (clocks are too coarse to order by time alone). */
const newestFirst: SortKey[] = [{ expr: sql`-${inboxMessages.seq}`, type: 'int' }]

export async function listInbox(db: Queryable, userId: string, query: InboxQuery): Promise<InboxPage> {
  const page = keyset(newestFirst, query)
  const rows = await db
    .select({ message: inboxMessages, cursorKey: page.cursorKey })
    .from(inboxMessages)
    .where(and(eq(inboxMessages.userId, userId), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return {
    ...page.page(rows, ({ message }) => ({
      id: message.id,
      title: message.title,
      body: message.body,
      link: message.link,
      createdAt: message.createdAt.toISOString(),
      read: message.readAt !== null,
    })),
    unreadCount: await unreadCount(db, userId),
  }
}

/** Marks one of the user's messages read; false when it is not theirs. */
export async function markRead(db: Queryable, userId: string, messageId: string): Promise<boolean> {
  const updated = await db
    .update(inboxMessages)
    .set({ readAt: sql`now()` })
    .where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.userId, userId)))
    .returning({ id: inboxMessages.id })
  return updated.length > 0
}

export async function markAllRead(db: Queryable, userId: string): Promise<void> {
  await db
    .update(inboxMessages)
    .set({ readAt: sql`now()` })
    .where(and(eq(inboxMessages.userId, userId), isNull(inboxMessages.readAt)))
}
