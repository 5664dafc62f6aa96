import { eq } from 'drizzle-orm'
import { membershipApplications, memberships } from '../../../src/lines/membership/membership.tables'
import { users } from '../../../src/platform/auth/auth.tables'
import type { PersonalDataFixture } from '../../helpers/personal-data'
import { application, household, submit } from './helpers'

/**
 * What 困难帮扶 holds of a person (an application with the family, the account and proof), for the
 * deletion test. Only members apply: the person is made a member of the hospital union for the
 * application and their membership ended after it (as leaving the union would), so that the
 * membership line's own fixture can still apply afresh in the same test.
 */
export const hardshipRecords: PersonalDataFixture = {
  line: 'hardship',
  async createRecords(t, openid, person) {
    await t.tokenFor(openid)
    const { db } = t.database
    const [user] = await db.select().from(users).where(eq(users.openid, openid))
    const [joined] = await db
      .insert(membershipApplications)
      .values({ userId: user!.id, orgId: 'lyg-haizhou-hospital1', status: 'withdrawn', name: '帮扶测试会员' })
      .returning({ id: membershipApplications.id })
    const [membership] = await db
      .insert(memberships)
      .values({
        userId: user!.id,
        applicationId: joined!.id,
        orgId: 'lyg-haizhou-hospital1',
        memberNumber: `LTHS${Date.now().toString().slice(-8)}`,
        cardNumber: `3299HS${Date.now().toString().slice(-8)}`,
        // Not the person's name: this stand-in membership is the fixture's, not the membership line's record.
        name: '帮扶测试会员',
        status: 'active',
      })
      .returning({ id: memberships.id })
    const family = household(2100)
    family[0] = { ...family[0]!, name: person.name }
    const note = `${person.name}的家庭困难情况：妻子重病，孩子上学，收入很低。`
    const id = await submit(
      t,
      openid,
      await application(t, openid, {
        members: family,
        pledgeSignature: person.name,
        contactPhone: person.phone,
        causeNote: note,
        bank: { bankName: '中国银行', accountName: person.name, accountNumber: '6217000000000009999' },
      }),
    )
    await db.update(memberships).set({ status: 'ended', endedAt: new Date(), endReason: 'test' }).where(eq(memberships.id, membership!.id))
    const detail = (await t.as(openid)({ method: 'GET', url: `/api/hardship/applications/${id}` })).json()
    return { typed: [note, person.phone, family[0]!.idNumber, '6217000000000009999'], fileUrls: [detail.proofs[0].files[0].url] }
  },
}
