import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import {
  capFor,
  hardshipWorkflow,
  isAwaitingDocuments,
  proofSlotLabel,
  proofSlotsFor,
  toFen,
  toYuan,
  type ApplicationQueueCounts,
  type ApplicationQueueTab,
  type ApplicationStatus,
  type DecisionBody,
  type FirstReviewBody,
  type ObjectionBody,
  type PaymentBody,
  type RequestDocumentsBody,
  type ResolveObjectionBody,
  type StaffApplicationDetail,
  type StaffApplicationList,
  type StaffApplicationQuery,
  type StaffApplicationSummary,
  type StaffStep,
  type Tier,
} from '@contract/lines/hardship'
import { maskPhone } from '@contract/rules/mask'
import { lineAccess, scopeCondition, staffAccessTo, staffScope, type StaffAccess, type StaffScope } from '../../core/access'
import { recordAudit } from '../../core/audit'
import { dueBy } from '../../core/calendar'
import type { ServiceContext } from '../../core/context'
import { keyset } from '../../core/paging'
import { revealSealed, revealsOf } from '../../core/reveal'
import { transition } from '../../core/workflow'
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors'
import type { AuthUser } from '../../platform/auth/auth.service'
import { orgs } from '../../platform/orgs/orgs.tables'
import { attachUploads, toAttachment, uploadsFor } from '../../platform/uploads/uploads.service'
import { centreAccess, grassrootsAccess } from './hardship.access'
import { applicationsOfFile, isOwnHousehold, openHousehold } from './hardship.household'
import { recordApprovalOnFile } from './hardship.files'
import { tellApplicant } from './hardship.notices'
import { capUsageOf, findApplication, objectionsOf, userName, visitOf, type ApplicationBundle } from './hardship.repository'
import {
  hardshipApplications,
  hardshipCampaigns,
  hardshipItems,
  hardshipObjections,
  hardshipPayments,
  hardshipVisits,
} from './hardship.tables'
import {
  ACCOUNT_REVEAL,
  APPLICATION_SUBJECT,
  applicationNumber,
  deadlineOf,
  nextStepFor,
  shortDate,
  toFileRef,
  VISIT_SUBJECT,
  refuseUnless,
  type ApplicationRow,
} from './hardship.views'
import { detailParts, todayOf, yearOf } from './hardship.worker'

/** The staff side of an application: the queues, the case, and each step up the union tree. */

const NOT_FOUND = '没有找到这份申请'

export interface CaseAccess {
  grassroots: StaffAccess | null
  centre: StaffAccess | null
}

function accessUnder(user: AuthUser, rule: typeof grassrootsAccess, row: ApplicationRow): StaffAccess | null {
  try {
    return staffAccessTo(user, rule, { applicantId: row.applicantId, orgPath: row.orgPath }, 'read')
  } catch {
    return null
  }
}

/** How the caller reaches this application under each of the two rules; 404 when under neither. */
export function caseAccessOf(user: AuthUser, row: ApplicationRow): CaseAccess {
  // Without any role of the line there is no workbench to see (403), as on every line's staff routes.
  if (!lineAccess(user, grassrootsAccess) && !lineAccess(user, centreAccess)) throw forbidden()
  const access = { grassroots: accessUnder(user, grassrootsAccess, row), centre: accessUnder(user, centreAccess, row) }
  if (!access.grassroots && !access.centre) throw notFound(NOT_FOUND)
  return access
}

/** Whose step a status is: the grassroots union's or the centre's. */
function ruleFor(status: ApplicationStatus) {
  return status === 'city_review' || status === 'approved' ? centreAccess : grassrootsAccess
}

/**
 * Loads a case for a step: the caller must act under the step's rule, not on their own
 * application nor their own household's; the city decision is never the first reviewer's.
 */
