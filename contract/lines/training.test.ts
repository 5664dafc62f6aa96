import {
  addMonths,
  attendancePercent,
  checkInOpen,
  claimWindowCheck,
  ENROLLMENT_STATUSES,
  enrollmentWorkflow,
  normaliseVerifyCode,
  payableYuan,
  rangesOverlap,
  subsidyWorkflow,
  CLAIM_STATUSES,
  type EnrollmentStatus,
} from './training'

/** The enrollment table, written out by hand: every (status, action) pair that is allowed. */
const allowedEnrollment: Record<string, EnrollmentStatus> = {
  'waitlisted/offer': 'offered',
  'offered/confirm': 'enrolled',
  'enrolled/cancel': 'cancelled',
  'waitlisted/cancel': 'cancelled',
  'offered/cancel': 'cancelled',
  'offered/lapse': 'lapsed',
  'enrolled/course_cancel': 'course_cancelled',
  'waitlisted/course_cancel': 'course_cancelled',
  'offered/course_cancel': 'course_cancelled',
  'enrolled/complete': 'completed',
  'not_completed/complete': 'completed',
  'enrolled/not_complete': 'not_completed',
  'completed/not_complete': 'not_completed',
}

const allowedClaim: Record<string, string> = {
  'submitted/approve': 'approved',
  'submitted/reject': 'rejected',
  'approved/pay': 'paid',
  'submitted/withdraw': 'withdrawn',
}

describe('the training workflows', () => {
  it.each(ENROLLMENT_STATUSES.flatMap((status) => enrollmentWorkflow.actionList.map((action) => [status, action] as const)))(
    'enrollment %s + %s',
    (status, action) => {
      const expected = allowedEnrollment[`${status}/${action}`]
      const result = enrollmentWorkflow.next(status, action)
      if (expected) expect(result).toEqual({ ok: true, to: expected })
      else expect(result.ok).toBe(false)
    },
  )

  it.each(CLAIM_STATUSES.flatMap((status) => subsidyWorkflow.actionList.map((action) => [status, action] as const)))(
    'claim %s + %s',
    (status, action) => {
      const expected = allowedClaim[`${status}/${action}`]
      const result = subsidyWorkflow.next(status, action)
      if (expected) expect(result).toEqual({ ok: true, to: expected })
      else expect(result.ok).toBe(false)
    },
  )
})

describe('the training rules', () => {
  const session = { startsAt: '2026-12-05T01:00:00.000Z', endsAt: '2026-12-05T03:00:00.000Z' }

  it('check-in opens 30 minutes before a session and closes when it ends', () => {
    expect(checkInOpen(session, new Date('2026-12-05T00:29:00Z'))).toBe(false)
    expect(checkInOpen(session, new Date('2026-12-05T00:31:00Z'))).toBe(true)
    expect(checkInOpen(session, new Date('2026-12-05T02:59:00Z'))).toBe(true)
    expect(checkInOpen(session, new Date('2026-12-05T03:00:00Z'))).toBe(false)
  })

  it('sessions that touch do not overlap; sessions that share a minute do', () => {
    expect(rangesOverlap(session, { startsAt: session.endsAt, endsAt: '2026-12-05T05:00:00.000Z' })).toBe(false)
    expect(rangesOverlap(session, { startsAt: '2026-12-05T02:59:00.000Z', endsAt: '2026-12-05T05:00:00.000Z' })).toBe(true)
  })

  it('attendance is a whole percentage, rounded down', () => {
    expect(attendancePercent(2, 3)).toBe(66) // rounded down: 79.9 % never passes for 80 %
    expect(attendancePercent(4, 5)).toBe(80)
    expect(attendancePercent(0, 0)).toBe(0)
  })

  it('the subsidy pays only the highest promotion of a year, and a diploma its own amount', () => {
    expect(payableYuan('intermediate', 0)).toBe(500)
    expect(payableYuan('technician', 500)).toBe(500)
    expect(payableYuan('advanced', 1000)).toBe(0)
    expect(payableYuan('diploma', 1000)).toBe(500)
  })

  it('a claim is due within six months of the certificate, at the month’s end when the day does not exist', () => {
    expect(addMonths('2026-03-31', 6)).toBe('2026-09-30')
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(claimWindowCheck('2026-03-31', '2026-09-30')).toEqual({ ok: true })
    expect(claimWindowCheck('2026-03-31', '2026-10-01').ok).toBe(false)
    expect(claimWindowCheck('2026-12-02', '2026-12-01').ok).toBe(false)
  })

  it('a verification code is read however it is typed', () => {
    expect(normaliseVerifyCode(' abcde-fghjk ')).toBe('ABCDEFGHJK')
  })
})
