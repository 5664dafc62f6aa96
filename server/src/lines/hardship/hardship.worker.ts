import { and, desc, eq, lt, sql } from 'drizzle-orm'
import {
  capFor,
  hardshipWorkflow,
  isAwaitingDocuments,
  netLossFen,
  outOfPocketFen,
  perCapitaFen,
  proofSlotLabel,
  schoolYearOf,
  suggestTier,
  toFen,
  toYuan,
  type AidType,
  type Campaign,
  type HardshipApplication,
  type HardshipInfo,
  type MyApplicationDetail,
  type MyApplicationList,
  type MyApplicationSummary,
  type MyFile,
  type PublicityList,
  type SupplementBody,
  type WithdrawBody,
} from '@contract/lines/hardship'
import { maskName, maskPhone } from '@contract/rules/mask'
import { addWorkingDays, workingDaysBetween } from '@contract/rules/working-days'
import { requireOwnRecord } from '../../core/access'
import { chinaDate, dueBy } from '../../core/calendar'
import type { ServiceContext, SystemContext } from '../../core/context'
import { requireActiveMember } from '../../core/members'
import { creditsFor, grantSubscribeCredits } from '../../core/notify'
import { keyset } from '../../core/paging'
import { appendTimelineEvent, listTimeline } from '../../core/timeline'
import { transition } from '../../core/workflow'
import { conflict, validationFailed } from '../../lib/errors'
import { attachUploads } from '../../platform/uploads/uploads.service'
import { orgs } from '../../platform/orgs/orgs.tables'
import {
  aidTypesOf,
  applicationsOfFile,
  householdFor,
  idHashOf,
  openHousehold,
  sealFen,
  sealHousehold,
  sealJson,
} from './hardship.household'
import { tellApplicant } from './hardship.notices'
import {
  approvedItemsOfFile,
  campaignsAll,
  capUsageOf,
  findApplication,
  findFile,
  openCampaignFor,
  paymentsOf,
  type ApplicationBundle,
} from './hardship.repository'
import { hardshipApplications, hardshipCampaigns, hardshipItems, hardshipProofSlots } from './hardship.tables'
import {
  APPLICATION_SUBJECT,
  deadlineOf,
  fileLabel,
  fileNumber,
  ledgerOf,
  nextStepFor,
  proofViews,
  refuseUnless,
  PROOF_SUBJECT,
  applicationNumber,
  toFileRef,
  toItemView,
  toMemberView,
  type ApplicationRow,
} from './hardship.views'

/** The worker's side of 困难帮扶: apply, follow, answer a request for documents, withdraw, resubmit, see the file. */

const NOT_FOUND = '没有找到这份申请'
export const NOT_A_MEMBER_MESSAGE = '困难帮扶面向工会会员。请先申请入会，入会后即可申请'

export const todayOf = (context: SystemContext) => chinaDate(context.now)
export const yearOf = (context: SystemContext) => Number(todayOf(context).slice(0, 4))

export function toCampaign(row: typeof hardshipCampaigns.$inferSelect, today: string): Campaign {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    aidTypes: row.aidTypes,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    budget: toYuan(row.budgetFen),
    committed: toYuan(row.committedFen),
    quota: row.quota,
    taken: row.taken,
    status: row.status,
    openNow: row.status === 'open' && row.opensOn <= today && row.closesOn >= today,
  }
}

export async function hardshipInfo(context: ServiceContext): Promise<HardshipInfo> {
  const today = todayOf(context)
  const campaigns = (await campaignsAll(context.db)).map((row) => toCampaign(row, today)).filter((campaign) => campaign.openNow)
  const member = await context.members.activeMemberOf(context, context.user.id)
  return { settings: context.config.hardship, campaigns, member: member !== null }
}

async function loadOwn(context: ServiceContext, id: string): Promise<ApplicationBundle> {
  const found = await findApplication(context.db, id)
  requireOwnRecord(context.user, found && !found.row.anonymisedAt ? { applicantId: found.row.applicantId } : undefined, NOT_FOUND)
  return found!
}

