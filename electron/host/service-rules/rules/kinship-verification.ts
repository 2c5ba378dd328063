/** Kinship verification (核實親屬關係): put a parent, child or spouse link on file. [001 kinship Q1–Q5] */
import { ageOn } from '../age.js';
import { RECEIPT_STEP, verifyIdentityStep, fingerprintNotice } from '../common-checks.js';
import { RULES } from '../../../shared/kiosk-api/schemas/rule-constants.js';
import { identified, NO_FEES, type Finding, type RuleContext, type ServiceModule } from '../rule-context.js';
import type { Step } from '../../../shared/kiosk-api/schemas/service-results.js';
import { LINK_FOR, VERIFIABLE } from './kinship.js';

function check(ctx: RuleContext): Finding[] {
  const who = identified(ctx);
  if (Array.isArray(who)) return who;
  const { person, card } = who;
  const findings: Finding[] = [];
  // Minors: a parent or legal representative applies at a counter. [Q3]
  if (ageOn(person.dateOfBirth, ctx.today, ctx.config.rules.leapDayBirthday) < RULES.adultAge) {
    findings.push({ code: 'applicant-under-18' });
  }
  const relation = ctx.facts.request.verifyRelation;
  if (relation !== undefined) {
    if (!VERIFIABLE.includes(relation)) findings.push({ code: 'relation-not-verifiable' });
    else if (person.relationsOnFile[LINK_FOR[relation]]) findings.push({ code: 'kinship-already-on-file' });
  }
  if (ctx.facts.request.relatedCardNumber === card.number) findings.push({ code: 'related-id-is-own' });
  findings.push(...fingerprintNotice(person));
  return findings;
}

function steps(ctx: RuleContext): Step[] {
  return [
    { kind: 'read-card', whose: 'applicant' },
    verifyIdentityStep(ctx.facts.person),
    { kind: 'enter-related-id', relations: [...VERIFIABLE] },
    // Free: the application is sent at the receipt step, which says when the result is due.
    RECEIPT_STEP,
  ];
}

export const kinshipVerification: ServiceModule = {
  id: 'kinship-verification',
  check,
  steps,
  fees: NO_FEES,
  resultWithinWorkingDays: RULES.kinshipVerificationWorkingDays,
};
