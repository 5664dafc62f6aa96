import type { WorkingCalendar } from '@contract/rules/working-days'
import type { Config } from '../config'
import type { Queryable } from '../db/client'
import type { FieldCipher } from '../lib/crypto'
import type { AuthUser } from '../platform/auth/auth.service'
import type { MemberDirectory } from './members'
import type { RoleCatalogue } from './roles'

/**
 * What every service function of every line is given: the transaction it runs in, who is asking,
 * the time (one clock, so tests control it), and the app's means (cipher, configuration, calendar,
 * role names, the member directory). Nothing in a line reads the clock, the environment or a global on its own.
 */
export interface SystemContext {
  db: Queryable
  now: Date
  cipher: FieldCipher
  config: Config
  calendar: WorkingCalendar
  roles: RoleCatalogue
  /** Who is a union member (provided by the membership line; other lines ask here). */
  members: MemberDirectory
}

export interface ServiceContext extends SystemContext {
  user: AuthUser
}

/** The same context on another queryable (a transaction opened inside a service, say). */
export function withDb<C extends SystemContext>(context: C, db: Queryable): C {
  return { ...context, db }
}
