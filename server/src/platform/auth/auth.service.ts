import type { LoginResult, RoleGrant, User } from '@contract/auth'
import type { RoleCatalogue } from '../../core/roles'
import { maskPhone } from '@contract/rules/mask'
import type { Config } from '../../config'
import type { Database, Queryable } from '../../db/client'
import { createSignedToken, readSignedToken, type FieldCipher } from '../../lib/crypto'
import { AppError } from '../../lib/errors'
import { WechatError, wechatErrorToAppError, type WechatClient } from '../../lib/wechat'
import { findActiveUserById, findSessionUser, rolesOfUser, upsertUserByOpenid, type RoleGrantRow, type UserRow } from './auth.repository'

/** The caller of a request, as handlers see it. */
export interface AuthUser {
  id: string
  openid: string
  nickname: string
  /** For staff: the name they are known by on what they do. */
  realName: string | null
  phone: string | null
  phoneVerified: boolean
  createdAt: Date
  roles: RoleGrantRow[]
}

interface SessionPayload {
  uid: string
  /** Issued at, milliseconds since the epoch (checked against the user's sessionsValidAfter). */
  iat: number
  /** Expiry, seconds since the epoch. */
  exp: number
}

/** Who a session stands for, as loaded (and kept for a while, see session-cache.ts). */
export interface KeptSessionUser {
  user: AuthUser
  /** Sessions issued before this (milliseconds since the epoch) are no longer valid; null: none revoked. */
  sessionsValidAfter: number | null
}

export interface Session {
  userId: string
  issuedAt: number
}

const SESSION_PURPOSE = 'session'

export function issueSession(config: Config, userId: string, now = Date.now()): { token: string; expiresAt: string } {
  const exp = Math.floor(now / 1000) + config.sessionTtlSeconds
  return {
    token: createSignedToken(config.authSecret, SESSION_PURPOSE, { uid: userId, iat: now, exp } satisfies SessionPayload),
    expiresAt: new Date(exp * 1000).toISOString(),
  }
}

/** The session a token stands for, or undefined when it is forged, malformed or expired. */
export function readSession(config: Config, token: string, now = Date.now()): Session | undefined {
  const check = readSignedToken<SessionPayload>(config.authSecret, SESSION_PURPOSE, token)
  if (!check.ok) return undefined
  const { uid, iat, exp } = check.payload
  if (typeof uid !== 'string' || typeof exp !== 'number' || typeof iat !== 'number') return undefined
  return exp * 1000 > now ? { userId: uid, issuedAt: iat } : undefined
}

export async function loadAuthUser(db: Queryable, cipher: FieldCipher, userId: string): Promise<AuthUser | undefined> {
  const row = await findActiveUserById(db, userId)
  return row ? toAuthUser(cipher, row, await rolesOfUser(db, row.id)) : undefined
}

/** Who a user id stands for as a session's caller (with when their sessions were last revoked), or undefined when the account is gone. */
export async function loadSessionRecord(db: Database, cipher: FieldCipher, userId: string): Promise<KeptSessionUser | undefined> {
  const found = await findSessionUser(db, userId)
  if (!found) return undefined
  return { user: toAuthUser(cipher, found.user, found.roles), sessionsValidAfter: found.user.sessionsValidAfter?.getTime() ?? null }
}

/** The caller of a session, unless the session predates a revocation of the user's sessions. */
export function sessionCaller(record: KeptSessionUser, session: Session): AuthUser | undefined {
  if (record.sessionsValidAfter !== null && session.issuedAt < record.sessionsValidAfter) return undefined
  return record.user
}

export function toAuthUser(cipher: FieldCipher, row: UserRow, roles: RoleGrantRow[]): AuthUser {
  return {
    id: row.id,
    openid: row.openid,
    nickname: row.nickname,
    realName: row.realName,
    phone: row.phoneEnc ? cipher.decrypt(row.phoneEnc) : null,
    phoneVerified: row.phoneVerifiedAt !== null,
    createdAt: row.createdAt,
    roles,
  }
}

/** A user's role grants as people read them (the label depends on the org's level). */
export function roleGrantViews(roles: RoleCatalogue, grants: readonly RoleGrantRow[]): RoleGrant[] {
  return grants.map(({ role, orgId, orgName, orgKind, scopeId }) => ({
    role,
    roleLabel: roles.labelAt(role, orgKind),
    orgId,
    orgName,
    scopeId,
  }))
}

export function toUserView(user: AuthUser, roles: RoleCatalogue): User {
  return {
    id: user.id,
    nickname: user.nickname || '微信用户',
    phoneMasked: user.phone ? maskPhone(user.phone) : null,
    roles: roleGrantViews(roles, user.roles),
    createdAt: user.createdAt.toISOString(),
  }
}

export async function loginWithOpenid(
  db: Queryable,
  config: Config,
  cipher: FieldCipher,
  roles: RoleCatalogue,
  openid: string,
  nickname = '',
): Promise<LoginResult> {
  const row = await upsertUserByOpenid(db, openid, nickname)
  const user = toAuthUser(cipher, row, await rolesOfUser(db, row.id))
  return { ...issueSession(config, row.id), user: toUserView(user, roles) }
}

/** `Taro.login` code → WeChat openid → our user and a session token. */
export async function loginWithWechatCode(
  db: Queryable,
  config: Config,
  cipher: FieldCipher,
  roles: RoleCatalogue,
  wechat: WechatClient,
  code: string,
): Promise<LoginResult> {
  if (!wechat.configured) throw new AppError(503, 'WECHAT_UNAVAILABLE', '服务器未配置微信登录，请联系管理员')
  try {
    const session = await wechat.code2Session(code)
    return await loginWithOpenid(db, config, cipher, roles, session.openid)
  } catch (error) {
    if (error instanceof WechatError) throw wechatErrorToAppError(error)
    throw error
  }
}
