/** Marital status to "married" from Civil Registry data. [001 ID Q16 (1)] */
import { addDays } from '../../../shared/calendar/local-date.js';
import { fingerprintNotice, isCardExpired, RECEIPT_STEP, verifyIdentityStep } from '../common-checks.js';
import { RULES } from '../../../shared/kiosk-api/schemas/rule-constants.js';
import { identified, NO_FEES, type Finding, type RuleContext, type ServiceModule } from '../rule-context.js';
import type { Step } from '../../../shared/kiosk-api/schemas/service-results.js';

function check(ctx: RuleContext): Finding[] {
  const who = identified(ctx);
  if (Array.isArray(who)) return who;
  const { person, card } = who;
  const findings: Finding[] = [];
  if (person.maritalStatus === 'married') findings.push({ code: 'already-married' });
  if (isCardExpired(card, ctx.today)) findings.push({ code: 'card-expired' });
  const marriage = ctx.facts.request.marriage;
  if (marriage) {
    if (!marriage.civilRegistryAuthorised) findings.push({ code: 'marriage-data-not-shared' });
    if (!marriage.spouseHoldsValidSmartCard) findings.push({ code: 'spouse-card-not-valid' });
    // "於完成結婚登記當天起六十天內": whether the registration day is day 1 is configurable.
    const lastDay = addDays(
      marriage.registeredOn,
      ctx.config.rules.marriageWindowCountsRegistrationDay ? RULES.marriageWindowDays - 1 : RULES.marriageWindowDays,
    );
    if (ctx.today > lastDay) findings.push({ code: 'marriage-registered-over-60-days' });
  }
  findings.push(...fingerprintNotice(person));
  return findings;
}

function steps(ctx: RuleContext): Step[] {
  return [
    { kind: 'read-card', whose: 'applicant' },
    verifyIdentityStep(ctx.facts.person),
    { kind: 'confirm-marriage-data' },
    // Free: the application is sent without payment, and the receipt shows its number.
    RECEIPT_STEP,
  ];
}

export const maritalStatusMarried: ServiceModule = { id: 'marital-status-married', check, steps, fees: NO_FEES };
