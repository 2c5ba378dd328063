import { describe, expect, it } from 'vitest';
import type { RequestOptions } from '../../../electron/host/service-rules/index.js';
import { StepSchema } from '../../../electron/shared/kiosk-api/schemas/service-results.js';
import { STEP_CHOICES } from '../../../electron/host/visit/choices.js';
import { STEP_EVIDENCE, type VisitEvidence } from '../../../electron/host/visit/evidence.js';
import { VISIT_TRANSITIONS, VisitMachine } from '../../../electron/host/visit/visit-machine.js';
import { at, facts, rules } from '../services/fixtures.js';

/** The visit machine alone: the rules for real, the host's evidence as switches a test flips. */
function evidence(held: Partial<Record<keyof VisitEvidence, unknown>> = {}): VisitEvidence & { held: typeof held } {
  const value = <T>(key: keyof VisitEvidence, fallback: T) => () => (key in held ? held[key] : fallback) as T;
  return {
    held,
    applicantCardRead: value('applicantCardRead', false),
    applicantVerifiedBy: value('applicantVerifiedBy', undefined),
    guardianVerified: value('guardianVerified', false),
    tenPrint: value('tenPrint', undefined),
    photoSource: value('photoSource', undefined),
    cardScanned: () => Boolean(held.cardScanned),
    signatureAccepted: value('signatureAccepted', false),
    heightMm: value('heightMm', undefined),
    relativesRead: value('relativesRead', 0),
    cardChecked: value('cardChecked', false),
    chipPinVerified: value('chipPinVerified', false),
    contactSubjectRead: () => false,
    spouseCardRead: value('spouseCardRead', false),
    ticketTaken: value('ticketTaken', false),
    printed: () => false,
    receiptLookedUp: value('receiptLookedUp', false),
    applicationSent: value('applicationSent', false),
  };
}

const NOW = at('2026-11-24', '10:30');
/** A permanent renewal whose card is in its window (expires 2026-09-01, already expired). */
const evaluate = (identified: () => boolean) => (request: RequestOptions) => rules.evaluate('renew-permanent', identified() ? { ...facts(), request } : { request }, NOW);

