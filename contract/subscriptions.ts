import * as z from 'zod/mini'
import { UUID_PATTERN } from './common'

/**
 * WeChat subscribe messages: each acceptance in WeChat allows the server one message. The
 * mini-program records acceptances against the record they are about; the server spends one per
 * status update it sends, and gives it back when WeChat refuses the send.
 *
 * Topics name the template used: every line sends through the one status-update template unless a
 * deployment configured a template of its own for the topic.
 */
export const SUBSCRIBE_TOPICS = ['status', 'membership', 'legal_aid'] as const
export type SubscribeTopic = (typeof SUBSCRIBE_TOPICS)[number]

/** How many messages a worker may have banked for one record: more than anyone needs. */
export const MAX_SUBSCRIBE_CREDITS = 20

export const SubscribeBody = z.object({
  /** The record's kind, as its line names it (e.g. `legal_aid_case`). */
  subjectType: z.string().check(z.regex(/^[a-z_]{1,40}$/, '订阅对象不正确')),
  subjectId: z.string().check(z.regex(UUID_PATTERN, '订阅对象不正确')),
  accepted: z.number().check(z.int(), z.gte(1), z.lte(10)),
})
export type SubscribeBody = z.infer<typeof SubscribeBody>

export const SubscribeResult = z.object({ subscribeCredits: z.number() })
export type SubscribeResult = z.infer<typeof SubscribeResult>
