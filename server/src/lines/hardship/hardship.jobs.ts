import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { stepOf, whoActs } from '@contract/lines/hardship'
import type { SystemContext } from '../../core/context'
import { defineJob } from '../../core/jobs'
import { notifyApplicant } from '../../core/notify'
import { staffRoles } from '../../platform/auth/auth.tables'
import { orgs } from '../../platform/orgs/orgs.tables'
import { CENTRE_ROLE } from './hardship.access'
import { scheduleDueReviews } from './hardship.files'
import { hardshipApplications } from './hardship.tables'
import { applicationNumber, shortDate, staffCaseLink, stepLabelOf } from './hardship.views'
import { todayOf } from './hardship.worker'

/** Who is responsible for a step of an application: the grassroots staff over its union, or the centre. */
async function responsibleStaff(context: SystemContext, orgPath: string, centre: boolean): Promise<string[]> {
  const rows = await context.db
    .selectDistinct({ userId: staffRoles.userId })
    .from(staffRoles)
    .innerJoin(orgs, eq(orgs.id, staffRoles.orgId))
    .where(
      and(
        eq(staffRoles.role, centre ? CENTRE_ROLE : 'union_staff'),
        isNull(staffRoles.revokedAt),
        isNull(staffRoles.scopeId),
        centre ? undefined : sql`${orgPath} like ${orgs.path} || '%'`,
      ),
    )
  return rows.map((row) => row.userId)
}

/**
 * Overdue steps are reminded to the staff responsible, once a day: the day is claimed on the
 * application first (one conditional UPDATE), so two instances never send the same reminder.
 */
export async function remindOverdue(context: SystemContext): Promise<number> {
  const today = todayOf(context)
  const claimed = await context.db
    .update(hardshipApplications)
    .set({ remindedOn: today })
    .where(
      and(
        inArray(hardshipApplications.status, ['first_review', 'publicity', 'city_review', 'approved']),
        sql`${hardshipApplications.dueBy} < ${today}`,
        or(isNull(hardshipApplications.remindedOn), sql`${hardshipApplications.remindedOn} < ${today}`),
      ),
    )
    .returning()
  for (const row of claimed) {
    if (!stepOf(row.status)) continue
    const staff = await responsibleStaff(context, row.orgPath, whoActs(row.status) === 'centre')
    for (const userId of staff) {
      await notifyApplicant(context, {
        userId,
        title: '困难帮扶申请已超期',
        body: `${applicationNumber(row)}（${row.unitName}）的${stepLabelOf(row) ?? '审核'}应在${shortDate(row.dueBy!)}前完成，已超期，请尽快办理。`,
        link: staffCaseLink(row.id),
      })
    }
  }
  return claimed.length
}

/** 年度复核 and overdue reminders, daily; each run on one instance only (core/jobs.ts). */
export const yearlyReviewJob = defineJob({
  name: 'hardship.yearly-review',
  everyMs: 24 * 3600_000,
  async run(context) {
    await scheduleDueReviews(context)
  },
})

export const reminderJob = defineJob({
  name: 'hardship.reminders',
  everyMs: 24 * 3600_000,
  async run(context) {
    await remindOverdue(context)
  },
})