function toMySummary(row: ApplicationRow, campaignName: string | null, now: Date): MyApplicationSummary {
  return {
    id: row.id,
    applicationNo: applicationNumber(row),
    aidTypes: row.aidTypes,
    status: row.status,
    campaignName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    nextStep: nextStepFor(row, now),
  }
}

async function campaignNameOf(context: SystemContext, id: string | null): Promise<string | null> {
  if (!id) return null
  const [row] = await context.db.select({ name: hardshipCampaigns.name }).from(hardshipCampaigns).where(eq(hardshipCampaigns.id, id))
  return row?.name ?? null
}

/** The columns of each aid item: sealed details, and the few facts its cap is counted by. */
function itemRows(context: SystemContext, applicationId: string, input: HardshipApplication) {
  const today = todayOf(context)
  return aidTypesOf(input.items).map((type) => {
    const base = {
      applicationId,
      type,
      basisFen: null as number | null,
      childHash: null as string | null,
      schoolYear: null as number | null,
    }
    switch (type) {
      case 'living':
        return { ...base, detailsEnc: sealJson(context.cipher, input.items.living) }
      case 'medical':
        return { ...base, detailsEnc: sealJson(context.cipher, input.items.medical), basisFen: outOfPocketFen(input.items.medical!) }
      case 'education': {
        const item = input.items.education!
        return {
          ...base,
          detailsEnc: sealJson(context.cipher, item),
          childHash: idHashOf(context.cipher, input.members[item.child]!.idNumber),
          schoolYear: schoolYearOf(today),
        }
      }
      case 'temporary': {
        const item = input.items.temporary!
        return { ...base, detailsEnc: sealJson(context.cipher, item), basisFen: netLossFen(item), eventKind: item.eventKind }
      }
    }
  })
}

/**
 * 临时救助 is refused at the door when it can never be given: the household has had the most there
 * may be, or has had it for the same cause. (The decision checks again, against what is approved then.)
 */
async function refuseTemporary(context: SystemContext, fileId: string, input: HardshipApplication): Promise<void> {
  const item = input.items.temporary
  if (!item) return
  const usage = await capUsageOf(context.db, fileId, { childHash: null, schoolYear: null }, 0)
  const cap = capFor({
    type: 'temporary',
    tier: 'accident',
    settings: context.config.hardship,
    usage,
    basisFen: netLossFen(item),
    eventKind: item.eventKind,
  })
  if (cap.refusal && usage.temporaryApproved.length > 0) throw validationFailed({ 'items.temporary': cap.refusal }, cap.refusal)
}

/** One open application per aid type per household: a second asks again for what is being decided. */
async function refuseDuplicate(context: SystemContext, fileId: string, types: readonly AidType[], exceptId?: string): Promise<void> {
  // Undecided ones: after a decision (approved, awaiting payment) the family may ask again; the caps hold across both.
  const open = (await applicationsOfFile(context.db, fileId, exceptId)).filter(
    (row) => hardshipWorkflow.statuses[row.status].open && row.status !== 'approved',
  )
  const clash = open.find((row) => row.aidTypes.some((type) => types.includes(type)))
  if (clash) {
    throw conflict(`您的家庭已有一份同类帮扶申请（${applicationNumber(clash)}）正在办理，请等它办结后再申请`)
  }
}

async function attachProofs(context: ServiceContext, applicationId: string, proofs: Record<string, string[]>): Promise<void> {
  for (const [slot, ids] of Object.entries(proofs)) {
    if (ids.length === 0) continue
    const [row] = await context.db
      .insert(hardshipProofSlots)
      .values({ applicationId, slot })
      .onConflictDoUpdate({ target: [hardshipProofSlots.applicationId, hardshipProofSlots.slot], set: { slot } })
      .returning({ id: hardshipProofSlots.id })
    await attachUploads(context.db, {
      ownerId: context.user.id,
      ids,
      subjectType: PROOF_SUBJECT,
      subjectId: row!.id,
      field: `proofs.${slot}`,
    })
  }
}

