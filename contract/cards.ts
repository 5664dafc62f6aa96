import * as z from 'zod/mini'

/**
 * Checking a member card's QR code: a tool of the staff workbench (and of merchants' desks), so it
 * is the platform's contract; the membership line answers it.
 */
export const CardVerifyBody = z.object({
  token: z.string({ error: '请扫描会员码' }).check(z.minLength(1, '请扫描会员码'), z.maxLength(512, '会员码格式不正确')),
})
export type CardVerifyBody = z.infer<typeof CardVerifyBody>

export const CardVerifyResult = z.object({
  /** valid: a current card of an active member; expired: a real code, but too old (a screenshot?). */
  result: z.enum(['valid', 'expired', 'invalid']),
  /** Only for a valid code, and masked. */
  member: z.nullable(z.object({ nameMasked: z.string(), memberNumberMasked: z.string(), orgName: z.string(), joinedAt: z.string() })),
  checkedAt: z.string(),
})
export type CardVerifyResult = z.infer<typeof CardVerifyResult>
