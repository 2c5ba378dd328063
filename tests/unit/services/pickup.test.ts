/** Pickup ready times from the seed 003 table kept in config/pickup.json. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutesOfTime } from '../../../electron/shared/calendar/local-date.js';
import { toMacauWallClock } from '../../../electron/shared/calendar/macau-time.js';
import { PickupOption, type PickupPlace } from '../../../electron/host/service-rules/index.js';
import { at, rules } from './fixtures.js';

const readyAt = (submitted: Date): Record<string, string> =>
  Object.fromEntries(rules.pickupOptions('kinship-certificate', submitted).map((option) => [option.place, option.readyAt]));

describe('certificate pickup table [003], Hengqin +5 working days [004]', () => {
  // Tuesday 2026-03-10; next working day Wed 03-11; +2 working days Thu 03-12.
  it.each([
    { received: '09:00:00', hq: '2026-03-10T13:30', gsb: '2026-03-10T13:30' },
    { received: '10:14:59', hq: '2026-03-10T13:30', gsb: '2026-03-10T13:30' },
    { received: '10:15:00', hq: '2026-03-10T17:00', gsb: '2026-03-10T17:45' },
    { received: '13:00:00', hq: '2026-03-10T17:00', gsb: '2026-03-11T13:30' },
    { received: '14:30:00', hq: '2026-03-10T17:45', gsb: '2026-03-11T13:30' },
    { received: '15:59:59', hq: '2026-03-10T17:45', gsb: '2026-03-11T13:30' },
    { received: '16:00:00', hq: '2026-03-11T13:30', gsb: '2026-03-11T13:30' },
    { received: '23:30:00', hq: '2026-03-11T13:30', gsb: '2026-03-11T13:30' },
    { received: '06:00:00', hq: '2026-03-10T13:30', gsb: '2026-03-10T13:30' },
  ])('received $received on a Tuesday → HQ $hq, Gov. Services Bldg $gsb', ({ received, hq, gsb }) => {
    const ready = readyAt(at('2026-03-10', received));
    expect(ready.hq).toBe(`${hq}:00+08:00`);
    expect(ready['government-services-building']).toBe(`${gsb}:00+08:00`);
    expect(ready['islands-centre']).toBe(ready['government-services-building']);
    expect(ready['smart-locker']).toBe('2026-03-12T18:00:00+08:00');
  });

  it('Hengqin: HQ ready date + 5 working days, moved into the 14:00 session', () => {
    // HQ 13:30 Tue 03-10 → +5 working days = Tue 03-17, 13:30 is Hengqin's lunch break → 14:00.
    expect(readyAt(at('2026-03-10', '09:30')).hengqin).toBe('2026-03-17T14:00:00+08:00');
    // HQ 17:45 → Hengqin 17:45 (inside 14:00–18:00).
    expect(readyAt(at('2026-03-10', '15:00')).hengqin).toBe('2026-03-17T17:45:00+08:00');
  });

  it('the Friday before a holiday: after 16:00 on Fri 25 Sep 2026 → Tue 29 Sep (Sat holiday, Mon compensatory)', () => {
    const ready = readyAt(at('2026-09-25', '16:00:00'));
    expect(ready.hq).toBe('2026-09-29T13:30:00+08:00');
    expect(ready['smart-locker']).toBe('2026-09-30T18:00:00+08:00');
  });

  it('Friday 18 Dec 2026 → skips Mon 21 (SAR Day compensatory) and Tue 22 (Winter Solstice)', () => {
    expect(readyAt(at('2026-12-18', '17:00')).hq).toBe('2026-12-23T13:30:00+08:00');
  });

  it('a Saturday submission counts as received at 09:00 on the next working day', () => {
    const ready = readyAt(at('2026-03-14', '11:00'));
    expect(ready.hq).toBe('2026-03-16T13:30:00+08:00');
    expect(ready['smart-locker']).toBe('2026-03-18T18:00:00+08:00');
  });

  it('the locker option says to collect within 3 days of the notice', () => {
    const locker = rules.pickupOptions('kinship-certificate', at('2026-03-10')).find((o) => o.place === 'smart-locker');
    expect(locker?.collectWithinDays).toBe(3);
  });

  it('services without a document have no pickup options', () => {
    expect(rules.pickupOptions('queue-ticket', at('2026-03-10'))).toEqual([]);
  });

  it('a date beyond the holiday files still answers, with a notice', () => {
    const options = rules.pickupOptions('kinship-certificate', at('2028-03-07', '10:00'));
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(option.notices).toContain('holiday-data-missing');
  });
});

describe('pickup properties', () => {
  const instant = fc
    .date({ min: new Date('2026-01-01T00:00:00+08:00'), max: new Date('2027-11-30T23:59:59+08:00'), noInvalidDate: true });

  it('a ready time is on a working day, inside the place’s hours and after the submission', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom('kinship-certificate', 'renew-permanent', 'personal-data-certificate' as const), (submitted, service) => {
        for (const option of rules.pickupOptions(service, submitted)) {
          expect(PickupOption.safeParse(option).success).toBe(true);
          const ready = new Date(option.readyAt);
          expect(ready.getTime()).toBeGreaterThan(submitted.getTime());
          expect(rules.calendar.isWorkingDay(option.readyDate)).toBe(true);
          expect(rules.officeHours.isOpen(option.place as PickupPlace, ready)).toBe(true);
          expect(toMacauWallClock(ready).date).toBe(option.readyDate);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a later submission is never ready earlier at the same place', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 7 * 24 * 60 }), (first, laterMinutes) => {
        const second = new Date(first.getTime() + laterMinutes * 60_000);
        const earlier = rules.pickupOptions('kinship-certificate', first);
        const later = rules.pickupOptions('kinship-certificate', second);
        for (const option of earlier) {
          const match = later.find((candidate) => candidate.place === option.place);
          expect(match && new Date(match.readyAt) >= new Date(option.readyAt)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ready minutes fall inside one of the place’s sessions', () => {
    const option = rules.pickupOptions('kinship-certificate', at('2026-03-10', '09:30')).find((o) => o.place === 'hengqin');
    const minutes = toMacauWallClock(new Date(option?.readyAt ?? '')).minutes;
    expect(minutes >= minutesOfTime('14:00') && minutes < minutesOfTime('18:00')).toBe(true);
  });
});