/** Who applies and how the household stands: the columns an application and its resubmission set. */
function applicationColumns(context: ServiceContext, input: HardshipApplication) {
  const perCapita = perCapitaFen(input.members)
  return {
    aidTypes: aidTypesOf(input.items),
    applicantName: input.members.find((member) => member.relation === 'self')!.name,
    unitName: input.unitName,
    contactPhoneEnc: context.cipher.encrypt(input.contactPhone),
    migrantWorker: input.migrantWorker,
    contractMonths: input.migrantWorker ? (input.contractMonths ?? null) : null,
    householdEnc: sealHousehold(context.cipher, input),
    memberCount: input.members.length,
    mainCause: input.mainCause,
    secondaryCause: input.secondaryCause ?? null,
    perCapitaIncomeEnc: sealFen(context.cipher, perCapita),
    suggestedTier: suggestTier({
      perCapitaFen: perCapita,
      dibaoFen: toFen(context.config.hardship.dibaoMonthly),
      causes: [input.mainCause, input.secondaryCause],
    }),
    bankName: input.bank.bankName,
    accountName: input.bank.accountName,
    accountNumberEnc: context.cipher.encrypt(input.bank.accountNumber),
    accountNumberMasked: `**** ${input.bank.accountNumber.slice(-4)}`,
    pledgedAt: context.now,
    dueBy: dueBy(context.calendar, context.now, context.config.hardship.deadlines.first_review),
    pausedOn: null,
    documentsRequest: null,
    updatedAt: context.now,
  }
}

/** An application made while a campaign of its kind is open takes one of its places, if one is left. */
async function takeCampaignPlace(context: SystemContext, aidTypes: readonly AidType[]): Promise<string | null> {
  const campaign = await openCampaignFor(context.db, todayOf(context), aidTypes)
  if (!campaign) return null
  const [taken] = await context.db
    .update(hardshipCampaigns)
    .set({ taken: sql`${hardshipCampaigns.taken} + 1`, updatedAt: context.now })
    .where(and(eq(hardshipCampaigns.id, campaign.id), lt(hardshipCampaigns.taken, hardshipCampaigns.quota)))
    .returning({ id: hardshipCampaigns.id })
  return taken?.id ?? null
}

export async function submitApplication(context: ServiceContext, input: HardshipApplication): Promise<MyApplicationSummary> {
  const member = await requireActiveMember(context, context.user.id, NOT_A_MEMBER_MESSAGE)
  const self = input.members.find((person) => person.relation === 'self')!
  if (member.idNumberHash && member.idNumberHash !== idHashOf(context.cipher, self.idNumber)) {
    throw validationFailed({ 'members.0.idNumber': '本人的身份证号与入会登记的不一致' })
  }
  const fileId = await householdFor(context, {
    idNumbers: input.members.map((person) => person.idNumber),
    orgId: member.orgId,
    orgPath: member.orgPath,
    headName: self.name,
  })
  const aidTypes = aidTypesOf(input.items)
  await refuseDuplicate(context, fileId, aidTypes)
  await refuseTemporary(context, fileId, input)
  const campaignId = await takeCampaignPlace(context, aidTypes)
  const [row] = await context.db
    .insert(hardshipApplications)
    .values({
      ...applicationColumns(context, input),
      applicantId: context.user.id,
      fileId,
      orgId: member.orgId,
      orgPath: member.orgPath,
      campaignId,
      createdAt: context.now,
    })
    .returning()
  if (!row) throw new Error('insert returned no row')
  await context.db.insert(hardshipItems).values(itemRows(context, row.id, input))
  await attachProofs(context, row.id, input.proofs)
  await grantSubscribeCredits(context.db, {
    userId: context.user.id,
    subject: { type: APPLICATION_SUBJECT, id: row.id },
    accepted: input.subscribeAccepted ?? 0,
    now: context.now,
  })
  await appendTimelineEvent(context.db, {
    subjectType: APPLICATION_SUBJECT,
    subjectId: row.id,
    actorId: context.user.id,
    actorRole: 'applicant',
    fromStatus: null,
    toStatus: 'first_review',
    action: 'submit',
  })
  await tellApplicant(context, row, 'submitted', nextStepFor(row, context.now))
  return toMySummary(row, await campaignNameOf(context, campaignId), context.now)
}

