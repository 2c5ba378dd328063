import type { VisitState } from '../../electron/shared/kiosk-api/contract.js';

type Stepping = Extract<VisitState, { phase: 'steps' }>;
type PlanKind = Stepping['current']['kind'];

/**
 * Steps that are not something the resident does: the receipt is where the visit ends (it shows
 * the outcome, with nothing left to do), so "Step 9 of 9" there would count the result as a task.
 */
const NOT_COUNTED: ReadonlySet<PlanKind> = new Set(['receipt']);

/**
 * "Step n of N" from the host's plan: the current step's place among the steps the resident
 * works through. Undefined when no step is current or the current one is not counted.
 */
export function stepPosition(host: Stepping | undefined): { n: number; total: number } | undefined {
  if (!host) return undefined;
  const counted = host.steps.filter((entry) => !NOT_COUNTED.has(entry.step.kind));
  const index = counted.findIndex((entry) => entry.status === 'current');
  return index < 0 ? undefined : { n: index + 1, total: counted.length };
}
