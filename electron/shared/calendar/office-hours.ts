/**
 * Opening hours per office, evaluated in Macau time.
 *
 * An office has weekly sessions (Hengqin has two a day: 09:00–12:00 and 14:00–18:00 [seed 004])
 * and is either closed on non-working days (DSI counters [seed 003]) or open every day
 * (the smart lockers in the 24-hour centres).
 */
import { z } from 'zod';
import { addDays, minutesOfTime, LocalTimeSchema, weekdayOf, type LocalDate } from './local-date.js';
import { macauInstant, toMacauWallClock } from './macau-time.js';
import type { WorkingDayCalendar } from './working-days.js';

export const WeekdayName = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type WeekdayName = z.infer<typeof WeekdayName>;
const WEEKDAY_NAMES: readonly WeekdayName[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const OfficeSessionSchema = z
  .object({
    days: z.array(WeekdayName).min(1),
    open: LocalTimeSchema,
    close: LocalTimeSchema,
  })
  .refine((session) => session.open < session.close, {
    message: 'open must be earlier than close',
    path: ['close'],
  });

export const OfficeHoursSchema = z.object({
  sessions: z.array(OfficeSessionSchema).min(1),
  /** true: open on working days only (closed Saturdays, Sundays and government holidays). */
  workingDaysOnly: z.boolean(),
});

export type OfficeHours = z.infer<typeof OfficeHoursSchema>;

/** Minutes after midnight, [open, close). */
export interface OpenInterval {
  open: number;
  close: number;
}

export interface OfficeHoursCalendar<Office extends string> {
  intervalsOn(office: Office, date: LocalDate): OpenInterval[];
  isOpen(office: Office, instant: Date): boolean;
  /** `instant` itself when open, else the next opening within `horizonDays`, else null. */
  nextOpenAt(office: Office, instant: Date, horizonDays?: number): Date | null;
}

export function createOfficeHours<Office extends string>(
  offices: Readonly<Record<Office, OfficeHours>>,
  calendar: WorkingDayCalendar,
): OfficeHoursCalendar<Office> {
  const intervalsOn = (office: Office, date: LocalDate): OpenInterval[] => {
    const hours = offices[office];
    if (hours.workingDaysOnly && !calendar.isWorkingDay(date)) return [];
    const dayName = WEEKDAY_NAMES[weekdayOf(date) - 1];
    return hours.sessions
      .filter((session) => dayName !== undefined && session.days.includes(dayName))
      .map((session) => ({ open: minutesOfTime(session.open), close: minutesOfTime(session.close) }))
      .sort((a, b) => a.open - b.open);
  };

  const isOpen = (office: Office, instant: Date): boolean => {
    const clock = toMacauWallClock(instant);
    const secondOfDay = clock.seconds;
    return intervalsOn(office, clock.date).some(
      (interval) => secondOfDay >= interval.open * 60 && secondOfDay < interval.close * 60,
    );
  };

  return {
    intervalsOn,
    isOpen,
    nextOpenAt(office, instant, horizonDays = 60) {
      if (isOpen(office, instant)) return instant;
      const clock = toMacauWallClock(instant);
      for (let offset = 0; offset <= horizonDays; offset += 1) {
        const date = addDays(clock.date, offset);
        for (const interval of intervalsOn(office, date)) {
          if (offset > 0 || interval.open * 60 > clock.seconds) return macauInstant(date, interval.open);
        }
      }
      return null;
    },
  };
}
