import { isDeviceError } from '../../../devices/errors.js';
import type { CardReader } from '../../../devices/card-reader/contract.js';
import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { Receipt } from '../../../devices/receipt-printer/contract.js';
import type { BackofficeClient, BackofficeFailure } from '../backoffice/client.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import { assertPlacedDuringVisit, readCardWithin } from '../hardware/card-reads.js';
import type { CardCustody } from '../visit/card-custody.js';
import type { KioskHandlers } from '../bridge/server.js';
import { formatMacauIso, toMacauWallClock } from '../../shared/calendar/macau-time.js';
import type { HostConfig } from '../config/schema.js';
import type { AuthenticityResult, AuthenticityVerdict, QueueTicket } from '../../shared/kiosk-api/schemas/counter.js';
import { maskCardNumber, maskChineseName, maskLatinName } from '../counter/masking.js';
import { buildAuthenticitySlip, buildTicketSlip } from '../counter/slips.js';
import { CounterOffice, type ServiceRules } from '../service-rules/index.js';
import { factsFromSession } from '../sessions/facts-from-session.js';
import type { Session } from '../sessions/session.js';
import type { SessionManager } from '../sessions/session-manager.js';

type CounterMethod = 'authenticity.check' | 'authenticity.print' | 'queue.takeTicket' | 'queue.printTicket' | 'pickup.lookupReceipt';

export interface CounterHandlerDeps {
  sessions: SessionManager;
  hub: DeviceHub;
  backoffice: Pick<BackofficeClient, 'ticket' | 'collection'>;
  rules: Pick<ServiceRules, 'eligibility' | 'pickupOptions'>;
  clock: () => Date;
  config: Pick<HostConfig, 'kioskId' | 'cardReadTimeoutSeconds'>;
  /** Which placement a card on the reader is (visit/card-custody.ts); absent in unit tests without a reader's history. */
  custody?: CardCustody;
}

/**
 * The services that start without identifying the resident: checking a card's authenticity and
 * printing the result, taking a queue ticket, and finding where to collect a document. What a
 * session learns here (a check result, a ticket) is kept per session and goes when it ends; the
 * card checked is never the session's holder.
 */
export function counterHandlers(deps: CounterHandlerDeps): Pick<KioskHandlers, CounterMethod> {
  const { sessions, hub, backoffice, rules, clock, config } = deps;
  const checks = new WeakMap<Session, AuthenticityResult>();
  const tickets = new WeakMap<Session, QueueTicket>();
  const print = async (receipt: Receipt, session: Session, signal: AbortSignal) => {
    await hub.get('receipt-printer').print(receipt, AbortSignal.any([signal, session.signal]));
    return { printed: true as const };
  };

  return {
    'authenticity.check': async (_params, { signal }) => {
      const session = sessions.require();
      const reader = hub.get('card-reader');
      const result = await readCardWithin(reader, session, signal, config.cardReadTimeoutSeconds, 'card to check', async (combined) => {
        // A card left by the previous resident is not checked (its masked number would show): lift and place again.
        if (deps.custody) assertPlacedDuringVisit(session, deps.custody);
        return checkCard(reader, combined, clock());
      });
      checks.set(session, result);
      session.note('card-checked');
      return result;
    },
    'authenticity.print': async (_params, { signal }) => {
      const session = sessions.require();
      const result = checks.get(session);
      if (!result) throw new KioskApiError('step-not-allowed', 'no card was checked in this session');
      const printed = await print(buildAuthenticitySlip(result, config.kioskId), session, signal);
      session.note('authenticity-check-printed');
      return printed;
    },
    'queue.takeTicket': async ({ office, kind }, { signal }) => {
      const session = sessions.require();
      const held = tickets.get(session);
      if (held && held.office === office && held.kind === kind) return held; // a second press is not a second ticket
      const now = clock();
      const eligibility = rules.eligibility('queue-ticket', factsFromSession(session, { ticket: { office, kind } }), now);
      if (eligibility.verdict !== 'allowed') throw new KioskApiError('not-eligible', `no ${kind} ticket for ${office} now: ${eligibility.reasons.join(', ')}`);
      const taken = await backoffice.ticket({ office, kind }, AbortSignal.any([signal, session.signal]));
      if (!taken.ok) throw backofficeError(taken.error, 'the ticket');
      const ticket: QueueTicket = { ticketNumber: taken.value.ticketNumber, office: taken.value.office, kind, issuedAt: formatMacauIso(new Date(taken.value.issuedAt)) };
      if (session.ended) throw new KioskApiError('session-expired', 'the session ended while the ticket was taken');
      tickets.set(session, ticket);
      session.note('ticket-taken');
      return ticket;
    },
    'queue.printTicket': async (_params, { signal }) => {
      const session = sessions.require();
      const ticket = tickets.get(session);
      if (!ticket) throw new KioskApiError('step-not-allowed', 'no ticket was taken in this session');
      const printed = await print(buildTicketSlip(ticket, config.kioskId), session, signal);
      session.note('ticket-printed');
      return printed;
    },
    'pickup.lookupReceipt': async ({ receiptNumber }, { signal }) => {
      const session = sessions.require();
      const found = await backoffice.collection(receiptNumber, AbortSignal.any([signal, session.signal]));
      if (!found.ok) {
        if (found.error.kind === 'refused' && found.error.status === 404) throw new KioskApiError('receipt-not-found', 'the back office knows no such receipt');
        throw backofficeError(found.error, 'the receipt');
      }
      const { service, status, counter, applicant, acceptedAt } = found.value;
      session.note('receipt-looked-up');
      return {
        receiptNumber,
        service,
        status,
        counter,
        applicantNameZh: maskChineseName(applicant.nameZh),
        applicantNameLatin: maskLatinName(applicant.nameLatin),
        expectedReadyAt: status === 'processing' ? earliestAtCounter(rules, service, new Date(acceptedAt)) : null,
      };
    },
  };
}

