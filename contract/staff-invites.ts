import * as z from 'zod/mini'
import { StaffRole, User } from './auth'
import { optionalText, personName, requiredText } from './fields'
import { Page, pageQueryShape } from './kit/paging'
import { OrgKind } from './orgs'

/*
 * Staff become staff by an invite code: a city administrator makes one for one organisation and
 * one role; the code is shown once, works once, and expires. Whoever redeems it gets the role.
 */

export const INVITE_VALID_DAYS = [1, 3, 7] as const

export const CreateInviteBody = z.object({
  role: z.string({ error: '请选择角色' }).check(z.regex(/^[a-z_]{2,40}$/, '请选择角色')),
  orgId: z.string({ error: '请选择工会组织' }).check(z.minLength(1, '请选择工会组织'), z.maxLength(64, '请选择工会组织')),
  validDays: z.union(
    INVITE_VALID_DAYS.map((days) => z.literal(days)),
    { error: '请选择有效期' },
  ),
  /** Who it is for, so the admin recognises it in the list (not shown to the invitee). */
  note: optionalText('备注', 40),
  /** For a scoped role (a merchant's cashier): the unit it is held for; the org follows from it. */
  scopeId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
})
export type CreateInviteBody = z.infer<typeof CreateInviteBody>

export const InviteStatus = z.enum(['pending', 'redeemed', 'expired', 'revoked'])
export type InviteStatus = z.infer<typeof InviteStatus>
export const inviteStatusLabel: Record<InviteStatus, string> = {
  pending: '待使用',
  redeemed: '已使用',
  expired: '已过期',
  revoked: '已作废',
}

export const Invite = z.object({
  id: z.string(),
  role: StaffRole,
  roleLabel: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  note: z.nullable(z.string()),
  status: InviteStatus,
  createdAt: z.string(),
  createdByName: z.string(),
  expiresAt: z.string(),
  redeemedAt: z.nullable(z.string()),
  redeemedByName: z.nullable(z.string()),
})
export type Invite = z.infer<typeof Invite>

/** The answer to creating an invite: the only time the code itself is ever sent. */
export const CreatedInvite = z.object({ invite: Invite, code: z.string() })
export type CreatedInvite = z.infer<typeof CreatedInvite>

/** Invites made so far, newest first, a page at a time (every invite ever made stays on record). */
export const InviteQuery = z.object(pageQueryShape)
export type InviteQuery = z.infer<typeof InviteQuery>

export const InviteList = Page(Invite)
export type InviteList = z.infer<typeof InviteList>

/** Codes are 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX. */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

export function normaliseInviteCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase()
}

export const RedeemInviteBody = z.object({
  /** Staff act under their own name: it is shown on what they do (timelines, reveals, invites). */
  realName: personName('您的真实姓名', 20),
  code: z
    .string({ error: '请输入邀请码' })
    .check(
      z.overwrite(normaliseInviteCode),
      z.minLength(1, '请输入邀请码'),
      z.regex(new RegExp(`^[${INVITE_CODE_ALPHABET}]{8}$`), '邀请码是 8 位字母和数字，请核对'),
    ),
})
export type RedeemInviteBody = z.infer<typeof RedeemInviteBody>

export const RedeemResult = z.object({
  role: StaffRole,
  roleLabel: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  user: User,
})
export type RedeemResult = z.infer<typeof RedeemResult>

/** A role an administrator can grant, with the org levels it fits (the invite form offers only those). */
export const RoleOption = z.object({
  role: StaffRole,
  label: z.string(),
  description: z.string(),
  orgKinds: z.array(OrgKind),
})
export type RoleOption = z.infer<typeof RoleOption>
export const RoleOptionList = z.object({ roles: z.array(RoleOption) })
export type RoleOptionList = z.infer<typeof RoleOptionList>

/** Someone who holds a staff role, as the administrator who manages staff sees them. */
export const StaffMember = z.object({
  /** The grant's id: what a revocation names. */
  id: z.string(),
  userId: z.string(),
  /** The name they gave when they became staff (the WeChat nickname for grants older than that). */
  name: z.string(),
  role: StaffRole,
  roleLabel: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  grantedAt: z.string(),
  grantedByName: z.nullable(z.string()),
})
export type StaffMember = z.infer<typeof StaffMember>

export const StaffQuery = z.object({
  /** One union and the unions under it; the whole city when absent. */
  orgId: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, '工会组织不正确'))),
  ...pageQueryShape,
})
export type StaffQuery = z.infer<typeof StaffQuery>

export const StaffList = z.object({ items: z.array(StaffMember), nextCursor: z.nullable(z.string()) })
export type StaffList = z.infer<typeof StaffList>

export const RevokeRoleBody = z.object({ reason: requiredText('撤销原因', 200, 2) })
export type RevokeRoleBody = z.infer<typeof RevokeRoleBody>
