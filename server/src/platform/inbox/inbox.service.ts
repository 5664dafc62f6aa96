import { and, count, desc, eq, isNull, lt } from 'drizzle-orm'
import type { InboxPage } from '@contract/inbox'
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

const PAGE_SIZE = 20

/** Newest first; the cursor is the position of the last message of the previous page. */
export async function listInbox(db: Queryable, userId: string, before?: string): Promise<InboxPage> {
  const cursor = before && /^\d{1,10}$/.test(before) ? Number(before) : undefined
  const rows = await db
    .select()
    .from(inboxMessages)
    .where(and(eq(inboxMessages.userId, userId), cursor === undefined ? undefined : lt(inboxMessages.seq, cursor)))
    .orderBy(desc(inboxMessages.seq))
    .limit(PAGE_SIZE + 1)
  const page = rows.slice(0, PAGE_SIZE)
  const last = page.at(-1)
  return {
    messages: page.map((row) => ({
      id: row.id,
      title: row.title,
      body: row.body,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    })),
    unreadCount: await unreadCount(db, userId),
    nextCursor: rows.length > PAGE_SIZE && last ? String(last.seq) : null,
  }
}

/** Marks one of the user's messages read; false when it is not theirs. */
export async function markRead(db: Queryable, userId: string, messageId: string): Promise<boolean> {
  const updated = await db
    .update(inboxMessages)
    .set({ readAt: new Date() })
    .where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.userId, userId)))
    .returning({ id: inboxMessages.id })
  return updated.length > 0
}

export async function markAllRead(db: Queryable, userId: string): Promise<void> {
  await db
    .update(inboxMessages)
    .set({ readAt: new Date() })
    .where(and(eq(inboxMessages.userId, userId), isNull(inboxMessages.readAt)))
}
