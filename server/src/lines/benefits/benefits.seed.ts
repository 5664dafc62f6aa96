import { eq } from 'drizzle-orm'
import {
  DISTRICTS,
  districtCentre,
  districtLabel,
  MERCHANT_CATEGORIES,
  type District,
  type MerchantCategory,
  type OfferTerms,
  type OpeningHours,
} from '@contract/lines/benefits'
import { chinaDate } from '@contract/rules/working-days'
import type { SystemContext } from '../../core/context'
import { findUserByOpenid, grantRole } from '../../platform/auth/auth.repository'
import { CASHIER_ROLE } from './benefits.desk'
import { benefitsCampaigns, benefitsCoupons, benefitsMerchants, benefitsOffers, benefitsRedemptions } from './benefits.tables'
import { endOfChinaDay } from './benefits.views'

/**
 * Demo data: 520 partner merchants over the city's eight districts (invented names, real-looking
 * places near each district's centre, hours including a night market past midnight), offers on
 * most of them, a campaign running, and a merchant persona with two cashiers. Dated from `now`.
 */

export const DEMO_MERCHANT_COUNT = 520
export const demoMerchantId = (index: number) => `b0000000-0000-4000-8000-${String(index).padStart(12, '0')}`
export const DEMO_CAMPAIGN_ID = 'b1000000-0000-4000-8000-000000000001'
/** The merchant the demo cashiers work at: a noodle shop in Haizhou with a card discount and a voucher. */
export const DEMO_DESK_MERCHANT = demoMerchantId(0)

const names: Record<MerchantCategory, { words: string[]; kinds: string[] }> = {
  food: {
    words: ['老街', '港城', '海鲜', '家常', '福来', '鸿运', '渔湾', '花果山'],
    kinds: ['面馆', '饺子馆', '海鲜大排档', '快餐', '烧烤', '早餐铺', '夜市小吃'],
  },
  shopping: { words: ['新浦', '惠民', '万家', '苏果', '好邻居', '港润'], kinds: ['超市', '便利店', '粮油店', '百货', '服装店'] },
  health: { words: ['仁和', '康宁', '济民', '益生', '百姓'], kinds: ['大药房', '口腔诊所', '眼镜店', '中医推拿', '体检中心'] },
  culture_sports: { words: ['书香', '海韵', '健力', '云台', '东方'], kinds: ['书店', '健身房', '游泳馆', '羽毛球馆', '电影院'] },
  services: { words: ['洁丽', '快捷', '美家', '安心', '巧手'], kinds: ['理发店', '洗衣店', '家政服务', '修鞋配钥匙', '手机维修'] },
  transport: { words: ['畅行', '安达', '港通', '顺风'], kinds: ['汽车维修', '电动车维修', '洗车行', '驾校'] },
  education: { words: ['启明', '育才', '新航', '博学'], kinds: ['职业技能培训', '电脑培训', '驾驶培训', '家长课堂'] },
}
const streets = [
  '解放东路',
  '海连中路',
  '朝阳中路',
  '巨龙北路',
  '通灌南路',
  '郁州北路',
  '花果山大道',
  '瀛洲路',
  '苍梧路',
  '市府路',
  '幸福路',
  '人民路',
]

