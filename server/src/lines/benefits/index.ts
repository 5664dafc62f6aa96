import { and, eq, inArray, lte, sql } from 'drizzle-orm'
import { merchantWorkflow } from '@contract/lines/benefits'
import { pages } from '@contract/pages'
import { chinaDate } from '@contract/rules/working-days'
import { defineJob } from '../../core/jobs'
import { defineServiceLine } from '../../core/service-line'
import { transition } from '../../core/workflow'
import { CASHIER_ROLE } from './benefits.desk'
import { benefitsPersonalData } from './benefits.personal-data'
import { benefitsDeskRoutes, benefitsMemberRoutes } from './benefits.routes'
import { seedBenefitsDemo } from './benefits.seed'
import { STAFF_ROLE } from './benefits.staff'
import { benefitsCoupons, benefitsMerchants } from './benefits.tables'
import { benefitsWorkbenchRoutes } from './benefits.workbench.routes'

/** A signed merchant goes live on its contract's first day, without anyone having to remember. */
const activateSignedMerchants = defineJob({
  name: 'benefits.activate_signed',
  everyMs: 15 * 60_000,
  async run(context) {
    const due = await context.db
      .select({ id: benefitsMerchants.id })
      .from(benefitsMerchants)
      .where(and(eq(benefitsMerchants.status, 'signed'), lte(benefitsMerchants.contractStartsOn, chinaDate(context.now))))
    for (const row of due) {
      await transition(context, {
        workflow: merchantWorkflow,
        table: benefitsMerchants,
        record: { id: row.id, status: 'signed' },
        action: 'activate',
        actor: { id: null, role: 'system' },
        note: '协议开始，自动上线',
      }).catch(() => undefined)
    }
  },
})

/** 会员服务卡·商户优惠: partner merchants near the member, offers claimed and redeemed at the shop, settlement. */
export const benefitsLine = defineServiceLine({
  key: 'benefits',
  routes: [benefitsMemberRoutes, benefitsDeskRoutes, benefitsWorkbenchRoutes],
  staffRoles: [
    {
      role: STAFF_ROLE,
      label: '会员优惠工作人员',
      orgKinds: ['city'],
      description: '审核签约加盟商户，上架优惠和活动，结算工会代金券，查看异常核销',
    },
    {
      role: CASHIER_ROLE,
      label: '商户收银员',
      orgKinds: ['city'],
      description: '在本商户扫码核销会员优惠券和会员卡折扣',
      scope: {
        label: '商户',
        invitedBy: [STAFF_ROLE],
        async find(context, id) {
          if (!/^[0-9a-f-]{36}$/.test(id)) return null
          const [row] = await context.db
            .select({ name: benefitsMerchants.name })
            .from(benefitsMerchants)
            .where(and(eq(benefitsMerchants.id, id), inArray(benefitsMerchants.status, ['signed', 'active', 'suspended'])))
          return row ? { name: row.name, orgId: 'lyg' } : null
        },
      },
    },
  ],
  catalogue: [
    {
      // Taken over from the membership line, which keeps the card itself and links here.
      key: 'benefits',
      name: '会员卡·优惠',
      summary: '合作商户优惠，领券到店核销',
      glyph: '惠',
      color: '#be123c',
      entryPath: pages.benefits.merchants.path,
      myPath: pages.benefits.coupons.path,
      myLabel: '我的卡券',
    },
  ],
  workbench: [
    {
      key: 'benefits-merchants',
      label: '加盟商户',
      description: '审核、签约、暂停或清退商户，邀请收银员',
      path: pages.benefits.staffMerchants.path,
      roles: [STAFF_ROLE, 'city_admin'],
      async counts(context) {
        const [row] = await context.db
          .select({ waiting: sql<number>`count(*)::int` })
          .from(benefitsMerchants)
          .where(inArray(benefitsMerchants.status, ['applied', 'approved']))
        return { waiting: Number(row?.waiting ?? 0) }
      },
    },
    {
      key: 'benefits-offers',
      label: '优惠与活动',
      description: '上架、暂停优惠，补充库存，安排营销活动',
      path: pages.benefits.staffOffers.path,
      roles: [STAFF_ROLE],
    },
    {
      key: 'benefits-settlement',
      label: '代金券结算',
      description: '按月结算工会出资的代金券，导出 Excel',
      path: pages.benefits.staffSettlement.path,
      roles: [STAFF_ROLE, 'city_admin'],
    },
    {
      key: 'benefits-stats',
      label: '优惠数据看板',
      description: '发卡、签约商户、活动和核销对照规划；异常核销',
      path: pages.benefits.staffStats.path,
      roles: [STAFF_ROLE, 'city_admin'],
    },
    {
      key: 'benefits-desk',
      label: '商户收银台',
      description: '扫码核销会员优惠券和会员卡折扣',
      path: pages.benefits.desk.path,
      roles: [CASHIER_ROLE],
    },
  ],
  mine: {
    label: '我的卡券',
    path: pages.benefits.coupons.path,
    async status(context) {
      const [row] = await context.db
        .select({ n: sql<number>`count(*)::int` })
        .from(benefitsCoupons)
        .where(
          and(
            eq(benefitsCoupons.userId, context.user.id),
            eq(benefitsCoupons.status, 'active'),
            sql`${benefitsCoupons.expiresAt} > ${context.now}`,
          ),
        )
      const count = Number(row?.n ?? 0)
      return count > 0 ? `${count} 张可用` : null
    },
  },
  personalData: benefitsPersonalData,
  jobs: [activateSignedMerchants],
  demoPersonas: [
    {
      openid: 'demo-benefits',
      nickname: '钱芳',
      description: '市总工会困难职工帮扶中心：审核加盟商户、上架优惠、结算代金券',
      roles: [{ role: STAFF_ROLE, orgId: 'lyg' }],
    },
    { openid: 'demo-merchant', nickname: '陈老板', description: '海州老街面馆店主：在商户收银台扫码核销', roles: [] },
    { openid: 'demo-cashier', nickname: '小周', description: '海州老街面馆收银员：扫码核销、查看今日核销', roles: [] },
  ],
  seedDemo: seedBenefitsDemo,
})
