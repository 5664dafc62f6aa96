import { randomUUID } from 'node:crypto'
import type { OfferTerms, OpeningHours } from '@contract/lines/benefits'
import { chinaDate } from '@contract/rules/working-days'
import { benefitsMerchants, benefitsOffers } from '../../../src/lines/benefits/benefits.tables'
import { findUserByOpenid, grantRole } from '../../../src/platform/auth/auth.repository'
import { users } from '../../../src/platform/auth/auth.tables'
import type { TestApp } from '../../helpers/test-app'

/** A quiet corner of the city with no demo merchants near it: distances here are the test's own. */
export const ORIGIN = { lat: 34.3, lng: 119.75 }

const day = (now: Date, days: number) => chinaDate(new Date(now.getTime() + days * 86_400_000))

export async function makeMerchant(
  t: Pick<TestApp, 'database' | 'app'>,
  overrides: Partial<typeof benefitsMerchants.$inferInsert> = {},
): Promise<string> {
  const id = randomUUID()
  const hours: OpeningHours = { days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }
  await t.database.db.insert(benefitsMerchants).values({
    id,
    status: 'active',
    name: `测试商户${id.slice(0, 4)}`,
    category: 'food',
    district: 'lyg-xuwei',
    address: '连云港市徐圩新区测试路 1 号',
    lat: ORIGIN.lat,
    lng: ORIGIN.lng,
    phone: '0518-85550000',
    hours,
    creditCode: '91320700MA1N2B3C4D',
    contactName: '测试联系人',
    contactPhoneEnc: t.app.cipher.encrypt('13900000000'),
    ...overrides,
  })
  return id
}

export async function makeOffer(
  t: Pick<TestApp, 'database'>,
  merchantId: string,
  overrides: Partial<typeof benefitsOffers.$inferInsert> & { terms?: OfferTerms } = {},
): Promise<string> {
  const now = new Date()
  const terms: OfferTerms = overrides.terms ?? { kind: 'voucher', face: 10, goods: '面食' }
  const [row] = await t.database.db
    .insert(benefitsOffers)
    .values({
      merchantId,
      title: '测试优惠',
      startsOn: day(now, -1),
      endsOn: day(now, 10),
      stock: 100,
      perMemberLimit: 1,
      perMemberDailyLimit: 1,
      validDays: 7,
      ...overrides,
      kind: terms.kind,
      terms,
    })
    .returning({ id: benefitsOffers.id })
  return row!.id
}

/** A cashier of these merchants (the grant an accepted invite gives), logged in by openid. */
export async function makeCashier(t: Pick<TestApp, 'database'>, openid: string, merchantIds: readonly string[]): Promise<string> {
  const existing = await findUserByOpenid(t.database.db, openid)
  const userId =
    existing?.id ??
    (
      await t.database.db
        .insert(users)
        .values({ openid, nickname: openid, realName: `收银${openid.slice(-2)}` })
        .returning()
    )[0]!.id
  for (const merchantId of merchantIds)
    await grantRole(t.database.db, { userId, role: 'benefits_cashier', orgId: 'lyg', scopeId: merchantId })
  return userId
}

let keySeq = 0
export const idem = () => ({
  'idempotency-key': `bn-${Date.now().toString(36)}-${(keySeq += 1)}-${Math.random().toString(36).slice(2, 8)}`,
})
