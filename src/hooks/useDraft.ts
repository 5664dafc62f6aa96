import { useCallback, useEffect, useRef, useState } from 'react'
import { readStored, removeStored, writeStored } from '@/services/storage'

export interface Draft<T> {
  value: T
  /** Replaces or updates the draft; saved to the device at once. */
  update(next: T | ((current: T) => T)): void
  /** Forgets the draft (after a successful submission). */
  discard(): void
  /** True when the value came back from the device rather than the initial value. */
  restored: boolean
}

/**
 * Form state that survives leaving the page, killing the app and coming back: every change is
 * written to device storage under `key` (one key per form and user).
 */
export function useDraft<T extends object>(key: string, initial: T): Draft<T> {
  const [restoredValue] = useState(() => readStored<{ v: T }>(key))
  const [value, setValue] = useState<T>(() => (restoredValue ? { ...initial, ...restoredValue.v } : initial))
  const keyRef = useRef(key)
  keyRef.current = key
  const discarded = useRef(false)

  useEffect(() => {
    if (!discarded.current) writeStored(keyRef.current, { v: value })
  }, [value])

  const update = useCallback((next: T | ((current: T) => T)) => {
    discarded.current = false
    setValue((current) => (typeof next === 'function' ? (next as (current: T) => T)(current) : next))
  }, [])

  const discard = useCallback(() => {
    discarded.current = true
    removeStored(keyRef.current)
  }, [])

  return { value, update, discard, restored: restoredValue !== undefined }
}
