/** Personal data certificate (個人資料證明書) at a kiosk. [001 Other Q14] */
import { fingerprintNotice, paymentStep, pickupStep, RECEIPT_STEP, verifyIdentityStep } from '../common-checks.js';
import { PersonalDataItem } from '../../../shared/kiosk-api/schemas/service-facts.js';
import { identified, type Finding, type RuleContext, type ServiceModule } from '../rule-context.js';
import type { Step } from '../../../shared/kiosk-api/schemas/service-results.js';

function check(ctx: RuleContext): Finding[] {
  const who = identified(ctx);
  if (Array.isArray(who)) return who;
  const findings: Finding[] = fingerprintNotice(who.person);
  // Former names are certified only at a counter. [Q14]
  if ((ctx.facts.request.personalDataItems ?? []).includes('former-names')) {
    findings.push({ code: 'former-names-counter-only' });
  }
  return findings;
}

function steps(ctx: RuleContext): Step[] {
  return [
    { kind: 'read-card', whose: 'applicant' },
    verifyIdentityStep(ctx.facts.person),
    { kind: 'choose-data-items', items: PersonalDataItem.options.filter((item) => item !== 'former-names') },
    // Paper only: the seed names no electronic personal-data certificate [001 Other Q14]; the copies set the fee.
    { kind: 'choose-certificate-format', formats: ['paper'] },
    ...pickupStep(ctx),
    // A summary of the choices, the pickup and the fee before paying, as for every paid service.
    { kind: 'review' },
    paymentStep(ctx, 'personal-data-certificate', false),
    RECEIPT_STEP,
  ];
}

export const personalDataCertificate: ServiceModule = {
  id: 'personal-data-certificate',
  check,
  steps,
  fees: (request) => ({
    lines: [{ code: 'personal-data-certificate', quantity: request.certificate?.copies ?? 1 }],
    incomplete: false,
  }),
};
