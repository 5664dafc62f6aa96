import { and, eq, sql } from 'drizzle-orm'
import {
  aidTypeLabel,
  applicationStatusLabel,
  fileLabelText,
  tierLabel,
  toYuan,
  type AidType,
  type ApplicationStatus,
  type Tier,
} from '@contract/lines/hardship'
import type { Dashboard } from '@contract/kit/stats'
import { scopeCondition, staffScope } from '../../core/access'
import { chinaDate } from '../../core/calendar'
import type { ServiceContext } from '../../core/context'
import { forbidden } from '../../lib/errors'
import { centreAccess, grassrootsAccess } from './hardship.access'
import { hardshipApplications, hardshipFiles, hardshipPayments } from './hardship.tables'
import { fileLabel } from './hardship.views'
import { yearOf } from './hardship.worker'

/** The plan: at least 20 % of the families on file 解困脱困 every year. */
export const LIFT_TARGET_PERCENT = 20

/**
 * The staff dashboard, in the kit's one shape: files by tier and label, applications by status and
 * type, money paid by type this year, and the year's 解困脱困率 against the plan. Grassroots staff
 * see their subtree; the centre and the city admin the whole city.
 */
export async function hardshipStats(context: ServiceContext): Promise<Dashboard> {
  const wide = staffScope(context.user, [...centreAccess.act, ...(centreAccess.oversee ?? [])], 'city')
  const grassroots = staffScope(context.user, grassrootsAccess.act, 'subtree')
  if (wide.kind === 'none' && grassroots.kind === 'none') throw forbidden()
  const scope = wide.kind !== 'none' ? ({ kind: 'all' } as const) : (grassroots as Exclude<typeof grassroots, { kind: 'none' }>)
  const year = yearOf(context)
  const yearStart = `${year}-01-01`
  const files = await context.db
    .select()
    .from(hardshipFiles)
    .where(and(scopeCondition(scope, hardshipFiles.orgPath), sql`${hardshipFiles.status} <> 'pending'`))
  const onFile = files.filter((file) => file.status === 'active' || file.status === 'review_due')
  const liftedThisYear = files.filter(
    (file) => file.status === 'lifted' && file.liftedAt && Number(chinaDate(file.liftedAt).slice(0, 4)) === year,
  ).length
  // The families the year worked with: those on file now and those lifted out during it.
  const base = onFile.length + liftedThisYear
  const rate = base === 0 ? 0 : Math.round((liftedThisYear / base) * 1000) / 10
  const byStatus = await context.db
    .select({ status: hardshipApplications.status, value: sql<number>`count(*)::int` })
    .from(hardshipApplications)
    .where(and(scopeCondition(scope, hardshipApplications.orgPath), sql`${hardshipApplications.createdAt} >= ${yearStart}::date`))
    .groupBy(hardshipApplications.status)
  const byType = await context.db
    .select({ type: sql<AidType>`jsonb_array_elements_text(${hardshipApplications.aidTypes})`, value: sql<number>`count(*)::int` })
    .from(hardshipApplications)
    .where(and(scopeCondition(scope, hardshipApplications.orgPath), sql`${hardshipApplications.createdAt} >= ${yearStart}::date`))
    .groupBy(sql`1`)
  const paid = await context.db
    .select({ type: hardshipPayments.type, fen: sql<number>`sum(${hardshipPayments.amountFen})::bigint` })
    .from(hardshipPayments)
    .innerJoin(hardshipApplications, eq(hardshipApplications.id, hardshipPayments.applicationId))
    .where(and(scopeCondition(scope, hardshipApplications.orgPath), sql`${hardshipPayments.paidOn} >= ${yearStart}`))
    .groupBy(hardshipPayments.type)
  const paidTotal = paid.reduce((sum, row) => sum + Number(row.fen), 0)
  const count = <K extends string>(keys: readonly K[], of: (key: K) => number, label: (key: K) => string) =>
    keys
      .map((key) => ({ label: label(key), value: of(key) }))
      .filter((row) => row.value > 0)
      .sort((a, b) => b.value - a.value)
  const tiers: Tier[] = ['deep', 'relative', 'accident']
  const labels = ['new', 'carried', 'relapsed'] as const
  return {
    periodLabel: `${year} 年`,
    asOf: context.now.toISOString(),
    metrics: [
      { key: 'files', label: '在档困难职工家庭', value: onFile.length, format: 'count', unit: '户' },
      {
        key: 'lift_rate',
        label: '解困脱困率',
        value: rate,
        format: 'percent',
        target: LIFT_TARGET_PERCENT,
        targetLabel: '规划每年目标',
        note: `今年脱困 ${liftedThisYear} 户（今年脱困户数 ÷（在档户数 + 今年脱困户数））`,
      },
      {
        key: 'applications',
        label: '今年帮扶申请',
        value: byStatus.reduce((sum, row) => sum + Number(row.value), 0),
        format: 'count',
        unit: '件',
      },
      { key: 'paid', label: '今年发放帮扶资金', value: toYuan(paidTotal), format: 'yuan' },
    ],
    breakdowns: [
      {
        key: 'files_by_tier',
        label: '在档家庭按困难类型',
        format: 'count',
        unit: '户',
        rows: count(
          tiers,
          (tier) => onFile.filter((file) => file.tier === tier).length,
          (tier) => tierLabel[tier],
        ),
      },
      {
        key: 'files_by_label',
        label: '在档家庭按类别',
        format: 'count',
        unit: '户',
        rows: count(
          labels,
          (label) => onFile.filter((file) => fileLabel(file, context.now) === label).length,
          (label) => fileLabelText[label],
        ),
      },
      {
        key: 'applications_by_status',
        label: '今年申请按状态',
        format: 'count',
        unit: '件',
        rows: count(
          byStatus.map((row) => row.status),
          (status: ApplicationStatus) => Number(byStatus.find((row) => row.status === status)?.value ?? 0),
          (status) => applicationStatusLabel[status],
        ),
      },
      {
        key: 'applications_by_type',
        label: '今年申请按帮扶类型',
        format: 'count',
        unit: '件',
        rows: count(
          byType.map((row) => row.type),
          (type: AidType) => Number(byType.find((row) => row.type === type)?.value ?? 0),
          (type) => aidTypeLabel[type],
        ),
      },
      {
        key: 'paid_by_type',
        label: '今年发放按帮扶类型',
        format: 'yuan',
        rows: count(
          paid.map((row) => row.type),
          (type: AidType) => toYuan(Number(paid.find((row) => row.type === type)?.fen ?? 0)),
          (type) => aidTypeLabel[type],
        ),
      },
    ],
  }
}
