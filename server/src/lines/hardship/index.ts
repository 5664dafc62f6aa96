import { and, desc, eq, sql } from 'drizzle-orm'
import { campaignDetail, campaignKindLabel, hardshipWorkflow } from '@contract/lines/hardship'
import { pages } from '@contract/pages'
import { defineServiceLine } from '../../core/service-line'
import { CENTRE_ROLE } from './hardship.access'
import { reminderJob, yearlyReviewJob } from './hardship.jobs'
import { hardshipPersonalData } from './hardship.personal-data'
import { campaignsAll } from './hardship.repository'
import { hardshipWorkerRoutes } from './hardship.routes'
import { seedHardshipDemo } from './hardship.seed'
import { waitingCounts } from './hardship.staff'
import { hardshipApplications, hardshipFiles } from './hardship.tables'
import { hardshipWorkbenchRoutes } from './hardship.workbench.routes'
import { toCampaign, todayOf } from './hardship.worker'
import { scopeCondition, staffScope } from '../../core/access'
import { grassrootsAccess } from './hardship.access'

/** 困难帮扶: a member's household applies with proof; the grassroots union and the city centre review; the family's file is reviewed yearly. */
export const hardshipLine = defineServiceLine({
  key: 'hardship',
  routes: [hardshipWorkerRoutes, hardshipWorkbenchRoutes],
  staffRoles: [
    {
      role: CENTRE_ROLE,
      label: '市困难职工帮扶中心工作人员',
      orgKinds: ['city'],
      description: '市级审核困难帮扶申请、核定金额、登记发放，管理送温暖和金秋助学活动',
    },
  ],
  catalogue: [
    {
      key: 'hardship',
      name: '困难帮扶',
      summary: '生活、医疗、助学救助',
      glyph: '帮',
      color: '#b45309',
      entryPath: pages.hardship.home.path,
      myPath: pages.hardship.mine.path,
      myLabel: '我的困难帮扶',
    },
  ],
  async tileBadges(context) {
    const today = todayOf(context)
    const open = (await campaignsAll(context.db)).map((row) => toCampaign(row, today)).filter((campaign) => campaign.openNow)
    return open.map((campaign) => ({
      tileKey: 'hardship',
      text: campaignKindLabel[campaign.kind],
      detail: `${campaign.name}：${campaignDetail(campaign)}`,
      path: pages.hardship.home.path,
    }))
  },
  workbench: [
    {
      key: 'hardship',
      label: '困难帮扶审核',
      description: '基层初审、公示、市级审核和发放',
      path: pages.hardship.staffQueue.path,
      roles: ['union_staff', CENTRE_ROLE, 'city_admin'],
      counts: waitingCounts,
    },
    {
      key: 'hardship_files',
      label: '困难职工档案',
      description: '在档家庭和年度复核',
      path: pages.hardship.staffFiles.path,
      roles: ['union_staff', CENTRE_ROLE, 'city_admin'],
      async counts(context) {
        const grassroots = staffScope(context.user, grassrootsAccess.act, 'subtree')
        const wide = staffScope(context.user, [CENTRE_ROLE, 'city_admin'], 'city')
        const scope = wide.kind !== 'none' ? ({ kind: 'all' } as const) : grassroots.kind !== 'none' ? grassroots : undefined
        if (!scope) return { waiting: 0 }
        const [row] = await context.db
          .select({
            waiting: sql<number>`count(*)::int`,
            overdue: sql<number>`count(*) filter (where ${hardshipFiles.reviewBy} < ${todayOf(context)})::int`,
          })
          .from(hardshipFiles)
          .where(and(eq(hardshipFiles.status, 'review_due'), scopeCondition(scope, hardshipFiles.orgPath)))
        return { waiting: Number(row?.waiting ?? 0), overdue: Number(row?.overdue ?? 0) }
      },
    },
    {
      key: 'hardship_stats',
      label: '困难帮扶统计',
      description: '在档家庭、发放金额和解困脱困率',
      path: pages.hardship.stats.path,
      roles: ['union_staff', CENTRE_ROLE, 'city_admin'],
    },
    {
      key: 'hardship_campaigns',
      label: '送温暖·金秋助学',
      description: '开启和结束帮扶活动，查看名额和预算',
      path: pages.hardship.campaigns.path,
      roles: [CENTRE_ROLE],
    },
  ],
  mine: {
    label: '我的困难帮扶',
    path: pages.hardship.mine.path,
    async status(context) {
      const rows = await context.db
        .select({ status: hardshipApplications.status })
        .from(hardshipApplications)
        .where(eq(hardshipApplications.applicantId, context.user.id))
        .orderBy(desc(hardshipApplications.seq))
      const open = rows.filter((row) => hardshipWorkflow.statuses[row.status].open).length
      return open > 0 ? `${open} 件办理中` : null
    },
  },
  personalData: hardshipPersonalData,
  jobs: [yearlyReviewJob, reminderJob],
  demoPersonas: [
    {
      openid: 'demo-hardship-centre',
      nickname: '孙丽',
      description: '市困难职工帮扶中心：市级审核、核定金额、登记发放、管理金秋助学',
      roles: [{ role: CENTRE_ROLE, orgId: 'lyg' }],
    },
    {
      openid: 'demo-hardship-grassroots',
      nickname: '周强',
      description: '基层工会帮扶干部（海州区环境卫生管理处工会）：入户调查、初审、年度复核',
      roles: [{ role: 'union_staff', orgId: 'lyg-haizhou-sanitation' }],
    },
  ],
  seedDemo: seedHardshipDemo,
})
