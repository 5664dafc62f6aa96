/**
 * Working-day arithmetic for deadlines ("decide within 7 working days"). Dates are calendar
 * dates in China (UTC+8, no daylight saving), written `YYYY-MM-DD`. A working day is a weekday
 * that is not a public holiday, or a weekend day the State Council made a working day (调休).
 */
export interface WorkingCalendar {
  /** Public holidays (放假), including weekdays given off in exchange for make-up days. */
  holidays: ReadonlySet<string>
  /** Weekend days that are working days (调休上班). */
  extraWorkdays: ReadonlySet<string>
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 24 * 60 * 60 * 1000
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/**
 * 2026 as published by the State Council (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04).
 * Deployments set LEGAL_AID_HOLIDAYS / LEGAL_AID_WORKDAYS when the next year's notice is out.
 */
export const CHINA_2026_HOLIDAYS: readonly string[] = [
  ...dateRange('2026-01-01', '2026-01-03'),
  ...dateRange('2026-02-15', '2026-02-23'),
  ...dateRange('2026-04-04', '2026-04-06'),
  ...dateRange('2026-05-01', '2026-05-05'),
  ...dateRange('2026-06-19', '2026-06-21'),
  ...dateRange('2026-09-25', '2026-09-27'),
  ...dateRange('2026-10-01', '2026-10-07'),
]

export const CHINA_2026_EXTRA_WORKDAYS: readonly string[] = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
]

export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

function toUtcMidnight(date: string): number {
  if (!isIsoDate(date)) throw new Error(`not a date: ${date}`)
  return Date.parse(`${date}T00:00:00Z`)
}

function fromUtcMidnight(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Every date from `first` to `last`, both included. */
export function dateRange(first: string, last: string): string[] {
  const out: string[] = []
  for (let ms = toUtcMidnight(first); ms <= toUtcMidnight(last); ms += DAY_MS) out.push(fromUtcMidnight(ms))
  return out
}

/** The calendar date in China at an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.extraWorkdays.has(date)) return true
  if (calendar.holidays.has(date)) return false
  const weekday = new Date(toUtcMidnight(date)).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/**
 * The date of the `count`-th working day after `date` (the day itself does not count: a case
 * submitted on Friday evening has all of its 7 working days still ahead).
 */
export function addWorkingDays(date: string, count: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(count) || count < 0) throw new Error('count must be a non-negative integer')
  let ms = toUtcMidnight(date)
  let left = count
  // A year has far fewer than 400 non-working days: the bound only guards against a bad calendar.
  for (let guard = 0; left > 0 && guard < count + 400; guard++) {
    ms += DAY_MS
    if (isWorkingDay(fromUtcMidnight(ms), calendar)) left--
  }
  return fromUtcMidnight(ms)
}

/**
 * How many working days lie after `from` up to and including `to` (0 when `to` is not later): the
 * working days a clock stood still between two dates, to move a deadline on by as many when it
 * starts again (addWorkingDays(deadline, workingDaysBetween(pausedOn, resumedOn))).
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  let count = 0
  for (let ms = toUtcMidnight(from) + DAY_MS; ms <= toUtcMidnight(to); ms += DAY_MS) {
    if (isWorkingDay(fromUtcMidnight(ms), calendar)) count++
  }
  return count
}

/** A deadline is overdue once its whole day has passed in China. */
export function isPastDeadline(deadline: string, now: Date): boolean {
  return chinaDate(now) > deadline
}

/** `2026-01-01, 2026-01-02` → the dates, or the first bad entry. */
export function parseDateList(text: string): { ok: true; dates: string[] } | { ok: false; bad: string } {
  const dates = text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean)
  const bad = dates.find((item) => !isIsoDate(item))
  return bad === undefined ? { ok: true, dates } : { ok: false, bad }
}

export function workingCalendar(holidays: readonly string[], extraWorkdays: readonly string[]): WorkingCalendar {
  return { holidays: new Set(holidays), extraWorkdays: new Set(extraWorkdays) }
}