describe('the visit machine', () => {
  it('has an evidence rule and a choice list for every step kind, and a transition row for every phase', () => {
    const kinds = StepSchema.options.map((option) => option.shape.kind.value);
    expect(Object.keys(STEP_EVIDENCE).sort()).toEqual([...kinds].sort());
    expect(Object.keys(STEP_CHOICES).sort()).toEqual([...kinds].sort());
    expect(Object.keys(VISIT_TRANSITIONS).sort()).toEqual(['done', 'refused', 'steps']);
  });

  it('completes a step only with its evidence, then moves to the first step not done', () => {
    const held = evidence();
    const machine = new VisitMachine('renew-permanent', evaluate(() => held.held.applicantCardRead === true), held);
    expect(machine.phase()).toBe('steps'); // not identified yet is not a refusal
    expect(machine.current()).toEqual({ kind: 'read-card', whose: 'applicant' });
    expect(() => machine.complete('read-card:applicant', {}, evaluate(() => false))).toThrow(expect.objectContaining({ code: 'step-not-done', detail: 'read-card' }));
    held.held.applicantCardRead = true;
    machine.complete('read-card:applicant', {}, evaluate(() => true));
    expect(machine.current()?.kind).toBe('verify-identity');
    // A later step is refused, naming the step to do first; an earlier one is passed.
    expect(() => machine.assertAt(['photo'])).toThrow(expect.objectContaining({ code: 'step-not-done', detail: 'verify-identity' }));
    expect(() => machine.assertAt(['read-card:applicant'])).toThrow(expect.objectContaining({ code: 'step-not-allowed' }));
    // A choice that belongs to another step is refused and changes nothing.
    held.held.applicantVerifiedBy = 'fingerprint';
    expect(() => machine.complete('verify-identity:applicant', { pickupPlace: 'hq' }, evaluate(() => true))).toThrow(expect.objectContaining({ code: 'invalid-choice', detail: 'pickupPlace' }));
    expect(machine.currentRequest()).toEqual({});
    machine.complete('verify-identity:applicant', {}, evaluate(() => true));
    expect(machine.current()?.kind).toBe('capture-fingerprints');
  });

  it('goes back to a capture, never to identification, and not once the application exists', () => {
    const held = evidence({ applicantCardRead: true, applicantVerifiedBy: 'pin', tenPrint: { fingers: [{ finger: 'right-index', status: 'captured' }, { finger: 'left-index', status: 'captured' }] }, photoSource: 'live' });
    const ev = evaluate(() => true);
    const machine = new VisitMachine('renew-permanent', ev, held);
    machine.complete('read-card:applicant', {}, ev);
    expect(() => machine.back(ev)).toThrow(expect.objectContaining({ code: 'step-not-allowed' })); // back to the card read: no
    machine.complete('verify-identity:applicant', {}, ev);
    machine.complete('capture-fingerprints', {}, ev);
    machine.complete('photo', {}, ev);
    expect(machine.current()?.kind).toBe('height');
    machine.back(ev);
    expect(machine.current()?.kind).toBe('photo');
    machine.applicationStarted('a-1');
    expect(() => machine.back(ev)).toThrow(expect.objectContaining({ code: 'step-not-allowed' }));
  });

  it('allows back only to a choice or a capture that may be done again, and says so before it is asked', () => {
    // Every piece of evidence held, so each step completes at once: the walk records where Back is offered.
    const held = evidence({
      applicantCardRead: true,
      applicantVerifiedBy: 'fingerprint',
      tenPrint: { fingers: [{ finger: 'right-index', status: 'captured' }, { finger: 'left-index', status: 'captured' }] },
      photoSource: 'live',
      heightMm: 1650,
      cardScanned: true,
      signatureAccepted: true,
    });
    const ev = evaluate(() => true);
    const machine = new VisitMachine('renew-permanent', ev, held);
    const offered: Array<[string, boolean]> = [];
    for (let guard = 0; guard < 20 && machine.current()?.kind !== 'payment'; guard++) {
      const step = machine.current()!;
      offered.push([step.kind, machine.canGoBack()]);
      machine.complete(machine.keyForKind(step.kind), step.kind === 'choose-pickup' ? { pickupPlace: step.places[0]! } : {}, ev);
    }
    offered.push(['payment', machine.canGoBack()]);
    // Never back to the card read, the verification or the fingerprints: the photo has no Back.
    expect(offered).toEqual([
      ['read-card', false],
      ['verify-identity', false],
      ['capture-fingerprints', false],
      ['photo', false],
      ['height', true],
      ['scan-card', true],
      ['signature', true],
      ['choose-pickup', true],
      ['review', true],
      ['payment', true],
    ]);
    // What canGoBack says is what back does: refused exactly where it is false.
    expect(machine.snapshot().canGoBack).toBe(true);
    // From the payment, back to the summary just before it.
    expect(machine.back(ev)).toEqual(expect.objectContaining({ kind: 'review' }));
    machine.complete('review', {}, ev);
    // Once the application exists (the payment started), no Back at all.
    machine.applicationStarted('a-1');
    expect(machine.canGoBack()).toBe(false);
    expect(() => machine.back(ev)).toThrow(expect.objectContaining({ code: 'step-not-allowed' }));
  });

  it('refuses back over the fingerprints once captured, naming the step', () => {
    const held = evidence({ applicantCardRead: true, applicantVerifiedBy: 'pin', tenPrint: { fingers: [{ finger: 'right-index', status: 'captured' }, { finger: 'left-index', status: 'captured' }] } });
    const ev = evaluate(() => true);
    const machine = new VisitMachine('renew-permanent', ev, held);
    machine.complete('read-card:applicant', {}, ev);
    machine.complete('verify-identity:applicant', {}, ev);
    machine.complete('capture-fingerprints', {}, ev);
    expect(machine.current()?.kind).toBe('photo');
    expect(machine.canGoBack()).toBe(false);
    expect(() => machine.back(ev)).toThrow(expect.objectContaining({ code: 'step-not-allowed', detail: 'capture-fingerprints' }));
    expect(machine.current()?.kind).toBe('photo'); // nothing changed
  });

  it('a refused visit accepts nothing; a referral carries the identification over', () => {
    const held = evidence({ applicantCardRead: true, applicantVerifiedBy: 'fingerprint' });
    let identified = false;
    const notYetInWindow = facts({ card: { ...facts().card!, expiry: { kind: 'date', date: '2032-07-18' } } });
    const tooEarly = (request: RequestOptions) => rules.evaluate('renew-permanent', identified ? { ...notYetInWindow, request } : { request }, NOW);
    const refused = new VisitMachine('renew-permanent', tooEarly, held);
    identified = true;
    refused.complete('read-card:applicant', {}, tooEarly);
    expect(refused.phase()).toBe('refused');
    expect(() => refused.complete('verify-identity:applicant', {}, tooEarly)).toThrow(expect.objectContaining({ code: 'step-not-allowed' }));
    // Only what was completed carries over: the card read (the verification was not reached).
    const referral = new VisitMachine('kinship-verification', (request) => rules.evaluate('kinship-verification', { ...facts(), request }, NOW), held, refused.completedKeys());
    expect(referral.current()?.kind).toBe('verify-identity');
    expect(referral.completedKeys()).toEqual(['read-card:applicant']);
  });
});
