/**
 * Calendar dates and wall-clock times without a zone ("2026-09-25", "13:30").
 *
 * Arithmetic runs on UTC-based Date values only (Date.UTC / getUTC*), so the machine's time zone
 * can never shift a date. Never use local getters (getDate, getHours, …) anywhere in this module.
 */
import { z } from 'zod';

/** A calendar date, ISO 8601 "YYYY-MM-DD". */
export type LocalDate = string;
/** A wall-clock time "HH:MM", 00:00–24:00 (24:00 means end of day, for closing times). */
export type LocalTime = string;

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-4]):([0-5]\d)$/;
const MS_PER_DAY = 86_400_000;

export function isValidLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

export const LocalDateSchema = z
  .string()
  .refine(isValidLocalDate, { message: 'expected a calendar date "YYYY-MM-DD"' });

export const LocalTimeSchema = z
  .string()
  .refine((value) => TIME_PATTERN.test(value) && (value < '24:00' || value === '24:00'), {
    message: 'expected a time "HH:MM" between 00:00 and 24:00',
  });

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function parseLocalDate(date: LocalDate): DateParts {
  const match = DATE_PATTERN.exec(date);
  if (!match || !isValidLocalDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function formatLocalDate(parts: DateParts): LocalDate {
  const yyyy = String(parts.year).padStart(4, '0');
  const mm = String(parts.month).padStart(2, '0');
  const dd = String(parts.day).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}`;
}

function toEpochDay(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): LocalDate {
  const probe = new Date(epochDay * MS_PER_DAY);
  return formatLocalDate({
    year: probe.getUTCFullYear(),
    month: probe.getUTCMonth() + 1,
    day: probe.getUTCDate(),
  });
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function weekdayOf(date: LocalDate): IsoWeekday {
  const sundayZero = new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as IsoWeekday;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds calendar months; when the target month is shorter, the day is clamped to its last day
 * (31 Aug − 6 months = 28 Feb), which is how the Macau Civil Code ends a period counted in months.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const zeroBased = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(zeroBased / 12);
  const targetMonth = (zeroBased % 12) + 1;
  return formatLocalDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** "HH:MM" → minutes after midnight (24:00 → 1440). */
export function minutesOfTime(time: LocalTime): number {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`not a time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
