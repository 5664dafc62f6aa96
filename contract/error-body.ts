import * as z from 'zod/mini'

/** The one shape of every failed response, whatever the status. */
export const ApiErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  /** Per-field messages for forms, keyed by the field's dotted path (e.g. `work.employer`). */
  fields: z.optional(z.record(z.string(), z.string())),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBody>
