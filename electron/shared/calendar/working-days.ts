/**
 * Working days for DSI: Monday to Friday that is not a government holiday. [seed 003]
 *
 * Holidays come from per-year data files. A date in a year with no file is still answered
 * (weekends only) so the kiosk keeps working on 1 January, but `covers()` reports the gap so the
 * caller can warn and the technician screen can flag the missing file.
 */
import { addDays, weekdayOf, type LocalDate } from './local-date.js';
import type { HolidayEntry, HolidayYear } from './holiday-schema.js';

export interface WorkingDayCalendar {
  /** Years that have a holiday file, ascending. */
  readonly coveredYears: readonly number[];
  /** True when `date`'s year has a holiday file. */
  covers(date: LocalDate): boolean;
  holidayOn(date: LocalDate): HolidayEntry | undefined;
  isWorkingDay(date: LocalDate): boolean;
  /** `date` itself if it is a working day, else the next working day. */
  workingDayOnOrAfter(date: LocalDate): LocalDate;
  /**
   * The `count`-th working day after `date` ("5 working days counted from the day after").
   * `count` 0 returns `date` unchanged. Throws for a negative or non-integer count (a bug).
   */
  addWorkingDays(date: LocalDate, count: number): LocalDate;
}

export function createWorkingDayCalendar(years: readonly HolidayYear[]): WorkingDayCalendar {
  const holidays = new Map<LocalDate, HolidayEntry>();
  const coveredYears = new Set<number>();
  for (const file of years) {
    if (coveredYears.has(file.year)) throw new Error(`holiday year ${file.year} given twice`);
    coveredYears.add(file.year);
    for (const entry of file.holidays) holidays.set(entry.date, entry);
  }

  const isWorkingDay = (date: LocalDate): boolean => weekdayOf(date) <= 5 && !holidays.has(date);

  return {
    coveredYears: [...coveredYears].sort((a, b) => a - b),
    covers: (date) => coveredYears.has(Number(date.slice(0, 4))),
    holidayOn: (date) => holidays.get(date),
    isWorkingDay,
    workingDayOnOrAfter(date) {
      let day = date;
      while (!isWorkingDay(day)) day = addDays(day, 1);
      return day;
    },
    addWorkingDays(date, count) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`bad working-day count ${count}`);
      let day = date;
      for (let left = count; left > 0; ) {
        day = addDays(day, 1);
        if (isWorkingDay(day)) left -= 1;
      }
      return day;
    },
  };
}
