import * as z from 'zod/mini'

export const InboxMessage = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.nullable(z.string()),
  createdAt: z.string(),
  read: z.boolean(),
})
export type InboxMessage = z.infer<typeof InboxMessage>

export const InboxQuery = z.object({
  /** Opaque cursor from the previous page. */
  before: z.optional(z.string()),
})

export const InboxPage = z.object({
  messages: z.array(InboxMessage),
  unreadCount: z.number(),
  /** Pass as `before` to get older messages; null on the last page. */
  nextCursor: z.nullable(z.string()),
})
export type InboxPage = z.infer<typeof InboxPage>

export const UnreadCount = z.object({ unreadCount: z.number() })
export type UnreadCount = z.infer<typeof UnreadCount>
