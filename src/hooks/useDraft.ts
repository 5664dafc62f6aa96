import { useCallback, useEffect, useRef, useState } from 'react'
import { draftKey } from '@/services/drafts'
import { readStored, removeStored, writeStored } from '@/services/storage'
import { useSession } from './useSession'

export interface Draft<T> {
  value: T
  /** Replaces or updates the draft; saved to the device at once. */
  update(next: T | ((current: T) => T)): void
  /** Forgets the draft (after a successful submission). */
  discard(): void
  /** True when the value came back from the device rather than the initial value. */
  restored: boolean
}

interface Loaded<T> {
  key: string
  value: T
  restored: boolean
}

function load<T extends object>(key: string, initial: T): Loaded<T> {
  const stored = readStored<{ v: T }>(key)
  return { key, value: stored ? { ...initial, ...stored.v } : initial, restored: stored !== undefined }
}

/**
 * Form state that survives leaving the page, killing the app and coming back: every change is
 * written to device storage under `key` (one key per form and user). When the key changes
 * (another user logs in on the page), the draft of the new key is loaded.
 */
export function useDraft<T extends object>(key: string, initial: T): Draft<T> {
  const [state, setState] = useState(() => load(key, initial))
  let current = state
  if (state.key !== key) {
    // Derived from the key: switch during render, before anything is written under the old key.
    current = load(key, initial)
    setState(current)
  }
  const keyRef = useRef(key)
  keyRef.current = key
  const discarded = useRef(false)

  useEffect(() => {
    if (!discarded.current) writeStored(current.key, { v: current.value })
  }, [current.key, current.value])

  const update = useCallback((next: T | ((value: T) => T)) => {
    discarded.current = false
    setState((previous) => ({
      ...previous,
      value: typeof next === 'function' ? (next as (value: T) => T)(previous.value) : next,
    }))
  }, [])

  const discard = useCallback(() => {
    discarded.current = true
    removeStored(keyRef.current)
  }, [])

  return { value: current.value, update, discard, restored: current.restored }
}

/**
 * A draft of one form for the logged-in user (`draftKey(form, userId)`): people sharing a phone
 * never see each other's input, and deleting the account forgets it.
 */
export function useUserDraft<T extends object>(form: string, initial: T): Draft<T> {
  const session = useSession()
  return useDraft(draftKey(form, session.user?.id ?? 'anon'), initial)
}
