/**
 * The rules engine the host wires into KioskApi: pure functions of facts, the clock and the
 * validated configuration. No I/O here; loading files is config-loader.ts.
 */
import type { z } from 'zod';
import { validateConfig } from '../calendar/config-file.js';
import { daysBetween, type LocalDate } from '../../shared/calendar/local-date.js';
import { formatMacauIso, toMacauWallClock } from '../../shared/calendar/macau-time.js';
import { createOfficeHours, type OfficeHoursCalendar } from '../../shared/calendar/office-hours.js';
import { createWorkingDayCalendar, type WorkingDayCalendar } from '../../shared/calendar/working-days.js';
import { availabilityOf } from './availability.js';
import { RulesConfigSchema, type RulesConfig } from './config-schema.js';
import { priceQuote } from './fees.js';
import { FactsSchema, RequestSchema, type FactsInput } from '../../shared/kiosk-api/schemas/service-facts.js';
import { serviceOverview, type ServiceOverview } from './overview.js';
import { computePickupOptions } from './pickup.js';
import { effectOf } from '../../shared/kiosk-api/schemas/reason-codes.js';
import type { Availability, Eligibility, Evaluation, FeeQuote, PickupOption, Step } from '../../shared/kiosk-api/schemas/service-results.js';
import type { Finding, RuleContext } from './rule-context.js';
import { SERVICE_MODULES } from './rules/index.js';
import { PickupPlace, type ServiceId } from '../../shared/kiosk-api/schemas/service-id.js';

export type RequestOptionsInput = z.input<typeof RequestSchema>;

export interface ServiceRules {
  /** Allowed here, only at a counter, or not allowed, with every reason. */
  eligibility(serviceId: ServiceId, facts: FactsInput, now: Date): Eligibility;
  availability(serviceId: ServiceId, now: Date): Availability;
  /** The declarative steps the renderer follows, in order. */
  steps(serviceId: ServiceId, facts: FactsInput, now: Date): Step[];
  quote(serviceId: ServiceId, options: RequestOptionsInput): FeeQuote;
  /** Ready date and time at each place; empty for services that produce nothing to collect. */
  pickupOptions(serviceId: ServiceId, submittedAt: Date): PickupOption[];
  /** For services promising a result in N working days (kinship verification, contact change). */
  resultDueBy(serviceId: ServiceId, submittedAt: Date): LocalDate | null;
  evaluate(serviceId: ServiceId, facts: FactsInput, now: Date): Evaluation;
  /** What the overview screen says before the service starts: steps, time, fee, what to bring. */
  overview(serviceId: ServiceId, now: Date): ServiceOverview;
  readonly calendar: WorkingDayCalendar;
  readonly officeHours: OfficeHoursCalendar<PickupPlace>;
}

function toEligibility(findings: readonly Finding[]): Eligibility {
  const blocking = findings.filter((finding) => effectOf(finding.code) !== 'notice');
  const unique = (list: readonly Finding[]) => [...new Set(list.map((finding) => finding.code))];
  const verdict = blocking.some((finding) => effectOf(finding.code) === 'not-allowed')
    ? 'not-allowed'
    : blocking.length > 0
      ? 'counter-only'
      : 'allowed';
  // Only a matter of time if every blocking reason says when it lifts.
  const times = blocking.map((finding) => finding.availableFrom);
  const latest =
    blocking.length > 0 && times.every((time) => time !== undefined)
      ? new Date(Math.max(...times.map((time) => time.getTime())))
      : null;
  return {
    verdict,
    reasons: unique(blocking),
    notices: unique(findings.filter((finding) => effectOf(finding.code) === 'notice')),
    availableFrom: latest ? formatMacauIso(latest) : null,
  };
}

/** The held certificate's validity as of `now` (Macau date), or null when none is held. */
function certificateOf(facts: FactsInput, now: Date): Evaluation['residenceCertificate'] {
  const certificate = FactsSchema.parse(facts).residenceCertificate;
  if (certificate?.status !== 'held') return null;
  const { issuedOn, validUntil } = certificate;
  return { issuedOn, validUntil, daysLeft: daysBetween(toMacauWallClock(now).date, validUntil) };
}

export function createServiceRules(input: RulesConfig): ServiceRules {
  // Validated again here so a config built in code (tests, tools) obeys the same checks.
  const config = validateConfig('<rules config>', input, RulesConfigSchema);
  const calendar = createWorkingDayCalendar(config.holidays);
  const officeHours = createOfficeHours(config.pickup.offices, calendar);

  const scheduleOf = (serviceId: ServiceId) => {
    const name = config.pickup.serviceSchedules[serviceId];
    return name === undefined ? undefined : config.pickup.schedules[name];
  };

  const contextFor = (serviceId: ServiceId, facts: FactsInput, now: Date): RuleContext => {
    const schedule = scheduleOf(serviceId);
    return {
      facts: FactsSchema.parse(facts),
      now,
      today: toMacauWallClock(now).date,
      officeHoursNow: officeHours.isOpen(config.pickup.officeHoursOffice, now),
      config,
      calendar,
      hours: officeHours,
      pickupPlaces: schedule ? PickupPlace.options.filter((place) => schedule.places[place]) : [],
    };
  };

  const rules: ServiceRules = {
    calendar,
    officeHours,
    eligibility: (serviceId, facts, now) =>
      toEligibility(SERVICE_MODULES[serviceId].check(contextFor(serviceId, facts, now))),
    availability: (serviceId, now) =>
      availabilityOf(serviceId, now, calendar, officeHours, config.pickup.officeHoursOffice),
    steps: (serviceId, facts, now) => SERVICE_MODULES[serviceId].steps(contextFor(serviceId, facts, now)),
    quote(serviceId, options) {
      const { lines, incomplete } = SERVICE_MODULES[serviceId].fees(RequestSchema.parse(options));
      return priceQuote(lines, incomplete, config.fees);
    },
    pickupOptions(serviceId, submittedAt) {
      const schedule = scheduleOf(serviceId);
      return schedule ? computePickupOptions(schedule, submittedAt, calendar, officeHours, config.pickup.addresses) : [];
    },
    resultDueBy(serviceId, submittedAt) {
      const days = SERVICE_MODULES[serviceId].resultWithinWorkingDays;
      if (days === undefined) return null;
      // Counted from the day after the application is complete, i.e. received on a working day.
      const received = calendar.workingDayOnOrAfter(toMacauWallClock(submittedAt).date);
      return calendar.addWorkingDays(received, days);
    },
    evaluate(serviceId, facts, now) {
      return {
        serviceId,
        eligibility: rules.eligibility(serviceId, facts, now),
        availability: rules.availability(serviceId, now),
        steps: rules.steps(serviceId, facts, now),
        quote: rules.quote(serviceId, FactsSchema.parse(facts).request),
        pickupOptions: rules.pickupOptions(serviceId, now),
        resultDueBy: rules.resultDueBy(serviceId, now),
        ...(SERVICE_MODULES[serviceId].showsResidenceCertificate ? { residenceCertificate: certificateOf(facts, now) } : {}),
      };
    },
    overview: (serviceId, now) => serviceOverview({ steps: rules.steps, quote: rules.quote, minutes: (id) => config.rules.visitMinutes[id] }, serviceId, now),
  };
  return rules;
}
