import type { Step } from '../service-rules/index.js';

/**
 * A step as the visit machine names it: the kind, and for the kinds that act on different people
 * (whose card, whose identity), who. `identity.readCard` performs `read-card:applicant`,
 * `authenticity.check` performs `read-card:card-to-check`.
 */
export type StepKey =
  | `read-card:${Extract<Step, { kind: 'read-card' }>['whose']}`
  | `verify-identity:${Extract<Step, { kind: 'verify-identity' }>['who']}`
  | Exclude<Step['kind'], 'read-card' | 'verify-identity'>;

export function keyOf(step: Step): StepKey {
  if (step.kind === 'read-card') return `read-card:${step.whose}`;
  if (step.kind === 'verify-identity') return `verify-identity:${step.who}`;
  return step.kind;
}

/**
 * The visit's plan from the rules' steps. One departure from the rules' order: the applicant's own
 * card is read first. The non-permanent renewal's leaflet says "verify identity, then read the
 * card" [000], but the kiosk verifies a finger against the references on the card it has read, so
 * the read comes first and the leaflet's two steps happen at the same placement of the card.
 */
export function visitPlan(steps: readonly Step[]): Step[] {
  const read = steps.findIndex((step) => keyOf(step) === 'read-card:applicant');
  const verify = steps.findIndex((step) => keyOf(step) === 'verify-identity:applicant');
  if (read === -1 || verify === -1 || verify > read) return [...steps];
  return [...steps.slice(0, verify), steps[read]!, ...steps.slice(verify, read), ...steps.slice(read + 1)];
}
