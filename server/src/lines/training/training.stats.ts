import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import type { Dashboard } from '@contract/kit/stats'
import { COURSE_CATEGORIES, courseCategoryLabel, DISTRICTS, districtLabel, traineeTargetFor } from '@contract/lines/training'
import { requireLineAccess, scopeCondition } from '../../core/access'
import type { ServiceContext } from '../../core/context'
import { orgs } from '../../platform/orgs/orgs.tables'
import { courseAccess } from './training.access'
import { chinaYear } from './training.settings'
import { trainingAttendance, trainingCourses, trainingEnrollments, trainingSessions, trainingSubsidyClaims } from './training.tables'

/**
 * The training dashboard (the kit's Dashboard shape): trainees (人次) this year against the plan's
 * target, by category and district; courses full or under-filled; the attendance rate; subsidies
 * granted. City staff see the city (with the plan's target); a union's staff see their unions.
 */

const yearBounds = (year: number) => ({
  start: new Date(Date.UTC(year, 0, 1) - 8 * 3600_000),
  end: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000),
})

export async function trainingDashboard(context: ServiceContext): Promise<Dashboard> {
  const { db, now } = context
  const { scope } = requireLineAccess(context.user, courseAccess)
  const year = chinaYear(now)
  const { start, end } = yearBounds(year)
  const inScope = scopeCondition(scope, orgs.path)
  const thisYear = and(
    inArray(trainingCourses.status, ['published', 'closed']),
    gte(trainingCourses.firstSessionAt, start),
    lt(trainingCourses.firstSessionAt, end),
    inScope,
  )
  const seated = inArray(trainingEnrollments.status, ['enrolled', 'completed', 'not_completed'])

  const trainees = await db
    .select({
      category: trainingCourses.category,
      district: trainingCourses.district,
      mode: trainingCourses.mode,
      trainees: sql<number>`count(*)::int`,
      completed: sql<number>`count(*) filter (where ${trainingEnrollments.status} = 'completed')::int`,
    })
    .from(trainingEnrollments)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingEnrollments.courseId))
    .innerJoin(orgs, eq(orgs.id, trainingCourses.orgId))
    .where(and(thisYear, seated))
    .groupBy(trainingCourses.category, trainingCourses.district, trainingCourses.mode)
  const total = trainees.reduce((sum, row) => sum + Number(row.trainees), 0)
  const completed = trainees.reduce((sum, row) => sum + Number(row.completed), 0)

  const [courses] = await db
    .select({
      courses: sql<number>`count(*)::int`,
      full: sql<number>`count(*) filter (where ${trainingCourses.seatsTaken} >= ${trainingCourses.capacity})::int`,
      overHalf: sql<number>`count(*) filter (where ${trainingCourses.seatsTaken} < ${trainingCourses.capacity} and ${trainingCourses.seatsTaken} * 2 >= ${trainingCourses.capacity})::int`,
      underHalf: sql<number>`count(*) filter (where ${trainingCourses.seatsTaken} * 2 < ${trainingCourses.capacity})::int`,
    })
    .from(trainingCourses)
    .innerJoin(orgs, eq(orgs.id, trainingCourses.orgId))
    .where(thisYear)

  const [attendance] = await db
    .select({
      attended: sql<number>`count(*) filter (where ${trainingAttendance.status} in ('present', 'late'))::int`,
      recorded: sql<number>`count(*) filter (where ${trainingAttendance.status} <> 'excused')::int`,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .innerJoin(orgs, eq(orgs.id, trainingCourses.orgId))
    .where(and(thisYear, lt(trainingSessions.endsAt, now)))
  const recorded = Number(attendance?.recorded ?? 0)
  const rate = recorded === 0 ? 0 : Math.round((Number(attendance?.attended ?? 0) * 1000) / recorded) / 10

  const [subsidy] = await db
    .select({
      amount: sql<number>`coalesce(sum(${trainingSubsidyClaims.approvedAmountFen}), 0)::int`,
      claims: sql<number>`count(*)::int`,
    })
    .from(trainingSubsidyClaims)
    .innerJoin(orgs, eq(orgs.id, trainingSubsidyClaims.unitOrgId))
    .where(and(eq(trainingSubsidyClaims.quotaYear, year), inArray(trainingSubsidyClaims.status, ['approved', 'paid']), inScope))

  // The plan's targets are the whole city's: shown to those who see the whole tree (a grant at the
  // city federation, whose path has one segment), not to a union seeing its own part.
  const city =
    scope.kind === 'all' || (scope.kind === 'subtrees' && scope.orgPaths.some((path) => path.split('/').filter(Boolean).length === 1))
  const plan = traineeTargetFor(year)
  const sumBy = (key: (row: (typeof trainees)[number]) => string) => {
    const sums = new Map<string, number>()
    for (const row of trainees) sums.set(key(row), (sums.get(key(row)) ?? 0) + Number(row.trainees))
    return sums
  }
  const byCategory = sumBy((row) => row.category)
  const byDistrict = sumBy((row) => (row.mode === 'online' || !row.district ? 'online' : row.district))
  const largestFirst = (rows: Array<{ label: string; value: number }>) =>
    rows.filter((row) => row.value > 0).sort((a, b) => b.value - a.value)

  return {
    periodLabel: `${year} 年`,
    asOf: now.toISOString(),
    metrics: [
      {
        key: 'trainees',
        label: '培训人次',
        value: total,
        format: 'count',
        unit: '人次',
        ...(city ? { target: plan.target, targetLabel: plan.label } : {}),
        note: '本年开课的课程中报名成功的人次（含已结业）',
      },
      { key: 'completed', label: '结业人次', value: completed, format: 'count', unit: '人次' },
      { key: 'attendance', label: '出勤率', value: rate, format: 'percent', note: '已结束的课次中签到（含迟到）的比例' },
      { key: 'courses', label: '本年课程', value: Number(courses?.courses ?? 0), format: 'count', unit: '门' },
      { key: 'full', label: '满员课程', value: Number(courses?.full ?? 0), format: 'count', unit: '门' },
      { key: 'under_filled', label: '报名不足一半', value: Number(courses?.underHalf ?? 0), format: 'count', unit: '门' },
      {
        key: 'subsidy',
        label: '核定培训补贴',
        value: Number(subsidy?.amount ?? 0) / 100,
        format: 'yuan',
        note: `${Number(subsidy?.claims ?? 0)} 人次`,
      },
    ],
    breakdowns: [
      {
        key: 'by_category',
        label: '按类别（人次）',
        format: 'count',
        unit: '人次',
        rows: largestFirst(
          COURSE_CATEGORIES.map((category) => ({ label: courseCategoryLabel[category], value: byCategory.get(category) ?? 0 })),
        ),
      },
      {
        key: 'by_district',
        label: '按区县（人次）',
        format: 'count',
        unit: '人次',
        rows: largestFirst([
          ...DISTRICTS.map((district) => ({ label: districtLabel[district], value: byDistrict.get(district) ?? 0 })),
          { label: '线上', value: byDistrict.get('online') ?? 0 },
        ]),
      },
      {
        key: 'fill',
        label: '课程报名情况',
        format: 'count',
        unit: '门',
        rows: [
          { label: '已满员', value: Number(courses?.full ?? 0) },
          { label: '过半', value: Number(courses?.overHalf ?? 0) },
          { label: '不足一半', value: Number(courses?.underHalf ?? 0) },
        ],
      },
    ],
  }
}
