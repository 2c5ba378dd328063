/** Macau wall-clock conversions and date arithmetic. */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  formatMacauIso,
  isValidLocalDate,
  macauInstant,
  toMacauWallClock,
  weekdayOf,
} from '../../../electron/host/calendar/index.js';
import { ageOn } from '../../../electron/host/service-rules/age.js';

describe('Macau time', () => {
  it('reads the Macau date of an instant written in UTC', () => {
    // 16:30 UTC on 10 March is 00:30 on 11 March in Macau.
    const clock = toMacauWallClock(new Date('2026-03-10T16:30:00Z'));
    expect(clock).toEqual({ date: '2026-03-11', weekday: 3, minutes: 30, seconds: 1800 });
  });

  it('round-trips wall-clock time', () => {
    expect(macauInstant('2026-03-10', '13:30').toISOString()).toBe('2026-03-10T05:30:00.000Z');
    expect(formatMacauIso(new Date('2026-03-10T05:30:00Z'))).toBe('2026-03-10T13:30:00+08:00');
    expect(formatMacauIso(macauInstant('2026-03-10', '24:00'))).toBe('2026-03-11T00:00:00+08:00');
  });

  it('dates: weekdays, validity, month arithmetic', () => {
    expect(weekdayOf('2026-09-25')).toBe(5);
    expect(isValidLocalDate('2027-02-29')).toBe(false);
    expect(isValidLocalDate('2028-02-29')).toBe(true);
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2026-03-10', -6)).toBe('2025-09-10');
  });
});

describe('age on a date', () => {
  it.each([
    { birth: '2000-06-15', on: '2018-06-15', rule: 'march-1', age: 18 },
    { birth: '2000-06-15', on: '2018-06-14', rule: 'march-1', age: 17 },
    { birth: '2000-02-29', on: '2018-02-28', rule: 'march-1', age: 17 },
    { birth: '2000-02-29', on: '2018-03-01', rule: 'march-1', age: 18 },
    { birth: '2000-02-29', on: '2018-02-28', rule: 'february-28', age: 18 },
    { birth: '2000-02-29', on: '2020-02-29', rule: 'march-1', age: 20 },
    { birth: '2000-02-29', on: '2020-02-28', rule: 'february-28', age: 19 },
  ] as const)('born $birth, on $on ($rule) → $age', ({ birth, on, rule, age }) => {
    expect(ageOn(birth, on, rule)).toBe(age);
  });
});
