/** What every rule module receives, and the shape each module implements. */
import type { OfficeHoursCalendar } from '../../shared/calendar/office-hours.js';
import type { LocalDate } from '../../shared/calendar/local-date.js';
import type { WorkingDayCalendar } from '../../shared/calendar/working-days.js';
import type { FeeCode, RulesConfig } from './config-schema.js';
import type { Card, Facts, Person, RequestOptions } from '../../shared/kiosk-api/schemas/service-facts.js';
import type { ReasonCode } from '../../shared/kiosk-api/schemas/reason-codes.js';
import type { Step } from '../../shared/kiosk-api/schemas/service-results.js';
import type { PickupPlace, ServiceId } from '../../shared/kiosk-api/schemas/service-id.js';

export interface RuleContext {
  facts: Facts;
  now: Date;
  /** Today's date in Macau. */
  today: LocalDate;
  /** DSI counter hours on a working day, right now. */
  officeHoursNow: boolean;
  config: RulesConfig;
  calendar: WorkingDayCalendar;
  hours: OfficeHoursCalendar<PickupPlace>;
  /** Places the service's pickup schedule offers (empty when it has none). */
  pickupPlaces: PickupPlace[];
}

export interface Finding {
  code: ReasonCode;
  /** When this reason stops applying, if it is only a matter of time. */
  availableFrom?: Date;
}

export interface FeeLineRequest {
  code: FeeCode;
  quantity: number;
}

export interface ServiceModule {
  id: ServiceId;
  /** Reasons, blocking or notices; an empty list means allowed. */
  check(ctx: RuleContext): Finding[];
  steps(ctx: RuleContext): Step[];
  fees(request: RequestOptions): { lines: FeeLineRequest[]; incomplete: boolean };
  /** Result promised within N working days from the day after submission. */
  resultWithinWorkingDays?: number;
  /** The service rides on the PSP residence certificate: the evaluation shows its validity. [000, 002] */
  showsResidenceCertificate?: boolean;
}

export const NO_FEES = (): { lines: FeeLineRequest[]; incomplete: boolean } => ({ lines: [], incomplete: false });

/** The person and card, or the finding that says which is still missing. */
export function identified(ctx: RuleContext): { person: Person; card: Card } | Finding[] {
  const missing: Finding[] = [];
  if (!ctx.facts.card) missing.push({ code: 'card-not-read' });
  if (!ctx.facts.person) missing.push({ code: 'person-not-identified' });
  if (!ctx.facts.person || !ctx.facts.card) return missing;
  return { person: ctx.facts.person, card: ctx.facts.card };
}
