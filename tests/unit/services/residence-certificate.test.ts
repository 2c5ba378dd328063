import { describe, expect, it } from 'vitest';
import type { FactsInput } from '../../../electron/host/service-rules/index.js';
import { at, card, person, rules } from './fixtures.js';

/**
 * The evaluation of a non-permanent renewal carries the residence certificate's validity, so the
 * touchscreen can show its expiry without deciding anything [000, Law 16/2021]; other services don't.
 */
const nonPermanent = (validUntil: string | null): FactsInput => ({
  person: person({ dateOfBirth: '1990-05-05' }),
  card: card({ residency: 'non-permanent', currentIssueDate: '2020-03-01', expiry: { kind: 'date', date: '2026-04-01' } }),
  residenceCertificate: validUntil === null ? { status: 'missing' } : { status: 'held', issuedOn: '2026-02-20', validUntil },
});

describe('residence certificate in the evaluation', () => {
  it('gives the validity and the days left in Macau time, with the expiring-soon notice when near', () => {
    // 23:30 UTC on the 9th is already the 10th in Macau.
    const far = rules.evaluate('renew-nonpermanent', nonPermanent('2026-05-20'), new Date('2026-03-09T23:30:00Z'));
    expect(far.residenceCertificate).toEqual({ issuedOn: '2026-02-20', validUntil: '2026-05-20', daysLeft: 71 });
    expect(far.eligibility.notices).not.toContain('residence-certificate-expiring-soon');
    const near = rules.evaluate('renew-nonpermanent', nonPermanent('2026-03-20'), at('2026-03-10', '10:00'));
    expect(near.residenceCertificate?.daysLeft).toBe(10);
    expect(near.eligibility).toMatchObject({ verdict: 'allowed', notices: ['residence-certificate-expiring-soon'] });
  });

  it('is null when no certificate is held (and the renewal is refused), and absent for other services', () => {
    const missing = rules.evaluate('renew-nonpermanent', nonPermanent(null), at('2026-03-10'));
    expect(missing.residenceCertificate).toBeNull();
    expect(missing.eligibility.reasons).toContain('residence-certificate-missing');
    expect(rules.evaluate('renew-permanent', nonPermanent('2026-05-20'), at('2026-03-10')).residenceCertificate).toBeUndefined();
  });
});
