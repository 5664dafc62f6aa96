import * as z from 'zod/mini'

/**
 * Field builders that carry plain-Chinese messages, so the same schema gives the same words on
 * the phone (checked as a step is left) and from the server (in `fields` of a 400).
 */

/** Required text, trimmed. */
export function requiredText(label: string, maxLength: number, minLength = 1) {
  return z.string({ error: `请填写${label}` }).check(
    z.trim(),
    // Blank first: an empty field asks to be filled in rather than saying "at least N".
    z.minLength(1, `请填写${label}`),
    ...(minLength > 1 ? [z.minLength(minLength, `${label}至少 ${minLength} 个字`)] : []),
    z.maxLength(maxLength, `${label}最多 ${maxLength} 个字`),
  )
}

/**
 * A person's name as on their ID card: Chinese characters, the middle dot that names of many
 * minorities take (阿依古丽·买买提; typed as · • or .), and Latin letters for names written in them.
 * No markup, digits, emoji or control characters; too long is said, never cut.
 */
export function personName(label: string, maxLength = 30, minLength = 2) {
  return z.string({ error: `请填写${label}` }).check(
    z.trim(),
    z.overwrite((value) => value.replace(/\s+/g, ' ').replace(/[•．.]/g, '·')),
    z.minLength(1, `请填写${label}`),
    z.regex(/^[\p{Script=Han}A-Za-z·\s]+$/u, `${label}只能包含汉字、字母和间隔号“·”`),
    z.minLength(minLength, `${label}至少 ${minLength} 个字`),
    z.maxLength(maxLength, `${label}最多 ${maxLength} 个字，请核对`),
  )
}

/** Optional text: absent, or trimmed and at most `maxLength`. */
export function optionalText(label: string, maxLength: number) {
  return z.optional(z.string({ error: `${label}格式不正确` }).check(z.trim(), z.maxLength(maxLength, `${label}最多 ${maxLength} 个字`)))
}

/** One of a fixed list; the message says to choose. */
export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `请选择${label}` })
}

/** Mainland mobile number, 11 digits starting with 13–19: a wrong length and a number that does not exist say different things. */
export const mobilePhone = z
  .string({ error: '请填写手机号' })
  .check(z.trim(), z.regex(/^\d{11}$/, '请填写 11 位手机号'), z.regex(/^1[3-9]\d{9}$/, '这不是有效的手机号，请核对'))

/** Money in yuan, up to two decimals, not negative. */
export function amountYuan(label: string, max = 100_000_000) {
  return z.number({ error: `请填写${label}` }).check(
    z.gte(0, `${label}不能为负数`),
    z.lte(max, `${label}超出范围`),
    z.refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, `${label}最多两位小数`),
  )
}

/** Client-generated idempotency key: 8–64 URL-safe characters. */
export const IdempotencyKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求标识格式不正确'))

/** Turns a zod error into `{ 'a.b': message }`, first message per field, for forms. */
export function fieldErrors(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    if (!(key in fields)) fields[key] = readableMessage(issue.message)
  }
  return fields
}

const CJK = /[\u4e00-\u9fff]/

/** Our schemas speak Chinese; anything else (a library default) becomes a generic phrase. */
export function readableMessage(message: string): string {
  return CJK.test(message) ? message : '格式不正确'
}
