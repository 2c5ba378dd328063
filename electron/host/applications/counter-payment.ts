import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { OfficeHoursCalendar } from '../../shared/calendar/office-hours.js';
import { formatMacauIso, macauDateOf, macauInstant } from '../../shared/calendar/macau-time.js';
import type { ApplicationRow, PaymentRow } from '../../shared/kiosk-api/schemas/journal-states.js';
import type { ApplicationStatus } from '../../shared/kiosk-api/schemas/application-status.js';
import type { PickupPlace } from '../../shared/kiosk-api/schemas/service-id.js';
import type { KioskRulesConfig } from '../service-rules/config-schema.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { SessionManager } from '../sessions/session-manager.js';
import type { Visits } from '../visit/visits.js';
import type { ApplicationOrchestrator } from './orchestrator.js';
import { UNRESOLVED } from './money-path.js';

/** Payments that may still move money, or already took it: while one exists, the resident cannot switch to the counter. */
const UNSETTLED: ReadonlySet<PaymentRow['state']> = new Set([...UNRESOLVED, 'done']);

export interface CounterPaymentDeps {
  /** DSI counter hours (holidays included) and the office whose hours are "office hours". */
  hours: OfficeHoursCalendar<PickupPlace>;
  office: PickupPlace;
  rule: KioskRulesConfig['counterPayment'];
  clock: () => Date;
}

/**
 * Paying at a counter instead of at the kiosk [001 ID Q31: "or at a counter (office hours only)"].
 * The host alone decides: the service's payment step must offer it (`counterAllowed`, checked by the
 * method gate), and the kiosk's clock must be within office hours on a working day now, not when
 * the step was planned. Nothing is charged; the application goes to the back office unpaid and
 * flagged, and the fee is due at a counter by the close of office hours that day.
 */
export function counterPayment(deps: CounterPaymentDeps) {
  /** The close of the office-hours session that contains `instant` (the fee's deadline). */
  const payBy = (chosenAt: string): string => {
    const instant = new Date(chosenAt);
    const date = macauDateOf(instant);
    const minutes = (instant.getTime() - macauInstant(date, 0).getTime()) / 60_000;
    const intervals = deps.hours.intervalsOn(deps.office, date);
    // Chosen in office hours, so one session contains it; the day's last close otherwise (a journal from an older rule).
    const session = intervals.find((i) => i.open <= minutes && minutes < i.close) ?? intervals.at(-1);
    return formatMacauIso(macauInstant(date, session?.close ?? 24 * 60 - 1));
  };

  /** Throws `counter-payment-unavailable` (`outside-office-hours`) unless the counters are open now. */
  const assertOpenNow = (): void => {
    if (!deps.hours.isOpen(deps.office, deps.clock())) {
      throw new KioskApiError('counter-payment-unavailable', 'paying at a counter is only possible in office hours', 'outside-office-hours');
    }
  };

  /** What the application must be for the switch: an unpaid draft with a fee and no payment under way. */
  const assertSwitchable = (app: ApplicationRow, payments: PaymentRow[]): void => {
    assertOpenNow(); // again under the orchestrator's lock: the clock may have passed the close meanwhile
    if (app.state !== 'draft') throw new KioskApiError('already-paid', `the application is ${app.state}`);
    if (app.feeAvos === 0) throw new KioskApiError('counter-payment-unavailable', 'this application has no fee', 'not-offered');
    if (payments.some((p) => UNSETTLED.has(p.state))) throw new KioskApiError('payment-in-progress', 'a payment is under way');
  };

  return {
    payBy,
    assertOpenNow,
    /** Sends the application unpaid through `submitUnpaid` (the orchestrator's outbox), after the checks. */
    async choose(
      submitUnpaid: (check: (app: ApplicationRow, payments: PaymentRow[]) => void) => Promise<ApplicationStatus>,
    ): Promise<ApplicationStatus> {
      assertOpenNow();
      return submitUnpaid(assertSwitchable);
    },
    counters: deps.rule.counters,
  };
}
export type CounterPayment = ReturnType<typeof counterPayment>;

/** `payment.atCounter`: the visit's own application, at its payment step (the method gate checks the step offers it). */
export function counterPaymentHandlers(deps: {
  counter: CounterPayment;
  sessions: SessionManager;
  visits: Visits;
  orchestrator: ApplicationOrchestrator;
}): Pick<KioskHandlers, 'payment.atCounter'> {
  return {
    'payment.atCounter': async ({ applicationId }) => {
      const session = deps.sessions.require();
      const { machine } = deps.visits.require();
      if (!deps.orchestrator.belongsTo(applicationId, session.id) || machine.applicationId() !== applicationId) {
        throw new KioskApiError('application-not-found', 'not the visit’s application');
      }
      return deps.counter.choose((check) => deps.orchestrator.submitUnpaid(applicationId, check));
    },
  };
}
