import { randomInt } from 'node:crypto'
import { eq } from 'drizzle-orm'
import {
  INVITE_CODE_ALPHABET,
  type CreatedInvite,
  type CreateInviteBody,
  type Invite,
  type InviteList,
  type InviteQuery,
  type InviteStatus,
  type RedeemInviteBody,
  type RedeemResult,
} from '@contract/staff-invites'
import { recordAudit } from '../../core/audit'
import type { ServiceContext, SystemContext } from '../../core/context'
import type { FieldCipher } from '../../lib/crypto'
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors'
import { grantRole } from '../auth/auth.repository'
import { loadAuthUser, toUserView } from '../auth/auth.service'
import { findOrg } from '../orgs/orgs.repository'
import { users } from '../auth/auth.tables'
import {
  claimInvite,
  findInviteByCodeHash,
  findInviteWithNames,
  listInvites,
  revokeInvite,
  type InviteRow,
  type InviteWithNames,
} from './staff-invites.repository'
import { staffInvites } from './staff-invites.tables'

const DAY_MS = 24 * 3600 * 1000

/** 8 characters from 30: about 6.6 × 10^11 codes, against a redeem limit of a few tries a minute. */
export function newInviteCode(): string {
  return Array.from({ length: 8 }, () => INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]).join('')
}

/** XXXX-XXXX: easier to read aloud and type. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** Keyed hash, namespaced so it can never collide with another lookup hash of the same text. */
function codeHash(cipher: FieldCipher, code: string): string {
  return cipher.lookupHash(`staff-invite:${code}`)
}

function statusOf(invite: InviteRow, now: Date): InviteStatus {
  if (invite.redeemedAt) return 'redeemed'
  if (invite.revokedAt) return 'revoked'
  if (invite.expiresAt <= now) return 'expired'
  return 'pending'
}

function toInvite(context: SystemContext, row: InviteWithNames): Invite {
  const { invite } = row
  return {
    id: invite.id,
    role: invite.role,
    roleLabel: context.roles.labelAt(invite.role, row.orgKind),
    orgId: invite.orgId,
    orgName: row.orgName,
    note: invite.note,
    status: statusOf(invite, context.now),
    createdAt: invite.createdAt.toISOString(),
    createdByName: row.createdByName || '管理员',
    expiresAt: invite.expiresAt.toISOString(),
    redeemedAt: invite.redeemedAt?.toISOString() ?? null,
    redeemedByName: invite.redeemedBy ? row.redeemedByName || '微信用户' : null,
  }
}

export async function createInvite(context: ServiceContext, body: CreateInviteBody): Promise<CreatedInvite> {
  const { db: tx, cipher, user } = context
  const definition = context.roles.definition(body.role)
  if (!definition) throw validationFailed({ role: '请选择角色' })
  const isCityAdmin = user.roles.some((grant) => grant.role === 'city_admin')
  // A scoped role (a merchant's cashier) names its unit; the org is the one whose staff manage it.
  let scopeId: string | null = null
  let orgId = body.orgId
  if (definition.scope) {
    const { scope } = definition
    if (!isCityAdmin && !user.roles.some((grant) => scope.invitedBy.includes(grant.role))) throw forbidden()
    const unit = body.scopeId ? await scope.find(context, body.scopeId) : null
    if (!unit) throw validationFailed({ scopeId: `请选择${scope.label}` })
    scopeId = body.scopeId!
    orgId = unit.orgId
  } else {
    if (!isCityAdmin) throw forbidden()
    if (body.scopeId) throw validationFailed({ scopeId: '该角色不需要选择单位' })
  }
  const org = await findOrg(tx, orgId)
  if (!org) throw validationFailed({ orgId: '请选择工会组织' })
  // A city administrator acts for the whole city; the grant belongs to the city federation.
  if (body.role === 'city_admin' && org.kind !== 'city') throw validationFailed({ orgId: '市总工会管理员只能设在市总工会' })
  const code = newInviteCode()
  const now = context.now
  const [row] = await tx
    .insert(staffInvites)
    .values({
      codeHash: codeHash(cipher, code),
      role: body.role,
      orgId: org.id,
      scopeId,
      note: body.note || null,
      createdBy: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + body.validDays * DAY_MS),
    })
    .returning({ id: staffInvites.id })
  await recordAudit(tx, {
    actorId: user.id,
    action: 'staff_invite.create',
    subjectType: 'staff_invite',
    subjectId: row!.id,
    detail: { role: body.role, orgId: org.id, validDays: body.validDays },
  })
  const created = await findInviteWithNames(tx, row!.id)
  return { invite: toInvite(context, created!), code: formatInviteCode(code) }
}

