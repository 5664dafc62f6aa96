import { and, eq, inArray, sql } from 'drizzle-orm'
import {
  campaignAidTypes,
  hardshipFileWorkflow,
  toFen,
  toYuan,
  type AnnualReviewBody,
  type Campaign,
  type CampaignInput,
  type CampaignList,
  type FileQueueTab,
  type FileStatus,
  type StaffFileDetail,
  type StaffFileList,
  type StaffFileQuery,
  type StaffFileSummary,
  type Tier,
} from '@contract/lines/hardship'
import { scopeCondition, staffAccessTo, staffScope, type StaffAccess } from '../../core/access'
import { recordAudit } from '../../core/audit'
import { dueBy, isOverdue } from '../../core/calendar'
import type { ServiceContext, SystemContext } from '../../core/context'
import { keyset } from '../../core/paging'
import { listTimeline } from '../../core/timeline'
import { transition } from '../../core/workflow'
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors'
import { holdTransactionLock } from '../../db/client'
import { orgs } from '../../platform/orgs/orgs.tables'
import { centreAccess, grassrootsAccess } from './hardship.access'
import { applicationsOfFile, isOwnHousehold, openHousehold, openFen, sealFen } from './hardship.household'
import { approvedItemsOfFile, campaignsAll, findFile, userName } from './hardship.repository'
import { hardshipAnnualReviews, hardshipCampaigns, hardshipFiles } from './hardship.tables'
import { FILE_SUBJECT, fileLabel, fileNumber, ledgerOf, toFileRef, toMemberView, type ApplicationRow, type FileRow } from './hardship.views'
import { toCampaign, todayOf, yearOf } from './hardship.worker'

/** The household file (困难职工档案): archived by an approval, reviewed every year, and the centre's campaigns. */

const FILE_NOT_FOUND = '没有找到这份档案'

/** The same day a year on (29 February becomes 28 February). */
export function yearAfter(date: string): string {
  const year = Number(date.slice(0, 4)) + 1
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5)
  return `${year}-${monthDay}`
}

/**
 * An approval archives the household's file (建档) or updates it: the tier, the causes, the family
 * as approved, the union that holds it. A family that had been lifted out of hardship or closed is
 * taken on again and labelled 返困 for the year.
 */
export async function recordApprovalOnFile(context: SystemContext, application: ApplicationRow, tier: Tier): Promise<void> {
  const found = await findFile(context.db, application.fileId)
  if (!found) throw new Error('application without a file')
  const file = found.row
  const today = todayOf(context)
  const changes = {
    tier,
    mainCause: application.mainCause,
    secondaryCause: application.secondaryCause,
    membersEnc: application.householdEnc,
    perCapitaIncomeEnc: application.perCapitaIncomeEnc,
    orgId: application.orgId,
    orgPath: application.orgPath,
    headName: application.applicantName,
  }
  const actor = { id: null, role: 'system' }
  const note = `依据${application.aidTypes.length > 0 ? '帮扶申请' : ''}批准`
  if (file.status === 'pending') {
    await transition(context, {
      workflow: hardshipFileWorkflow,
      table: hardshipFiles,
      record: file,
      action: 'archive',
      actor,
      note,
      changes: { ...changes, archivedOn: today, nextReviewOn: yearAfter(today) },
    })
  } else if (file.status === 'lifted' || file.status === 'closed') {
    await transition(context, {
      workflow: hardshipFileWorkflow,
      table: hardshipFiles,
      record: file,
      action: 'reopen',
      actor,
      note,
      changes: {
        ...changes,
        fellBackOn: today,
        nextReviewOn: yearAfter(today),
        reviewBy: null,
        liftedAt: null,
        closedAt: null,
        closeReason: null,
      },
    })
  } else {
    await transition(context, {
      workflow: hardshipFileWorkflow,
      table: hardshipFiles,
      record: file,
      action: 'update',
      actor,
      note,
      changes,
    })
  }
}

// ── Staff: the files ─────────────────────────────────────────────────────────────────────────

function fileQueueScope(context: ServiceContext) {
  const grassroots = staffScope(context.user, grassrootsAccess.act, 'subtree')
  const wide = staffScope(context.user, [...centreAccess.act, ...(centreAccess.oversee ?? [])], 'city')
  if (wide.kind !== 'none') return { kind: 'all' as const }
  if (grassroots.kind === 'none') throw forbidden()
  return grassroots
}

