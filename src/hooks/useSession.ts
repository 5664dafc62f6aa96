import { useEffect, useState } from 'react'
import { getSession, subscribeSession, type SessionState } from '@/services/session-store'

/** The current login session; re-renders when it changes (login, logout, expiry). */
export function useSession(): SessionState {
  const [session, setSessionState] = useState(getSession)
  useEffect(() => subscribeSession(setSessionState), [])
  return session
}
