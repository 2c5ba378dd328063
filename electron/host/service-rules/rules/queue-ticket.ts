/** Queue tickets: same-day at any DSI office, bookings for HQ. [001 Other Q1] */
import { addDays } from '../../../shared/calendar/local-date.js';
import { macauInstant, toMacauWallClock } from '../../../shared/calendar/macau-time.js';
import { CounterOffice } from '../../../shared/kiosk-api/schemas/service-id.js';
import { NO_FEES, type Finding, type RuleContext, type ServiceModule } from '../rule-context.js';

/** Same-day tickets are issued while the office is open, up to the configured cutoff. */
export function sameDayTicketsOpen(ctx: RuleContext, office: CounterOffice): boolean {
  const clock = toMacauWallClock(ctx.now);
  const cutoff = ctx.config.rules.sameDayTicketCutoffMinutes;
  return ctx.hours
    .intervalsOn(office, clock.date)
    .some((interval) => clock.seconds >= interval.open * 60 && clock.seconds < (interval.close - cutoff) * 60);
}

function check(ctx: RuleContext): Finding[] {
  const ticket = ctx.facts.request.ticket;
  if (!ticket) return [];
  if (ticket.kind === 'booking') return ticket.office === 'hq' ? [] : [{ code: 'booking-hq-only' }];
  if (sameDayTicketsOpen(ctx, ticket.office)) return [];
  // Next opening: later today if the office has not opened yet, else from tomorrow on.
  const nowSeconds = toMacauWallClock(ctx.now).seconds;
  const laterToday = ctx.hours.intervalsOn(ticket.office, ctx.today).find((interval) => interval.open * 60 > nowSeconds);
  const availableFrom = laterToday
    ? macauInstant(ctx.today, laterToday.open)
    : ctx.hours.nextOpenAt(ticket.office, macauInstant(addDays(ctx.today, 1), 0));
  return [availableFrom ? { code: 'office-closed-now', availableFrom } : { code: 'office-closed-now' }];
}

export const queueTicket: ServiceModule = {
  id: 'queue-ticket',
  check,
  steps: () => [
    { kind: 'choose-ticket', offices: [...CounterOffice.options], kinds: ['same-day', 'booking'] },
    { kind: 'print-ticket' },
  ],
  fees: NO_FEES,
};
