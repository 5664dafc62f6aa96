import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { addWorkingDays, chinaDate, isPastDeadline, workingCalendar, type WorkingCalendar } from '@contract/rules/working-days'
import type { Config } from '../config'

/**
 * The city's one working-day calendar (public holidays and make-up working days, from the
 * configuration) and the deadline helpers every line uses: "within N working days" as a China
 * date, the overdue condition in SQL, and the overdue flag for views.
 */
const calendars = new WeakMap<Config, WorkingCalendar>()

export function calendarOf(config: Config): WorkingCalendar {
  let calendar = calendars.get(config)
  if (!calendar) {
    calendar = workingCalendar(config.calendar.holidays, config.calendar.extraWorkdays)
    calendars.set(config, calendar)
  }
  return calendar
}

/** The China date by which something due within `workingDays` of `from` must be done. */
export function dueBy(calendar: WorkingCalendar, from: Date, workingDays: number): string {
  return addWorkingDays(chinaDate(from), workingDays, calendar)
}

/** SQL: this date column's deadline has passed, as of `now` (a whole China day after it). */
export function overdueSql(column: AnyColumn | SQL, now: Date): SQL {
  return sql`${column} < ${chinaDate(now)}`
}

/** For views: the deadline has passed as of `now`. */
export function isOverdue(deadline: string | null, now: Date): boolean {
  return deadline !== null && isPastDeadline(deadline, now)
}

export { chinaDate }
