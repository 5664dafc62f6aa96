import type { FastifyPluginAsync } from 'fastify'
import type { DataSection } from '@contract/account'
import type { ServiceLine, TileBadge } from '@contract/catalogue'
import type { StaffRole } from '@contract/auth'
import type { PersonaSeed } from '../platform/auth/demo-personas'
import type { ServiceContext, SystemContext } from './context'
import type { JobDefinition } from './jobs'
import type { MemberDirectory } from './members'
import type { RoleDefinition } from './roles'

/**
 * What a service line is to the rest of the platform: one definition, listed once in
 * `lines/registry.ts`. The app, the demo seed, the catalogue, the workbench, 我的 and the account
 * iterate over the registry; nothing else names a line.
 */
export interface ServiceLineDefinition {
  /** `membership`, `legal_aid`: the catalogue key and the name of its data section. */
  key: string
  /** Its worker and staff routes (each a plugin), registered under `/api`. */
  routes: readonly FastifyPluginAsync[]
  /** Staff roles the line brings (the platform's union staff and city admins exist already). */
  staffRoles?: readonly RoleDefinition[]
  /** Its tiles on the home grid (the grid's order is the platform catalogue's). */
  catalogue: ReadonlyArray<Omit<ServiceLine, 'status' | 'badge'>>
  /**
   * What the line has open right now, for its tiles (a campaign taking applications), read with
   * the grid and cached with it; a line that fails here leaves its tile as it is.
   */
  tileBadges?(context: SystemContext): Promise<ReadonlyArray<TileBadge & { tileKey: string }>>
  /** Its entries on the staff workbench. */
  workbench?: readonly WorkbenchEntryDefinition[]
  /** Its row under 我的 → 我的办理. */
  mine?: MineEntryDefinition
  personalData: PersonalDataHooks
  /** Scheduled work (reminders, expiries, yearly reviews…), each run on one instance. */
  jobs?: readonly JobDefinition[]
  /** Demo users the line needs (its staff personas). */
  demoPersonas?: readonly PersonaSeed[]
  /** Sample records for newcomers and browser tests; runs after the personas, at every start. */
  seedDemo?(context: SystemContext): Promise<void>
  /** Capabilities other lines use through the kit, never by importing this line. */
  provides?: { members?: MemberDirectory }
  /** Data changes SQL cannot make (encrypting what an earlier version stored in clear); at every start, after the migrations. */
  upgrade?(context: SystemContext): Promise<void>
}

export interface WorkbenchEntryDefinition {
  key: string
  label: string
  description: string
  /** A page path from contract/pages.ts. */
  path: string
  /** Who sees the entry. */
  roles: readonly StaffRole[]
  /** What waits for this staff member (and how much of it is overdue). */
  counts?(context: ServiceContext): Promise<{ waiting: number; overdue?: number }>
}

export interface MineEntryDefinition {
  label: string
  path: string
  /** Where the user stands, in two or three words (已入会, 2 件办理中); null when nothing to say. */
  status?(context: ServiceContext): Promise<string | null>
}

/**
 * Personal information the line holds (PIPL): every line says what it holds about a user and how
 * to erase it. A line without these does not compile, and a test walks the registry to check
 * that deleting an account leaves nothing behind in any line.
 */
export interface PersonalDataHooks {
  /** What the line holds about the user, as they may see it (sensitive numbers masked); null if nothing. */
  describe(context: ServiceContext): Promise<DataSection | null>
  /**
   * Erases or anonymises everything of the user's, in the account deletion's transaction. Returns
   * what it did in plain words (or null) and the storage keys of files it let go, whose bytes are
   * removed once the deletion has committed.
   */
  erase(context: ServiceContext): Promise<{ outcome: string | null; storageKeys: string[] }>
  /** The user corrected their contact phone: lines that copy it onto live records update them. */
  contactChanged?(context: ServiceContext, change: { phone: string; verified: boolean; conflict: boolean }): Promise<void>
}

export function defineServiceLine(definition: ServiceLineDefinition): ServiceLineDefinition {
  return definition
}
