/**
 * Every reason the rules can give, with its effect and the seed it comes from.
 *
 * The renderer types its locale keys from `ReasonCode`; codes are stable, never renamed.
 * Effect decides the verdict: any `not-allowed` reason → not-allowed; else any `counter-only`
 * → counter-only; `notice` reasons never block (they are shown as warnings or hints).
 */
import { z } from 'zod';

export type ReasonEffect = 'not-allowed' | 'counter-only' | 'notice';

interface ReasonInfo {
  effect: ReasonEffect;
  /** Seed file and section, e.g. "001 ID Q31"; "design" when the seeds are silent. */
  seed: string;
}

export const REASONS = {
  // Facts the kiosk has not collected yet.
  'card-not-read': { effect: 'not-allowed', seed: 'design' },
  'person-not-identified': { effect: 'not-allowed', seed: 'design' },
  // Card and person.
  'wrong-card-kind': { effect: 'not-allowed', seed: '000; 001 ID Q31' },
  'card-valid-for-life': { effect: 'not-allowed', seed: '001 ID Q1A, Q24D, Q29' },
  'renewal-window-not-open': { effect: 'not-allowed', seed: '001 ID Q1A, Q31' },
  'card-already-expired': { effect: 'notice', seed: '001 ID Q31' },
  'lifetime-contact-card-exchange-available': { effect: 'notice', seed: '001 ID Q1A, Q29' },
  'card-expired': { effect: 'counter-only', seed: '003; 001 ID Q16' },
  'card-being-replaced': { effect: 'counter-only', seed: '003' },
  'card-lost': { effect: 'counter-only', seed: '001 ID Q4, Q31' },
  'interdicted': { effect: 'counter-only', seed: '003; 001 ID Q31' },
  'personal-data-change-counter-only': { effect: 'counter-only', seed: '003; 001 ID Q31' },
  'fingerprints-unreadable': { effect: 'counter-only', seed: '001 ID Q24C' },
  'fingerprint-verification-by-pin': { effect: 'notice', seed: '001 ID Q24C' },
  // Age.
  'age-under-5-on-issue-date': { effect: 'counter-only', seed: '000' },
  'age-under-18-on-issue-date': { effect: 'counter-only', seed: '001 ID Q31' },
  'age-under-25-outside-office-hours': { effect: 'not-allowed', seed: '001 ID Q31' },
  'applicant-under-18': { effect: 'counter-only', seed: '003; 001 kinship Q3; 001 ID Q18' },
  'guardian-required': { effect: 'notice', seed: '000' },
  'guardian-without-macau-id-card': { effect: 'not-allowed', seed: '000' },
  // Residence certificate (non-permanent residents).
  'residence-certificate-missing': { effect: 'not-allowed', seed: '000' },
  'residence-certificate-expired': { effect: 'not-allowed', seed: '000; 002' },
  'residence-certificate-expiring-soon': { effect: 'notice', seed: '000 (Law 16/2021 warning)' },
  // Kinship.
  'kinship-not-on-file': { effect: 'not-allowed', seed: '003; 001 kinship Q1' },
  'too-many-relatives': { effect: 'not-allowed', seed: '003' },
  'relation-not-verifiable': { effect: 'not-allowed', seed: '001 kinship Q2' },
  'kinship-already-on-file': { effect: 'not-allowed', seed: '001 kinship Q1' },
  // The related person's ID number typed is the applicant's own.
  'related-id-is-own': { effect: 'not-allowed', seed: 'design' },
  // Contact details.
  'subject-not-minor': { effect: 'not-allowed', seed: '001 ID Q18' },
  'subject-relation-not-on-file': { effect: 'counter-only', seed: '001 ID Q18' },
  // Marital status.
  'marriage-data-not-shared': { effect: 'counter-only', seed: '001 ID Q16' },
  'marriage-registered-over-60-days': { effect: 'counter-only', seed: '001 ID Q16' },
  'spouse-card-not-valid': { effect: 'counter-only', seed: '001 ID Q16' },
  'already-married': { effect: 'not-allowed', seed: '001 ID Q16' },
  // Personal-data certificate and chip data.
  'former-names-counter-only': { effect: 'counter-only', seed: '001 Other Q14' },
  'pin-letter-lost': { effect: 'counter-only', seed: '001 Other Q10' },
  // Queue tickets.
  'booking-hq-only': { effect: 'not-allowed', seed: '001 Other Q1' },
  'office-closed-now': { effect: 'not-allowed', seed: '001 Other Q1; 003' },
  // Document pickup.
  'document-destroyed-after-6-months': { effect: 'not-allowed', seed: '001 ID Q22' },
  'proxy-collection-counter-only': { effect: 'counter-only', seed: '003' },
  // Operations.
  'holiday-data-missing': { effect: 'notice', seed: 'design' },
  'payment-at-counter-office-hours-only': { effect: 'notice', seed: '001 ID Q31' },
} as const satisfies Record<string, ReasonInfo>;

export type ReasonCode = keyof typeof REASONS;
export const REASON_CODES = Object.keys(REASONS) as [ReasonCode, ...ReasonCode[]];
export const ReasonCode = z.enum(REASON_CODES);

export function effectOf(code: ReasonCode): ReasonEffect {
  return REASONS[code].effect;
}
