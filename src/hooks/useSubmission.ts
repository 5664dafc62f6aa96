import { useCallback, useEffect, useRef, useState } from 'react'
import { withoutField } from '@/components/form/check'
import { scrollToFirstError } from '@/components/form/scroll'
import { type ApiError, toApiError } from '@/services/api-error'
import { tell, toast } from '@/services/dialogs'
import { newIdempotencyKey } from '@/services/request'
import { readStored, removeStored, writeStored } from '@/services/storage'

/**
 * The key a submission is sent with, and what it was made for: a fingerprint of the request, never
 * the request itself (it may hold an ID number, and it is kept on the device).
 */
interface KeyRecord {
  key: string
  made: string
}

/** A stable fingerprint of a value: the same for equal JSON whatever the key order (53-bit cyrb53). */
export function fingerprint(value: unknown): string {
  const text = stableJson(value)
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'undefined'
}

export interface SubmissionOptions {
  /**
   * Reloads what the page shows. Called on 409 WRONG_STATUS — decided by someone else, changed
   * since it was read, or no longer allowed — before the message is shown.
   */
  reload?: () => unknown
  /**
   * Keeps the key on the device under this storage key (a `draftKey`), so that a retry after the
   * app was closed mid-request is recognised by the server. Without it the key lives with the page.
   */
  storageKey?: string
  /**
   * How a failure is told: `toast` (default) shows the message briefly; `none` leaves it to the
   * page (read `error`). A stale record is always told in a dialog: the page changed under the person.
   */
  report?: 'toast' | 'none'
}

export type SubmitResult<T> = { ok: true; value: T } | { ok: false; error: ApiError | undefined }

export interface Submission {
  /** A request is under way: further taps are ignored. */
  busy: boolean
  /**
   * Messages per field: the server's (on a 400) or the page's own checks (`setFieldErrors`). Each
   * time new messages arrive the first field in error is scrolled into view.
   */
  fieldErrors: Record<string, string>
  /** The last failure, until the next submission. */
  error: ApiError | undefined
  setFieldErrors(errors: Record<string, string>): void
  /** The person changed `field`: its message goes, and so does the last failure (it spoke of the old input). */
  clearFieldError(field: string): void
  /**
   * Sends `body` through `send` with an Idempotency-Key: the same key while the body (and `intent`,
   * for one hook doing several things) is unchanged, so a retry after a lost answer is answered
   * rather than applied twice; a new key once the body changes, after a 422
   * IDEMPOTENCY_KEY_REUSED, and after success.
   */
  submit<B, T>(body: B, send: (body: B, idempotencyKey: string) => Promise<T>, intent?: string): Promise<SubmitResult<T>>
}

/**
 * Every submission of every line goes through this: busy state, field errors from the server, the
 * one idempotency-key rule, and a reload when the record turned out to be stale.
 */
export function useSubmission(options: SubmissionOptions = {}): Submission {
  const [busy, setBusy] = useState(false)
  const [fieldErrors, setFieldErrorsState] = useState<Record<string, string>>({})
  // Bumped when a check or the server reports errors (not when one is cleared): then scroll once rendered.
  const [reported, setReported] = useState(0)
  useEffect(() => {
    if (reported > 0) scrollToFirstError()
  }, [reported])
  const setFieldErrors = useCallback((errors: Record<string, string>) => {
    setFieldErrorsState(errors)
    if (Object.keys(errors).length > 0) setReported((count) => count + 1)
  }, [])
  const [error, setError] = useState<ApiError>()
  const busyRef = useRef(false)
  const record = useRef<KeyRecord | undefined>(undefined)
  const optionsRef = useRef(options)
  optionsRef.current = options

  const keyFor = useCallback((made: string): string => {
    const { storageKey } = optionsRef.current
    const kept = record.current ?? (storageKey ? readStored<KeyRecord>(storageKey) : undefined)
    if (kept && kept.made === made) {
      record.current = kept
      return kept.key
    }
    const fresh = { key: newIdempotencyKey(), made }
    record.current = fresh
    if (storageKey) writeStored(storageKey, fresh)
    return fresh.key
  }, [])

  const forgetKey = useCallback(() => {
    record.current = undefined
    const { storageKey } = optionsRef.current
    if (storageKey) removeStored(storageKey)
  }, [])

  const submit = useCallback(
    async <B, T>(body: B, send: (body: B, idempotencyKey: string) => Promise<T>, intent = ''): Promise<SubmitResult<T>> => {
      if (busyRef.current) return { ok: false, error: undefined }
      busyRef.current = true
      setBusy(true)
      setError(undefined)
      setFieldErrors({})
      try {
        const value = await send(body, keyFor(fingerprint([intent, body])))
        forgetKey()
        return { ok: true, value }
      } catch (caught) {
        const failure = toApiError(caught)
        setError(failure)
        setFieldErrors(failure.fields)
        const { reload, report = 'toast' } = optionsRef.current
        if (failure.code === 'IDEMPOTENCY_KEY_REUSED') forgetKey()
        if (failure.code === 'WRONG_STATUS') {
          // Whatever was asked no longer applies to what the record is now: show it as it is.
          forgetKey()
          await Promise.resolve(reload?.()).catch(() => undefined)
          tell('情况有变化', failure.message)
        } else if (report === 'toast') {
          toast(failure.message)
        }
        // Anything else (no answer, a timeout, a server error) keeps the key: a retry is safe.
        return { ok: false, error: failure }
      } finally {
        busyRef.current = false
        setBusy(false)
      }
    },
    [forgetKey, keyFor, setFieldErrors],
  )

  const clearFieldError = useCallback((field: string) => {
    setFieldErrorsState((current) => withoutField(current, field))
    setError(undefined)
  }, [])

  return { busy, fieldErrors, error, setFieldErrors, clearFieldError, submit }
}
