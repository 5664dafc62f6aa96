import * as z from 'zod/mini'

/**
 * A staff role's name: the platform's own (`union_staff`, `city_admin`) or one a service line
 * registers (`legal_staff`…). A role is held for one organisation and reaches its whole subtree.
 * Its label comes from the server with each grant.
 */
export const StaffRole = z.string().check(z.regex(/^[a-z_]{2,40}$/, '角色不正确'))
export type StaffRole = string

export const RoleGrant = z.object({
  role: StaffRole,
  /** What the role is called at this org, e.g. 县区工会工作人员, 法律援助工作人员. */
  roleLabel: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** For a role held for one unit of a line (a merchant's cashier): that unit's id; null otherwise. */
  scopeId: z.nullable(z.string()),
})
export type RoleGrant = z.infer<typeof RoleGrant>

export const User = z.object({
  id: z.string(),
  nickname: z.string(),
  /** Masked, e.g. 138****5678; null until the user gives one. */
  phoneMasked: z.nullable(z.string()),
  roles: z.array(RoleGrant),
  createdAt: z.string(),
})
export type User = z.infer<typeof User>

export const WechatLoginBody = z.object({
  code: z.string({ error: '缺少微信登录凭证' }).check(z.minLength(1, '缺少微信登录凭证'), z.maxLength(128, '登录凭证格式不正确')),
})
export type WechatLoginBody = z.infer<typeof WechatLoginBody>

export const DevLoginBody = z.object({
  openid: z
    .string({ error: '请填写一个演示账号标识' })
    .check(z.trim(), z.minLength(1, '请填写一个演示账号标识'), z.maxLength(64, '演示账号标识最多 64 个字符')),
})
export type DevLoginBody = z.infer<typeof DevLoginBody>

export const LoginResult = z.object({
  token: z.string(),
  /** ISO time the token stops working; the client logs in again silently after that. */
  expiresAt: z.string(),
  user: User,
})
export type LoginResult = z.infer<typeof LoginResult>

export const DevPersona = z.object({
  openid: z.string(),
  nickname: z.string(),
  description: z.string(),
  roles: z.array(RoleGrant),
})
export type DevPersona = z.infer<typeof DevPersona>

export const DevPersonaList = z.object({ personas: z.array(DevPersona) })
export type DevPersonaList = z.infer<typeof DevPersonaList>
