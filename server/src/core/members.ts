import { AppError } from '../lib/errors'
import type { SystemContext } from './context'

/**
 * Who is a union member: the membership line knows, and other lines ask through this directory
 * (training courses for members only, hardship applicants, coupons and card discounts) instead of
 * importing it — lines never import each other. The membership line provides it in its definition
 * (`provides.members`); the app puts it on every context as `context.members`.
 */
export interface MemberRecord {
  membershipId: string
  userId: string
  /** The member's union, and its path in the tree (for staff scopes). */
  orgId: string
  orgName: string
  orgPath: string
  memberNumber: string
  /**
   * The keyed hash of the member's ID number (`cipher.lookupHash`, as every line keys ID numbers),
   * for a line that must recognise the person without their number — a hardship household that
   * lists them, a reviewer who may not review their own family. Null when none was recorded.
   */
  idNumberHash: string | null
  /** The name on the card; null once the membership ended with the account. */
  name: string | null
  joinedAt: Date
}

export type CardCodeCheck = { result: 'valid'; member: MemberRecord } | { result: 'expired' } | { result: 'invalid' }

export interface MemberDirectory {
  /** The user's active membership, or null. */
  activeMemberOf(context: SystemContext, userId: string): Promise<MemberRecord | null>
  /** The active memberships among these users, in one query (for lists). */
  activeMembersOf(context: SystemContext, userIds: readonly string[]): Promise<Map<string, MemberRecord>>
  /** Whose member card this scanned QR code is, if it is a live code of an active member. */
  checkCardCode(context: SystemContext, code: string): Promise<CardCodeCheck>
  /**
   * How many active members (each holds a member card) there are, and how many of them joined
   * since `joinedSince` — for dashboards measured against the plan's card targets.
   */
  countActive(context: SystemContext, options?: { joinedSince?: Date }): Promise<{ active: number; joinedSince: number }>
}

/** For an app without a membership line (a test of one line): nobody is a member. */
export const noMembers: MemberDirectory = {
  activeMemberOf: async () => null,
  activeMembersOf: async () => new Map(),
  checkCardCode: async () => ({ result: 'invalid' }),
  countActive: async () => ({ active: 0, joinedSince: 0 }),
}

/** The user's active membership, or a 403 NOT_A_MEMBER whose message says what the service needs. */
export async function requireActiveMember(context: SystemContext, userId: string, message?: string): Promise<MemberRecord> {
  const member = await context.members.activeMemberOf(context, userId)
  if (!member) throw new AppError(403, 'NOT_A_MEMBER', message)
  return member
}