/** After a rejection: the corrected application goes back to the first review, in place. */
export async function resubmitApplication(context: ServiceContext, id: string, input: HardshipApplication): Promise<MyApplicationSummary> {
  const { row } = await loadOwn(context, id)
  refuseUnless(row, 'resubmit')
  const member = await requireActiveMember(context, context.user.id, NOT_A_MEMBER_MESSAGE)
  const fileId = await householdFor(context, {
    idNumbers: input.members.map((person) => person.idNumber),
    orgId: member.orgId,
    orgPath: member.orgPath,
    headName: input.members.find((person) => person.relation === 'self')!.name,
  })
  await refuseDuplicate(context, fileId, aidTypesOf(input.items), row.id)
  await refuseTemporary(context, fileId, input)
  const updated = await transition(context, {
    workflow: hardshipWorkflow,
    table: hardshipApplications,
    record: row,
    action: 'resubmit',
    actor: { id: context.user.id, role: 'applicant' },
    changes: {
      ...applicationColumns(context, input),
      fileId,
      orgId: member.orgId,
      orgPath: member.orgPath,
      tier: null,
      tierReason: null,
      rejectionReason: null,
      firstReviewerId: null,
      firstReviewedAt: null,
      publicityEndsOn: null,
    },
  })
  await context.db.delete(hardshipItems).where(eq(hardshipItems.applicationId, row.id))
  await context.db.insert(hardshipItems).values(itemRows(context, row.id, input))
  await attachProofs(context, row.id, input.proofs)
  await tellApplicant(context, updated, 'submitted', nextStepFor(updated, context.now))
  return toMySummary(updated, await campaignNameOf(context, updated.campaignId), context.now)
}

export async function listMyApplications(context: ServiceContext, query: { cursor?: string; limit?: string }): Promise<MyApplicationList> {
  const page = keyset([{ expr: sql`-${hardshipApplications.seq}`, type: 'int' }], query)
  const rows = await context.db
    .select({ row: hardshipApplications, campaignName: hardshipCampaigns.name, cursorKey: page.cursorKey })
    .from(hardshipApplications)
    .leftJoin(hardshipCampaigns, eq(hardshipCampaigns.id, hardshipApplications.campaignId))
    .where(and(eq(hardshipApplications.applicantId, context.user.id), page.after))
    .orderBy(...page.orderBy)
    .limit(page.limit)
  return page.page(rows, ({ row, campaignName }) => toMySummary(row, campaignName, context.now))
}

