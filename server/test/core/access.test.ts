import { scopeIncludes, staffScope, unitsHeld } from '../../src/core/access'
import type { AuthUser } from '../../src/platform/auth/auth.service'

const user = (roles: AuthUser['roles']): AuthUser => ({
  id: 'u',
  openid: 'o',
  nickname: 'n',
  realName: null,
  phone: null,
  phoneVerified: false,
  createdAt: new Date(),
  roles,
})
const grant = (role: AuthUser['roles'][number]['role'], orgPath: string) => ({
  role,
  orgId: orgPath,
  orgName: orgPath,
  orgPath,
  orgKind: 'district',
  scopeId: null,
})

describe('staffScope', () => {
  it('a city admin reaches everything', () => {
    expect(staffScope(user([grant('city_admin', '/lyg/')]), ['union_staff', 'city_admin'])).toEqual({ kind: 'all' })
  })

  it('union staff reach their subtrees, without repeating a covered one', () => {
    const scope = staffScope(
      user([
        grant('union_staff', '/lyg/lyg-haizhou/'),
        grant('union_staff', '/lyg/lyg-haizhou/lyg-haizhou-pool/'),
        grant('union_staff', '/lyg/lyg-ganyu/'),
      ]),
      ['union_staff', 'city_admin'],
    )
    expect(scope).toEqual({ kind: 'subtrees', orgPaths: ['/lyg/lyg-ganyu/', '/lyg/lyg-haizhou/'] })
    expect(scopeIncludes(scope, '/lyg/lyg-haizhou/lyg-haizhou-hospital1/')).toBe(true)
    expect(scopeIncludes(scope, '/lyg/lyg-lianyun/')).toBe(false)
    expect(scopeIncludes(scope, '/lyg/')).toBe(false)
  })

  it('a scoped grant (a cashier of one merchant) reaches no subtree, only its unit', () => {
    const cashier = user([{ ...grant('merchant_cashier', '/lyg/'), scopeId: 'merchant-1' }, grant('union_staff', '/lyg/lyg-ganyu/')])
    expect(staffScope(cashier, ['merchant_cashier'])).toEqual({ kind: 'none' })
    expect(staffScope(cashier, ['merchant_cashier', 'union_staff'])).toEqual({ kind: 'subtrees', orgPaths: ['/lyg/lyg-ganyu/'] })
    expect(unitsHeld(cashier, 'merchant_cashier')).toEqual(['merchant-1'])
    expect(unitsHeld(cashier, 'union_staff')).toEqual([])
  })

  it('a role the feature does not accept reaches nothing', () => {
    expect(staffScope(user([grant('legal_staff', '/lyg/')]), ['union_staff', 'city_admin'])).toEqual({ kind: 'none' })
  })
})
