/** Office hours per office, in Macau time. [003, 004] */
import { describe, expect, it } from 'vitest';
import { formatMacauIso } from '../../../electron/host/calendar/index.js';
import { at, rules } from '../services/fixtures.js';

const hours = rules.officeHours;

describe('office hours', () => {
  it.each([
    { office: 'hq', when: ['2026-03-10', '08:59:59'], open: false },
    { office: 'hq', when: ['2026-03-10', '09:00:00'], open: true },
    { office: 'hq', when: ['2026-03-10', '17:59:59'], open: true },
    { office: 'hq', when: ['2026-03-10', '18:00:00'], open: false },
    { office: 'islands-centre', when: ['2026-03-14', '10:00:00'], open: false },
    { office: 'government-services-building', when: ['2026-10-01', '10:00:00'], open: false },
    { office: 'hengqin', when: ['2026-03-10', '11:59:59'], open: true },
    { office: 'hengqin', when: ['2026-03-10', '12:30:00'], open: false },
    { office: 'hengqin', when: ['2026-03-10', '14:00:00'], open: true },
    { office: 'smart-locker', when: ['2026-10-01', '03:00:00'], open: true },
  ] as const)('$office at $when.0 $when.1 → open $open', ({ office, when, open }) => {
    expect(hours.isOpen(office, at(when[0], when[1]))).toBe(open);
  });

  it('next opening skips weekends and holidays', () => {
    const next = hours.nextOpenAt('hq', at('2026-09-25', '18:30'));
    expect(next && formatMacauIso(next)).toBe('2026-09-29T09:00:00+08:00');
  });

  it('Hengqin lunch break: next opening is 14:00', () => {
    const next = hours.nextOpenAt('hengqin', at('2026-03-10', '12:05'));
    expect(next && formatMacauIso(next)).toBe('2026-03-10T14:00:00+08:00');
  });

  it('availability reports each office and office hours now', () => {
    const result = rules.availability('queue-ticket', at('2026-03-10', '12:30'));
    expect(result.officeHoursNow).toBe(true);
    expect(result.workingDay).toBe(true);
    expect(result.offices.find((o) => o.office === 'hengqin')).toEqual({
      office: 'hengqin',
      openNow: false,
      nextOpenAt: '2026-03-10T14:00:00+08:00',
    });
    expect(result.openNow).toBe(true);
  });
});