/** A small deterministic generator: the same demo city at every start. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

const dayOffset = (now: Date, days: number) => chinaDate(new Date(now.getTime() + days * 86_400_000))

export async function seedBenefitsDemo(context: SystemContext): Promise<void> {
  const { db, cipher, now } = context
  const [exists] = await db.select({ id: benefitsMerchants.id }).from(benefitsMerchants).where(eq(benefitsMerchants.id, DEMO_DESK_MERCHANT))
  if (exists) return
  const next = random(20260101)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const merchants: Array<typeof benefitsMerchants.$inferInsert> = []
  for (let index = 0; index < DEMO_MERCHANT_COUNT; index += 1) {
    // Haizhou (the centre) holds more shops than the counties.
    const district: District = index === 0 ? 'lyg-haizhou' : next() < 0.35 ? 'lyg-haizhou' : pick(DISTRICTS)
    const category: MerchantCategory = index === 0 ? 'food' : pick(MERCHANT_CATEGORIES)
    const centre = districtCentre[district]
    const spread = district === 'lyg-haizhou' ? 0.05 : 0.035
    const lat = index === 0 ? 34.5967 : centre.lat + (next() - 0.5) * 2 * spread
    const lng = index === 0 ? 119.1793 : centre.lng + (next() - 0.5) * 2 * spread
    const nightMarket = category === 'food' && next() < 0.15
    const hours: OpeningHours = nightMarket
      ? { days: [1, 2, 3, 4, 5, 6, 7], opens: '18:00', closes: '02:00' }
      : category === 'health' && next() < 0.2
        ? { days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }
        : next() < 0.3
          ? { days: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30' }
          : {
              days: [1, 2, 3, 4, 5, 6, 7],
              opens: pick(['07:00', '08:00', '09:00', '10:00']),
              closes: pick(['20:00', '21:00', '21:30', '22:00']),
            }
    const label = names[category]
    const name =
      index === 0
        ? '海州老街面馆'
        : `${pick(label.words)}${pick(label.kinds)}（${districtLabel[district].replace(/[区县]$/, '')}${(index % 40) + 1}店）`
    merchants.push({
      id: demoMerchantId(index),
      status: index % 50 === 49 ? 'suspended' : 'active',
      name,
      category,
      district,
      address: `连云港市${districtLabel[district]}${pick(streets)}${Math.floor(next() * 300) + 1}号`,
      lat,
      lng,
      phone: `0518-8${String(5500000 + index).padStart(7, '0')}`,
      hours,
      description: nightMarket ? '夜市老字号，营业到凌晨两点' : null,
      cardPayPercent: index === 0 ? 90 : next() < 0.3 ? pick([85, 88, 90, 95]) : null,
      cardDiscountNote: index === 0 ? '酒水除外' : null,
      creditCode: '91320700MA1N2B3C4D',
      contactName: `${pick(['张', '王', '李', '赵', '刘', '陈'])}${pick(['经理', '店长', '老板'])}`,
      contactPhoneEnc: cipher.encrypt(`139${String(70000000 + index).padStart(8, '0')}`),
      proposedOffers: '会员到店消费享优惠',
      contractNo: `LYGHY-${new Date(now).getUTCFullYear()}-${String(index + 1).padStart(4, '0')}`,
      contractStartsOn: dayOffset(now, -200 + (index % 150)),
      contractEndsOn: dayOffset(now, 365),
      createdAt: new Date(now.getTime() - (210 - (index % 150)) * 86_400_000),
      updatedAt: new Date(now.getTime() - (index % 30) * 86_400_000),
    })
  }
  // Two applications waiting for review, from nobody in particular (entered as received on paper).
  merchants.push(
    {
      id: demoMerchantId(DEMO_MERCHANT_COUNT),
      status: 'applied',
      name: '墟沟渔家饭店',
      category: 'food',
      district: 'lyg-lianyun',
      address: '连云港市连云区海棠北路 88 号',
      lat: 34.7402,
      lng: 119.3871,
      phone: '0518-82312345',
      hours: { days: [1, 2, 3, 4, 5, 6, 7], opens: '10:00', closes: '22:00' },
      creditCode: '91320703MA1M9X8Y7W',
      contactName: '孙丽',
      contactPhoneEnc: cipher.encrypt('13905181234'),
      proposedOffers: '会员凭卡 9 折；每月 50 张 20 元海鲜代金券',
      createdAt: new Date(now.getTime() - 2 * 86_400_000),
      updatedAt: new Date(now.getTime() - 2 * 86_400_000),
    },
    {
      id: demoMerchantId(DEMO_MERCHANT_COUNT + 1),
      status: 'approved',
      name: '赣榆惠民药房',
      category: 'health',
      district: 'lyg-ganyu',
      address: '连云港市赣榆区青口镇黄海路 16 号',
      lat: 34.8395,
      lng: 119.1722,
      phone: '0518-86212345',
      hours: { days: [1, 2, 3, 4, 5, 6, 7], opens: '08:00', closes: '21:00' },
      creditCode: '91320707MA1K2L3M4N',
      contactName: '周平',
      contactPhoneEnc: cipher.encrypt('13805185678'),
      proposedOffers: '会员购药 95 折',
      createdAt: new Date(now.getTime() - 6 * 86_400_000),
      updatedAt: new Date(now.getTime() - 86_400_000),
    },
  )
  for (let start = 0; start < merchants.length; start += 200) await db.insert(benefitsMerchants).values(merchants.slice(start, start + 200))

  await db.insert(benefitsCampaigns).values({
    id: DEMO_CAMPAIGN_ID,
    name: '暖冬惠职工',
    description: '冬季职工消费帮扶：粮油、理发、药品代金券',
    startsOn: dayOffset(now, -20),
    endsOn: dayOffset(now, 40),
    createdAt: new Date(now.getTime() - 25 * 86_400_000),
    updatedAt: new Date(now.getTime() - 25 * 86_400_000),
  })
  const offerTerms: Record<MerchantCategory, { title: string; terms: OfferTerms }> = {
    food: { title: '满 100 减 20', terms: { kind: 'threshold', threshold: 100, off: 20 } },
    shopping: { title: '粮油代金券', terms: { kind: 'voucher', face: 20, goods: '大米、食用油' } },
    health: { title: '购药 9 折', terms: { kind: 'discount', payPercent: 90 } },
    culture_sports: { title: '会员价健身月卡', terms: { kind: 'member_price', memberPrice: 99, regularPrice: 199, goods: '健身月卡' } },
    services: { title: '理发代金券', terms: { kind: 'voucher', face: 15, goods: '理发' } },
    transport: { title: '保养 85 折', terms: { kind: 'discount', payPercent: 85 } },
    education: { title: '技能课会员价', terms: { kind: 'member_price', memberPrice: 300, regularPrice: 600, goods: '技能培训课程' } },
  }
  const offers: Array<typeof benefitsOffers.$inferInsert> = []
  merchants.slice(0, DEMO_MERCHANT_COUNT).forEach((merchant, index) => {
    if (index !== 0 && index % 4 === 3) return
    const { title, terms } = offerTerms[merchant.category]
    const inCampaign = terms.kind === 'voucher'
    offers.push({
      id: `b2000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      merchantId: merchant.id!,
      campaignId: inCampaign ? DEMO_CAMPAIGN_ID : null,
      title,
      kind: terms.kind,
      terms,
      startsOn: dayOffset(now, -20),
      endsOn: dayOffset(now, 40),
      stock: inCampaign ? 50 : 200,
      perMemberLimit: inCampaign ? 1 : 3,
      perMemberDailyLimit: 1,
      validDays: 14,
      audience: 'members',
    })
  })
  // The demo desk's own: a union-funded noodle voucher and a flash 满减.
  offers.push({
    id: 'b2000000-0000-4000-8000-100000000000',
    merchantId: DEMO_DESK_MERCHANT,
    campaignId: DEMO_CAMPAIGN_ID,
    title: '暖冬面食代金券',
    kind: 'voucher',
    terms: { kind: 'voucher', face: 10, goods: '面食' },
    startsOn: dayOffset(now, -20),
    endsOn: dayOffset(now, 40),
    stock: 100,
    claimed: 3,
    perMemberLimit: 5,
    perMemberDailyLimit: 1,
    validDays: 7,
    audience: 'members',
  })
  for (let start = 0; start < offers.length; start += 200) await db.insert(benefitsOffers).values(offers.slice(start, start + 200))

  const owner = await findUserByOpenid(db, 'demo-merchant')
  const cashier = await findUserByOpenid(db, 'demo-cashier')
  for (const person of [owner, cashier]) {
    if (person) await grantRole(db, { userId: person.id, role: CASHIER_ROLE, orgId: 'lyg', scopeId: DEMO_DESK_MERCHANT })
  }

  // Last month's vouchers at the demo desk, for the settlement screen.
  const member = await findUserByOpenid(db, 'demo-member')
  if (member && owner) {
    const voucherOffer = 'b2000000-0000-4000-8000-100000000000'
    const lastMonth = new Date(now.getTime() - 32 * 86_400_000)
    const rows = [0, 1, 2].map((day) => new Date(lastMonth.getTime() + day * 86_400_000))
    for (const [index, at] of rows.entries()) {
      const [coupon] = await db
        .insert(benefitsCoupons)
        .values({
          offerId: voucherOffer,
          merchantId: DEMO_DESK_MERCHANT,
          userId: member.id,
          status: 'redeemed',
          claimedOn: chinaDate(at),
          claimedAt: at,
          expiresAt: endOfChinaDay(dayOffset(at, 7)),
          redeemedAt: at,
        })
        .returning({ id: benefitsCoupons.id })
      await db.insert(benefitsRedemptions).values({
        merchantId: DEMO_DESK_MERCHANT,
        couponId: coupon!.id,
        offerId: voucherOffer,
        userId: member.id,
        memberMasked: '李*',
        kind: 'voucher',
        title: '暖冬面食代金券',
        savedFen: 1000,
        fundedBy: 'union',
        cashierId: owner.id,
        codeHash: `demo-seed-${index}`,
        at,
      })
    }
  }
}
