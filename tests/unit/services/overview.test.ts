/** The overview before a service: steps from the rules ("if needed" marked), time from config, fee from the fees config, what to bring. */
import { describe, expect, it } from 'vitest';
import { ServiceId, ServiceOverviewSchema } from '../../../electron/host/service-rules/index.js';
import { at, rules, shippedConfig } from './fixtures.js';

const NIGHT = at('2026-03-10', '22:00');

describe('service overview', () => {
  it('[000] non-permanent renewal: the guardian and the height are marked "if needed"; fee and time from config; own card, guardian card, payment', () => {
    const overview = rules.overview('renew-nonpermanent', NIGHT);
    expect(overview.steps.filter((step) => step.ifNeeded).map((step) => step.kind)).toEqual(['guardian-verification', 'height']);
    expect(overview.steps.map((step) => step.kind)).toEqual([
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
    expect(overview.fee).toEqual({ kind: 'fixed', avos: shippedConfig().fees.fees['id-card-renewal-nonpermanent'].amountAvos });
    expect(overview.minutes).toBe(shippedConfig().rules.visitMinutes['renew-nonpermanent']);
    expect(overview.bring).toEqual(['own-card', 'guardian-card', 'payment']);
  });

  it('[001 ID Q31] permanent renewal: height only if the back office asks for it', () => {
    const overview = rules.overview('renew-permanent', NIGHT);
    expect(overview.steps.find((step) => step.kind === 'height')).toEqual({ kind: 'height', ifNeeded: true });
    expect(overview.steps.find((step) => step.kind === 'scan-card')).toEqual({ kind: 'scan-card', ifNeeded: false });
    expect(overview.fee).toEqual({ kind: 'fixed', avos: 9000 });
  });

  it('[003] kinship certificate: a fee "from" the cheapest choice (it grows with copies and pages); relatives\' cards to bring', () => {
    const overview = rules.overview('kinship-certificate', NIGHT);
    expect(overview.fee).toEqual({ kind: 'from', avos: 1500 });
    expect(overview.bring).toEqual(['own-card', 'relatives-cards', 'payment']);
  });

  it('free services say so; every service has a valid overview with at least one step', () => {
    expect(rules.overview('queue-ticket', NIGHT).fee).toEqual({ kind: 'free' });
    expect(rules.overview('card-authenticity', NIGHT).bring).toEqual(['card-to-check']);
    for (const service of ServiceId.options) expect(ServiceOverviewSchema.safeParse(rules.overview(service, NIGHT)).success, service).toBe(true);
  });
});
