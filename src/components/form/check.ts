import { fieldErrors } from '@contract/fields'

/** A schema of the contract, as far as a form needs it (zod/mini's safeParse). */
export interface Checkable<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } }
}

/**
 * Checks what a form would send with the contract's schema: the parsed body, or the first message
 * per field in the same words the server would use.
 */
export function checkWith<T>(schema: Checkable<T>, value: unknown): { ok: true; data: T } | { ok: false; errors: Record<string, string> } {
  const result = schema.safeParse(value)
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) }
}

/** The errors without this field's: its message goes as soon as the person changes it. */
export function withoutField(errors: Record<string, string>, field: string): Record<string, string> {
  if (!(field in errors)) return errors
  const next = { ...errors }
  delete next[field]
  return next
}
