/** Collect a document applied for earlier. [003 collection; 001 ID Q11, Q22] */
import { addMonths } from '../../../shared/calendar/local-date.js';
import { verifyIdentityStep } from '../common-checks.js';
import { RULES } from '../../../shared/kiosk-api/schemas/rule-constants.js';
import { NO_FEES, type Finding, type RuleContext, type ServiceModule } from '../rule-context.js';
import type { Step } from '../../../shared/kiosk-api/schemas/service-results.js';

function check(ctx: RuleContext): Finding[] {
  const pickup = ctx.facts.request.pickup;
  if (!pickup) return [];
  const findings: Finding[] = [];
  // A proxy brings the signed authorisation form to a counter. [003; 001 ID Q11]
  if (pickup.collector === 'proxy') findings.push({ code: 'proxy-collection-counter-only' });
  const destroyedAfter = addMonths(pickup.documentIssuedOn, RULES.uncollectedCardDestroyedAfterMonths);
  if (pickup.documentKind === 'id-card' && ctx.today > destroyedAfter) {
    findings.push({ code: 'document-destroyed-after-6-months' });
  }
  return findings;
}

function steps(ctx: RuleContext): Step[] {
  // A renewed card is issued against the old one, which is cancelled on collection. [003]
  const returnOldCard: Step[] = ctx.facts.request.pickup?.documentKind === 'id-card' ? [{ kind: 'return-old-card' }] : [];
  return [
    { kind: 'scan-pickup-receipt' },
    { kind: 'read-card', whose: 'applicant' },
    verifyIdentityStep(ctx.facts.person),
    ...returnOldCard,
    { kind: 'collect-document' },
  ];
}

export const documentPickup: ServiceModule = { id: 'document-pickup', check, steps, fees: NO_FEES };
