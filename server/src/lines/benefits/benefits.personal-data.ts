import { and, eq, inArray, sql } from 'drizzle-orm'
import { describeTerms, merchantWorkflow } from '@contract/lines/benefits'
import { maskPhone } from '@contract/rules/mask'
import type { PersonalDataHooks } from '../../core/service-line'
import { appendTimelineEvent } from '../../core/timeline'
import { forgetUploads } from '../../platform/uploads/uploads.service'
import { benefitsCoupons, benefitsMerchants, benefitsOffers, benefitsRedemptions } from './benefits.tables'
import { MERCHANT_SUBJECT } from './benefits.views'

/**
 * What the benefits line holds about a person: their coupons and what they redeemed (where, when,
 * how much), where they were when they showed a code, and a merchant application's contact.
 * Deleting the account deletes unused coupons and locations; redemptions stay anonymous because
 * merchants are settled on them; an application loses its contact and, if undecided, is closed.
 */
export const benefitsPersonalData: PersonalDataHooks = {
  async describe(context) {
    const { db, user, cipher } = context
    const coupons = await db
      .select({ coupon: benefitsCoupons, offer: benefitsOffers })
      .from(benefitsCoupons)
      .innerJoin(benefitsOffers, eq(benefitsOffers.id, benefitsCoupons.offerId))
      .where(eq(benefitsCoupons.userId, user.id))
    const [redeemed] = await db
      .select({ count: sql<number>`count(*)::int`, saved: sql<number>`coalesce(sum(${benefitsRedemptions.savedFen}), 0)::int` })
      .from(benefitsRedemptions)
      .where(and(eq(benefitsRedemptions.userId, user.id), eq(benefitsRedemptions.status, 'done')))
    const applications = await db.select().from(benefitsMerchants).where(eq(benefitsMerchants.applicantId, user.id))
    if (coupons.length === 0 && applications.length === 0 && Number(redeemed?.count ?? 0) === 0) return null
    return {
      line: 'benefits',
      title: '会员卡·优惠',
      records: [
        ...coupons.map(({ coupon, offer }) => ({
          title: `优惠券：${offer.title}`,
          facts: [
            { label: '优惠', value: describeTerms(offer.terms) },
            { label: '状态', value: coupon.status === 'redeemed' ? '已使用' : '未使用' },
            { label: '领取时间', value: coupon.claimedAt.toISOString() },
            ...(coupon.shownLat !== null
              ? [{ label: '出示券码时的位置', value: `${coupon.shownLat.toFixed(3)}, ${coupon.shownLng?.toFixed(3)}` }]
              : []),
          ],
        })),
        {
          title: '核销记录',
          facts: [
            { label: '核销次数', value: String(Number(redeemed?.count ?? 0)) },
            { label: '共节省', value: `${(Number(redeemed?.saved ?? 0) / 100).toFixed(2)} 元` },
          ],
        },
        ...applications.map((row) => ({
          title: `加盟申请：${row.name}`,
          facts: [
            { label: '状态', value: merchantWorkflow.statusLabel[row.status] },
            { label: '联系人', value: row.contactName },
            { label: '联系电话', value: maskPhone(cipher.decrypt(row.contactPhoneEnc)) },
          ],
        })),
      ],
      onDelete:
        '未使用的优惠券和出示券码时的位置将被删除；已核销的记录匿名保留用于商户结算；加盟申请中的联系人信息将被删除，未审核的申请将关闭。',
    }
  },

  async erase(context) {
    const { db, user, cipher, now } = context
    // Redemptions stay for the merchants' settlement, with the member gone from them; the coupons go.
    const anonymised = await db
      .update(benefitsRedemptions)
      .set({ userId: null, memberMasked: '已注销用户', couponId: null })
      .where(eq(benefitsRedemptions.userId, user.id))
      .returning({ id: benefitsRedemptions.id })
    const coupons = await db.select({ id: benefitsCoupons.id }).from(benefitsCoupons).where(eq(benefitsCoupons.userId, user.id))
    if (coupons.length) {
      await db
        .update(benefitsRedemptions)
        .set({ couponId: null })
        .where(
          inArray(
            benefitsRedemptions.couponId,
            coupons.map((row) => row.id),
          ),
        )
    }
    const removed = await db
      .delete(benefitsCoupons)
      .where(eq(benefitsCoupons.userId, user.id))
      .returning({ status: benefitsCoupons.status })
    const unused = removed.filter((row) => row.status === 'active')
    const applications = await db.select().from(benefitsMerchants).where(eq(benefitsMerchants.applicantId, user.id))
    const ids = applications.map((row) => row.id)
    const storageKeys = ids.length
      ? [
          ...(await forgetUploads(db, { attachedTo: { subjectType: `${MERCHANT_SUBJECT}_licence`, subjectIds: ids } })),
          ...(await forgetUploads(db, { attachedTo: { subjectType: `${MERCHANT_SUBJECT}_photo`, subjectIds: ids } })),
        ]
      : []
    for (const row of applications) {
      const undecided = row.status === 'applied' || row.status === 'approved'
      await db
        .update(benefitsMerchants)
        .set({
          applicantId: null,
          contactName: '（已删除）',
          contactPhoneEnc: cipher.encrypt(''),
          ...(undecided ? { status: 'rejected' as const, decisionReason: '申请人已注销账号' } : {}),
          updatedAt: now,
        })
        .where(eq(benefitsMerchants.id, row.id))
      if (undecided) {
        await appendTimelineEvent(db, {
          subjectType: MERCHANT_SUBJECT,
          subjectId: row.id,
          actorId: null,
          actorRole: 'system',
          fromStatus: row.status,
          toStatus: 'rejected',
          action: 'close',
          note: '申请人注销账号，申请关闭',
        })
      }
    }
    if (unused.length === 0 && anonymised.length === 0 && applications.length === 0) return { outcome: null, storageKeys }
    return {
      outcome: `会员卡·优惠：删除未使用的优惠券 ${unused.length} 张，匿名化核销记录 ${anonymised.length} 条${applications.length ? `，加盟申请 ${applications.length} 份的联系人信息已删除` : ''}`,
      storageKeys,
    }
  },
}