/** The parts of an application both sides see (each as the viewer may). */
export async function detailParts(context: SystemContext, bundle: ApplicationBundle, viewer: 'applicant' | 'staff' | 'oversight') {
  const { row, items, slots } = bundle
  const household = openHousehold(context.cipher, row.householdEnc)
  const full = viewer !== 'oversight'
  const year = yearOf(context)
  const tier = row.tier ?? row.suggestedTier ?? 'relative'
  const caps = await Promise.all(
    items.map(async (item) => {
      if (viewer === 'applicant') return null
      const usage = await capUsageOf(context.db, row.fileId, item, year, row.id)
      const cap = capFor({
        type: item.type,
        tier,
        settings: context.config.hardship,
        usage,
        basisFen: item.basisFen ?? undefined,
        eventKind: item.eventKind ?? undefined,
      })
      return { max: toYuan(cap.maxFen), rule: cap.rule, refusal: cap.refusal }
    }),
  )
  const payments = await paymentsOf(context.db, row.id)
  const request = row.documentsRequest
  return {
    unitName: row.unitName,
    migrantWorker: row.migrantWorker,
    contractMonths: row.contractMonths,
    members: household.members.map((member) => toMemberView(member, context.now, full)),
    housing: full ? household.housing : null,
    hukouType: household.hukouType,
    mainCause: row.mainCause,
    secondaryCause: row.secondaryCause,
    causeNote: full ? household.causeNote : null,
    perCapitaIncome: full ? toYuan(Number(context.cipher.decrypt(row.perCapitaIncomeEnc))) : null,
    suggestedTier: row.suggestedTier,
    tier: row.tier,
    tierReason: row.tierReason,
    items: items.map((item, index) => toItemView(context.cipher, item, household.members, full, caps[index] ?? null)),
    proofs: await proofViews(context, context.db, row, slots, household.members, items),
    documentsRequest:
      request && isAwaitingDocuments(row.status)
        ? {
            slots: request.slots.map((key) => ({ key, label: proofSlotLabel(key, household.members) })),
            note: request.note,
            requestedAt: request.requestedAt,
            step: request.step,
          }
        : null,
    bankName: row.bankName,
    accountName: row.accountName,
    accountNumberMasked: row.accountNumberMasked,
    rejectionReason: row.status === 'rejected' ? row.rejectionReason : null,
    dueBy: deadlineOf(row, context.now).dueBy,
    publicityEndsOn: row.publicityEndsOn,
    approvedTotal: toYuan(row.approvedTotalFen),
    paidTotal: toYuan(row.paidTotalFen),
    payments: payments.map(({ payment, recordedByName }) => ({
      id: payment.id,
      type: payment.type,
      amount: toYuan(payment.amountFen),
      paidOn: payment.paidOn,
      method: payment.method,
      note: payment.note,
      recordedBy: viewer === 'applicant' ? '市困难职工帮扶中心' : recordedByName || '工作人员',
    })),
    timeline: await listTimeline(context.db, context.roles, APPLICATION_SUBJECT, row.id, viewer === 'applicant' ? 'applicant' : 'staff'),
    fileId: row.fileId,
  }
}

export async function getMyApplication(context: ServiceContext, id: string): Promise<MyApplicationDetail> {
  const bundle = await loadOwn(context, id)
  const { row } = bundle
  return {
    ...toMySummary(row, await campaignNameOf(context, row.campaignId), context.now),
    ...(await detailParts(context, bundle, 'applicant')),
    contactPhoneMasked: row.contactPhoneEnc ? maskPhone(context.cipher.decrypt(row.contactPhoneEnc)) : '',
    canWithdraw: hardshipWorkflow.next(row.status, 'withdraw').ok,
    canResubmit: hardshipWorkflow.next(row.status, 'resubmit').ok,
    canSupplement: isAwaitingDocuments(row.status),
    subscribeCredits: await creditsFor(context.db, context.user.id, { type: APPLICATION_SUBJECT, id: row.id }),
  }
}

/** The worker's answer to 补充材料: files in every slot asked for; the step's clock runs again, moved on by the days it waited. */
export async function supplementApplication(context: ServiceContext, id: string, input: SupplementBody): Promise<MyApplicationSummary> {
  const { row } = await loadOwn(context, id)
  const action = row.status === 'city_review_docs' ? 'supplement_city' : 'supplement_first'
  const request = row.documentsRequest
  refuseUnless(row, action)
  const household = openHousehold(context.cipher, row.householdEnc)
  const missing: Record<string, string> = {}
  for (const slot of request?.slots ?? []) {
    if ((input.files[slot]?.length ?? 0) === 0) missing[`files.${slot}`] = `请上传${proofSlotLabel(slot, household.members)}`
  }
  for (const slot of Object.keys(input.files)) {
    if (!request?.slots.includes(slot) && (input.files[slot]?.length ?? 0) > 0) missing[`files.${slot}`] = '这项材料没有被要求补充'
  }
  if (Object.keys(missing).length > 0) throw validationFailed(missing)
  const today = todayOf(context)
  const waited = row.pausedOn ? workingDaysBetween(row.pausedOn, today, context.calendar) : 0
  const updated = await transition(context, {
    workflow: hardshipWorkflow,
    table: hardshipApplications,
    record: row,
    action,
    actor: { id: context.user.id, role: 'applicant' },
    note: input.note || null,
    changes: {
      dueBy: row.dueBy ? addWorkingDays(row.dueBy, waited, context.calendar) : row.dueBy,
      pausedOn: null,
      documentsRequest: null,
    },
  })
  await attachProofs(context, row.id, input.files)
  return toMySummary(updated, await campaignNameOf(context, updated.campaignId), context.now)
}

