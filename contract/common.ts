import * as z from 'zod/mini'

/** A record id: a UUID, strictly (a string of the right length is not one, and the database would refuse it). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const IdParams = z.object({ id: z.string().check(z.regex(UUID_PATTERN, '编号格式不正确')) })
export type IdParams = z.infer<typeof IdParams>

export const Ok = z.object({ ok: z.literal(true) })
export type Ok = z.infer<typeof Ok>
