/** Print the personal data in the chip after the 6-digit "general password". [001 Other Q4, Q10; ID Q24] */
import { NO_FEES, type Finding, type RuleContext, type ServiceModule } from '../rule-context.js';

function check(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  if (!ctx.facts.card) findings.push({ code: 'card-not-read' });
  // A lost PIN letter is reset at DSI with the card. [Other Q10]
  if (ctx.facts.request.pinLetterAvailable === false) findings.push({ code: 'pin-letter-lost' });
  return findings;
}

export const chipDataPrint: ServiceModule = {
  id: 'chip-data-print',
  check,
  steps: () => [
    { kind: 'read-card', whose: 'applicant' },
    { kind: 'enter-pin', digits: 6, purpose: 'read-chip-data' },
    { kind: 'print-result', document: 'chip-data' },
  ],
  fees: NO_FEES,
};
