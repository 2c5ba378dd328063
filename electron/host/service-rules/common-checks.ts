/** Checks shared by several services; each cites the seed where it appears. */
import type { LocalDate } from '../../shared/calendar/local-date.js';
import type { Card, Person, PersonalDataField, RequestOptions } from '../../shared/kiosk-api/schemas/service-facts.js';
import type { Finding, RuleContext } from './rule-context.js';
import type { Step } from '../../shared/kiosk-api/schemas/service-results.js';
import type { ServiceId } from '../../shared/kiosk-api/schemas/service-id.js';

/** Changes the renewal kiosk accepts while renewing. [001 ID Q31] */
const KIOSK_DATA_CHANGES: readonly PersonalDataField[] = ['address', 'phone', 'occupation', 'emergency-contact'];

/** The expiry date is the last valid day. */
export function isCardExpired(card: Card, today: LocalDate): boolean {
  return card.expiry.kind === 'date' && card.expiry.date < today;
}

export function lostOrInterdicted(person: Person, card: Card): Finding[] {
  const findings: Finding[] = [];
  if (card.reportedLost) findings.push({ code: 'card-lost' });
  if (person.interdiction !== 'none') findings.push({ code: 'interdicted' });
  return findings;
}

/** Renewal: only address, phone, occupation and emergency contact may change at the kiosk. */
export function renewalDataChanges(request: RequestOptions): Finding[] {
  const other = (request.dataChanges ?? []).filter((field) => !KIOSK_DATA_CHANGES.includes(field));
  return other.length > 0 ? [{ code: 'personal-data-change-counter-only' }] : [];
}

export function verifyIdentityStep(person: Person | undefined): Step {
  return person?.fingerprintsReadable === false
    ? { kind: 'verify-identity', who: 'applicant', method: 'pin', fallback: 'counter' }
    : { kind: 'verify-identity', who: 'applicant', method: 'fingerprint', fallback: 'pin' };
}

export function paymentStep(ctx: RuleContext, serviceId: ServiceId, counterAllowed: boolean): Step {
  const methods = ctx.config.fees.kioskPaymentMethods;
  return { kind: 'payment', methods: methods[serviceId] ?? methods.default, counterAllowed };
}

export function pickupStep(ctx: RuleContext): Step[] {
  return ctx.pickupPlaces.length > 0 ? [{ kind: 'choose-pickup', places: ctx.pickupPlaces }] : [];
}

export const RECEIPT_STEP: Step = { kind: 'receipt', options: ['photograph-qr', 'print'] };

/** Unreadable fingers: identity is verified with the PIN instead. [001 ID Q24C] */
export function fingerprintNotice(person: Person): Finding[] {
  return person.fingerprintsReadable ? [] : [{ code: 'fingerprint-verification-by-pin' }];
}
