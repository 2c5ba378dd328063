/** Working days from the per-year holiday files. [003: Mon–Fri except government holidays] */
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  createWorkingDayCalendar,
  daysBetween,
  loadHolidayYears,
  type HolidayYear,
} from '../../../electron/host/calendar/index.js';

const HOLIDAYS_DIR = fileURLToPath(new URL('../../../config/holidays', import.meta.url));
const years = loadHolidayYears(HOLIDAYS_DIR);
const calendar = createWorkingDayCalendar(years);

describe('holiday files', () => {
  it('ship 2026 and 2027', () => {
    expect(calendar.coveredYears).toEqual([2026, 2027]);
  });

  it.each([
    ['2026-01-01', 'New Year'],
    ['2026-02-17', 'Lunar New Year'],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'compensatory (Ching Ming / day before Easter on the weekend)'],
    ['2026-10-01', 'National Day'],
    ['2026-10-02', 'National Day, 2nd day'],
    ['2026-12-21', 'compensatory (SAR Establishment Day on Sunday)'],
    ['2026-12-22', 'Winter Solstice'],
    ['2027-02-09', 'compensatory (Lunar New Year on the weekend)'],
    ['2027-12-27', 'compensatory (Christmas on Saturday)'],
  ])('%s is not a working day (%s)', (date) => {
    expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it('weekends are not working days; an ordinary Tuesday is', () => {
    expect(calendar.isWorkingDay('2026-03-14')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-15')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-10')).toBe(true);
  });

  it('every compensatory day falls on a weekday', () => {
    for (const file of years) {
      for (const holiday of file.holidays.filter((h) => h.kind === 'compensatory')) {
        expect(new Date(`${holiday.date}T00:00:00Z`).getUTCDay()).not.toBe(0);
        expect(new Date(`${holiday.date}T00:00:00Z`).getUTCDay()).not.toBe(6);
      }
    }
  });
});

describe('adding working days', () => {
  it('[003] 5 working days counted from the day after Fri 25 Sep 2026 skip weekends and holidays', () => {
    // 26 Sat (holiday), 27 Sun, 28 Mon (compensatory), 29 Tue=1, 30 Wed=2, 1 Oct, 2 Oct holidays,
    // 3–4 weekend, 5 Mon=3, 6 Tue=4, 7 Wed=5.
    expect(calendar.addWorkingDays('2026-09-25', 5)).toBe('2026-10-07');
  });

  it('the Friday before a holiday: next working day after Fri 2 Apr 2026 is Wed 8 Apr', () => {
    expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-08');
  });

  it('0 working days is the same day; negative counts are a bug', () => {
    expect(calendar.addWorkingDays('2026-03-14', 0)).toBe('2026-03-14');
    expect(() => calendar.addWorkingDays('2026-03-10', -1)).toThrow(RangeError);
  });

  const dateIn = fc.integer({ min: 0, max: 700 }).map((offset) => addDays('2026-01-01', offset));

  it('is monotonic in the start date and in the count', () => {
    fc.assert(
      fc.property(dateIn, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), (start, n, m, shift) => {
        const later = addDays(start, shift);
        expect(calendar.addWorkingDays(later, n) >= calendar.addWorkingDays(start, n)).toBe(true);
        const [small, big] = n <= m ? [n, m] : [m, n];
        expect(calendar.addWorkingDays(start, big) >= calendar.addWorkingDays(start, small)).toBe(true);
      }),
    );
  });

  it('lands on a working day after the start, and n+1 is strictly later than n', () => {
    fc.assert(
      fc.property(dateIn, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const result = calendar.addWorkingDays(start, n);
        expect(calendar.isWorkingDay(result)).toBe(true);
        expect(daysBetween(start, result)).toBeGreaterThanOrEqual(n);
        expect(calendar.addWorkingDays(start, n + 1) > result).toBe(true);
      }),
    );
  });
});

describe('replacing the holiday file', () => {
  it('changes the answers without code changes', () => {
    const extra: HolidayYear[] = years.map((file) =>
      file.year === 2026
        ? {
            ...file,
            holidays: [...file.holidays, { date: '2026-03-10', kind: 'government', name: { zh: '特別假期', en: 'Special day off' } }],
          }
        : file,
    );
    const replaced = createWorkingDayCalendar(extra);
    expect(calendar.isWorkingDay('2026-03-10')).toBe(true);
    expect(replaced.isWorkingDay('2026-03-10')).toBe(false);
    expect(replaced.addWorkingDays('2026-03-09', 1)).toBe('2026-03-11');
  });

  it('a year without a file falls back to weekends only and says so', () => {
    expect(calendar.covers('2028-01-03')).toBe(false);
    expect(calendar.isWorkingDay('2028-01-03')).toBe(true);
  });
});
