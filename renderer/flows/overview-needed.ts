import type { ServiceOverview } from '../../electron/shared/kiosk-api/schemas/service-overview.js';

/** Steps that only hand over the result (a ticket, a printout, the receipt): nothing for the resident to do or prepare. */
const HANDS_OVER_RESULT: ReadonlySet<ServiceOverview['steps'][number]['kind']> = new Set(['print-ticket', 'print-result', 'receipt']);

/**
 * Whether the overview tells the resident anything a tap on Start is worth: a free service with
 * nothing to bring and a single step before its result (the queue ticket) starts straight away,
 * its one step being its own overview. Decided from the host's overview, never from the service's name.
 */
export function overviewWorthATap(overview: ServiceOverview): boolean {
  const actions = overview.steps.filter((step) => !HANDS_OVER_RESULT.has(step.kind));
  return !(overview.fee.kind === 'free' && overview.bring.length === 0 && actions.length <= 1);
}
