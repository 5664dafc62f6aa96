import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm'
import { pages } from '@contract/pages'
import { lineAccess, scopeCondition } from '../../core/access'
import { defineServiceLine } from '../../core/service-line'
import { orgs } from '../../platform/orgs/orgs.tables'
import { courseAccess } from './training.access'
import { trainingJobs } from './training.jobs'
import { trainingPersonalData } from './training.personal-data'
import { trainingPublicRoutes, trainingWorkerRoutes } from './training.routes'
import { seedTrainingDemo } from './training.seed'
import { openClaimsCount } from './training.subsidy'
import { trainingCourses, trainingEnrollments, trainingSessions } from './training.tables'
import { trainingWorkbenchRoutes } from './training.workbench.routes'

/**
 * 教育培训: a catalogue of courses, enrollment that never overbooks (with a waitlist), check-in at
 * the venue, certificates anyone can verify, and the city's training subsidy. City training staff
 * (劳动和经济工作部) run every course and decide subsidies; a union's staff run their own courses.
 */
export const trainingLine = defineServiceLine({
  key: 'training',
  routes: [trainingPublicRoutes, trainingWorkerRoutes, trainingWorkbenchRoutes],
  staffRoles: [
    {
      role: 'training_staff',
      label: '劳动和经济工作部工作人员',
      orgKinds: ['city'],
      description: '开设和管理全市培训课程、签到考勤，审核培训补贴，查看培训数据',
    },
  ],
  catalogue: [
    {
      key: 'training',
      name: '教育培训',
      summary: '技能培训与学历提升',
      glyph: '学',
      color: '#047857',
      entryPath: pages.training.home.path,
      myPath: pages.training.mine.path,
      myLabel: '我的课程',
    },
  ],
  workbench: [
    {
      key: 'training_courses',
      label: '培训课程',
      description: '开设课程、签到考勤、报名名单与导出',
      path: pages.training.staffCourses.path,
      roles: ['training_staff', 'union_staff', 'city_admin'],
      async counts(context) {
        // What needs staff today: sessions of their courses that run today and are still ahead or on.
        const found = lineAccess(context.user, courseAccess)
        if (!found) return { waiting: 0 }
        const endOfDay = new Date(Date.UTC(...chinaDay(context.now), 24) - 8 * 3600_000)
        const [row] = await context.db
          .select({ value: sql<number>`count(*)::int` })
          .from(trainingSessions)
          .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
          .innerJoin(orgs, eq(orgs.id, trainingCourses.orgId))
          .where(
            and(
              inArray(trainingCourses.status, ['published', 'closed']),
              gt(trainingSessions.endsAt, context.now),
              lte(trainingSessions.startsAt, endOfDay),
              scopeCondition(found.scope, orgs.path),
            ),
          )
        return { waiting: Number(row?.value ?? 0) }
      },
    },
    {
      key: 'training_claims',
      label: '培训补贴审核',
      description: '技术等级提升补贴、学历教育补贴的审核与拨付',
      path: pages.training.staffClaims.path,
      roles: ['training_staff', 'city_admin'],
      counts: async (context) => ({ waiting: await openClaimsCount(context.db) }),
    },
    {
      key: 'training_stats',
      label: '培训数据看板',
      description: '培训人次对照年度目标，按类别、区县，出勤与满员情况',
      path: pages.training.staffStats.path,
      roles: ['training_staff', 'union_staff', 'city_admin'],
    },
  ],
  mine: {
    label: '我的课程',
    path: pages.training.mine.path,
    async status(context) {
      const [row] = await context.db
        .select({
          ahead: sql<number>`count(*) filter (where ${trainingEnrollments.status} in ('enrolled', 'offered'))::int`,
          waiting: sql<number>`count(*) filter (where ${trainingEnrollments.status} = 'waitlisted')::int`,
        })
        .from(trainingEnrollments)
        .innerJoin(trainingCourses, eq(trainingCourses.id, trainingEnrollments.courseId))
        .where(and(eq(trainingEnrollments.userId, context.user.id), gt(trainingCourses.lastSessionEndsAt, context.now)))
      const ahead = Number(row?.ahead ?? 0)
      const waiting = Number(row?.waiting ?? 0)
      if (ahead === 0 && waiting === 0) return null
      return [ahead ? `${ahead} 门待上` : '', waiting ? `${waiting} 门候补` : ''].filter(Boolean).join('，')
    },
  },
  personalData: trainingPersonalData,
  jobs: trainingJobs,
  demoPersonas: [
    {
      openid: 'demo-training',
      nickname: '周婷',
      description: '市总工会劳动和经济工作部：开设课程、出示签到码、审核培训补贴',
      roles: [{ role: 'training_staff', orgId: 'lyg' }],
    },
    {
      openid: 'demo-training-union',
      nickname: '马骏',
      description: '连云港港口集团工会：管理本工会的培训课程',
      roles: [{ role: 'union_staff', orgId: 'lyg-lianyun-port' }],
    },
  ],
  seedDemo: seedTrainingDemo,
})

/** Year, month (0-based) and day of the date in China at this instant. */
function chinaDay(now: Date): [number, number, number] {
  const china = new Date(now.getTime() + 8 * 3600_000)
  return [china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate()]
}
