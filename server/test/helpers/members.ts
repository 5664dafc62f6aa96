import { inArray } from 'drizzle-orm'
import { membershipApplications, memberships } from '../../src/lines/membership/membership.tables'
import { issueSession } from '../../src/platform/auth/auth.service'
import { users } from '../../src/platform/auth/auth.tables'
import type { TestApp } from './test-app'

export interface TestMember {
  openid: string
  userId: string
  membershipId: string
  /** A session token, as a bearer header would carry it. */
  token: string
}

/**
 * Many active members at once, for the lines that serve members (training seats, coupons,
 * hardship applicants) and for concurrency tests: users, their approved applications and
 * memberships inserted in three statements, each with a session token. Through the membership
 * API this would take a review per member.
 */
export async function makeMembers(
  t: Pick<TestApp, 'database' | 'config'>,
  count: number,
  options: { prefix: string; orgId?: string },
): Promise<TestMember[]> {
  const { db } = t.database
  const orgId = options.orgId ?? 'lyg-haizhou-hospital1'
  const openids = Array.from({ length: count }, (_, index) => `${options.prefix}-${index + 1}`)
  const people = await db
    .insert(users)
    .values(openids.map((openid, index) => ({ openid, nickname: `会员${index + 1}` })))
    .returning({ id: users.id, openid: users.openid })
  const applications = await db
    .insert(membershipApplications)
    .values(people.map((person, index) => ({ userId: person.id, orgId, status: 'approved' as const, name: `测试会员${index + 1}` })))
    .returning({ id: membershipApplications.id, userId: membershipApplications.userId })
  const applicationOf = new Map(applications.map((row) => [row.userId, row.id]))
  // Numbers of their own series, so they never meet the demo members'.
  const serial = Date.now().toString().slice(-6)
  const rows = await db
    .insert(memberships)
    .values(
      people.map((person, index) => ({
        userId: person.id,
        applicationId: applicationOf.get(person.id)!,
        orgId,
        memberNumber: `LT${serial}${String(index).padStart(5, '0')}`,
        cardNumber: `3299${serial}${String(index).padStart(6, '0')}`,
        name: `测试会员${index + 1}`,
        status: 'active' as const,
      })),
    )
    .returning({ id: memberships.id, userId: memberships.userId })
  const membershipOf = new Map(rows.map((row) => [row.userId, row.id]))
  return people.map((person) => ({
    openid: person.openid,
    userId: person.id,
    membershipId: membershipOf.get(person.id)!,
    token: issueSession(t.config, person.id).token,
  }))
}

/** Ends these members' memberships (as leaving the union would), to test what a non-member sees. */
export async function endMemberships(t: Pick<TestApp, 'database'>, members: readonly TestMember[]): Promise<void> {
  await t.database.db
    .update(memberships)
    .set({ status: 'ended', endedAt: new Date(), endReason: 'test' })
    .where(
      inArray(
        memberships.id,
        members.map((member) => member.membershipId),
      ),
    )
}
