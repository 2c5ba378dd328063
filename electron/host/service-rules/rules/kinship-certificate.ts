/** Kinship certificate (親屬關係證明書) at a kiosk. [003] */
import { ageOn } from '../age.js';
import { isCardExpired, paymentStep, pickupStep, RECEIPT_STEP, verifyIdentityStep, fingerprintNotice } from '../common-checks.js';
import { KinRelation, type RequestOptions } from '../../../shared/kiosk-api/schemas/service-facts.js';
import { RULES } from '../../../shared/kiosk-api/schemas/rule-constants.js';
import { identified, type FeeLineRequest, type Finding, type RuleContext, type ServiceModule } from '../rule-context.js';
import type { Step } from '../../../shared/kiosk-api/schemas/service-results.js';
import { LINK_FOR } from './kinship.js';

function check(ctx: RuleContext): Finding[] {
  const who = identified(ctx);
  if (Array.isArray(who)) return who;
  const { person, card } = who;
  const { request } = ctx.facts;
  const findings: Finding[] = [];

  // "Take a ticket for the counter" cases. [003]
  if (isCardExpired(card, ctx.today)) findings.push({ code: 'card-expired' });
  if (card.beingReplaced) findings.push({ code: 'card-being-replaced' });
  if ((request.dataChanges ?? []).length > 0) findings.push({ code: 'personal-data-change-counter-only' });
  if (person.interdiction !== 'none') findings.push({ code: 'interdicted' });
  if (ageOn(person.dateOfBirth, ctx.today, ctx.config.rules.leapDayBirthday) < RULES.adultAge) {
    findings.push({ code: 'applicant-under-18' });
  }

  const relatives = request.relatives ?? [];
  if (relatives.length > RULES.maxRelatives) findings.push({ code: 'too-many-relatives' });
  // Each relation must rest on a parent, child or spouse link on file; else verify first. [003]
  if (relatives.some(({ relation }) => !person.relationsOnFile[LINK_FOR[relation]])) {
    findings.push({ code: 'kinship-not-on-file' });
  }
  findings.push(...fingerprintNotice(person));
  return findings;
}

function steps(ctx: RuleContext): Step[] {
  const electronic = ctx.facts.request.certificate?.format === 'electronic';
  return [
    { kind: 'read-card', whose: 'applicant' },
    verifyIdentityStep(ctx.facts.person),
    { kind: 'relatives-cards', min: 1, max: RULES.maxRelatives, relations: [...KinRelation.options] },
    { kind: 'choose-certificate-format', formats: ['paper', 'electronic'] },
    // An electronic certificate is delivered through 一戶通: nothing to collect.
    ...(electronic ? [] : pickupStep(ctx)),
    // A summary of the choices, the pickup and the fee before paying, as for every paid service.
    { kind: 'review' },
    paymentStep(ctx, 'kinship-certificate', false),
    RECEIPT_STEP,
  ];
}

/** Paper: MOP 15 first page + MOP 5 each further page, per copy; electronic: MOP 15 each. [003] */
function fees(request: RequestOptions): { lines: FeeLineRequest[]; incomplete: boolean } {
  const certificate = request.certificate;
  if (!certificate) return { lines: [], incomplete: true };
  if (certificate.format === 'electronic') {
    return { lines: [{ code: 'kinship-certificate-electronic', quantity: certificate.copies }], incomplete: false };
  }
  const lines: FeeLineRequest[] = [{ code: 'kinship-certificate-paper-first-page', quantity: certificate.copies }];
  if (certificate.pages > 1) {
    lines.push({
      code: 'kinship-certificate-paper-additional-page',
      quantity: certificate.copies * (certificate.pages - 1),
    });
  }
  return { lines, incomplete: false };
}

export const kinshipCertificate: ServiceModule = { id: 'kinship-certificate', check, steps, fees };
