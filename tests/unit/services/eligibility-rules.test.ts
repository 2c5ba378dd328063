/**
 * One or more cases per rule of docs/service-rules.md (shared digest), each naming its seed.
 * Instants are written with an explicit +08:00 offset so the machine zone cannot matter.
 */
import { describe, expect, it } from 'vitest';
import type { FactsInput, ReasonCode, ServiceId } from '../../../electron/host/service-rules/index.js';
import { at, card, facts, person, rules } from './fixtures.js';

interface Case {
  rule: string;
  seed: string;
  service: ServiceId;
  facts: FactsInput;
  now: Date;
  verdict: 'allowed' | 'counter-only' | 'not-allowed';
  reasons?: ReasonCode[];
  notices?: ReasonCode[];
  availableFrom?: string | null;
}

// A Tuesday working day, in and out of office hours.
const TUE_OFFICE = at('2026-03-10', '10:00');
const TUE_NIGHT = at('2026-03-10', '22:00');

const nonPermanent = (overrides: Partial<FactsInput> = {}): FactsInput => ({
  person: person({ dateOfBirth: '1990-05-05' }),
  card: card({ residency: 'non-permanent', currentIssueDate: '2020-03-01', expiry: { kind: 'date', date: '2026-04-01' } }),
  residenceCertificate: { status: 'held', issuedOn: '2026-02-20', validUntil: '2026-05-20' },
  ...overrides,
});

