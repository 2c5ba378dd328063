/** Change of contact details, own or own minor children's or wards'. [001 ID Q18] */
import { ageOn } from '../age.js';
import { fingerprintNotice, RECEIPT_STEP, renewalDataChanges, verifyIdentityStep } from '../common-checks.js';
import { RULES } from '../../../shared/kiosk-api/schemas/rule-constants.js';
import { identified, NO_FEES, type Finding, type RuleContext, type ServiceModule } from '../rule-context.js';
import type { Step } from '../../../shared/kiosk-api/schemas/service-results.js';

function check(ctx: RuleContext): Finding[] {
  const who = identified(ctx);
  if (Array.isArray(who)) return who;
  const { person } = who;
  const leap = ctx.config.rules.leapDayBirthday;
  const findings: Finding[] = [];
  // Under 18: by form signed by a parent, at a counter or by post. [Q18 A, B]
  if (ageOn(person.dateOfBirth, ctx.today, leap) < RULES.adultAge) findings.push({ code: 'applicant-under-18' });
  const subject = ctx.facts.request.contactSubject;
  if (subject && subject.relation !== 'self') {
    if (ageOn(subject.dateOfBirth, ctx.today, leap) >= RULES.adultAge) findings.push({ code: 'subject-not-minor' });
    if (!subject.relationOnFile) findings.push({ code: 'subject-relation-not-on-file' });
  }
  // Only address, phone, occupation and emergency contact change at a kiosk. [001 ID Q31]
  findings.push(...renewalDataChanges(ctx.facts.request));
  findings.push(...fingerprintNotice(person));
  return findings;
}

function steps(ctx: RuleContext): Step[] {
  return [
    { kind: 'read-card', whose: 'applicant' },
    verifyIdentityStep(ctx.facts.person),
    { kind: 'enter-contact-details', subject: ctx.facts.request.contactSubject?.relation ?? 'self' },
    // Free: the application is sent without payment, and the receipt shows its number. [001 ID Q18]
    RECEIPT_STEP,
  ];
}

export const contactChange: ServiceModule = {
  id: 'contact-change',
  check,
  steps,
  fees: NO_FEES,
  resultWithinWorkingDays: RULES.contactUpdateWorkingDays,
};
