import type { ResultOf } from '../../../electron/shared/kiosk-api/contract.js';

export type CheckResult = ResultOf<'authenticity.check'>;

/**
 * The host's answer for the card just checked, handed from the reading step to the result step of
 * the same visit (the host keeps its own copy for printing). Tied to the session that asked.
 */
let last: { sessionId: string; result: CheckResult } | undefined;

export function keepCheckResult(sessionId: string, result: CheckResult): void {
  last = { sessionId, result };
}

export function checkResultFor(sessionId: string | undefined): CheckResult | undefined {
  return last && last.sessionId === sessionId ? last.result : undefined;
}
