import { eq } from 'drizzle-orm'
import { memberships } from '../../src/lines/membership/membership.tables'
import { issueCardToken } from '../../src/lines/membership/card-token'
import { serviceLines } from '../../src/lines/registry'
import { noMembers, requireActiveMember } from '../../src/core/members'
import { findUserByOpenid } from '../../src/platform/auth/auth.repository'
import { endMemberships, makeMembers, type TestMember } from '../helpers/members'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { testLine } from '../helpers/test-line'

/** Other lines ask who is a member through the kit's directory, which the membership line answers. */
describe('the member directory', () => {
  let t: TestApp
  let members: TestMember[]

  beforeAll(async () => {
    t = await createTestApp()
    members = await makeMembers(t, 3, { prefix: 'directory' })
  })
  afterAll(() => t.close())

  it('when asked about a member, then their membership and union; a non-member gets null', async () => {
    const context = t.app.systemContext()
    const member = await context.members.activeMemberOf(context, members[0]!.userId)
    expect(member).toMatchObject({
      membershipId: members[0]!.membershipId,
      orgId: 'lyg-haizhou-hospital1',
      orgName: '连云港市第一人民医院工会',
    })
    expect(member!.orgPath).toContain('/lyg-haizhou-hospital1/')
    // The ID number's keyed hash, never the number: other lines recognise the person by it.
    expect(member!.idNumberHash).toBeNull()
    const hash = context.cipher.lookupHash('320706199001010011')
    await t.database.db.update(memberships).set({ idNumberHash: hash }).where(eq(memberships.id, members[0]!.membershipId))
    expect((await context.members.activeMemberOf(context, members[0]!.userId))?.idNumberHash).toBe(hash)
    const worker = await findUserByOpenid(t.database.db, 'demo-worker')
    expect(await context.members.activeMemberOf(context, worker!.id)).toBeNull()
    await expect(requireActiveMember(context, worker!.id, '本课程仅限工会会员报名')).rejects.toMatchObject({
      code: 'NOT_A_MEMBER',
      message: '本课程仅限工会会员报名',
    })
  })

  it('when asked how many members hold a card, then the active ones, and those who joined since a date', async () => {
    const context = t.app.systemContext()
    const before = await context.members.countActive(context)
    const more = await makeMembers(t, 2, { prefix: 'directory-count' })
    const after = await context.members.countActive(context, { joinedSince: new Date(Date.now() - 60_000) })
    expect(after.active).toBe(before.active + 2)
    expect(after.joinedSince).toBeGreaterThanOrEqual(2)
    expect(after.joinedSince).toBeLessThanOrEqual(after.active)
    await endMemberships(t, more)
    expect((await context.members.countActive(context)).active).toBe(before.active)
    expect(await noMembers.countActive(context)).toEqual({ active: 0, joinedSince: 0 })
  })

  it('when asked about many users, then one map of those who are members', async () => {
    const context = t.app.systemContext()
    const worker = await findUserByOpenid(t.database.db, 'demo-worker')
    const found = await context.members.activeMembersOf(context, [...members.map((member) => member.userId), worker!.id])
    expect([...found.keys()].sort()).toEqual(members.map((member) => member.userId).sort())
    expect(await context.members.activeMembersOf(context, [])).toEqual(new Map())
  })

  it('when a member card code is scanned, then live codes name the member; old, forged and ended ones do not', async () => {
    const context = t.app.systemContext()
    const live = issueCardToken(t.config.authSecret, members[1]!.membershipId, context.now)
    expect(await context.members.checkCardCode(context, live.token)).toMatchObject({
      result: 'valid',
      member: { userId: members[1]!.userId },
    })
    const old = issueCardToken(t.config.authSecret, members[1]!.membershipId, new Date(context.now.getTime() - 61_000))
    expect(await context.members.checkCardCode(context, old.token)).toEqual({ result: 'expired' })
    expect(await context.members.checkCardCode(context, `${live.token}x`)).toEqual({ result: 'invalid' })
    await endMemberships(t, [members[2]!])
    const ended = issueCardToken(t.config.authSecret, members[2]!.membershipId, context.now)
    expect(await context.members.checkCardCode(context, ended.token)).toEqual({ result: 'invalid' })
    expect(await context.members.activeMemberOf(context, members[2]!.userId)).toBeNull()
  })

  it('when no line provides the directory, then nobody is a member; when two do, the app refuses to start', async () => {
    const bare = testLine('bare')
    const withoutMembership = await createTestApp({ lines: [bare], demo: false })
    try {
      const context = withoutMembership.app.systemContext()
      expect(context.members).toBe(noMembers)
    } finally {
      await withoutMembership.close()
    }
    const twice = [...serviceLines, testLine('impostor', { provides: { members: noMembers } })]
    await expect(createTestApp({ lines: twice, demo: false })).rejects.toThrow(
      'More than one line provides the member directory: membership, impostor',
    )
  })
})
