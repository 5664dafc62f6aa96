import { serviceLines } from '../../../src/lines/registry'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { testLine } from '../../helpers/test-line'

/**
 * A role held for one unit a line keeps — a partner merchant's cashier — instead of an org's
 * subtree: the invite names the unit, the staff who manage such units make it from the unit's
 * page, and the grant reaches that unit only.
 */
describe('scoped staff roles', () => {
  const shops: Record<string, string> = { 'shop-1': '海州老街面馆', 'shop-2': '新浦书店' }
  const shopLine = testLine('shops', {
    staffRoles: [
      {
        role: 'shop_cashier',
        label: '商户收银员',
        orgKinds: ['city'],
        description: '在本商户核销会员优惠',
        scope: {
          label: '商户',
          invitedBy: ['union_staff'],
          find: async (_context, id) => (shops[id] ? { name: shops[id], orgId: 'lyg' } : null),
        },
      },
    ],
  })
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ lines: [...serviceLines, shopLine] })
  })
  afterAll(() => t.close())

  const invite = (openid: string, payload: object) => t.as(openid)({ method: 'POST', url: '/api/workbench/invites', payload })
  const redeem = (openid: string, code: string) =>
    t.as(openid)({ method: 'POST', url: '/api/workbench/invites/redeem', payload: { code, realName: '赵收银' } })

  it('when the generic invite form asks for roles, then scoped ones are not offered', async () => {
    const roles = (await t.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/invites/roles' })).json().roles
    expect(roles.map((role: { role: string }) => role.role)).not.toContain('shop_cashier')
    expect(roles.map((role: { role: string }) => role.role)).toContain('union_staff')
  })

  it('when staff who manage shops invite a cashier for one shop, then the grant names that shop and reaches nothing else', async () => {
    const made = await invite('demo-staff-grassroots', { role: 'shop_cashier', orgId: 'ignored', scopeId: 'shop-1', validDays: 3 })
    expect(made.statusCode).toBe(201)
    expect(made.json().invite).toMatchObject({ role: 'shop_cashier', orgId: 'lyg' })
    const redeemed = await redeem('cashier-a', made.json().code)
    expect(redeemed.statusCode).toBe(200)
    const me = (await t.as('cashier-a')({ method: 'GET', url: '/api/me' })).json()
    expect(me.roles).toEqual([
      { role: 'shop_cashier', roleLabel: '商户收银员', orgId: 'lyg', orgName: '连云港市总工会', scopeId: 'shop-1' },
    ])
    // A cashier's city-level grant is no key to the union's records.
    expect((await t.as('cashier-a')({ method: 'GET', url: '/api/workbench/membership/applications' })).statusCode).toBe(403)

    // A cashier of two shops holds two grants.
    const second = await invite('demo-staff-grassroots', { role: 'shop_cashier', orgId: 'lyg', scopeId: 'shop-2', validDays: 3 })
    expect((await redeem('cashier-a', second.json().code)).statusCode).toBe(200)
    const again = (await t.as('cashier-a')({ method: 'GET', url: '/api/me' })).json()
    expect(again.roles.map((grant: { scopeId: string }) => grant.scopeId).sort()).toEqual(['shop-1', 'shop-2'])
    // The same shop twice is refused as already held.
    const third = await invite('demo-staff-grassroots', { role: 'shop_cashier', orgId: 'lyg', scopeId: 'shop-1', validDays: 3 })
    expect((await redeem('cashier-a', third.json().code)).json().code).toBe('ALREADY_STAFF')
  })

  it('when the unit is missing or unknown, or the inviter may not, then a plain refusal', async () => {
    const missing = await invite('demo-staff-grassroots', { role: 'shop_cashier', orgId: 'lyg', validDays: 3 })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().fields).toEqual({ scopeId: '请选择商户' })
    expect(
      (await invite('demo-staff-grassroots', { role: 'shop_cashier', orgId: 'lyg', scopeId: 'shop-9', validDays: 3 })).json().fields,
    ).toEqual({
      scopeId: '请选择商户',
    })
    // Managing shops is no licence to make union staff, and a worker invites nobody.
    expect((await invite('demo-staff-grassroots', { role: 'union_staff', orgId: 'lyg-haizhou', validDays: 3 })).statusCode).toBe(403)
    expect((await invite('demo-worker', { role: 'shop_cashier', orgId: 'lyg', scopeId: 'shop-1', validDays: 3 })).statusCode).toBe(403)
    // An unscoped role takes no unit.
    const unscoped = await invite('demo-city-admin', { role: 'union_staff', orgId: 'lyg-haizhou', scopeId: 'shop-1', validDays: 3 })
    expect(unscoped.json().fields).toEqual({ scopeId: '该角色不需要选择单位' })
  })
})