/** Passive authentication first (is the data as issued?), then active (is this the issued chip?), then the expiry. */
async function checkCard(reader: CardReader, signal: AbortSignal, now: Date): Promise<AuthenticityResult> {
  const checkedAt = formatMacauIso(now);
  const answer = (verdict: AuthenticityVerdict, cardNumberMasked: string | null = null, expiredOn: string | null = null): AuthenticityResult => ({
    verdict,
    cardNumberMasked,
    expiredOn,
    checkedAt,
  });
  let visible;
  try {
    visible = await reader.readVisibleData(signal);
  } catch (error) {
    if (isDeviceError(error) && error.code === 'card-unreadable') return answer(error.detail === 'not-an-id-card' ? 'not-an-id-card' : 'unreadable');
    throw error;
  }
  const masked = /^\d{7}\(\d\)$/.test(visible.cardNumber) ? maskCardNumber(visible.cardNumber) : null;
  let authenticity;
  try {
    authenticity = await reader.checkAuthenticity(signal);
  } catch (error) {
    if (isDeviceError(error) && error.code === 'card-unreadable') return answer('unreadable', masked);
    throw error;
  }
  if (authenticity.passive === 'invalid') return answer('altered-data', masked);
  if (authenticity.active === 'invalid') return answer('cloned-chip', masked);
  // The expiry is the last valid day; a card valid for life has none.
  if (visible.expiry !== null && visible.expiry < toMacauWallClock(now).date) return answer('expired', masked, visible.expiry);
  return answer('genuine', masked);
}

/** The earliest time the rules expect a document of `service`, applied for at `acceptedAt`, at any DSI counter. */
function earliestAtCounter(rules: Pick<ServiceRules, 'pickupOptions'>, service: Parameters<ServiceRules['pickupOptions']>[0], acceptedAt: Date): string | null {
  const atCounters = rules.pickupOptions(service, acceptedAt).filter((option) => CounterOffice.safeParse(option.place).success);
  const times = atCounters.map((option) => option.readyAt).sort();
  return times[0] ?? null;
}

function backofficeError(error: BackofficeFailure, what: string): KioskApiError {
  if (error.kind === 'refused') return new KioskApiError('not-eligible', `the back office refused ${what}: ${error.code}`);
  return new KioskApiError('backoffice-unavailable', `the back office did not answer for ${what}: ${error.code}`);
}
