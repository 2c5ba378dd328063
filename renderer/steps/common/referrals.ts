import type { Eligibility } from '../../state/kiosk-store.js';

type ReasonCode = Eligibility['reasons'][number];

/**
 * Where a resident goes instead, for each reason the host may refuse with: a DSI counter, office
 * hours, the police's residence certificate (through 一戶通), another kiosk service first, or
 * an accompanying guardian. A Record over every reason code: a new code does not compile until it
 * says where to go. Notices never refuse, so they point nowhere.
 */
export type Referral = 'counter' | 'office-hours' | 'residence-certificate' | 'kinship-verification' | 'guardian' | 'other-service' | 'later' | 'staff' | null;

export const REFERRAL_OF: Record<ReasonCode, Referral> = {
  'card-not-read': 'staff',
  'person-not-identified': 'counter',
  'wrong-card-kind': 'other-service',
  'card-valid-for-life': null,
  'renewal-window-not-open': 'later',
  'card-already-expired': null,
  'lifetime-contact-card-exchange-available': null,
  'card-expired': 'counter',
  'card-being-replaced': 'counter',
  'card-lost': 'counter',
  interdicted: 'counter',
  'personal-data-change-counter-only': 'counter',
  'fingerprints-unreadable': 'counter',
  'fingerprint-verification-by-pin': null,
  'age-under-5-on-issue-date': 'counter',
  'age-under-18-on-issue-date': 'counter',
  'age-under-25-outside-office-hours': 'office-hours',
  'applicant-under-18': 'counter',
  'guardian-required': null,
  'guardian-without-macau-id-card': 'guardian',
  'residence-certificate-missing': 'residence-certificate',
  'residence-certificate-expired': 'residence-certificate',
  'residence-certificate-expiring-soon': null,
  'kinship-not-on-file': 'kinship-verification',
  'too-many-relatives': 'other-service',
  'relation-not-verifiable': 'counter',
  'kinship-already-on-file': null,
  'related-id-is-own': null,
  'subject-not-minor': 'other-service',
  'subject-relation-not-on-file': 'counter',
  'marriage-data-not-shared': 'counter',
  'marriage-registered-over-60-days': 'counter',
  'spouse-card-not-valid': 'counter',
  'already-married': null,
  'former-names-counter-only': 'counter',
  'pin-letter-lost': 'counter',
  'booking-hq-only': 'other-service',
  'office-closed-now': 'office-hours',
  'document-destroyed-after-6-months': 'counter',
  'proxy-collection-counter-only': 'counter',
  'holiday-data-missing': null,
  'payment-at-counter-office-hours-only': null,
};

/** The distinct places to go for these reasons, in the order the reasons came. */
export function referralsFor(reasons: readonly ReasonCode[]): Exclude<Referral, null>[] {
  return [...new Set(reasons.map((code) => REFERRAL_OF[code]).filter((r): r is Exclude<Referral, null> => r !== null))];
}
