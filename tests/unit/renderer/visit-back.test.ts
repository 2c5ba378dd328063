import { describe, expect, it } from 'vitest';
import type { CardHolder, VisitState } from '../../../electron/shared/kiosk-api/contract.js';
import { backOffered, type FlowSnapshot, transition } from '../../../renderer/flows/visit-machine.js';
import type { ApplicationStatus, Evaluation, FlowStep, VisitContext } from '../../../renderer/state/kiosk-store.js';

/** The visit machine's Back: offered only where the host says so, on the screen of the host's current step. */

const holder = { cardNumber: '1069042(5)', nameZh: '林美玲', nameLatin: 'LAM MEI LENG' } as CardHolder;
const evaluation = { pickupOptions: [], quote: { total: 9000 }, eligibility: { verdict: 'allowed' } } as unknown as Evaluation;
type Stepping = Extract<VisitState, { phase: 'steps' }>;
const host = (current: FlowStep, canGoBack: boolean): Stepping => ({ phase: 'steps', current, evaluation, request: {}, canGoBack }) as unknown as Stepping;
const visit = (h: Stepping, extra: Partial<VisitContext> = {}): VisitContext => ({ service: 'renew-permanent', holder, host: h, ...extra });
const at = (screen: FlowSnapshot['screen'], context: VisitContext): FlowSnapshot => ({ screen, visit: context, availability: undefined });

describe('the visit machine: back', () => {
  const onHeight = at({ name: 'height', holder }, visit(host({ kind: 'height' } as FlowStep, true)));

  it('asks the host to go back where it says it can, and shows its answer like a completed step', () => {
    expect(backOffered(onHeight)).toBe(true);
    expect(transition(onHeight, { type: 'back' })).toEqual({ effects: [{ kind: 'visit.back' }] });
    // The host's answer: the photo is current again, so the photo screen shows.
    const answer = host({ kind: 'photo', sources: ['live'] } as unknown as FlowStep, false);
    const next = transition(onHeight, { type: 'completed', origin: 'step', answer: { ok: true, value: answer } });
    expect(next.screen).toEqual({ name: 'photo', holder, sources: ['live'] });
    expect(next.visit?.host?.canGoBack).toBe(false);
  });

  it('is ignored where the host says no, on a screen the visit has left, and once an application exists', () => {
    const onPhoto = at({ name: 'photo', holder, sources: ['live'] }, visit(host({ kind: 'photo', sources: ['live'] } as unknown as FlowStep, false)));
    expect(backOffered(onPhoto)).toBe(false);
    expect(transition(onPhoto, { type: 'back' })).toEqual({ effects: [] });
    // Still on the evaluating screen after Continue: the host's state is the step just left.
    const evaluating = at({ name: 'evaluating', holder }, onHeight.visit!);
    expect(backOffered(evaluating)).toBe(false);
    expect(transition(evaluating, { type: 'back' })).toEqual({ effects: [] });
    const payment = { kind: 'payment', methods: ['terminal'], counterAllowed: false } as unknown as FlowStep;
    const paying = at(
      { name: 'payment', methods: [], counterAllowed: false, application: { applicationId: 'A-1' } as ApplicationStatus, phase: { state: 'choosing' } },
      visit(host(payment, true), { application: { applicationId: 'A-1', state: 'awaiting-payment' } as ApplicationStatus }),
    );
    expect(backOffered(paying)).toBe(false);
    expect(transition(paying, { type: 'back' })).toEqual({ effects: [] });
  });

  it('a generic step screen offers back for its own step only', () => {
    const dataItems = { kind: 'choose-data-items', items: ['visible-card-data'] } as unknown as FlowStep;
    const review = { kind: 'review' } as FlowStep;
    const onItems = at({ name: 'step', step: dataItems, holder, request: {}, quote: undefined } as never, visit(host(review, true)));
    expect(backOffered(onItems)).toBe(false); // the screen is behind the host's current step
    const onReview = at({ name: 'review', service: 'renew-permanent', holder, heightMm: undefined, request: {}, quote: evaluation.quote, pickup: undefined }, visit(host(review, true)));
    expect(transition(onReview, { type: 'back' }).effects).toEqual([{ kind: 'visit.back' }]);
  });
});
