import { describe, expect, it } from 'vitest';
import { visitPlan } from '../../../electron/host/visit/plan.js';
import { at, rules } from '../services/fixtures.js';

/** Which services the menu starts without the resident's own card, from the host's real steps and plan. */
const planOf = (service: Parameters<typeof rules.steps>[0]) => visitPlan(rules.steps(service, { request: {} }, at('2026-11-24', '10:30')));
const readsOwnCardFirst = (service: Parameters<typeof rules.steps>[0]) => {
  const first = planOf(service)[0];
  return first?.kind === 'read-card' && first.whose === 'applicant';
};

describe('starting a service from the menu', () => {
  it.each(['queue-ticket', 'card-authenticity', 'document-pickup'] as const)('%s starts at its first step, without identifying', (service) => {
    expect(readsOwnCardFirst(service)).toBe(false);
  });

  it.each(['renew-permanent', 'renew-nonpermanent', 'chip-data-print', 'kinship-certificate'] as const)('%s reads the resident’s own card first', (service) => {
    expect(readsOwnCardFirst(service)).toBe(true);
  });

  it('the non-permanent renewal reads the card before verifying against it (the leaflet lists them the other way round)', () => {
    expect(rules.steps('renew-nonpermanent', { request: {} }, at('2026-11-24', '10:30'))[0]?.kind).toBe('verify-identity');
    expect(planOf('renew-nonpermanent').slice(0, 2).map((step) => step.kind)).toEqual(['read-card', 'verify-identity']);
  });

  it('collection starts with the receipt; checking a card keeps its read-card step (the card to check)', () => {
    expect(planOf('document-pickup')[0]).toEqual({ kind: 'scan-pickup-receipt' });
    expect(planOf('card-authenticity')).toEqual([
      { kind: 'read-card', whose: 'card-to-check' },
      { kind: 'print-result', document: 'authenticity-check' },
    ]);
  });
});
