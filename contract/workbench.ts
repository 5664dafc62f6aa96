import * as z from 'zod/mini'

/**
 * The staff workbench's home: one entry per kind of work the caller's roles allow, from every
 * service line's own definition and the platform's tools, each with what is waiting.
 */
export const WorkbenchEntry = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  /** A page path (from contract/pages.ts). */
  path: z.string(),
  /** Items waiting for this user; null where the entry has no queue. */
  waiting: z.nullable(z.number()),
  /** Of those, past their deadline. */
  overdue: z.nullable(z.number()),
})
export type WorkbenchEntry = z.infer<typeof WorkbenchEntry>

export const WorkbenchHome = z.object({ entries: z.array(WorkbenchEntry) })
export type WorkbenchHome = z.infer<typeof WorkbenchHome>
