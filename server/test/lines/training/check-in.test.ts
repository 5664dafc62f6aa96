import { makeMembers, type TestMember } from '../../helpers/members'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { asMember, courseInput, DAY, enroll, freshKey, HOUR, publishedCourse } from './helpers'

/**
 * Check-in at the venue: the session's rotating code (window, tampering, expiry, another session's
 * code), the member card scanned by staff, once per person and session, late and absent; then
 * completion at the course's percentage, the certificate, its public check, and corrections.
 */
// Two instances and many requests on a shared, busy machine: a test may take a while.
jest.setTimeout(120_000)

describe('training check-in, completion and certificates', () => {
  let t: TestApp
  const start = new Date()
  let now = start
  let members: TestMember[]
  let course: { id: string; sessionIds: string[] }
  let sessionStarts: number[]

  beforeAll(async () => {
    t = await createTestApp({ clock: () => now })
    members = await makeMembers(t, 4, { prefix: 'check-in-test' })
    const input = courseInput(now, { capacity: 3, startsInHours: 48, sessionCount: 3, completionPercent: 80 })
    sessionStarts = input.sessions.map((session) => Date.parse(session.startsAt))
    course = await publishedCourse(t, input)
    for (const member of members) {
      const response = await enroll(t, member, course.id, { waitlist: true })
      expect(response.statusCode).toBe(201)
    }
  }, 120_000)
  afterAll(() => t.close())

  const [A, B, C, D] = [0, 1, 2, 3]
  const code = async (sessionId: string) =>
    t.as('demo-training')({ method: 'POST', url: `/api/workbench/training/sessions/${sessionId}/check-in-code`, payload: {} })
  const checkIn = (member: TestMember, body: { code: string; sessionId?: string }) =>
    asMember(t, member)({ method: 'POST', url: '/api/training/check-ins', payload: body, headers: { 'idempotency-key': freshKey() } })
  const mark = (sessionId: string, body: Record<string, unknown>, staff = 'demo-training') =>
    t.as(staff)({
      method: 'POST',
      url: `/api/workbench/training/sessions/${sessionId}/attendance`,
      payload: body,
      headers: { 'idempotency-key': freshKey() },
    })

  it('no code before the check-in window opens; during it, a live code checks a seated trainee in once', async () => {
    const early = await code(course.sessionIds[0]!)
    expect(early.statusCode).toBe(409)
    expect(early.json().code).toBe('CHECK_IN_CLOSED')

    now = new Date(sessionStarts[0]! - 10 * 60_000)
    const qr = await code(course.sessionIds[0]!)
    expect(qr.statusCode).toBe(200)
    expect(qr.json()).toMatchObject({ imageDataUrl: expect.stringMatching(/^data:image\/png;base64,/) })
    const first = await checkIn(members[A]!, { code: qr.json().code, sessionId: course.sessionIds[0] })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ status: 'present', firstTime: true, sessionId: course.sessionIds[0] })
    const again = await checkIn(members[A]!, { code: qr.json().code })
    expect(again.json()).toMatchObject({ status: 'present', firstTime: false })
  })

  it('a tampered code, an expired one, another session’s code and a member card are all refused', async () => {
    const live = (await code(course.sessionIds[0]!)).json().code as string
    const flipped = live.slice(0, -3) + (live.at(-3) === 'A' ? 'B' : 'A') + live.slice(-2)
    const tampered = await checkIn(members[B]!, { code: flipped })
    expect(tampered.statusCode).toBe(400)
    expect(tampered.json().code).toBe('CHECK_IN_CODE_INVALID')

    const wrongSession = await checkIn(members[B]!, { code: live, sessionId: course.sessionIds[1] })
    expect(wrongSession.statusCode).toBe(409)
    expect(wrongSession.json().code).toBe('CHECK_IN_WRONG_SESSION')

    const card = (await asMember(t, members[B]!)({ method: 'GET', url: '/api/membership/card' })).json().qr.code as string
    const cardAsCode = await checkIn(members[B]!, { code: card })
    expect(cardAsCode.json().code).toBe('CHECK_IN_CODE_INVALID')

    now = new Date(now.getTime() + 61_000)
    const expired = await checkIn(members[B]!, { code: live })
    expect(expired.statusCode).toBe(400)
    expect(expired.json()).toMatchObject({ code: 'CHECK_IN_CODE_INVALID', message: expect.stringContaining('过期') })
  })

  it('someone on the waitlist cannot check in; late arrivals are recorded late; staff scan a member card once', async () => {
    const qr = (await code(course.sessionIds[0]!)).json().code as string
    const waiting = await checkIn(members[D]!, { code: qr })
    expect(waiting.statusCode).toBe(409)
    expect(waiting.json().code).toBe('NOT_ENROLLED')

    now = new Date(sessionStarts[0]! + 15 * 60_000)
    const lateQr = (await code(course.sessionIds[0]!)).json().code as string
    expect((await checkIn(members[B]!, { code: lateQr })).json()).toMatchObject({ status: 'late', firstTime: true })

    const card = (await asMember(t, members[C]!)({ method: 'GET', url: '/api/membership/card' })).json().qr.code as string
    const scanned = await mark(course.sessionIds[0]!, { kind: 'card', code: card })
    expect(scanned.statusCode).toBe(200)
    expect(scanned.json()).toMatchObject({ status: 'late', changed: true, name: '测试会员3' })
    expect((await mark(course.sessionIds[0]!, { kind: 'card', code: card })).json().changed).toBe(false)
    // The waitlisted member's card names someone without a seat.
    const waitingCard = (await asMember(t, members[D]!)({ method: 'GET', url: '/api/membership/card' })).json().qr.code as string
    expect((await mark(course.sessionIds[0]!, { kind: 'card', code: waitingCard })).json().code).toBe('NOT_ENROLLED')

    const detail = (await t.as('demo-training')({ method: 'GET', url: `/api/workbench/training/sessions/${course.sessionIds[0]}` })).json()
    expect(detail.session).toMatchObject({ present: 1, late: 2, absent: 0 })
    expect(detail.items.map((row: { attendance: string }) => row.attendance).sort()).toEqual(['late', 'late', 'present'])
  })

  it('after a session ends no code is issued and the absent are recorded by the job', async () => {
    now = new Date(sessionStarts[1]! - 5 * 60_000)
    const qr = (await code(course.sessionIds[1]!)).json().code as string
    // Session 2: A and C check in, B does not come.
    expect((await checkIn(members[A]!, { code: qr })).statusCode).toBe(200)
    expect((await checkIn(members[C]!, { code: qr })).statusCode).toBe(200)
    now = new Date(sessionStarts[1]! + 2 * HOUR + 60_000)
    const closed = await code(course.sessionIds[1]!)
    expect(closed.json().code).toBe('CHECK_IN_CLOSED')
    await t.app.jobs.tick()
    const detail = (await t.as('demo-training')({ method: 'GET', url: `/api/workbench/training/sessions/${course.sessionIds[1]}` })).json()
    expect(detail.session).toMatchObject({ present: 2, absent: 1 })
  })

  it('after the last session: 80 % completes with a certificate anyone can verify; below does not', async () => {
    now = new Date(sessionStarts[2]! + 5 * 60_000)
    const qr = (await code(course.sessionIds[2]!)).json().code as string
    for (const index of [A, B, C]) expect((await checkIn(members[index]!, { code: qr })).statusCode).toBe(200)
    // C leaves early in the eyes of the record: staff correct C's third session to absent.
    const rosterRows = (await t.as('demo-training')({ method: 'GET', url: `/api/workbench/training/courses/${course.id}/roster` })).json()
      .items
    const rowOf = (name: string) => rosterRows.find((row: { name: string }) => row.name === name)
    expect(
      (await mark(course.sessionIds[2]!, { kind: 'manual', enrollmentId: rowOf('测试会员3').enrollmentId, status: 'absent' })).statusCode,
    ).toBe(200)

    now = new Date(sessionStarts[2]! + 3 * HOUR)
    await t.app.jobs.tick()
    const statusOf = async (member: TestMember) =>
      (await asMember(t, member)({ method: 'GET', url: `/api/training/courses/${course.id}` })).json().mine.status
    expect(await statusOf(members[A]!)).toBe('completed')
    expect(await statusOf(members[B]!)).toBe('not_completed') // 2 of 3: 66 %
    expect(await statusOf(members[C]!)).toBe('not_completed')

    const certificates = (await asMember(t, members[A]!)({ method: 'GET', url: '/api/training/certificates' })).json().items
    expect(certificates).toHaveLength(1)
    expect(certificates[0]).toMatchObject({
      holderName: '测试会员1',
      attendancePercent: 100,
      revoked: false,
      number: expect.stringMatching(/^连工培〔\d{4}〕\d{6}号$/),
    })
    expect((await asMember(t, members[B]!)({ method: 'GET', url: '/api/training/certificates' })).json().items).toHaveLength(0)

    // The public check: no session needed, a masked name, and lower case or without the dash works.
    const verify = await t.app.inject({
      method: 'GET',
      url: `/api/training/certificates/verify/${certificates[0].verifyCode.toLowerCase()}`,
    })
    expect(verify.statusCode).toBe(200)
    expect(verify.json()).toMatchObject({
      result: 'valid',
      number: certificates[0].number,
      holderNameMasked: '测试***',
      courseTitle: '测试课程·钳工技能提升',
    })
    expect(JSON.stringify(verify.json())).not.toContain('测试会员1')
    const unknown = await t.app.inject({ method: 'GET', url: '/api/training/certificates/verify/ABCDE-FGHJK' })
    expect(unknown.statusCode).toBe(404)
  })

  it('a correction after the course settles changes completion: a certificate is issued, or revoked and shown revoked', async () => {
    const rosterRows = (await t.as('demo-training')({ method: 'GET', url: `/api/workbench/training/courses/${course.id}/roster` })).json()
      .items
    const rowOf = (name: string) => rosterRows.find((row: { name: string }) => row.name === name)
    // C was wrongly marked absent: put right, C completes.
    expect(
      (await mark(course.sessionIds[2]!, { kind: 'manual', enrollmentId: rowOf('测试会员3').enrollmentId, status: 'present' })).json()
        .changed,
    ).toBe(true)
    expect((await asMember(t, members[C]!)({ method: 'GET', url: '/api/training/certificates' })).json().items).toHaveLength(1)
    // A turns out to have been absent twice: the certificate no longer holds.
    const a = (await asMember(t, members[A]!)({ method: 'GET', url: '/api/training/certificates' })).json().items[0]
    await mark(course.sessionIds[1]!, { kind: 'manual', enrollmentId: rowOf('测试会员1').enrollmentId, status: 'absent' })
    expect((await asMember(t, members[A]!)({ method: 'GET', url: '/api/training/certificates' })).json().items).toHaveLength(0)
    const verify = await t.app.inject({ method: 'GET', url: `/api/training/certificates/verify/${a.verifyCode}` })
    expect(verify.json().result).toBe('revoked')
    expect(now.getTime() - start.getTime()).toBeGreaterThan(2 * DAY)
  })
})