const FILE_TABS: Record<Exclude<FileQueueTab, 'all'>, FileStatus[]> = {
  review_due: ['review_due'],
  active: ['active'],
  lifted: ['lifted'],
  closed: ['closed'],
}

function toFileSummary(row: FileRow, orgName: string, now: Date): StaffFileSummary {
  return {
    id: row.id,
    fileNo: fileNumber(row),
    status: row.status,
    tier: row.tier,
    label: fileLabel(row, now),
    mainCause: row.mainCause,
    secondaryCause: row.secondaryCause,
    orgName,
    archivedOn: row.archivedOn,
    nextReviewOn: row.nextReviewOn,
    headName: row.headName,
    reviewBy: row.status === 'review_due' ? row.reviewBy : null,
    overdue: row.status === 'review_due' && isOverdue(row.reviewBy, now),
  }
}

export async function listFiles(context: ServiceContext, query: StaffFileQuery): Promise<StaffFileList> {
  const scope = fileQueueScope(context)
  const base = and(
    scopeCondition(scope, hardshipFiles.orgPath),
    sql`${hardshipFiles.status} <> 'pending'`,
    query.tier ? eq(hardshipFiles.tier, query.tier) : undefined,
  )
  const tab = query.tab ?? 'review_due'
  const page = keyset(
    [
      { expr: sql`coalesce(${hardshipFiles.reviewBy}::text, ${hardshipFiles.nextReviewOn}::text, '9999-12-31')`, type: 'text' },
      { expr: sql`${hardshipFiles.seq}`, type: 'int' },
    ],
    query,
  )
  const rows = await context.db
    .select({ row: hardshipFiles, orgName: orgs.name, cursorKey: page.cursorKey })
    .from(hardshipFiles)
    .innerJoin(orgs, eq(orgs.id, hardshipFiles.orgId))
    .where(and(base, tab === 'all' ? undefined : inArray(hardshipFiles.status, FILE_TABS[tab]), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  const perStatus = await context.db
    .select({ status: hardshipFiles.status, value: sql<number>`count(*)::int` })
    .from(hardshipFiles)
    .where(base)
    .groupBy(hardshipFiles.status)
  const of = (status: FileStatus) => Number(perStatus.find((row) => row.status === status)?.value ?? 0)
  return {
    ...page.page(rows, (found) => toFileSummary(found.row, found.orgName, context.now)),
    counts: {
      review_due: of('review_due'),
      active: of('active'),
      lifted: of('lifted'),
      closed: of('closed'),
      all: perStatus.reduce((sum, row) => sum + Number(row.value), 0),
    },
  }
}

/** The applicant whose application last shaped the file (the own-record rule is theirs). */
async function headApplicantOf(context: SystemContext, fileId: string): Promise<string> {
  const applications = await applicationsOfFile(context.db, fileId)
  return applications.at(-1)?.applicantId ?? '00000000-0000-0000-0000-000000000000'
}

async function fileAccess(context: ServiceContext, row: FileRow, need: StaffAccess): Promise<StaffAccess> {
  const record = { applicantId: await headApplicantOf(context, row.id), orgPath: row.orgPath }
  if (need === 'act') {
    staffAccessTo(context.user, grassrootsAccess, record, 'act', FILE_NOT_FOUND)
    if (await isOwnHousehold(context, context.user.id, row.id)) throw forbidden('不能复核自己家庭的档案，请由其他工作人员办理')
    return 'act'
  }
  return staffAccessTo(context.user, grassrootsAccess, record, 'read', FILE_NOT_FOUND)
}

export async function getFileForStaff(context: ServiceContext, id: string): Promise<StaffFileDetail> {
  const found = await findFile(context.db, id)
  if (!found || found.row.status === 'pending') throw notFound(FILE_NOT_FOUND)
  const { row, orgName } = found
  const access = await fileAccess(context, row, 'read')
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: 'hardship.file.view',
    subjectType: FILE_SUBJECT,
    subjectId: row.id,
    detail: { access },
  })
  const handles = access === 'act' || staffScope(context.user, centreAccess.act, 'city').kind !== 'none'
  const own = await isOwnHousehold(context, context.user.id, row.id)
  const canReview = access === 'act' && row.status === 'review_due' && !own
  const year = yearOf(context)
  const members = row.membersEnc ? openHousehold(context.cipher, row.membersEnc).members : []
  const reviews = await context.db
    .select()
    .from(hardshipAnnualReviews)
    .where(eq(hardshipAnnualReviews.fileId, row.id))
    .orderBy(hardshipAnnualReviews.createdAt)
  const perCapita = openFen(context.cipher, row.perCapitaIncomeEnc)
  return {
    ...toFileSummary(row, orgName, context.now),
    year,
    perCapitaIncome: handles && perCapita !== null ? toYuan(perCapita) : null,
    members: members.map((member) => toMemberView(member, context.now, handles)),
    ledger: ledgerOf(await approvedItemsOfFile(context.db, row.id), year),
    applications: (await applicationsOfFile(context.db, row.id)).map(toFileRef),
    reviews: await Promise.all(
      reviews.map(async (review) => {
        const income = openFen(context.cipher, review.perCapitaIncomeEnc)
        return {
          id: review.id,
          reviewedAt: review.createdAt.toISOString(),
          reviewerName: (await userName(context.db, review.reviewerId)) ?? '工作人员',
          outcome: review.outcome,
          perCapitaIncome: handles && income !== null ? toYuan(income) : null,
          circumstances: handles ? context.cipher.decrypt(review.circumstancesEnc) : null,
          tierBefore: review.tierBefore,
          tierAfter: review.tierAfter,
          closeReason: review.closeReason,
        }
      }),
    ),
    timeline: await listTimeline(context.db, context.roles, FILE_SUBJECT, row.id, 'staff'),
    canReview,
    actNote:
      row.status !== 'review_due'
        ? null
        : own
          ? '不能复核自己家庭的档案，请由其他工作人员办理'
          : access !== 'act'
            ? '年度复核由档案所在工会办理'
            : null,
    dibaoMonthly: context.config.hardship.dibaoMonthly,
    liftMonths: context.config.hardship.liftMonths,
  }
}