const cases: Case[] = [
  // ---- 1. Non-permanent renewal [000] ----
  { rule: '1 BIRNP holder aged 5+ on issue date with valid residence certificate may renew 24h', seed: '000', service: 'renew-nonpermanent', facts: nonPermanent(), now: TUE_NIGHT, verdict: 'allowed', reasons: [] },
  { rule: '1 5th birthday exactly on the current issue date counts as aged 5', seed: '000', service: 'renew-nonpermanent',
    facts: nonPermanent({ person: person({ dateOfBirth: '2015-03-01' }), guardian: { relation: 'mother', holdsMacauIdCard: true } }),
    now: TUE_NIGHT, verdict: 'allowed', notices: ['guardian-required'] },
  { rule: '1 aged 4 on the issue date (5th birthday the day after) → counter', seed: '000', service: 'renew-nonpermanent',
    facts: nonPermanent({ person: person({ dateOfBirth: '2015-03-02' }) }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['age-under-5-on-issue-date'] },
  { rule: '1 residence certificate missing', seed: '000', service: 'renew-nonpermanent',
    facts: nonPermanent({ residenceCertificate: { status: 'missing' } }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['residence-certificate-missing'] },
  { rule: '1 residence certificate expired (valid 90 days [002])', seed: '000; 002', service: 'renew-nonpermanent',
    facts: nonPermanent({ residenceCertificate: { status: 'held', issuedOn: '2025-12-01', validUntil: '2026-03-01' } }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['residence-certificate-expired'] },
  { rule: '1 residence certificate valid through today is still valid, with a warning (Law 16/2021)', seed: '000', service: 'renew-nonpermanent',
    facts: nonPermanent({ residenceCertificate: { status: 'held', issuedOn: '2025-12-11', validUntil: '2026-03-10' } }), now: TUE_NIGHT, verdict: 'allowed', notices: ['residence-certificate-expiring-soon'] },
  { rule: '1 under 18 must come with father, mother or guardian', seed: '000', service: 'renew-nonpermanent',
    facts: nonPermanent({ person: person({ dateOfBirth: '2010-01-01' }) }), now: TUE_NIGHT, verdict: 'allowed', notices: ['guardian-required'] },
  { rule: '1 18th birthday today: no guardian needed', seed: '000', service: 'renew-nonpermanent',
    facts: nonPermanent({ person: person({ dateOfBirth: '2008-03-10' }) }), now: TUE_NIGHT, verdict: 'allowed', notices: [] },
  { rule: '1 the accompanying guardian must hold a Macau ID card', seed: '000', service: 'renew-nonpermanent',
    facts: nonPermanent({ person: person({ dateOfBirth: '2012-01-01' }), guardian: { relation: 'guardian', holdsMacauIdCard: false } }),
    now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['guardian-without-macau-id-card'] },
  { rule: '1 a permanent card is renewed by the other service', seed: '000', service: 'renew-nonpermanent',
    facts: nonPermanent({ card: card() }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['wrong-card-kind'] },

  // ---- 2. Permanent renewal [001 ID Q1, Q24, Q30, Q31] ----
  { rule: '2 aged 25+ on the issue date: 24 hours', seed: '001 ID Q31', service: 'renew-permanent', facts: facts(), now: TUE_NIGHT, verdict: 'allowed', reasons: [] },
  { rule: '2 25th birthday exactly on the issue date: 24 hours', seed: '001 ID Q31', service: 'renew-permanent',
    facts: facts({ person: person({ dateOfBirth: '1991-09-01' }) }), now: TUE_NIGHT, verdict: 'allowed', reasons: [] },
  { rule: '2 aged 24 on the issue date, outside office hours → come back in office hours', seed: '001 ID Q31', service: 'renew-permanent',
    facts: facts({ person: person({ dateOfBirth: '1991-09-02' }) }), now: TUE_NIGHT, verdict: 'not-allowed',
    reasons: ['age-under-25-outside-office-hours'], availableFrom: '2026-03-11T09:00:00+08:00' },
  { rule: '2 aged 18–24 on the issue date, inside office hours', seed: '001 ID Q31', service: 'renew-permanent',
    facts: facts({ person: person({ dateOfBirth: '1991-09-02' }) }), now: TUE_OFFICE, verdict: 'allowed', reasons: [] },
  { rule: '2 18th birthday exactly on the issue date, in office hours', seed: '001 ID Q31', service: 'renew-permanent',
    facts: facts({ person: person({ dateOfBirth: '1998-09-01' }) }), now: TUE_OFFICE, verdict: 'allowed' },
  { rule: '2 aged 17 on the issue date → counter', seed: '001 ID Q31', service: 'renew-permanent',
    facts: facts({ person: person({ dateOfBirth: '1998-09-02' }) }), now: TUE_OFFICE, verdict: 'counter-only', reasons: ['age-under-18-on-issue-date'] },
  { rule: '2 age-under-25 on Friday 17:59 → next opening is Monday 09:00', seed: '001 ID Q31; 003', service: 'renew-permanent',
    facts: facts({ person: person({ dateOfBirth: '1995-01-01' }) }), now: at('2026-03-13', '18:00:00'), verdict: 'not-allowed',
    availableFrom: '2026-03-16T09:00:00+08:00' },
  { rule: '2 expiry exactly 6 months ahead: window open', seed: '001 ID Q1A, Q31', service: 'renew-permanent',
    facts: facts({ card: card({ expiry: { kind: 'date', date: '2026-09-10' } }) }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '2 expiry 6 months and 1 day ahead: too early', seed: '001 ID Q1A, Q31', service: 'renew-permanent',
    facts: facts({ card: card({ expiry: { kind: 'date', date: '2026-09-11' } }) }), now: TUE_NIGHT, verdict: 'not-allowed',
    reasons: ['renewal-window-not-open'], availableFrom: '2026-03-11T00:00:00+08:00' },
  { rule: '2 expiry 31 Aug: window opens 28 Feb (month end clamps)', seed: '001 ID Q1A', service: 'renew-permanent',
    facts: facts({ card: card({ expiry: { kind: 'date', date: '2026-08-31' } }) }), now: at('2026-02-28', '20:00'), verdict: 'allowed' },
  { rule: '2 already expired: may renew, with a notice', seed: '001 ID Q31', service: 'renew-permanent',
    facts: facts({ card: card({ expiry: { kind: 'date', date: '2026-01-01' } }) }), now: TUE_NIGHT, verdict: 'allowed', notices: ['card-already-expired', 'payment-at-counter-office-hours-only'] },
  { rule: '2 lifetime contactless card: not renewed', seed: '001 ID Q24D', service: 'renew-permanent',
    facts: facts({ card: card({ expiry: { kind: 'lifetime' } }) }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['card-valid-for-life'] },
  { rule: '2 lifetime contact card: may be exchanged on request', seed: '001 ID Q1A, Q29', service: 'renew-permanent',
    facts: facts({ card: card({ chip: 'contact', expiry: { kind: 'lifetime' } }), request: { exchangeContactCard: true } }),
    now: TUE_NIGHT, verdict: 'allowed', notices: ['lifetime-contact-card-exchange-available', 'payment-at-counter-office-hours-only'] },
  { rule: '2 lost card → counter', seed: '001 ID Q31', service: 'renew-permanent',
    facts: facts({ card: card({ reportedLost: true }) }), now: TUE_OFFICE, verdict: 'counter-only', reasons: ['card-lost'] },
  { rule: '2 interdicted or quasi-interdicted → counter', seed: '001 ID Q31', service: 'renew-permanent',
    facts: facts({ person: person({ interdiction: 'quasi-interdicted' }) }), now: TUE_OFFICE, verdict: 'counter-only', reasons: ['interdicted'] },
  { rule: '2 address, phone, occupation, emergency contact may change at the kiosk', seed: '001 ID Q31', service: 'renew-permanent',
    facts: facts({ request: { dataChanges: ['address', 'phone', 'occupation', 'emergency-contact'] } }), now: TUE_OFFICE, verdict: 'allowed' },
  { rule: '2 other personal data changes → counter', seed: '001 ID Q31', service: 'renew-permanent',
    facts: facts({ request: { dataChanges: ['address', 'name'] } }), now: TUE_OFFICE, verdict: 'counter-only', reasons: ['personal-data-change-counter-only'] },
  { rule: '2 fingerprints unreadable → counter for capture', seed: '001 ID Q24C', service: 'renew-permanent',
    facts: facts({ person: person({ fingerprintsReadable: false }) }), now: TUE_OFFICE, verdict: 'counter-only', reasons: ['fingerprints-unreadable'] },
  { rule: '2 a non-permanent card is renewed by the other service', seed: '001 ID Q31', service: 'renew-permanent',
    facts: facts({ card: card({ residency: 'non-permanent' }) }), now: TUE_OFFICE, verdict: 'not-allowed', reasons: ['wrong-card-kind'] },
  { rule: '2 29 Feb birthday: 25 on 1 Mar of a common year (default march-1)', seed: '001 ID Q31; kiosk-rules leapDayBirthday', service: 'renew-permanent',
    facts: facts({ person: person({ dateOfBirth: '2000-02-29' }), card: card({ currentIssueDate: '2025-03-01' }) }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '2 29 Feb birthday: still 24 on 28 Feb of a common year (default march-1)', seed: '001 ID Q31; kiosk-rules leapDayBirthday', service: 'renew-permanent',
    facts: facts({ person: person({ dateOfBirth: '2000-02-29' }), card: card({ currentIssueDate: '2025-02-28' }) }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['age-under-25-outside-office-hours'] },
  { rule: '-- card not read yet', seed: 'design', service: 'renew-permanent', facts: { request: {} }, now: TUE_OFFICE, verdict: 'not-allowed', reasons: ['card-not-read', 'person-not-identified'] },

  // ---- 3. Kinship certificate [003] ----
  { rule: '3 valid BIRP or BIRNP, aged 18+', seed: '003', service: 'kinship-certificate',
    facts: facts({ card: card({ residency: 'non-permanent' }), request: { relatives: [{ relation: 'parent' }] } }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '3 18th birthday today may apply', seed: '003', service: 'kinship-certificate',
    facts: facts({ person: person({ dateOfBirth: '2008-03-10' }) }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '3 under 18 → parents or guardian at the counter', seed: '003', service: 'kinship-certificate',
    facts: facts({ person: person({ dateOfBirth: '2008-03-11' }) }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['applicant-under-18'] },
  { rule: '3 8 relatives is the maximum', seed: '003', service: 'kinship-certificate',
    facts: facts({ request: { relatives: Array.from({ length: 8 }, () => ({ relation: 'sibling' as const })) } }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '3 9 relatives are too many', seed: '003', service: 'kinship-certificate',
    facts: facts({ request: { relatives: Array.from({ length: 9 }, () => ({ relation: 'sibling' as const })) } }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['too-many-relatives'] },
  { rule: '3 relation to parents not on file → kinship verification first', seed: '003', service: 'kinship-certificate',
    facts: facts({ person: person({ relationsOnFile: { parents: false, children: true, spouse: true } }), request: { relatives: [{ relation: 'maternal-grandparent' }] } }),
    now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['kinship-not-on-file'] },
  { rule: '3 grandchild rests on the children link', seed: '003', service: 'kinship-certificate',
    facts: facts({ person: person({ relationsOnFile: { parents: false, children: false, spouse: true } }), request: { relatives: [{ relation: 'spouse' }, { relation: 'grandchild' }] } }),
    now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['kinship-not-on-file'] },
  { rule: '3 expired ID card → counter', seed: '003', service: 'kinship-certificate',
    facts: facts({ card: card({ expiry: { kind: 'date', date: '2026-03-09' } }) }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['card-expired'] },
  { rule: '3 card expiring today is still valid', seed: '003', service: 'kinship-certificate',
    facts: facts({ card: card({ expiry: { kind: 'date', date: '2026-03-10' } }) }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '3 ID card being replaced → counter', seed: '003', service: 'kinship-certificate',
    facts: facts({ card: card({ beingReplaced: true }) }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['card-being-replaced'] },
  { rule: '3 changing personal data → counter', seed: '003', service: 'kinship-certificate',
    facts: facts({ request: { dataChanges: ['marital-status'] } }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['personal-data-change-counter-only'] },
  { rule: '3 interdicted person → counter', seed: '003', service: 'kinship-certificate',
    facts: facts({ person: person({ interdiction: 'interdicted' }) }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['interdicted'] },
  { rule: '3 unreadable fingers: allowed, identity verified by PIN', seed: '001 ID Q24C', service: 'kinship-certificate',
    facts: facts({ person: person({ fingerprintsReadable: false }) }), now: TUE_NIGHT, verdict: 'allowed', notices: ['fingerprint-verification-by-pin'] },
  { rule: '3 not-allowed outranks counter-only, all reasons listed', seed: '003', service: 'kinship-certificate',
    facts: facts({ card: card({ beingReplaced: true }), request: { relatives: Array.from({ length: 9 }, () => ({ relation: 'child' as const })) } }),
    now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['card-being-replaced', 'too-many-relatives'] },

  // ---- 4. Kinship verification [001 kinship Q1–Q5] ----
  { rule: '4 aged 18+ verifies a parent, child or spouse', seed: '001 kinship Q2, Q3', service: 'kinship-verification',
    facts: facts({ person: person({ relationsOnFile: { parents: false, children: false, spouse: false } }), request: { verifyRelation: 'spouse' } }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '4 under 18 → counter by parent or legal representative', seed: '001 kinship Q3', service: 'kinship-verification',
    facts: facts({ person: person({ dateOfBirth: '2010-01-01' }) }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['applicant-under-18'] },
  { rule: '4 only parents, children or spouse can be verified', seed: '001 kinship Q2', service: 'kinship-verification',
    facts: facts({ request: { verifyRelation: 'sibling' } }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['relation-not-verifiable'] },
  { rule: '4 not needed when already on file (born in Macau, declared at card application…)', seed: '001 kinship Q1', service: 'kinship-verification',
    facts: facts({ request: { verifyRelation: 'parent' } }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['kinship-already-on-file'] },
  { rule: '4 the related ID number must not be the applicant\'s own', seed: 'design', service: 'kinship-verification',
    facts: facts({ person: person({ relationsOnFile: { parents: false, children: false, spouse: false } }), card: card({ number: '1234567(9)' }), request: { verifyRelation: 'parent', relatedCardNumber: '1234567(9)' } }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['related-id-is-own'] },
  { rule: '4 a relative\'s valid ID number is taken', seed: '001 kinship Q2', service: 'kinship-verification',
    facts: facts({ person: person({ relationsOnFile: { parents: false, children: false, spouse: false } }), card: card({ number: '1234567(9)' }), request: { verifyRelation: 'parent', relatedCardNumber: '1100001(5)' } }), now: TUE_NIGHT, verdict: 'allowed' },

  // ---- 5. Other kiosk services [001] ----
  { rule: '5 contact change: aged 18+ for self', seed: '001 ID Q18', service: 'contact-change', facts: facts({ request: { contactSubject: { relation: 'self' } } }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '5 contact change: for own minor child', seed: '001 ID Q18', service: 'contact-change',
    facts: facts({ request: { contactSubject: { relation: 'minor-child', dateOfBirth: '2015-01-01', relationOnFile: true } } }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '5 contact change: child turned 18 today is no longer a minor', seed: '001 ID Q18', service: 'contact-change',
    facts: facts({ request: { contactSubject: { relation: 'minor-child', dateOfBirth: '2008-03-10', relationOnFile: true } } }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['subject-not-minor'] },
  { rule: '5 contact change: ward relation not on file → counter', seed: '001 ID Q18', service: 'contact-change',
    facts: facts({ request: { contactSubject: { relation: 'ward', dateOfBirth: '2012-01-01', relationOnFile: false } } }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['subject-relation-not-on-file'] },
  { rule: '5 contact change: applicant under 18 → counter', seed: '001 ID Q18', service: 'contact-change',
    facts: facts({ person: person({ dateOfBirth: '2009-01-01' }) }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['applicant-under-18'] },
  { rule: '5 married: registry authorised, both cards valid, day 60 (registration day = day 1)', seed: '001 ID Q16', service: 'marital-status-married',
    facts: facts({ request: { marriage: { registeredOn: '2026-01-10', civilRegistryAuthorised: true, spouseHoldsValidSmartCard: true } } }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '5 married: day 61 → counter', seed: '001 ID Q16', service: 'marital-status-married',
    facts: facts({ request: { marriage: { registeredOn: '2026-01-09', civilRegistryAuthorised: true, spouseHoldsValidSmartCard: true } } }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['marriage-registered-over-60-days'] },
  { rule: '5 married: registry not authorised → counter', seed: '001 ID Q16', service: 'marital-status-married',
    facts: facts({ request: { marriage: { registeredOn: '2026-03-01', civilRegistryAuthorised: false, spouseHoldsValidSmartCard: true } } }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['marriage-data-not-shared'] },
  { rule: '5 married: spouse without a valid smart card → counter', seed: '001 ID Q16', service: 'marital-status-married',
    facts: facts({ request: { marriage: { registeredOn: '2026-03-01', civilRegistryAuthorised: true, spouseHoldsValidSmartCard: false } } }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['spouse-card-not-valid'] },
  { rule: '5 married: own card expired → counter', seed: '001 ID Q16', service: 'marital-status-married',
    facts: facts({ card: card({ expiry: { kind: 'date', date: '2026-01-01' } }) }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['card-expired'] },
  { rule: '5 married: already married', seed: '001 ID Q16', service: 'marital-status-married',
    facts: facts({ person: person({ maritalStatus: 'married' }) }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['already-married'] },
  { rule: '5 personal data certificate with the kiosk items', seed: '001 Other Q14', service: 'personal-data-certificate',
    facts: facts({ request: { personalDataItems: ['visible-card-data', 'nationality', 'spouse-name', 'parents-names', 'first-issue-date', 'marital-status'] } }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '5 personal data certificate of former names → counter', seed: '001 Other Q14', service: 'personal-data-certificate',
    facts: facts({ request: { personalDataItems: ['former-names'] } }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['former-names-counter-only'] },
  { rule: '5 card authenticity: anyone, any time', seed: '001 Other Q12', service: 'card-authenticity', facts: { request: {} }, now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '5 chip data print with the PIN letter', seed: '001 Other Q4', service: 'chip-data-print', facts: facts({ request: { pinLetterAvailable: true } }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '5 chip data print without the PIN letter → reset at a counter', seed: '001 Other Q10', service: 'chip-data-print',
    facts: facts({ request: { pinLetterAvailable: false } }), now: TUE_NIGHT, verdict: 'counter-only', reasons: ['pin-letter-lost'] },
  { rule: '5 queue ticket: same-day at an office in office hours', seed: '001 Other Q1', service: 'queue-ticket',
    facts: { request: { ticket: { office: 'islands-centre', kind: 'same-day' } } }, now: TUE_OFFICE, verdict: 'allowed' },
  { rule: '5 queue ticket: same-day at night → next opening', seed: '001 Other Q1; 003', service: 'queue-ticket',
    facts: { request: { ticket: { office: 'government-services-building', kind: 'same-day' } } }, now: TUE_NIGHT, verdict: 'not-allowed',
    reasons: ['office-closed-now'], availableFrom: '2026-03-11T09:00:00+08:00' },
  { rule: '5 queue ticket: same-day at 07:00 → opens at 09:00 today', seed: '001 Other Q1; 003', service: 'queue-ticket',
    facts: { request: { ticket: { office: 'hq', kind: 'same-day' } } }, now: at('2026-03-10', '07:00'), verdict: 'not-allowed', availableFrom: '2026-03-10T09:00:00+08:00' },
  { rule: '5 queue ticket: booking at HQ any time', seed: '001 Other Q1', service: 'queue-ticket',
    facts: { request: { ticket: { office: 'hq', kind: 'booking' } } }, now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '5 queue ticket: bookings only for HQ', seed: '001 Other Q1', service: 'queue-ticket',
    facts: { request: { ticket: { office: 'islands-centre', kind: 'booking' } } }, now: TUE_OFFICE, verdict: 'not-allowed', reasons: ['booking-hq-only'] },

  // ---- 3/6. Collection [003; 001 ID Q11, Q22] ----
  { rule: '6 ID card collected on the last day of 6 months', seed: '001 ID Q22', service: 'document-pickup',
    facts: facts({ request: { pickup: { documentKind: 'id-card', documentIssuedOn: '2025-09-10', collector: 'applicant' } } }), now: TUE_NIGHT, verdict: 'allowed' },
  { rule: '6 uncollected ID card destroyed after 6 months', seed: '001 ID Q22', service: 'document-pickup',
    facts: facts({ request: { pickup: { documentKind: 'id-card', documentIssuedOn: '2025-09-09', collector: 'applicant' } } }), now: TUE_NIGHT, verdict: 'not-allowed', reasons: ['document-destroyed-after-6-months'] },
  { rule: '3 proxy collection with the authorisation form → counter', seed: '003', service: 'document-pickup',
    facts: facts({ request: { pickup: { documentKind: 'certificate', documentIssuedOn: '2026-03-01', collector: 'proxy' } } }), now: TUE_OFFICE, verdict: 'counter-only', reasons: ['proxy-collection-counter-only'] },
];

describe('eligibility, one case per rule (docs/service-rules.md)', () => {
  it.each(cases)('[$seed] $service: $rule', (c) => {
    const result = rules.eligibility(c.service, c.facts, c.now);
    expect(result.verdict).toBe(c.verdict);
    if (c.reasons) expect(result.reasons).toEqual(c.reasons);
    if (c.notices) expect(result.notices).toEqual(c.notices);
    if (c.availableFrom !== undefined) expect(result.availableFrom).toBe(c.availableFrom);
    if (c.verdict === 'allowed') expect(result.reasons).toEqual([]);
  });
});