export async function inviteList(context: SystemContext, query: InviteQuery): Promise<InviteList> {
  const page = await listInvites(context.db, query)
  return { items: page.items.map((row) => toInvite(context, row)), nextCursor: page.nextCursor }
}

export async function revoke(context: ServiceContext, id: string): Promise<Invite> {
  const { db: tx, user } = context
  const found = await findInviteWithNames(tx, id)
  if (!found) throw notFound()
  if (!(await revokeInvite(tx, id, user.id, context.now))) throw new AppError(409, 'WRONG_STATUS', '邀请码已被使用或已作废')
  await recordAudit(tx, { actorId: user.id, action: 'staff_invite.revoke', subjectType: 'staff_invite', subjectId: id })
  return toInvite(context, (await findInviteWithNames(tx, id))!)
}

const invalid = (message: string) => new AppError(400, 'INVITE_INVALID', message, { code: message })

/**
 * Whoever holds a valid code gets its role, once — but never the person who made it: nobody grants
 * a role to themselves (an administrator's read-only oversight must not become acting on cases).
 * The staff member gives their real name, which then stands on what they do. Each refusal says why.
 */
export async function redeem(context: ServiceContext, body: RedeemInviteBody): Promise<RedeemResult> {
  const { db: tx, cipher, user } = context
  const invite = await findInviteByCodeHash(tx, codeHash(cipher, body.code))
  const now = context.now
  if (!invite) throw invalid('邀请码不正确，请核对后重试')
  if (invite.createdBy === user.id) throw new AppError(403, 'FORBIDDEN', '不能使用自己生成的邀请码：请把邀请码交给要邀请的工作人员本人使用')
  const status = statusOf(invite, now)
  if (status === 'redeemed') throw invalid('这个邀请码已经被使用过了，请向管理员重新索取')
  if (status === 'revoked') throw invalid('这个邀请码已被管理员作废')
  if (status === 'expired') throw invalid('这个邀请码已过期，请向管理员重新索取')
  if (user.roles.some((grant) => grant.role === invite.role && grant.orgId === invite.orgId && grant.scopeId === invite.scopeId)) {
    throw new AppError(409, 'ALREADY_STAFF', `您已经是该组织的${context.roles.label(invite.role)}，无需再使用邀请码`)
  }
  if (!(await claimInvite(tx, invite.id, user.id, now))) throw invalid('这个邀请码已经被使用过了，请向管理员重新索取')
  await grantRole(tx, { userId: user.id, role: invite.role, orgId: invite.orgId, scopeId: invite.scopeId, grantedBy: invite.createdBy })
  await tx.update(users).set({ realName: body.realName, updatedAt: now }).where(eq(users.id, user.id))
  await recordAudit(tx, {
    actorId: user.id,
    action: 'staff_role.grant',
    subjectType: 'staff_invite',
    subjectId: invite.id,
    detail: { role: invite.role, orgId: invite.orgId, grantedBy: invite.createdBy },
  })
  const org = await findOrg(tx, invite.orgId)
  const updated = await loadAuthUser(tx, cipher, user.id)
  return {
    role: invite.role,
    roleLabel: context.roles.labelAt(invite.role, org?.kind ?? ''),
    orgId: invite.orgId,
    orgName: org?.name ?? '',
    user: toUserView(updated!, context.roles),
  }
}
