/** The declarative step lists the renderer follows. */
import { describe, expect, it } from 'vitest';
import { Step, type StepKind } from '../../../electron/host/service-rules/index.js';
import { at, card, facts, person, rules } from './fixtures.js';

const kinds = (list: readonly Step[]): StepKind[] => list.map((step) => step.kind);
const find = <K extends StepKind>(list: readonly Step[], kind: K) =>
  list.find((step): step is Extract<Step, { kind: K }> => step.kind === kind);
const NIGHT = at('2026-03-10', '22:00');
const OFFICE = at('2026-03-10', '10:00');

describe('steps', () => {
  it('[000] non-permanent renewal follows the leaflet order; a minor adds guardian verification', () => {
    const minor = facts({
      person: person({ dateOfBirth: '2012-05-05' }),
      card: card({ residency: 'non-permanent' }),
    });
    const steps = rules.steps('renew-nonpermanent', minor, NIGHT);
    expect(kinds(steps)).toEqual([
      'verify-identity',
      'read-card',
      'guardian-verification',
      'capture-fingerprints',
      'photo',
      'height',
      'choose-pickup',
      'review',
      'payment',
      'receipt',
    ]);
    expect(find(steps, 'photo')).toEqual({
      kind: 'photo',
      sources: ['live', 'one-account-id-photo'],
      oneAccountPhotoMaxAgeDays: 365,
    });
    expect(find(steps, 'choose-pickup')?.places).toEqual([
      'hq',
      'government-services-building',
      'islands-centre',
      'hengqin',
    ]);
    for (const step of steps) expect(Step.safeParse(step).success).toBe(true);
  });

  it('[000] an adult non-permanent renewal has no guardian step', () => {
    const adult = facts({ card: card({ residency: 'non-permanent' }) });
    expect(kinds(rules.steps('renew-nonpermanent', adult, NIGHT))).not.toContain('guardian-verification');
  });

  it('[001 ID Q30, Q31] permanent renewal: signature, own-photo scan, ID card scan, ten fingers and height when needed', () => {
    const needs = facts({ person: person({ captureNeeds: { tenFingerprints: true, height: true } }) });
    const steps = rules.steps('renew-permanent', needs, OFFICE);
    expect(kinds(steps)).toEqual([
      'read-card',
      'verify-identity',
      'capture-fingerprints',
      'photo',
      'height',
      'scan-card',
      'signature',
      'choose-pickup',
      'review',
      'payment',
      'receipt',
    ]);
    expect(find(steps, 'scan-card')?.sides).toEqual(['front', 'back']);
    expect(find(steps, 'capture-fingerprints')?.fingers).toHaveLength(10);
    expect(find(steps, 'photo')?.sources).toEqual(['live', 'scanned-photo']);
    expect(find(steps, 'payment')).toEqual({
      kind: 'payment',
      methods: ['unionpay-quickpass', 'macau-pass'],
      counterAllowed: true,
    });
  });

  it('[001 ID Q31] permanent renewal: standard fingers, no height unless needed, no counter payment at night', () => {
    const plain = facts({ person: person({ captureNeeds: { tenFingerprints: false, height: false } }) });
    const steps = rules.steps('renew-permanent', plain, NIGHT);
    expect(find(steps, 'capture-fingerprints')?.fingers).toEqual(['right-index', 'left-index']);
    expect(kinds(steps)).not.toContain('height');
    expect(find(steps, 'payment')?.counterAllowed).toBe(false);
  });

  it('[001 ID Q24C] unreadable fingers: identity by PIN, counter as fallback', () => {
    const steps = rules.steps('kinship-certificate', facts({ person: person({ fingerprintsReadable: false }) }), NIGHT);
    expect(find(steps, 'verify-identity')).toEqual({
      kind: 'verify-identity',
      who: 'applicant',
      method: 'pin',
      fallback: 'counter',
    });
  });

  it('[003] kinship certificate: relatives cards 1–8, format, pickup, GovPay or Macau Pass', () => {
    const steps = rules.steps('kinship-certificate', facts(), NIGHT);
    expect(find(steps, 'relatives-cards')).toMatchObject({ min: 1, max: 8 });
    expect(find(steps, 'payment')?.methods).toEqual(['govpay', 'macau-pass']);
    expect(find(steps, 'choose-pickup')?.places).toContain('smart-locker');
    // The summary of the choices, pickup and fee comes right before paying.
    expect(kinds(steps).slice(-4)).toEqual(['choose-pickup', 'review', 'payment', 'receipt']);
  });

  it('every paid service shows its summary (review) right before the payment', () => {
    for (const service of ['renew-permanent', 'renew-nonpermanent', 'kinship-certificate', 'personal-data-certificate'] as const) {
      const list = kinds(rules.steps(service, facts({ card: card({ residency: service === 'renew-nonpermanent' ? 'non-permanent' : 'permanent' }) }), NIGHT));
      expect(list[list.indexOf('payment') - 1], service).toBe('review');
    }
  });

  it('[003] an electronic kinship certificate has nothing to collect', () => {
    const steps = rules.steps(
      'kinship-certificate',
      facts({ request: { certificate: { format: 'electronic', copies: 1 } } }),
      NIGHT,
    );
    expect(kinds(steps)).not.toContain('choose-pickup');
    expect(kinds(steps).slice(-3)).toEqual(['review', 'payment', 'receipt']);
  });

  it('[001 Other Q4] chip data print asks for the 6-digit general password', () => {
    expect(find(rules.steps('chip-data-print', facts(), NIGHT), 'enter-pin')).toEqual({
      kind: 'enter-pin',
      digits: 6,
      purpose: 'read-chip-data',
    });
  });

  it('[001 kinship Q2] kinship verification enters the related person’s ID for parent, child or spouse', () => {
    expect(find(rules.steps('kinship-verification', facts(), NIGHT), 'enter-related-id')?.relations).toEqual([
      'parent',
      'child',
      'spouse',
    ]);
  });

  it('[001 kinship Q5] kinship verification is free: after the related ID, the receipt (the application is sent there)', () => {
    expect(kinds(rules.steps('kinship-verification', facts(), NIGHT))).toEqual(['read-card', 'verify-identity', 'enter-related-id', 'receipt']);
    expect(rules.steps('kinship-verification', facts(), NIGHT).some((step) => step.kind === 'payment')).toBe(false);
  });

  it('[001 Other Q14] personal data certificate: items, then the number of paper copies, pickup, payment, receipt', () => {
    const steps = rules.steps('personal-data-certificate', facts(), NIGHT);
    expect(kinds(steps)).toEqual(['read-card', 'verify-identity', 'choose-data-items', 'choose-certificate-format', 'choose-pickup', 'review', 'payment', 'receipt']);
    expect(find(steps, 'choose-certificate-format')?.formats).toEqual(['paper']);
  });

  it('[001 Other Q14] personal data certificate offers every item except former names', () => {
    const items = find(rules.steps('personal-data-certificate', facts(), NIGHT), 'choose-data-items')?.items;
    expect(items).not.toContain('former-names');
    expect(items).toHaveLength(6);
  });

  it('[003] renewed ID card pickup returns the old card', () => {
    const steps = rules.steps(
      'document-pickup',
      facts({ request: { pickup: { documentKind: 'id-card', documentIssuedOn: '2026-03-01', collector: 'applicant' } } }),
      NIGHT,
    );
    expect(kinds(steps)).toEqual(['scan-pickup-receipt', 'read-card', 'verify-identity', 'return-old-card', 'collect-document']);
  });

  it('every service returns schema-valid steps', () => {
    for (const service of [
      'contact-change',
      'marital-status-married',
      'card-authenticity',
      'queue-ticket',
    ] as const) {
      for (const step of rules.steps(service, facts(), NIGHT)) expect(Step.safeParse(step).success).toBe(true);
    }
  });
});