async function loadForStep(
  context: ServiceContext,
  id: string,
  rule: typeof grassrootsAccess,
  options: { lock?: boolean } = {},
): Promise<ApplicationBundle> {
  const bundle = await findApplication(context.db, id, options.lock)
  if (!bundle) throw notFound(NOT_FOUND)
  const access = caseAccessOf(context.user, bundle.row)
  // They can see the case (else 404 above); a step that is not theirs is a 403.
  if ((rule === centreAccess ? access.centre : access.grassroots) !== 'act') {
    throw forbidden(rule === centreAccess ? '这一步由市困难职工帮扶中心办理' : '这一步由申请人所在工会办理')
  }
  staffAccessTo(context.user, rule, { applicantId: bundle.row.applicantId, orgPath: bundle.row.orgPath }, 'act', NOT_FOUND)
  if (await isOwnHousehold(context, context.user.id, bundle.row.fileId)) throw forbidden(rule.ownRecordMessage)
  return bundle
}

function refuseFirstReviewer(context: ServiceContext, row: ApplicationRow): void {
  if (row.firstReviewerId === context.user.id) {
    throw forbidden('您做过这份申请的基层初审，市级审批需由帮扶中心其他工作人员办理')
  }
}

// ── The queue ────────────────────────────────────────────────────────────────────────────────

/** The part of the tree the caller's queue covers: the centre and oversight everything, grassroots staff their subtree. */
function queueScope(user: AuthUser): { scope: Exclude<StaffScope, { kind: 'none' }>; grassroots: boolean; centre: boolean } {
  const centre = staffScope(user, centreAccess.act, 'city').kind !== 'none'
  const grassrootsScope = staffScope(user, grassrootsAccess.act, 'subtree')
  const overseer = staffScope(user, [...(grassrootsAccess.oversee ?? []), ...(centreAccess.oversee ?? [])], 'city').kind !== 'none'
  if (centre || overseer) return { scope: { kind: 'all' }, grassroots: grassrootsScope.kind !== 'none', centre }
  if (grassrootsScope.kind === 'none') throw forbidden()
  return { scope: grassrootsScope, grassroots: true, centre: false }
}

const TAB_STATUSES: Record<Exclude<ApplicationQueueTab, 'waiting' | 'all'>, ApplicationStatus[]> = {
  first_review: ['first_review'],
  docs: ['first_review_docs', 'city_review_docs'],
  publicity: ['publicity'],
  city_review: ['city_review'],
  approved: ['approved'],
  paid: ['paid'],
  rejected: ['rejected'],
  withdrawn: ['withdrawn'],
}

function waitingStatuses(queue: { grassroots: boolean; centre: boolean }): ApplicationStatus[] {
  return [
    ...(queue.grassroots || !queue.centre ? (['first_review', 'publicity'] as const) : []),
    ...(queue.centre || !queue.grassroots ? (['city_review', 'approved'] as const) : []),
  ]
}

const overdueCondition = (today: string) =>
  sql`(${hardshipApplications.dueBy} < ${today} and ${hardshipApplications.status} in ('first_review', 'publicity', 'city_review', 'approved'))`

