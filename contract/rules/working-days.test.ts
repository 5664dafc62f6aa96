import {
  CHINA_2026_EXTRA_WORKDAYS,
  CHINA_2026_HOLIDAYS,
  addWorkingDays,
  chinaDate,
  dateRange,
  isPastDeadline,
  isWorkingDay,
  parseDateList,
  workingCalendar,
  workingDaysBetween,
} from './working-days'

const plain = workingCalendar([], [])
const china2026 = workingCalendar(CHINA_2026_HOLIDAYS, CHINA_2026_EXTRA_WORKDAYS)

describe('working days', () => {
  it('skip the weekend: 7 working days after Friday 2026-11-20 is Tuesday 2026-12-01', () => {
    expect(addWorkingDays('2026-11-20', 7, plain)).toBe('2026-12-01')
    expect(addWorkingDays('2026-11-20', 1, plain)).toBe('2026-11-23')
  })

  it('a submission on a Saturday counts from Monday', () => {
    expect(addWorkingDays('2026-11-21', 1, plain)).toBe('2026-11-23')
    expect(addWorkingDays('2026-11-21', 3, plain)).toBe('2026-11-25')
  })

  it('skip the National Day holiday and count its make-up Saturday (2026-10-10)', () => {
    // Wed 30 Sep + 3: holidays 1–7 Oct, then Thu 8, Fri 9, Sat 10 (调休上班).
    expect(addWorkingDays('2026-09-30', 3, china2026)).toBe('2026-10-10')
    expect(addWorkingDays('2026-09-30', 3, plain)).toBe('2026-10-05')
  })

  it('skip the Spring Festival and count both make-up Saturdays', () => {
    // Fri 13 Feb + 1 = Sat 14 Feb (调休上班); + 2 jumps the 15–23 Feb holiday to Tue 24 Feb.
    expect(addWorkingDays('2026-02-13', 1, china2026)).toBe('2026-02-14')
    expect(addWorkingDays('2026-02-13', 2, china2026)).toBe('2026-02-24')
    expect(addWorkingDays('2026-02-13', 7, china2026)).toBe('2026-03-02')
    expect(isWorkingDay('2026-02-28', china2026)).toBe(true)
  })

  it('a configured one-off holiday moves the deadline', () => {
    const withHoliday = workingCalendar(['2026-11-23'], [])
    expect(addWorkingDays('2026-11-20', 1, withHoliday)).toBe('2026-11-24')
  })

  it('zero working days is the day itself; negative or fractional counts are refused', () => {
    expect(addWorkingDays('2026-11-21', 0, plain)).toBe('2026-11-21')
    expect(() => addWorkingDays('2026-11-21', -1, plain)).toThrow()
    expect(() => addWorkingDays('2026-11-21', 1.5, plain)).toThrow()
  })

  it('the 2026 default has 33 holiday dates and 6 make-up working days, all valid', () => {
    expect(CHINA_2026_HOLIDAYS).toHaveLength(33)
    expect(CHINA_2026_EXTRA_WORKDAYS.every((date) => !isWorkingDay(date, plain))).toBe(true)
    expect(dateRange('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'])
  })

  it('dates are China dates: 23:30 UTC is already the next day in Lianyungang', () => {
    expect(chinaDate(new Date('2026-11-20T23:30:00Z'))).toBe('2026-11-21')
    expect(chinaDate(new Date('2026-11-20T15:59:59Z'))).toBe('2026-11-20')
  })

  it('a deadline is past only after its whole day', () => {
    expect(isPastDeadline('2026-12-01', new Date('2026-12-01T15:59:00Z'))).toBe(false)
    expect(isPastDeadline('2026-12-01', new Date('2026-12-01T16:00:00Z'))).toBe(true)
  })

  it('parse a configured list and name a bad entry', () => {
    expect(parseDateList('2026-01-01, 2026-01-02 ;2026-01-03')).toEqual({ ok: true, dates: ['2026-01-01', '2026-01-02', '2026-01-03'] })
    expect(parseDateList('')).toEqual({ ok: true, dates: [] })
    expect(parseDateList('2026-02-30')).toEqual({ ok: false, bad: '2026-02-30' })
  })

  it('counts the working days a clock stood still, so a paused deadline moves on by as many', () => {
    // Fri 20 Nov → Tue 24 Nov: Mon 23 and Tue 24 (the weekend does not count, nor the first day).
    expect(workingDaysBetween('2026-11-20', '2026-11-24', plain)).toBe(2)
    expect(workingDaysBetween('2026-11-20', '2026-11-20', plain)).toBe(0)
    expect(workingDaysBetween('2026-11-24', '2026-11-20', plain)).toBe(0)
    // Across National Day: 30 Sep → 10 Oct holds Thu 8, Fri 9 and the make-up Saturday.
    expect(workingDaysBetween('2026-09-30', '2026-10-10', china2026)).toBe(3)
    const paused = addWorkingDays('2026-11-20', 5, plain)
    expect(addWorkingDays(paused, workingDaysBetween('2026-11-20', '2026-11-24', plain), plain)).toBe(
      addWorkingDays('2026-11-20', 7, plain),
    )
  })
})
