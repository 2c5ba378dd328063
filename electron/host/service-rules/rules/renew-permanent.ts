/** Permanent resident ID card renewal at a kiosk. [001 ID Q1, Q24, Q30, Q31] */
import { addMonths } from '../../../shared/calendar/local-date.js';
import { macauInstant } from '../../../shared/calendar/macau-time.js';
import { ageOn } from '../age.js';
import {
  lostOrInterdicted,
  paymentStep,
  pickupStep,
  RECEIPT_STEP,
  renewalDataChanges,
  verifyIdentityStep,
} from '../common-checks.js';
import { RULES } from '../../../shared/kiosk-api/schemas/rule-constants.js';
import { identified, type Finding, type RuleContext, type ServiceModule } from '../rule-context.js';
import type { Step } from '../../../shared/kiosk-api/schemas/service-results.js';
import { captureSteps } from './capture-steps.js';

function check(ctx: RuleContext): Finding[] {
  const who = identified(ctx);
  if (Array.isArray(who)) return who;
  const { person, card } = who;
  const { request } = ctx.facts;
  const findings: Finding[] = [];

  if (card.residency !== 'permanent') findings.push({ code: 'wrong-card-kind' });

  if (card.expiry.kind === 'lifetime') {
    // A lifetime card is not renewed; a contact-chip one may be exchanged on request. [Q1A, Q29]
    if (card.chip === 'contact') findings.push({ code: 'lifetime-contact-card-exchange-available' });
    if (!(card.chip === 'contact' && request.exchangeContactCard === true)) {
      findings.push({ code: 'card-valid-for-life' });
    }
  } else {
    const windowOpens = addMonths(card.expiry.date, -RULES.renewalWindowMonths);
    if (ctx.today < windowOpens) {
      findings.push({ code: 'renewal-window-not-open', availableFrom: macauInstant(windowOpens, 0) });
    }
    if (card.expiry.date < ctx.today) findings.push({ code: 'card-already-expired' });
  }

  const ageOnIssue = ageOn(person.dateOfBirth, card.currentIssueDate, ctx.config.rules.leapDayBirthday);
  if (ageOnIssue < RULES.adultAge) {
    findings.push({ code: 'age-under-18-on-issue-date' });
  } else if (ageOnIssue < RULES.anyTimeRenewalAgeOnIssue && !ctx.officeHoursNow) {
    const nextOpen = ctx.hours.nextOpenAt(ctx.config.pickup.officeHoursOffice, ctx.now);
    findings.push(
      nextOpen
        ? { code: 'age-under-25-outside-office-hours', availableFrom: nextOpen }
        : { code: 'age-under-25-outside-office-hours' },
    );
  }

  findings.push(...lostOrInterdicted(person, card), ...renewalDataChanges(request));
  // Capture needs readable fingers; the counter has other means. [Q24C]
  if (!person.fingerprintsReadable) findings.push({ code: 'fingerprints-unreadable' });
  if (!ctx.officeHoursNow) findings.push({ code: 'payment-at-counter-office-hours-only' });
  return findings;
}

function steps(ctx: RuleContext): Step[] {
  const person = ctx.facts.person;
  return [
    { kind: 'read-card', whose: 'applicant' },
    verifyIdentityStep(person),
    ...captureSteps(ctx, { photoSources: ['live', 'scanned-photo'], heightByDefault: false }),
    // The seed lists "scan the ID card" among the renewal's steps; both sides carry data. [001 ID Q31]
    { kind: 'scan-card', sides: ['front', 'back'] },
    { kind: 'signature' },
    ...pickupStep(ctx),
    // The full summary (data, photo, signature, pickup, fee) comes last, just before paying.
    { kind: 'review' },
    paymentStep(ctx, 'renew-permanent', ctx.officeHoursNow),
    RECEIPT_STEP,
  ];
}

export const renewPermanent: ServiceModule = {
  id: 'renew-permanent',
  check,
  steps,
  fees: () => ({ lines: [{ code: 'id-card-renewal-permanent', quantity: 1 }], incomplete: false }),
};
