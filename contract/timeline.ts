import * as z from 'zod/mini'

/** One step in a request's history, as the people involved see it. */
export const TimelineEvent = z.object({
  id: z.string(),
  at: z.string(),
  /** Who acted, in words: the applicant's own 本人, or a staff member's name and role. */
  actorName: z.string(),
  fromStatus: z.nullable(z.string()),
  toStatus: z.string(),
  /** The workflow action that made it (e.g. `reassign`): it names a step that kept the status. */
  action: z.nullable(z.string()),
  note: z.nullable(z.string()),
  /** Present for staff only: internal notes are never sent to the applicant. */
  internal: z.optional(z.boolean()),
})
export type TimelineEvent = z.infer<typeof TimelineEvent>
