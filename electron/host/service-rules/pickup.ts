/**
 * Ready date and time at each pickup place, from the schedule in pickup.json.
 *
 * Receipt: a kiosk runs 24 hours but the table starts at the first band (09:00). A submission
 * before that on a working day counts as received at the first band; on a non-working day, at
 * the first band of the next working day. Bands include their start and exclude their end, so
 * 16:00:00 falls in the "from 16:00" band. Every ready time is finally moved forward, if
 * needed, into the place's opening hours (Hengqin closes 12:00–14:00).
 */
import type { OfficeHoursCalendar } from '../../shared/calendar/office-hours.js';
import { minutesOfTime, type LocalDate } from '../../shared/calendar/local-date.js';
import { formatMacauIso, macauDateOf, macauInstant, toMacauWallClock } from '../../shared/calendar/macau-time.js';
import type { WorkingDayCalendar } from '../../shared/calendar/working-days.js';
import type { PickupSchedule } from './config-schema.js';
import type { PickupAddress } from '../../shared/kiosk-api/schemas/pickup-address.js';
import type { PickupOption } from '../../shared/kiosk-api/schemas/service-results.js';
import { PickupPlace } from '../../shared/kiosk-api/schemas/service-id.js';

/** The instant `minutes` after midnight, Macau time, `count` working days after `day`. */
function addWorkingDaysAt(calendar: WorkingDayCalendar, day: LocalDate, count: number, minutes: number): Date {
  return macauInstant(calendar.addWorkingDays(day, count), minutes);
}

interface Receipt {
  day: LocalDate;
  seconds: number;
}

function receiptOf(schedule: PickupSchedule, submittedAt: Date, calendar: WorkingDayCalendar): Receipt {
  const clock = toMacauWallClock(submittedAt);
  const firstBand = schedule.bands[0];
  const opensAt = firstBand ? minutesOfTime(firstBand.from) * 60 : 0;
  if (calendar.isWorkingDay(clock.date)) return { day: clock.date, seconds: Math.max(clock.seconds, opensAt) };
  return { day: calendar.workingDayOnOrAfter(clock.date), seconds: opensAt };
}

export function computePickupOptions(
  schedule: PickupSchedule,
  submittedAt: Date,
  calendar: WorkingDayCalendar,
  hours: OfficeHoursCalendar<PickupPlace>,
  addresses: Readonly<Record<PickupPlace, PickupAddress>>,
): PickupOption[] {
  const receipt = receiptOf(schedule, submittedAt, calendar);
  const band = schedule.bands.filter((candidate) => minutesOfTime(candidate.from) * 60 <= receipt.seconds).at(-1);
  const readyByPlace = new Map<PickupPlace, Date>();

  const readyAt = (place: PickupPlace): Date | undefined => {
    const known = readyByPlace.get(place);
    if (known) return known;
    const rule = schedule.places[place];
    let instant: Date | undefined;
    if (rule?.rule === 'by-band') {
      const ready = band?.ready[place];
      if (ready) instant = addWorkingDaysAt(calendar, receipt.day, ready.workingDaysLater, minutesOfTime(ready.at));
    } else if (rule?.rule === 'working-days') {
      instant = addWorkingDaysAt(calendar, receipt.day, rule.workingDaysLater, minutesOfTime(rule.at));
    } else if (rule?.rule === 'after-place') {
      const base = readyAt(rule.basePlace);
      if (base) {
        const clock = toMacauWallClock(base);
        instant = addWorkingDaysAt(calendar, clock.date, rule.extraWorkingDays, clock.minutes);
      }
    }
    // Into the place's opening hours (e.g. Hengqin's 14:00 after a 13:30 HQ time).
    const snapped = instant ? hours.nextOpenAt(place, instant) ?? undefined : undefined;
    if (snapped) readyByPlace.set(place, snapped);
    return snapped;
  };

  const options: PickupOption[] = [];
  for (const place of PickupPlace.options) {
    if (!schedule.places[place]) continue;
    const ready = readyAt(place);
    if (!ready) continue;
    const readyDate = macauDateOf(ready);
    options.push({
      place,
      address: addresses[place],
      readyAt: formatMacauIso(ready),
      readyDate,
      collectWithinDays: schedule.collectWithinDays[place] ?? null,
      notices: calendar.covers(receipt.day) && calendar.covers(readyDate) ? [] : ['holiday-data-missing'],
    });
  }
  return options;
}
