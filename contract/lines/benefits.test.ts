import { fieldErrors } from '../fields'
import {
  describeHours,
  isOpenAt,
  isValidCreditCode,
  MERCHANT_STATUSES,
  merchantWorkflow,
  OfferInput,
  OfferTerms,
  savingFen,
  type MerchantStatus,
} from './benefits'

/** The whole merchant table, written out by hand: every (status, action) pair that is allowed. */
const allowed: Record<string, MerchantStatus> = {
  'applied/approve': 'approved',
  'applied/reject': 'rejected',
  'approved/sign': 'signed',
  'signed/activate': 'active',
  'active/suspend': 'suspended',
  'suspended/resume': 'active',
  'signed/remove': 'removed',
  'active/remove': 'removed',
  'suspended/remove': 'removed',
  'applied/edit': 'applied',
  'approved/edit': 'approved',
  'signed/edit': 'signed',
  'active/edit': 'active',
  'suspended/edit': 'suspended',
}

describe('the merchant workflow', () => {
  const pairs = MERCHANT_STATUSES.flatMap((status) => merchantWorkflow.actionList.map((action) => [status, action] as const))
  it.each(pairs)('%s + %s', (status, action) => {
    const result = merchantWorkflow.next(status, action)
    const expected = allowed[`${status}/${action}`]
    if (expected) expect(result).toEqual({ ok: true, to: expected })
    else expect(result.ok).toBe(false)
  })
})

describe('opening hours', () => {
  // 2026-12-01 is a Tuesday.
  const at = (iso: string) => new Date(iso)
  it('when a shop closes past midnight, then it is open in the small hours after an opening day only', () => {
    const night = { days: [2], opens: '18:00', closes: '02:00' }
    expect(isOpenAt(night, at('2026-12-01T18:00:00+08:00'))).toBe(true)
    expect(isOpenAt(night, at('2026-12-02T01:59:00+08:00'))).toBe(true)
    expect(isOpenAt(night, at('2026-12-02T02:00:00+08:00'))).toBe(false)
    expect(isOpenAt(night, at('2026-12-01T01:00:00+08:00'))).toBe(false)
    expect(describeHours(night)).toBe('周二 18:00–次日02:00')
  })
  it('when open all day or on weekdays, then said so', () => {
    expect(isOpenAt({ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }, at('2026-12-06T23:59:00+08:00'))).toBe(true)
    expect(describeHours({ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30' })).toBe('周一至周五 08:30–17:30')
    expect(isOpenAt({ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30' }, at('2026-12-05T10:00:00+08:00'))).toBe(false)
  })
})

describe('offers', () => {
  it('when a saving is worked out, then in fen, never more than the bill, and nothing below a threshold', () => {
    expect(savingFen({ kind: 'discount', payPercent: 88 }, 10_000)).toBe(1200)
    expect(savingFen({ kind: 'threshold', threshold: 100, off: 20 }, 9_999)).toBe(0)
    expect(savingFen({ kind: 'threshold', threshold: 100, off: 20 }, 10_000)).toBe(2000)
    expect(savingFen({ kind: 'voucher', face: 15, goods: '理发' }, null)).toBe(1500)
    expect(savingFen({ kind: 'member_price', memberPrice: 99, regularPrice: 199, goods: '月卡' }, null)).toBe(10_000)
    // 123.45 元 at 9 折 is 111.105 元 to pay, rounded to 111.11: the saving is 12.34.
    expect(savingFen({ kind: 'card', payPercent: 90 }, 12_345)).toBe(1234)
  })
  it('when a voucher names no goods, or an offer is inconsistent, then each field says why', () => {
    expect(fieldErrors(OfferTerms.safeParse({ kind: 'voucher', face: 20 }).error!)).toEqual({
      goods: '代金券须写明适用的商品或服务（不得兑换现金或购物卡）',
    })
    expect(fieldErrors(OfferTerms.safeParse({ kind: 'threshold', threshold: 50, off: 60 }).error!)).toEqual({
      off: '减免金额须大于 0 且小于门槛',
    })
    const offer = {
      merchantId: '00000000-0000-4000-8000-000000000001',
      title: '测试',
      terms: { kind: 'discount', payPercent: 90 },
      startsOn: '2026-12-10',
      endsOn: '2026-12-01',
      stock: 10,
      perMemberLimit: 1,
      perMemberDailyLimit: 2,
      validDays: 7,
      audience: 'orgs',
    }
    expect(fieldErrors(OfferInput.safeParse(offer).error!)).toEqual({
      endsOn: '结束日期不能早于开始日期',
      perMemberDailyLimit: '每天限领不能多于每人限领',
      audienceOrgIds: '请选择可以领取的工会',
    })
  })
  it('when a credit code is checked, then by its check character', () => {
    expect(isValidCreditCode('91320723MA1P2Q3R47')).toBe(true)
    expect(isValidCreditCode('91320723MA1P2Q3R4X')).toBe(false)
  })
})