export async function listApplications(context: ServiceContext, query: StaffApplicationQuery): Promise<StaffApplicationList> {
  const queue = queueScope(context.user)
  const today = todayOf(context)
  const base = and(
    scopeCondition(queue.scope, hardshipApplications.orgPath),
    query.type ? sql`${hardshipApplications.aidTypes} @> ${JSON.stringify([query.type])}::jsonb` : undefined,
    query.overdue === 'true' ? overdueCondition(today) : undefined,
  )
  const tab = query.tab ?? 'waiting'
  const statuses = tab === 'all' ? undefined : tab === 'waiting' ? waitingStatuses(queue) : TAB_STATUSES[tab]
  // Overdue first, then the nearest deadline, then the oldest.
  const page = keyset(
    [
      { expr: sql`case when ${overdueCondition(today)} then 0 else 1 end`, type: 'int' },
      { expr: sql`coalesce(${hardshipApplications.dueBy}::text, '9999-12-31')`, type: 'text' },
      { expr: sql`${hardshipApplications.seq}`, type: 'int' },
    ],
    query,
  )
  const rows = await context.db
    .select({
      row: hardshipApplications,
      orgName: orgs.name,
      campaignName: hardshipCampaigns.name,
      openObjections: sql<number>`(select count(*)::int from ${hardshipObjections} where ${hardshipObjections.applicationId} = ${hardshipApplications.id} and ${hardshipObjections.status} = 'open')`,
      cursorKey: page.cursorKey,
    })
    .from(hardshipApplications)
    .innerJoin(orgs, eq(orgs.id, hardshipApplications.orgId))
    .leftJoin(hardshipCampaigns, eq(hardshipCampaigns.id, hardshipApplications.campaignId))
    .where(and(base, statuses ? inArray(hardshipApplications.status, statuses) : undefined, page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  const result = page.page(rows, (found) =>
    toStaffSummary(found.row, found.orgName, found.campaignName, Number(found.openObjections), context.now),
  )
  return { ...result, counts: await queueCounts(context, base, queue) }
}

async function queueCounts(
  context: ServiceContext,
  base: SQL | undefined,
  queue: { grassroots: boolean; centre: boolean },
): Promise<ApplicationQueueCounts> {
  const perStatus = await context.db
    .select({ status: hardshipApplications.status, value: sql<number>`count(*)::int` })
    .from(hardshipApplications)
    .where(base)
    .groupBy(hardshipApplications.status)
  const of = (statuses: readonly ApplicationStatus[]) =>
    perStatus.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + Number(row.value), 0)
  return {
    waiting: of(waitingStatuses(queue)),
    first_review: of(TAB_STATUSES.first_review),
    docs: of(TAB_STATUSES.docs),
    publicity: of(TAB_STATUSES.publicity),
    city_review: of(TAB_STATUSES.city_review),
    approved: of(TAB_STATUSES.approved),
    paid: of(TAB_STATUSES.paid),
    rejected: of(TAB_STATUSES.rejected),
    withdrawn: of(TAB_STATUSES.withdrawn),
    all: perStatus.reduce((sum, row) => sum + Number(row.value), 0),
  }
}

/** What the workbench entry counts: the applications at the caller's steps, and how many are overdue. */
export async function waitingCounts(context: ServiceContext): Promise<{ waiting: number; overdue: number }> {
  const queue = queueScope(context.user)
  const [row] = await context.db
    .select({
      waiting: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${overdueCondition(todayOf(context))})::int`,
    })
    .from(hardshipApplications)
    .where(and(scopeCondition(queue.scope, hardshipApplications.orgPath), inArray(hardshipApplications.status, waitingStatuses(queue))))
  return { waiting: Number(row?.waiting ?? 0), overdue: Number(row?.overdue ?? 0) }
}

function toStaffSummary(
  row: ApplicationRow,
  orgName: string,
  campaignName: string | null,
  openObjections: number,
  now: Date,
): StaffApplicationSummary {
  const { dueBy: due, overdue } = deadlineOf(row, now)
  return {
    id: row.id,
    applicationNo: applicationNumber(row),
    aidTypes: row.aidTypes,
    status: row.status,
    campaignName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    applicantName: row.applicantName,
    unitName: row.unitName,
    orgName,
    dueBy: due,
    overdue,
    awaitingDocuments: isAwaitingDocuments(row.status),
    openObjections,
    tier: row.tier,
    suggestedTier: row.suggestedTier,
  }
}

// ── The case ─────────────────────────────────────────────────────────────────────────────────

/** The steps the caller may take now, or the sentence saying why they only look. */
async function stepsFor(
  context: ServiceContext,
  row: ApplicationRow,
  access: CaseAccess,
  openObjections: number,
): Promise<{ steps: StaffStep[]; note: string | null }> {
  const rule = ruleFor(row.status)
  const acting = rule === centreAccess ? access.centre === 'act' : access.grassroots === 'act'
  if (!hardshipWorkflow.statuses[row.status].open || isAwaitingDocuments(row.status)) return { steps: [], note: null }
  if (!acting) return { steps: [], note: rule === centreAccess ? '这一步由市困难职工帮扶中心办理' : '这一步由申请人所在工会办理' }
  if (row.applicantId === context.user.id || (await isOwnHousehold(context, context.user.id, row.fileId))) {
    return { steps: [], note: rule.ownRecordMessage ?? null }
  }
  switch (row.status) {
    case 'first_review':
      return { steps: ['first_review', 'request_documents'], note: null }
    case 'publicity':
      return {
        steps: openObjections > 0 ? ['objection', 'resolve_objection'] : ['objection', 'end_publicity'],
        note: openObjections > 0 ? '有未处理的异议，核实后才能结束公示' : null,
      }
    case 'city_review':
      if (row.firstReviewerId === context.user.id)
        return { steps: [], note: '您做过这份申请的基层初审，市级审批需由帮扶中心其他工作人员办理' }
      return { steps: ['decision', 'request_documents'], note: null }
    case 'approved':
      return { steps: ['payment'], note: null }
    default:
      return { steps: [], note: null }
  }
}

export async function getApplicationForStaff(context: ServiceContext, id: string): Promise<StaffApplicationDetail> {
  const bundle = await findApplication(context.db, id)
  if (!bundle) throw notFound(NOT_FOUND)
  const { row, orgName } = bundle
  const access = caseAccessOf(context.user, row)
  const handles = access.grassroots === 'act' || access.centre === 'act'
  // Reading a family's income, health and circumstances is access to sensitive data: who looked is kept.
  await recordAudit(context.db, {
    actorId: context.user.id,
    action: 'hardship.application.view',
    subjectType: APPLICATION_SUBJECT,
    subjectId: row.id,
    detail: { access: handles ? 'act' : 'read' },
  })
  const objections = await objectionsOf(context.db, row.id)
  const openObjections = objections.filter((objection) => objection.status === 'open').length
  const visit = await visitOf(context.db, row.id)
  const photos = visit ? await uploadsFor(context.db, VISIT_SUBJECT, [visit.visit.id]) : []
  const household = openHousehold(context.cipher, row.householdEnc)
  const { steps, note } = await stepsFor(context, row, access, openObjections)
  const phone = row.contactPhoneEnc ? context.cipher.decrypt(row.contactPhoneEnc) : ''
  const canRevealAccount =
    access.centre === 'act' && row.applicantId !== context.user.id && !(await isOwnHousehold(context, context.user.id, row.fileId))
  const campaign = row.campaignId
    ? (await context.db.select({ name: hardshipCampaigns.name }).from(hardshipCampaigns).where(eq(hardshipCampaigns.id, row.campaignId)))[0]
    : undefined
  return {
    ...toStaffSummary(row, orgName, campaign?.name ?? null, openObjections, context.now),
    ...(await detailParts(context, bundle, handles ? 'staff' : 'oversight')),
    contactPhone: handles ? phone : maskPhone(phone),
    visit: visit
      ? {
          visitedOn: visit.visit.visitedOn,
          visitors: visit.visit.visitors,
          findings: handles ? context.cipher.decrypt(visit.visit.findingsEnc) : '（仅经办人员可见）',
          photos: handles ? photos.map((photo) => toAttachment(context.config.authSecret, photo, context.now.getTime())) : [],
          recordedBy: visit.recordedByName || '工作人员',
        }
      : null,
    firstReviewerName: await userName(context.db, row.firstReviewerId),
    objections: objections.map((objection) => ({
      id: objection.id,
      raisedBy: objection.raisedByEnc && handles ? context.cipher.decrypt(objection.raisedByEnc) : '匿名',
      content: handles ? context.cipher.decrypt(objection.contentEnc) : '（仅经办人员可见）',
      status: objection.status,
      resolutionNote: objection.resolutionNoteEnc && handles ? context.cipher.decrypt(objection.resolutionNoteEnc) : null,
      recordedAt: objection.createdAt.toISOString(),
      resolvedAt: objection.resolvedAt?.toISOString() ?? null,
    })),
    steps,
    canAct: steps.length > 0,
    actNote: note,
    canRevealAccount,
    accountReveals: await revealsOf(context.db, APPLICATION_SUBJECT, row.id, ACCOUNT_REVEAL),
    requestableSlots: proofSlotsFor({
      migrantWorker: row.migrantWorker,
      members: household.members,
      items: Object.fromEntries(bundle.items.map((item) => [item.type, true])),
    }).map((slot) => ({ key: slot.key, label: slot.label })),
    householdApplications: (await applicationsOfFile(context.db, row.fileId, row.id)).map(toFileRef),
  }
}

/** The centre, who pays, opens the bank account number; the reveal is audited and listed on the case. */
export async function revealAccount(context: ServiceContext, id: string): Promise<{ value: string }> {
  const { row } = await loadForStep(context, id, centreAccess)
  const value = await revealSealed(context, {
    action: ACCOUNT_REVEAL,
    subjectType: APPLICATION_SUBJECT,
    subjectId: row.id,
    sealed: row.accountNumberEnc,
    detail: { status: row.status },
  })
  return { value }
}

// ── The steps ────────────────────────────────────────────────────────────────────────────────

const staffActor = (context: ServiceContext, role: string) => ({ id: context.user.id, role })

/** The tier staff settle on: the suggested one, or another with the reason. */
function tierOf(row: ApplicationRow, input: { tier: Tier; tierReason?: string | null }): { tier: Tier; tierReason: string | null } {
  if (input.tier !== row.suggestedTier && !input.tierReason) {
    throw validationFailed({ tierReason: '与系统建议的困难类型不同，请说明理由' })
  }
  return { tier: input.tier, tierReason: input.tier === row.suggestedTier ? null : (input.tierReason ?? null) }
}

export async function firstReview(context: ServiceContext, id: string, input: FirstReviewBody): Promise<void> {
  const { row } = await loadForStep(context, id, grassrootsAccess)
  refuseUnless(row, input.decision === 'recommend' ? 'recommend' : 'reject_first')
  if (input.decision === 'recommend' || input.visit) {
    const visit = input.visit!
    if (visit.visitedOn > todayOf(context)) throw validationFailed({ 'visit.visitedOn': '入户日期不能晚于今天' })
    const [saved] = await context.db
      .insert(hardshipVisits)
      .values({
        applicationId: row.id,
        visitedOn: visit.visitedOn,
        visitors: visit.visitors,
        findingsEnc: context.cipher.encrypt(visit.findings),
        recordedBy: context.user.id,
      })
      .onConflictDoUpdate({
        target: hardshipVisits.applicationId,
        set: {
          visitedOn: visit.visitedOn,
          visitors: visit.visitors,
          findingsEnc: context.cipher.encrypt(visit.findings),
          recordedBy: context.user.id,
        },
      })
      .returning({ id: hardshipVisits.id })
    await attachUploads(context.db, {
      ownerId: context.user.id,
      ids: visit.photoIds,
      subjectType: VISIT_SUBJECT,
      subjectId: saved!.id,
      field: 'visit.photoIds',
    })
  }
  if (input.decision === 'recommend') {
    const publicityEndsOn = dueBy(context.calendar, context.now, context.config.hardship.deadlines.publicity)
    const updated = await transition(context, {
      workflow: hardshipWorkflow,
      table: hardshipApplications,
      record: row,
      action: 'recommend',
      actor: staffActor(context, 'union_staff'),
      note: input.note || null,
      changes: {
        ...tierOf(row, input),
        firstReviewerId: context.user.id,
        firstReviewedAt: context.now,
        publicityEndsOn,
        dueBy: publicityEndsOn,
      },
    })
    await tellApplicant(
      context,
      updated,
      'recommended',
      `已通过初审，公示至${shortDate(publicityEndsOn)}。公示只显示您的姓名首字、单位和帮扶类型。`,
    )
  } else {
    const updated = await transition(context, {
      workflow: hardshipWorkflow,
      table: hardshipApplications,
      record: row,
      action: 'reject_first',
      actor: staffActor(context, 'union_staff'),
      note: input.reason,
      changes: { rejectionReason: input.reason, firstReviewerId: context.user.id, firstReviewedAt: context.now, dueBy: null },
    })
    await tellApplicant(context, updated, 'rejected', `初审未通过：${input.reason}。您可以修改后重新提交。`)
  }
}

/** 补充材料: the worker is told what is missing; the step's clock stands still until they answer. */
export async function requestDocuments(context: ServiceContext, id: string, input: RequestDocumentsBody): Promise<void> {
  const found = await findApplication(context.db, id)
  if (!found) throw notFound(NOT_FOUND)
  const city = found.row.status === 'city_review'
  const { row, items } = await loadForStep(context, id, city ? centreAccess : grassrootsAccess)
  refuseUnless(row, city ? 'request_documents_city' : 'request_documents_first')
  if (city) refuseFirstReviewer(context, row)
  const household = openHousehold(context.cipher, row.householdEnc)
  const allowed = new Set<string>(
    proofSlotsFor({
      migrantWorker: row.migrantWorker,
      members: household.members,
      items: Object.fromEntries(items.map((item) => [item.type, true])),
    }).map((slot) => slot.key),
  )
  const bad = input.slots.findIndex((slot) => !allowed.has(slot))
  if (bad >= 0) throw validationFailed({ [`slots.${bad}`]: '这项材料与本申请无关' })
  const slots = [...new Set(input.slots)]
  const updated = await transition(context, {
    workflow: hardshipWorkflow,
    table: hardshipApplications,
    record: row,
    action: city ? 'request_documents_city' : 'request_documents_first',
    actor: staffActor(context, city ? 'hardship_centre' : 'union_staff'),
    note: input.note,
    changes: {
      pausedOn: todayOf(context),
      documentsRequest: {
        slots,
        note: input.note,
        requestedAt: context.now.toISOString(),
        requestedBy: context.user.id,
        step: city ? 'city_review' : 'first_review',
      },
    },
  })
  const list = slots.map((slot) => proofSlotLabel(slot, household.members)).join('、')
  await tellApplicant(context, updated, 'documents_requested', `请补充：${list}。${input.note}。补齐前审核期限暂停计算。`)
}

export async function recordObjection(context: ServiceContext, id: string, input: ObjectionBody): Promise<void> {
  const { row } = await loadForStep(context, id, grassrootsAccess)
  refuseUnless(row, 'record_objection')
  await transition(context, {
    workflow: hardshipWorkflow,
    table: hardshipApplications,
    record: row,
    action: 'record_objection',
    actor: staffActor(context, 'union_staff'),
    visibility: 'internal',
  })
  await context.db.insert(hardshipObjections).values({
    applicationId: row.id,
    raisedByEnc: input.raisedBy ? context.cipher.encrypt(input.raisedBy) : null,
    contentEnc: context.cipher.encrypt(input.content),
    recordedBy: context.user.id,
  })
}

export async function resolveObjection(
  context: ServiceContext,
  id: string,
  objectionId: string,
  input: ResolveObjectionBody,
): Promise<void> {
  const { row } = await loadForStep(context, id, grassrootsAccess)
  refuseUnless(row, input.outcome === 'upheld' ? 'uphold_objection' : 'dismiss_objection')
  const [objection] = await context.db
    .update(hardshipObjections)
    .set({
      status: input.outcome,
      resolutionNoteEnc: context.cipher.encrypt(input.note),
      resolvedBy: context.user.id,
      resolvedAt: context.now,
    })
    .where(and(eq(hardshipObjections.id, objectionId), eq(hardshipObjections.applicationId, row.id), eq(hardshipObjections.status, 'open')))
    .returning({ id: hardshipObjections.id })
  if (!objection) throw new AppError(409, 'WRONG_STATUS', '这条异议已处理，请刷新后查看')
  if (input.outcome === 'upheld') {
    const updated = await transition(context, {
      workflow: hardshipWorkflow,
      table: hardshipApplications,
      record: row,
      action: 'uphold_objection',
      actor: staffActor(context, 'union_staff'),
      note: input.note,
      changes: { rejectionReason: `公示期间异议经核实成立：${input.note}`, dueBy: null },
    })
    await tellApplicant(context, updated, 'rejected', `公示期间有异议经核实成立：${input.note}。如有不同意见，可补充说明后重新提交。`)
  } else {
    await transition(context, {
      workflow: hardshipWorkflow,
      table: hardshipApplications,
      record: row,
      action: 'dismiss_objection',
      actor: staffActor(context, 'union_staff'),
      note: input.note,
      visibility: 'internal',
    })
  }
}

/** The 公示 has run its days with no objection left open: the case goes to the city centre. */
export async function endPublicity(context: ServiceContext, id: string): Promise<void> {
  const { row } = await loadForStep(context, id, grassrootsAccess)
  refuseUnless(row, 'end_publicity')
  if (row.publicityEndsOn && todayOf(context) < row.publicityEndsOn) {
    throw new AppError(409, 'WRONG_STATUS', `公示到${shortDate(row.publicityEndsOn)}期满，期满后才能报市帮扶中心`)
  }
  const open = (await objectionsOf(context.db, row.id)).filter((objection) => objection.status === 'open')
  if (open.length > 0) throw new AppError(409, 'WRONG_STATUS', '有未处理的异议，请先核实处理')
  const updated = await transition(context, {
    workflow: hardshipWorkflow,
    table: hardshipApplications,
    record: row,
    action: 'end_publicity',
    actor: staffActor(context, 'union_staff'),
    changes: { dueBy: dueBy(context.calendar, context.now, context.config.hardship.deadlines.city_review) },
  })
  await tellApplicant(context, updated, 'city_review', nextStepFor(updated, context.now))
}

/**
 * The city decision: each item within its cap, counted against what the household has had this
 * year across all its applications. The household's file is locked first, so two decisions for one
 * family cannot both spend the same room under a cap.
 */
export async function decide(context: ServiceContext, id: string, input: DecisionBody): Promise<void> {
  const { row: seen } = await loadForStep(context, id, centreAccess)
  refuseUnless(seen, input.decision === 'approve' ? 'approve' : 'reject_city')
  refuseFirstReviewer(context, seen)
  await context.db.execute(sql`select id from hardship_files where id = ${seen.fileId} for update`)
  const bundle = (await findApplication(context.db, id))!
  const { row, items } = bundle
  if (input.decision === 'reject') {
    const updated = await transition(context, {
      workflow: hardshipWorkflow,
      table: hardshipApplications,
      record: row,
      action: 'reject_city',
      actor: staffActor(context, 'hardship_centre'),
      note: input.reason,
      changes: { rejectionReason: input.reason, deciderId: context.user.id, decidedAt: context.now, dueBy: null },
    })
    await tellApplicant(context, updated, 'rejected', `市困难职工帮扶中心审核未通过：${input.reason}。您可以修改后重新提交。`)
    return
  }
  const tier = tierOf(row, input)
  const year = yearOf(context)
  const fields: Record<string, string> = {}
  const decided: Array<{ type: (typeof items)[number]['type']; fen: number; capFen: number }> = []
  for (const item of items) {
    const index = input.items.findIndex((candidate) => candidate.type === item.type)
    const asked = input.items[index]
    if (!asked) {
      fields[`items`] = '请为每一项帮扶填写批准金额（不批准的填 0）'
      continue
    }
    const usage = await capUsageOf(context.db, row.fileId, item, year, row.id)
    const cap = capFor({
      type: item.type,
      tier: tier.tier,
      settings: context.config.hardship,
      usage,
      basisFen: item.basisFen ?? undefined,
      eventKind: item.eventKind ?? undefined,
    })
    const fen = toFen(asked.amount)
    if (fen > 0 && cap.refusal) fields[`items.${index}.amount`] = cap.refusal
    else if (fen > cap.maxFen) fields[`items.${index}.amount`] = `超过上限：${cap.rule}`
    decided.push({ type: item.type, fen, capFen: cap.maxFen })
  }
  input.items.forEach((asked, index) => {
    if (!items.some((item) => item.type === asked.type)) fields[`items.${index}.type`] = '申请中没有这项帮扶'
  })
  const total = decided.reduce((sum, item) => sum + item.fen, 0)
  if (Object.keys(fields).length === 0 && total === 0) fields.items = '批准金额合计应大于 0；不批准请选择“审核不通过”'
  if (Object.keys(fields).length > 0) throw validationFailed(fields)
  if (row.campaignId) {
    const [room] = await context.db
      .update(hardshipCampaigns)
      .set({ committedFen: sql`${hardshipCampaigns.committedFen} + ${total}`, updatedAt: context.now })
      .where(
        and(eq(hardshipCampaigns.id, row.campaignId), sql`${hardshipCampaigns.committedFen} + ${total} <= ${hardshipCampaigns.budgetFen}`),
      )
      .returning({ id: hardshipCampaigns.id })
    if (!room) throw validationFailed({ items: '超出本次活动剩余预算，请调整金额' })
  }
  for (const item of decided) {
    await context.db
      .update(hardshipItems)
      .set({ approvedFen: item.fen, capFen: item.capFen, decidedYear: year })
      .where(and(eq(hardshipItems.applicationId, row.id), eq(hardshipItems.type, item.type)))
  }
  const updated = await transition(context, {
    workflow: hardshipWorkflow,
    table: hardshipApplications,
    record: row,
    action: 'approve',
    actor: staffActor(context, 'hardship_centre'),
    note: input.note || null,
    changes: {
      ...tier,
      deciderId: context.user.id,
      decidedAt: context.now,
      approvedTotalFen: total,
      dueBy: dueBy(context.calendar, context.now, context.config.hardship.deadlines.payment),
    },
  })
  await recordApprovalOnFile(context, updated, tier.tier)
  const words = decided
    .filter((item) => item.fen > 0)
    .map(
      (item) =>
        `${{ living: '生活救助', medical: '医疗救助', education: '助学', temporary: '临时救助' }[item.type]} ${toYuan(item.fen)} 元`,
    )
    .join('，')
  await tellApplicant(
    context,
    updated,
    'approved',
    `市困难职工帮扶中心已批准：${words}。将发放到您尾号 ${row.accountNumberMasked.slice(-4)} 的账户。`,
  )
}

export async function recordPayment(context: ServiceContext, id: string, input: PaymentBody): Promise<void> {
  const { row, items } = await loadForStep(context, id, centreAccess, { lock: true })
  refuseUnless(row, 'record_payment')
  const item = items.find((candidate) => candidate.type === input.type)
  if (!item || !item.approvedFen) throw validationFailed({ type: '这项帮扶没有批准金额' })
  if (input.paidOn > todayOf(context)) throw validationFailed({ paidOn: '发放日期不能晚于今天' })
  const fen = toFen(input.amount)
  const left = item.approvedFen - item.paidFen
  if (fen > left) throw validationFailed({ amount: `超过未发放金额 ${toYuan(left)} 元` })
  await context.db.insert(hardshipPayments).values({
    applicationId: row.id,
    type: input.type,
    amountFen: fen,
    paidOn: input.paidOn,
    method: input.method,
    note: input.note || null,
    recordedBy: context.user.id,
  })
  await context.db
    .update(hardshipItems)
    .set({ paidFen: sql`${hardshipItems.paidFen} + ${fen}` })
    .where(and(eq(hardshipItems.applicationId, row.id), eq(hardshipItems.type, input.type)))
  const paidTotal = row.paidTotalFen + fen
  const done = paidTotal >= row.approvedTotalFen
  const updated = await transition(context, {
    workflow: hardshipWorkflow,
    table: hardshipApplications,
    record: row,
    action: done ? 'complete_payment' : 'record_payment',
    actor: staffActor(context, 'hardship_centre'),
    note: `${toYuan(fen)} 元（${input.paidOn}）`,
    changes: { paidTotalFen: paidTotal, dueBy: done ? null : row.dueBy },
  })
  await tellApplicant(
    context,
    updated,
    done ? 'paid' : 'payment',
    `${input.paidOn} 发放 ${toYuan(fen)} 元${done ? '，已全部发放' : `，累计已发放 ${toYuan(paidTotal)} 元`}。`,
  )
}
