/**
 * The one place that turns an instant into Macau wall-clock time and back.
 *
 * Macau has used UTC+08:00 all year since 1979 (no daylight saving), so fixed-offset arithmetic
 * is exact and, unlike local Date getters, does not depend on the machine's TZ setting.
 */
import {
  formatLocalDate,
  minutesOfTime,
  parseLocalDate,
  weekdayOf,
  type IsoWeekday,
  type LocalDate,
  type LocalTime,
} from './local-date.js';

export const MACAU_UTC_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = MACAU_UTC_OFFSET_MINUTES * 60_000;

export interface MacauWallClock {
  date: LocalDate;
  weekday: IsoWeekday;
  /** Minutes after midnight, 0–1439. */
  minutes: number;
  /** Seconds after midnight, 0–86399 (for "exactly 16:00:00" boundaries). */
  seconds: number;
}

export function toMacauWallClock(instant: Date): MacauWallClock {
  const epochMs = instant.getTime();
  if (Number.isNaN(epochMs)) throw new RangeError('invalid instant');
  // Shift to Macau wall-clock, then read the fields in UTC: no local-zone getters involved.
  const shifted = new Date(epochMs + OFFSET_MS);
  const date = formatLocalDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
  const seconds = shifted.getUTCHours() * 3600 + shifted.getUTCMinutes() * 60 + shifted.getUTCSeconds();
  return { date, weekday: weekdayOf(date), minutes: Math.floor(seconds / 60), seconds };
}

export function macauDateOf(instant: Date): LocalDate {
  return toMacauWallClock(instant).date;
}

/** The instant at which Macau's clocks show `date` `time` (24:00 = midnight ending the day). */
export function macauInstant(date: LocalDate, time: LocalTime | number): Date {
  const minutes = typeof time === 'number' ? time : minutesOfTime(time);
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day) + minutes * 60_000 - OFFSET_MS);
}

/** ISO 8601 with the Macau offset, e.g. "2026-09-29T13:30:00+08:00". */
export function formatMacauIso(instant: Date): string {
  const clock = toMacauWallClock(instant);
  const hh = String(Math.floor(clock.seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((clock.seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(clock.seconds % 60).padStart(2, '0');
  return `${clock.date}T${hh}:${mm}:${ss}+08:00`;
}