/**
 * 年度复核: the household as it is now ends in keep (the tier may change), 脱困 (per-capita income
 * above 低保 for the months the setting asks, running) or closed.
 */
export async function annualReview(context: ServiceContext, id: string, input: AnnualReviewBody): Promise<StaffFileDetail> {
  const found = await findFile(context.db, id, true)
  if (!found || found.row.status === 'pending') throw notFound(FILE_NOT_FOUND)
  const { row } = found
  await fileAccess(context, row, 'act')
  const settings = context.config.hardship
  const actor = { id: context.user.id, role: 'union_staff' }
  const perCapita = input.outcome === 'close' ? null : Math.round(toFen(input.householdIncome) / input.householdSize)
  let tierAfter: Tier | null = row.tier
  let tierReason: string | null = null
  if (input.outcome === 'keep') {
    if (input.tier !== row.tier && !input.tierReason) throw validationFailed({ tierReason: '调整困难类型请说明理由' })
    tierAfter = input.tier
    tierReason = input.tier !== row.tier ? (input.tierReason ?? null) : null
    await transition(context, {
      workflow: hardshipFileWorkflow,
      table: hardshipFiles,
      record: row,
      action: 'keep',
      actor,
      note: tierReason,
      changes: {
        tier: input.tier,
        perCapitaIncomeEnc: sealFen(context.cipher, perCapita!),
        nextReviewOn: yearAfter(todayOf(context)),
        reviewBy: null,
      },
    })
  } else if (input.outcome === 'lift') {
    const fields: Record<string, string> = {}
    if (perCapita! <= toFen(settings.dibaoMonthly))
      fields.householdIncome = `人均月收入 ${toYuan(perCapita!)} 元，未高于低保 ${settings.dibaoMonthly} 元，不能脱困`
    if (input.monthsAboveDibao < settings.liftMonths) fields.monthsAboveDibao = `连续 ${settings.liftMonths} 个月高于低保才能脱困`
    if (Object.keys(fields).length > 0) throw validationFailed(fields)
    await transition(context, {
      workflow: hardshipFileWorkflow,
      table: hardshipFiles,
      record: row,
      action: 'lift',
      actor,
      changes: { perCapitaIncomeEnc: sealFen(context.cipher, perCapita!), liftedAt: context.now, reviewBy: null, nextReviewOn: null },
    })
  } else {
    await transition(context, {
      workflow: hardshipFileWorkflow,
      table: hardshipFiles,
      record: row,
      action: 'close',
      actor,
      changes: { closedAt: context.now, closeReason: input.closeReason, reviewBy: null, nextReviewOn: null },
    })
  }
  await context.db.insert(hardshipAnnualReviews).values({
    fileId: row.id,
    reviewerId: context.user.id,
    outcome: input.outcome,
    perCapitaIncomeEnc: perCapita === null ? null : sealFen(context.cipher, perCapita),
    circumstancesEnc: context.cipher.encrypt(input.circumstances),
    tierBefore: row.tier,
    tierAfter: input.outcome === 'keep' ? tierAfter : row.tier,
    tierReason,
    monthsAboveDibao: input.outcome === 'lift' ? input.monthsAboveDibao : null,
    closeReason: input.outcome === 'close' ? input.closeReason : null,
  })
  return getFileForStaff(context, id)
}

