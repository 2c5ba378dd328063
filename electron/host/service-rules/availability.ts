/**
 * Is the service open now, and which offices are. Every kiosk service runs 24 hours in the
 * self-service centres [000]; limits that depend on the person (office hours for BIRP holders
 * aged 18–24 on the issue date) are eligibility reasons, not availability.
 */
import { formatMacauIso, toMacauWallClock } from '../../shared/calendar/macau-time.js';
import type { OfficeHoursCalendar } from '../../shared/calendar/office-hours.js';
import type { WorkingDayCalendar } from '../../shared/calendar/working-days.js';
import type { Availability } from '../../shared/kiosk-api/schemas/service-results.js';
import { PickupPlace, type ServiceId } from '../../shared/kiosk-api/schemas/service-id.js';

export function availabilityOf(
  serviceId: ServiceId,
  now: Date,
  calendar: WorkingDayCalendar,
  hours: OfficeHoursCalendar<PickupPlace>,
  officeHoursOffice: PickupPlace,
): Availability {
  const today = toMacauWallClock(now).date;
  const offices = PickupPlace.options.map((office) => {
    const openNow = hours.isOpen(office, now);
    const next = openNow ? null : hours.nextOpenAt(office, now);
    return { office, openNow, nextOpenAt: next ? formatMacauIso(next) : null };
  });
  return {
    serviceId,
    schedule: '24-hours',
    openNow: true,
    nextOpenAt: null,
    officeHoursNow: hours.isOpen(officeHoursOffice, now),
    workingDay: calendar.isWorkingDay(today),
    offices,
    notices: calendar.covers(today) ? [] : ['holiday-data-missing'],
  };
}
