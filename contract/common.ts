import * as z from 'zod/mini'

export const IdParams = z.object({ id: z.string().check(z.regex(/^[0-9a-f-]{36}$/i, '编号格式不正确')) })
export type IdParams = z.infer<typeof IdParams>

export const Ok = z.object({ ok: z.literal(true) })
export type Ok = z.infer<typeof Ok>
