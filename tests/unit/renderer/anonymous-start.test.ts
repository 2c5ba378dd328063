import { describe, expect, it } from 'vitest';
import { planOf, startsWithOwnCard } from '../../../renderer/flows/service-flow.js';
import { at, rules } from '../services/fixtures.js';

/** Which services the menu starts without the resident's own card, from the host's real steps. */
const stepsOf = (service: Parameters<typeof rules.steps>[0]) => rules.steps(service, { request: {} }, at('2026-11-24', '10:30'));

describe('starting a service from the menu', () => {
  it.each(['queue-ticket', 'card-authenticity', 'document-pickup'] as const)('%s starts at its first step, without identifying', (service) => {
    expect(startsWithOwnCard(stepsOf(service))).toBe(false);
  });

  it.each(['renew-permanent', 'renew-nonpermanent', 'chip-data-print', 'kinship-certificate'] as const)('%s reads the resident’s own card first', (service) => {
    expect(startsWithOwnCard(stepsOf(service))).toBe(true);
  });

  it('collection starts with the receipt; checking a card keeps its read-card step (the card to check)', () => {
    expect(planOf('document-pickup', stepsOf('document-pickup'))[0]).toEqual({ kind: 'scan-pickup-receipt' });
    expect(planOf('card-authenticity', stepsOf('card-authenticity'))).toEqual([
      { kind: 'read-card', whose: 'card-to-check' },
      { kind: 'print-result', document: 'authenticity-check' },
    ]);
  });
});