export async function withdrawApplication(context: ServiceContext, id: string, input: WithdrawBody): Promise<MyApplicationSummary> {
  const { row } = await loadOwn(context, id)
  const updated = await transition(context, {
    workflow: hardshipWorkflow,
    table: hardshipApplications,
    record: row,
    action: 'withdraw',
    actor: { id: context.user.id, role: 'applicant' },
    note: input.reason || null,
    changes: { dueBy: null, pausedOn: null },
  })
  if (row.campaignId) {
    await context.db
      .update(hardshipCampaigns)
      .set({ taken: sql`greatest(${hardshipCampaigns.taken} - 1, 0)`, updatedAt: context.now })
      .where(eq(hardshipCampaigns.id, row.campaignId))
  }
  return toMySummary(updated, await campaignNameOf(context, updated.campaignId), context.now)
}

/** The household's file, for someone who applied for it (or is listed in it as a member). */
export async function myFile(context: ServiceContext): Promise<MyFile> {
  const [latest] = await context.db
    .select({ fileId: hardshipApplications.fileId })
    .from(hardshipApplications)
    .where(and(eq(hardshipApplications.applicantId, context.user.id), sql`${hardshipApplications.anonymisedAt} is null`))
    .orderBy(desc(hardshipApplications.seq))
    .limit(1)
  if (!latest) return { file: null }
  const found = await findFile(context.db, latest.fileId)
  if (!found || found.row.status === 'pending') return { file: null }
  const { row, orgName } = found
  const year = yearOf(context)
  const members = row.membersEnc ? openHousehold(context.cipher, row.membersEnc).members : []
  const applications = (await applicationsOfFile(context.db, row.id)).filter((application) => application.applicantId === context.user.id)
  return {
    file: {
      id: row.id,
      fileNo: fileNumber(row),
      status: row.status,
      tier: row.tier,
      label: fileLabel(row, context.now),
      mainCause: row.mainCause,
      secondaryCause: row.secondaryCause,
      orgName,
      archivedOn: row.archivedOn,
      nextReviewOn: row.nextReviewOn,
      year,
      ledger: ledgerOf(await approvedItemsOfFile(context.db, row.id), year),
      members: members.map((member) => toMemberView(member, context.now, true)),
      applications: applications.map(toFileRef),
    },
  }
}

/** The 公示 at the caller's union: the masked name, the unit, the aid asked for, until when — nothing else. */
export async function publicityOfMyUnion(context: ServiceContext): Promise<PublicityList> {
  const member = await requireActiveMember(context, context.user.id, NOT_A_MEMBER_MESSAGE)
  const [org] = await context.db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, member.orgId))
  const rows = await context.db
    .select({
      applicantName: hardshipApplications.applicantName,
      unitName: hardshipApplications.unitName,
      aidTypes: hardshipApplications.aidTypes,
      endsOn: hardshipApplications.publicityEndsOn,
    })
    .from(hardshipApplications)
    .where(and(eq(hardshipApplications.status, 'publicity'), eq(hardshipApplications.orgId, member.orgId)))
    .orderBy(hardshipApplications.seq)
  const short: Record<AidType, string> = { living: '生活救助', medical: '医疗救助', education: '助学', temporary: '临时救助' }
  return {
    orgName: org?.name ?? null,
    entries: rows.map((row) => ({
      maskedName: maskName(row.applicantName),
      unitName: row.unitName,
      aidTypes: row.aidTypes.map((type) => short[type]),
      endsOn: row.endsOn ?? '',
    })),
  }
}