/**
 * The yearly review job's work: every file whose review date has come goes to its union's queue,
 * with a deadline. One conditional UPDATE per file (through the workflow), so two instances never
 * schedule one file twice.
 */
export async function scheduleDueReviews(context: SystemContext): Promise<number> {
  const today = todayOf(context)
  const due = await context.db
    .select({ id: hardshipFiles.id, status: hardshipFiles.status })
    .from(hardshipFiles)
    .where(and(eq(hardshipFiles.status, 'active'), sql`${hardshipFiles.nextReviewOn} <= ${today}`))
  let scheduled = 0
  for (const file of due) {
    try {
      await transition(context, {
        workflow: hardshipFileWorkflow,
        table: hardshipFiles,
        record: file,
        action: 'schedule_review',
        actor: { id: null, role: 'system' },
        changes: { reviewBy: dueBy(context.calendar, context.now, context.config.hardship.annualReviewDays) },
      })
      scheduled++
    } catch (error) {
      // Another instance scheduled it a moment ago.
      if (!(error instanceof AppError && error.code === 'WRONG_STATUS')) throw error
    }
  }
  return scheduled
}

// ── Campaigns ────────────────────────────────────────────────────────────────────────────────

function requireCentre(context: ServiceContext): void {
  if (staffScope(context.user, centreAccess.act, 'city').kind === 'none') throw forbidden('活动由市困难职工帮扶中心管理')
}

export async function listCampaigns(context: ServiceContext): Promise<CampaignList> {
  if (staffScope(context.user, [...centreAccess.act, ...(centreAccess.oversee ?? []), ...grassrootsAccess.act], 'city').kind === 'none') {
    throw forbidden()
  }
  const today = todayOf(context)
  return { campaigns: (await campaignsAll(context.db)).map((row) => toCampaign(row, today)) }
}

export async function createCampaign(context: ServiceContext, input: CampaignInput): Promise<Campaign> {
  requireCentre(context)
  const [row] = await context.db
    .insert(hardshipCampaigns)
    .values({
      kind: input.kind,
      name: input.name,
      aidTypes: [...campaignAidTypes[input.kind]],
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      budgetFen: toFen(input.budget),
      quota: input.quota,
      createdBy: context.user.id,
    })
    .returning()
  return toCampaign(row!, todayOf(context))
}

/** Opens a campaign (one of each kind at a time) or closes it. */
export async function setCampaignStatus(context: ServiceContext, id: string, status: 'open' | 'closed'): Promise<Campaign> {
  requireCentre(context)
  const [current] = await context.db.select().from(hardshipCampaigns).where(eq(hardshipCampaigns.id, id))
  if (!current) throw notFound('没有找到这个活动')
  if (status === 'open' && current.status !== 'draft') throw new AppError(409, 'WRONG_STATUS', '只有未开始的活动可以开启')
  if (status === 'closed' && current.status !== 'open') throw new AppError(409, 'WRONG_STATUS', '活动没有在进行中')
  if (status === 'open') {
    // One of a kind at a time: two people opening two drafts of a kind at once take turns here, so
    // the second is told which one runs (without the lock both pass the check, and the second
    // trips the one-open-per-kind index: a 500).
    await holdTransactionLock(context.db, `hardship-campaign-open:${current.kind}`)
    const [other] = await context.db
      .select({ name: hardshipCampaigns.name })
      .from(hardshipCampaigns)
      .where(and(eq(hardshipCampaigns.kind, current.kind), eq(hardshipCampaigns.status, 'open')))
    if (other) throw new AppError(409, 'WRONG_STATUS', `“${other.name}”正在进行，请先结束它`)
  }
  const [row] = await context.db
    .update(hardshipCampaigns)
    .set({ status, updatedAt: context.now })
    .where(and(eq(hardshipCampaigns.id, id), eq(hardshipCampaigns.status, current.status)))
    .returning()
  if (!row) throw new AppError(409, 'WRONG_STATUS', '活动刚刚有变化，请刷新后查看')
  return toCampaign(row, todayOf(context))
}
