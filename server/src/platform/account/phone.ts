import { and, count, eq, isNull, ne } from 'drizzle-orm'
import type { Queryable } from '../../db/client'
import { AppError } from '../../lib/errors'
import { WechatError, wechatErrorToAppError, type WechatClient } from '../../lib/wechat'
import type { AuthUser } from '../auth/auth.service'
import { users } from '../auth/auth.tables'

/** How many other live accounts have this phone number. */
export async function otherAccountsWithPhone(db: Queryable, phone: string, exceptUserId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(users)
    .where(and(eq(users.phone, phone), ne(users.id, exceptUserId), isNull(users.deletedAt)))
  return Number(row?.value ?? 0)
}

export interface ResolvedPhone {
  phone: string
  verified: boolean
  /** Also bound to another account: allowed only when WeChat verified it, and shown to staff. */
  conflict: boolean
}

/**
 * Which phone a form or a contact correction uses. A number WeChat verified is accepted even when
 * another account has it (people change phones; numbers get recycled) and the overlap is recorded
 * for staff. A typed number that belongs to another account is refused, with the way out in the
 * message: verify it through WeChat.
 */
export async function resolvePhone(
  db: Queryable,
  user: AuthUser,
  choice: { phoneSource: 'wechat' | 'typed'; phone?: string },
): Promise<ResolvedPhone> {
  if (choice.phoneSource === 'wechat') {
    if (!user.phone || !user.phoneVerified)
      throw new AppError(400, 'PHONE_NOT_VERIFIED', undefined, { phone: '请先点击“微信手机号快捷验证”' })
    return { phone: user.phone, verified: true, conflict: (await otherAccountsWithPhone(db, user.phone, user.id)) > 0 }
  }
  const phone = choice.phone ?? ''
  const others = await otherAccountsWithPhone(db, phone, user.id)
  if (user.phoneVerified && user.phone === phone) return { phone, verified: true, conflict: others > 0 }
  if (others > 0) {
    const message = '该手机号已绑定其他账号。请在微信小程序中用“微信手机号快捷验证”，或换一个手机号。'
    throw new AppError(409, 'PHONE_IN_USE', message, { phone: message })
  }
  return { phone, verified: false, conflict: false }
}

/** Keeps the account's phone in step with what the worker typed, unless WeChat verified another. */
export async function rememberTypedPhone(db: Queryable, user: AuthUser, phone: ResolvedPhone, now: Date): Promise<void> {
  if (phone.verified || (user.phone && user.phoneVerified)) return
  await db.update(users).set({ phone: phone.phone, updatedAt: now }).where(eq(users.id, user.id))
}

/** WeChat's getPhoneNumber code → the number WeChat verified. Asked outside any transaction. */
export async function phoneFromWechat(wechat: WechatClient, code: string): Promise<string> {
  if (!wechat.configured) throw new AppError(503, 'WECHAT_UNAVAILABLE', '暂时无法通过微信验证手机号，请直接填写手机号')
  try {
    return (await wechat.phoneNumberFromCode(code)).phoneNumber
  } catch (error) {
    if (!(error instanceof WechatError)) throw error
    const mapped = wechatErrorToAppError(error)
    if (mapped.code === 'WECHAT_CODE_INVALID') throw new AppError(400, 'WECHAT_CODE_INVALID', '手机号验证已失效，请重新点击验证')
    throw mapped
  }
}
