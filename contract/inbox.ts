import * as z from 'zod/mini'
import { pageQueryShape } from './kit/paging'

export const InboxMessage = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.nullable(z.string()),
  createdAt: z.string(),
  read: z.boolean(),
})
export type InboxMessage = z.infer<typeof InboxMessage>

export const InboxQuery = z.object(pageQueryShape)
export type InboxQuery = z.infer<typeof InboxQuery>

/** Newest first. */
export const InboxPage = z.object({
  items: z.array(InboxMessage),
  nextCursor: z.nullable(z.string()),
  unreadCount: z.number(),
})
export type InboxPage = z.infer<typeof InboxPage>

export const UnreadCount = z.object({ unreadCount: z.number() })
export type UnreadCount = z.infer<typeof UnreadCount>
