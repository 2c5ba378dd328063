/** Non-permanent resident ID card renewal at a kiosk. [000; residence certificate 002] */
import { daysBetween } from '../../../shared/calendar/local-date.js';
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

function isMinor(ctx: RuleContext): boolean {
  const person = ctx.facts.person;
  return person !== undefined && ageOn(person.dateOfBirth, ctx.today, ctx.config.rules.leapDayBirthday) < RULES.adultAge;
}

function check(ctx: RuleContext): Finding[] {
  const who = identified(ctx);
  if (Array.isArray(who)) return who;
  const { person, card } = who;
  const findings: Finding[] = [];

  if (card.residency !== 'non-permanent') findings.push({ code: 'wrong-card-kind' });
  if (ageOn(person.dateOfBirth, card.currentIssueDate, ctx.config.rules.leapDayBirthday) < RULES.nonPermanentMinAgeOnIssue) {
    findings.push({ code: 'age-under-5-on-issue-date' });
  }

  // The renewal rides on a valid PSP residence certificate; its validity, not the card's
  // 6-month window, sets the deadline (Law 16/2021 fines a late renewal). [000]
  const certificate = ctx.facts.residenceCertificate;
  if (!certificate || certificate.status === 'missing') {
    findings.push({ code: 'residence-certificate-missing' });
  } else if (certificate.validUntil < ctx.today) {
    findings.push({ code: 'residence-certificate-expired' });
  } else if (daysBetween(ctx.today, certificate.validUntil) <= ctx.config.rules.residenceCertificateWarnDays) {
    findings.push({ code: 'residence-certificate-expiring-soon' });
  }

  if (isMinor(ctx)) {
    findings.push({ code: 'guardian-required' });
    if (ctx.facts.guardian && !ctx.facts.guardian.holdsMacauIdCard) {
      findings.push({ code: 'guardian-without-macau-id-card' });
    }
  }

  // Seed 000 is silent on these; the permanent-card kiosk refuses them [001 ID Q31] and the
  // same machine serves both, so the same limits apply.
  findings.push(...lostOrInterdicted(person, card), ...renewalDataChanges(ctx.facts.request));
  if (!person.fingerprintsReadable) findings.push({ code: 'fingerprints-unreadable' });
  return findings;
}

function steps(ctx: RuleContext): Step[] {
  const guardian: Step[] = isMinor(ctx)
    ? [{ kind: 'guardian-verification', relations: ['father', 'mother', 'guardian'], requiresMacauIdCard: true }]
    : [];
  // Order of the seed 000 leaflet: verify identity → read card → collect data → pickup and pay → receipt.
  return [
    verifyIdentityStep(ctx.facts.person),
    { kind: 'read-card', whose: 'applicant' },
    ...guardian,
    ...captureSteps(ctx, { photoSources: ['live', 'one-account-id-photo'], heightByDefault: true }),
    ...pickupStep(ctx),
    // The full summary (data, photo, signature, pickup, fee) comes last, just before paying.
    { kind: 'review' },
    paymentStep(ctx, 'renew-nonpermanent', false),
    RECEIPT_STEP,
  ];
}

export const renewNonPermanent: ServiceModule = {
  id: 'renew-nonpermanent',
  showsResidenceCertificate: true,
  check,
  steps,
  fees: () => ({ lines: [{ code: 'id-card-renewal-nonpermanent', quantity: 1 }], incomplete: false }),
};
