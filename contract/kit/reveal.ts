import * as z from 'zod/mini'

/**
 * Sensitive numbers (an ID number, a bank account) are masked in every response; a staff member
 * whose work needs the full value asks for it, and every such reveal is on the record, shown on
 * the case as who looked and when.
 */
export const RevealEntry = z.object({ at: z.string(), actorName: z.string() })
export type RevealEntry = z.infer<typeof RevealEntry>

export const RevealedValue = z.object({ value: z.string() })
export type RevealedValue = z.infer<typeof RevealedValue>
