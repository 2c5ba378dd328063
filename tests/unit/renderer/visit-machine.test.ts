import { describe, expect, it } from 'vitest';
import type { CardHolder, VisitState } from '../../../electron/shared/kiosk-api/contract.js';
import type { ApiResult } from '../../../electron/shared/kiosk-api/errors.js';
import { type FlowSnapshot, isWithin, REVEAL_AFTER_MS, stateKey, transition } from '../../../renderer/flows/visit-machine.js';
import type { ApplicationStatus, Evaluation, FlowStep, PickupOption, ServiceOverview, VisitContext } from '../../../renderer/state/kiosk-store.js';

/** The visit machine's transitions, one by one: each event from each state it acts in, and what it starts. */

const holder: CardHolder = {
  cardNumber: '1069042(5)',
  nameZh: '林美玲',
  nameLatin: 'LAM MEI LENG',
  sex: 'F',
  dateOfBirth: '1979-06-21',
  permanent: true,
  firstIssue: '1997-08-04',
  currentIssue: '2016-08-04',
  expiry: '2026-08-04',
};
const counter = { place: 'counter' } as unknown as PickupOption;
const locker = { place: 'locker' } as unknown as PickupOption;
const evaluation = { pickupOptions: [counter, locker], quote: { total: 12000 }, eligibility: { allowed: false } } as unknown as Evaluation;
const stepping = (current: FlowStep): VisitState => ({ phase: 'steps', current, evaluation, request: {} }) as unknown as VisitState;
const application = (state: ApplicationStatus['state']): ApplicationStatus => ({ applicationId: 'A-1', service: 'renew-permanent', feeAvos: 12000, state }) as ApplicationStatus;
const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const failed = (code: 'backoffice-unavailable' | 'card-not-lifted' | 'payment-declined'): ApiResult<never> => ({ ok: false, error: { code, message: code } }) as ApiResult<never>;
const paymentStep = { kind: 'payment', methods: ['terminal'], counterAllowed: false } as unknown as FlowStep;

const visit = (extra: Partial<VisitContext> = {}): VisitContext => ({ service: 'renew-permanent', holder, host: undefined, ...extra });
const at = (screen: FlowSnapshot['screen'], context: VisitContext | undefined = visit(), availability: FlowSnapshot['availability'] = undefined): FlowSnapshot => ({
  screen,
  visit: context,
  availability,
});
const menu = at({ name: 'menu', services: [] }, undefined);
type PaymentScreen = Extract<FlowSnapshot['screen'], { name: 'payment' }>;
const paymentScreen = (phase: PaymentScreen['phase'] = { state: 'choosing' }): PaymentScreen => ({
  name: 'payment',
  methods: [],
  counterAllowed: false,
  application: application('awaiting-payment'),
  phase,
});

describe('the visit machine', () => {
  it('choose: the menu stays while the host is asked for the overview (in the overview\'s state); nothing is started; elsewhere it is ignored', () => {
    const services = [{ id: 'queue-ticket' }] as unknown as Extract<FlowSnapshot['screen'], { name: 'menu' }>['services'];
    const opening = transition(at({ name: 'menu', services }, undefined), { type: 'choose', service: 'queue-ticket' });
    expect(opening).toEqual({
      screen: { name: 'menu', services, opening: 'queue-ticket' },
      effects: [{ kind: 'services.overview', service: 'queue-ticket' }, { kind: 'reveal', ms: REVEAL_AFTER_MS }],
    });
    // The host's call belongs to the overview: it goes on when the loading overview shows, and stops on the way back to the menu.
    expect(stateKey(opening.screen!)).toBe('overview');
    expect(transition(at(opening.screen!, undefined), { type: 'choose', service: 'renew-permanent' })).toEqual({ effects: [] }); // a second tap
    expect(transition(at({ name: 'attract' }), { type: 'choose', service: 'queue-ticket' }).effects).toEqual([]);
  });

  it('overview: the answer renders the overview from the menu at once; without an answer by REVEAL_AFTER_MS the loading overview shows', () => {
    const services = [{ id: 'renew-permanent' }] as unknown as Extract<FlowSnapshot['screen'], { name: 'menu' }>['services'];
    const overview: ServiceOverview = { service: 'renew-permanent', steps: [{ kind: 'read-card', ifNeeded: false }], minutes: 4, fee: { kind: 'fixed', avos: 9000 }, bring: ['own-card'] };
    const opening = at({ name: 'menu', services, opening: 'renew-permanent' }, undefined);
    expect(transition(opening, { type: 'overview-loaded', service: 'renew-permanent', answer: ok(overview) })).toEqual({
      screen: { name: 'overview', service: 'renew-permanent', services, overview },
      effects: [],
    });
    expect(transition(opening, { type: 'overview-loaded', service: 'queue-ticket', answer: ok({ ...overview, service: 'queue-ticket' }) })).toEqual({ effects: [] });
    expect(transition(opening, { type: 'reveal' })).toEqual({ screen: { name: 'overview', service: 'renew-permanent', services, overview: undefined }, effects: [] });
    // Once the overview shows (or the resident is elsewhere), the timer changes nothing.
    expect(transition(at({ name: 'overview', service: 'renew-permanent', services, overview }, undefined), { type: 'reveal' })).toEqual({ effects: [] });
    expect(transition(at({ name: 'menu', services }, undefined), { type: 'reveal' })).toEqual({ effects: [] });
    expect(transition(at({ name: 'menu', services }, undefined), { type: 'overview-loaded', service: 'renew-permanent', answer: ok(overview) })).toEqual({ effects: [] });
  });

  it('overview: the host\'s answer shows (null when it failed); Start asks the host for the plan; Back returns to the same menu', () => {
    const services = [{ id: 'renew-permanent' }] as unknown as Extract<FlowSnapshot['screen'], { name: 'menu' }>['services'];
    const overview: ServiceOverview = { service: 'renew-permanent', steps: [{ kind: 'read-card', ifNeeded: false }], minutes: 4, fee: { kind: 'fixed', avos: 9000 }, bring: ['own-card'] };
    const loading = at({ name: 'overview', service: 'renew-permanent', services, overview: undefined }, undefined);
    expect(transition(loading, { type: 'overview-loaded', service: 'renew-permanent', answer: ok(overview) }).screen).toEqual({ ...loading.screen, overview });
    expect(transition(loading, { type: 'overview-loaded', service: 'renew-permanent', answer: failed('backoffice-unavailable') }).screen).toEqual({ ...loading.screen, overview: null });
    // A late answer for another service (the resident went back and chose again) changes nothing.
    expect(transition(loading, { type: 'overview-loaded', service: 'queue-ticket', answer: ok({ ...overview, service: 'queue-ticket' }) })).toEqual({ effects: [] });
    expect(transition(loading, { type: 'start' })).toEqual({ effects: [{ kind: 'visit.choose', service: 'renew-permanent', holder: undefined }] });
    expect(transition(loading, { type: 'back-to-menu' })).toEqual({ screen: { name: 'menu', services }, effects: [] });
    expect(transition(menu, { type: 'start' })).toEqual({ effects: [] });
    expect(transition(menu, { type: 'back-to-menu' })).toEqual({ effects: [] });
    // The overview's host call belongs to the overview: leaving it cancels the call.
    expect(stateKey(loading.screen)).toBe('overview');
  });

  it('overview: a one-step free service with nothing to bring (the queue ticket) starts at once, without a tap on Start', () => {
    const services = [{ id: 'queue-ticket' }] as unknown as Extract<FlowSnapshot['screen'], { name: 'menu' }>['services'];
    const queue: ServiceOverview = { service: 'queue-ticket', steps: [{ kind: 'choose-ticket', ifNeeded: false }, { kind: 'print-ticket', ifNeeded: false }], minutes: 1, fee: { kind: 'free' }, bring: [] };
    const loading = at({ name: 'overview', service: 'queue-ticket', services, overview: undefined }, undefined);
    expect(transition(loading, { type: 'overview-loaded', service: 'queue-ticket', answer: ok(queue) })).toEqual({ effects: [{ kind: 'visit.choose', service: 'queue-ticket', holder: undefined }] });
    // Decided from the steps, the fee and what to bring, never from the name: each one keeps the overview.
    const keeps: ServiceOverview[] = [
      { ...queue, fee: { kind: 'fixed', avos: 500 } },
      { ...queue, bring: ['own-card'] },
      { ...queue, steps: [{ kind: 'read-card', ifNeeded: false }, { kind: 'enter-pin', ifNeeded: false }, { kind: 'print-result', ifNeeded: false }] },
    ];
    for (const overview of keeps) expect(transition(loading, { type: 'overview-loaded', service: 'queue-ticket', answer: ok(overview) }).screen).toEqual({ ...loading.screen, overview });
  });

  it('chosen: a plan starting with the own card shows place-card and reads it; a refusal shows the flow error', () => {
    const next = transition(menu, { type: 'chosen', service: 'renew-permanent', holder: undefined, answer: ok(stepping({ kind: 'read-card', whose: 'applicant' } as FlowStep)) });
    expect(next.screen).toEqual({ name: 'place-card', phase: 'waiting' });
    expect(next.visit?.service).toBe('renew-permanent');
    expect(next.effects).toEqual([{ kind: 'identity.readCard' }]);
    expect(transition(menu, { type: 'chosen', service: 'renew-permanent', holder: undefined, answer: failed('backoffice-unavailable') }).screen).toEqual({
      name: 'flow-error',
      error: 'backoffice-unavailable',
    });
  });

  it('refer: a referral shows evaluating with the holder kept and asks the host for the other service', () => {
    const next = transition(at({ name: 'refusal', eligibility: evaluation.eligibility, holder }), { type: 'refer', service: 'kinship-verification', holder });
    expect(next.screen).toEqual({ name: 'evaluating', holder });
    expect(next.effects).toEqual([{ kind: 'visit.choose', service: 'kinship-verification', holder }]);
  });

  it('card-present, card-read: reading, then the greeting with the service; a card from before asks to lift; a failure offers retry', () => {
    const waiting = at({ name: 'place-card', phase: 'waiting' });
    expect(transition(waiting, { type: 'card-present' }).screen).toEqual({ name: 'place-card', phase: 'reading' });
    expect(transition(waiting, { type: 'card-read', answer: ok({ holder }) as never }).screen).toEqual({ name: 'greeting', holder, service: 'renew-permanent' });
    expect(transition(waiting, { type: 'card-read', answer: failed('card-not-lifted') })).toEqual({ screen: { name: 'place-card', phase: 'lift' }, effects: [{ kind: 'await-lift' }] });
    expect(transition(waiting, { type: 'card-read', answer: failed('backoffice-unavailable') }).screen).toEqual({ name: 'place-card', phase: 'failed', error: 'backoffice-unavailable' });
  });

  it('card-lifted, read-card: back to waiting, reading the next card', () => {
    for (const type of ['card-lifted', 'read-card'] as const) {
      expect(transition(at({ name: 'place-card', phase: 'lift' }), { type })).toEqual({ screen: { name: 'place-card', phase: 'waiting' }, effects: [{ kind: 'identity.readCard' }] });
    }
  });

  it('continue-identified: the greeting stays (in the evaluating state) while read-card completes; evaluating shows after REVEAL_AFTER_MS; an error goes back to the greeting with the reason', () => {
    const greeting = at({ name: 'greeting', holder, service: 'renew-permanent', error: 'backoffice-unavailable' });
    const next = transition(greeting, { type: 'continue-identified', service: 'renew-permanent', holder });
    expect(next.screen).toEqual({ name: 'greeting', holder, service: 'renew-permanent', continuing: true });
    expect(stateKey(next.screen!)).toBe('evaluating');
    expect(next.effects).toEqual([{ kind: 'visit.complete', step: 'read-card', choices: undefined, origin: 'greeting' }, { kind: 'reveal', ms: REVEAL_AFTER_MS }]);
    const continuing = at(next.screen!);
    expect(transition(continuing, { type: 'continue-identified', service: 'renew-permanent', holder })).toEqual({ effects: [] }); // a second tap
    expect(transition(continuing, { type: 'reveal' })).toEqual({ screen: { name: 'evaluating', holder }, effects: [] });
    // The host's answer shows the next step straight from the greeting.
    expect(transition(continuing, { type: 'completed', origin: 'greeting', answer: ok(stepping({ kind: 'height' } as FlowStep)) }).screen).toEqual({ name: 'height', holder });
    expect(transition(continuing, { type: 'completed', origin: 'greeting', answer: failed('backoffice-unavailable') }).screen).toEqual({
      name: 'greeting',
      holder,
      service: 'renew-permanent',
      error: 'backoffice-unavailable',
    });
    const evaluating = at({ name: 'evaluating', holder });
    expect(transition(evaluating, { type: 'completed', origin: 'greeting', answer: failed('backoffice-unavailable') }).screen).toEqual({
      name: 'greeting',
      holder,
      service: 'renew-permanent',
      error: 'backoffice-unavailable',
    });
  });

  it('step-done: only from the step on screen; keeps what later screens show and sends the choices', () => {
    const height = at({ name: 'height', holder });
    const next = transition(height, { type: 'step-done', kind: 'height', result: { heightMm: 1720, request: { urgent: true } as never } });
    expect(next.visit?.heightMm).toBe(1720);
    expect(next.effects).toEqual([{ kind: 'visit.complete', step: 'height', choices: { urgent: true }, origin: 'step' }]);
    expect(transition(height, { type: 'step-done', kind: 'signature', result: {} })).toEqual({ effects: [] });
  });

  it('completed: shows the next step (pickup filtered to the places offered, others as a step screen), a refusal, or the end', () => {
    const height = at({ name: 'height', holder }, visit({ heightMm: 1720 }));
    const pickup = transition(height, { type: 'completed', origin: 'step', answer: ok(stepping({ kind: 'choose-pickup', places: ['locker'] } as unknown as FlowStep)) });
    expect(pickup.screen).toEqual({ name: 'pickup', options: [locker] });
    // The summary before paying: the pickup is the one the host holds in the request, with its ready time.
    const chosen = { phase: 'steps', current: { kind: 'review' }, evaluation, request: { pickupPlace: 'locker' } } as unknown as VisitState;
    const review = transition(height, { type: 'completed', origin: 'step', answer: ok(chosen) });
    expect(review.screen).toEqual({ name: 'review', service: 'renew-permanent', holder, heightMm: 1720, request: { pickupPlace: 'locker' }, quote: evaluation.quote, pickup: locker });
    const other = transition(height, { type: 'completed', origin: 'step', answer: ok(stepping({ kind: 'data-items' } as unknown as FlowStep)) });
    expect(other.screen).toMatchObject({ name: 'step', step: { kind: 'data-items' }, holder });
    const refused = transition(height, { type: 'completed', origin: 'step', answer: ok({ phase: 'refused', eligibility: evaluation.eligibility } as unknown as VisitState) });
    expect(refused.screen).toEqual({ name: 'refusal', eligibility: evaluation.eligibility, holder });
    expect(refused.visit).toEqual({ service: 'renew-permanent', holder, host: undefined });
    const done = transition(height, { type: 'completed', origin: 'step', answer: ok({ phase: 'done' } as unknown as VisitState) });
    expect(done).toEqual({ screen: { name: 'attract' }, visit: undefined, effects: [{ kind: 'session.end', reason: 'finished', detached: true }] });
    expect(transition(height, { type: 'completed', origin: 'step', answer: failed('backoffice-unavailable') }).screen).toEqual({ name: 'flow-error', error: 'backoffice-unavailable' });
  });

  it('payment step: makes the application first, then shows payment and watches the application', () => {
    const review = at({ name: 'review', service: 'renew-permanent', holder, heightMm: undefined, request: {}, quote: evaluation.quote, pickup: undefined });
    const next = transition(review, { type: 'completed', origin: 'step', answer: ok(stepping(paymentStep)) });
    expect(next.screen).toBeUndefined();
    expect(next.effects).toEqual([{ kind: 'applications.start', service: 'renew-permanent', then: 'pay' }]);
    const started = transition({ ...review, visit: next.visit }, { type: 'application-started', then: 'pay', answer: ok(application('awaiting-payment')) });
    expect(started.screen).toMatchObject({ name: 'payment', methods: ['terminal'], phase: { state: 'choosing' } });
    expect(started.effects).toEqual([{ kind: 'watch-application' }]);
    expect(transition(review, { type: 'application-started', then: 'pay', answer: failed('backoffice-unavailable') }).screen).toEqual({ name: 'flow-error', error: 'backoffice-unavailable' });
  });

  it('receipt step without a fee: makes and submits the application, then offers a print without printing (or shows it on screen without a printer)', () => {
    const review = at({ name: 'review', service: 'renew-permanent', holder, heightMm: undefined, request: {}, quote: evaluation.quote, pickup: undefined });
    expect(transition(review, { type: 'completed', origin: 'step', answer: ok(stepping({ kind: 'receipt' } as FlowStep)) }).effects).toEqual([
      { kind: 'applications.start', service: 'renew-permanent', then: 'submit' },
    ]);
    expect(transition(review, { type: 'application-started', then: 'submit', answer: ok(application('awaiting-payment')) }).effects).toEqual([
      { kind: 'applications.submit', applicationId: 'A-1' },
    ]);
    const submitted = transition(review, { type: 'submitted', answer: ok(application('submitted')) });
    // Nothing prints until the resident asks (the leaflet: photograph the QR or print a receipt).
    expect(submitted.screen).toMatchObject({ name: 'receipt', print: { state: 'offered' } });
    expect(submitted.effects).toEqual([]);
    const noPrinter = { inService: true, counters: [], services: [{ service: 'renew-permanent', receipt: 'on-screen' }] } as unknown as FlowSnapshot['availability'];
    const onScreen = transition({ ...review, availability: noPrinter }, { type: 'submitted', answer: ok(application('submitted')) });
    expect(onScreen).toMatchObject({ screen: { name: 'receipt', print: { state: 'on-screen' } }, effects: [] });
    // A receipt step that offers only the QR: no print offered, and a print asked for anyway does nothing.
    const qrOnly = { ...review, visit: visit({ host: stepping({ kind: 'receipt', options: ['photograph-qr'] } as FlowStep) as VisitContext['host'] }) };
    const photographed = transition(qrOnly, { type: 'submitted', answer: ok(application('submitted')) });
    expect(photographed).toMatchObject({ screen: { name: 'receipt', print: { state: 'qr-only' } }, effects: [] });
    expect(transition(at(photographed.screen!, photographed.visit), { type: 'print' })).toEqual({ effects: [] });
    expect(transition({ ...review, visit: visit({ host: stepping({ kind: 'receipt', options: ['photograph-qr', 'print'] } as FlowStep) as VisitContext['host'] }) }, { type: 'submitted', answer: ok(application('submitted')) }).screen).toMatchObject({ print: { state: 'offered' } });
    const refused = transition(review, { type: 'submitted', answer: failed('backoffice-unavailable') });
    expect(refused).toMatchObject({ screen: { name: 'flow-error' }, visit: { application: undefined } });
  });

  it('pay, paid: paying with the method; a decline chooses again; a failure says why; an accepted one completes the step', () => {
    const choosing = at(paymentScreen(), visit({ application: application('awaiting-payment') }));
    const paying = transition(choosing, { type: 'pay', method: 'macau-pass' });
    expect(paying.screen).toMatchObject({ phase: { state: 'paying', method: 'macau-pass' } });
    expect(paying.effects).toEqual([{ kind: 'applications.pay', applicationId: 'A-1', method: 'macau-pass' }]);
    const inPaying = at(paymentScreen({ state: 'paying', method: 'macau-pass' }), choosing.visit);
    expect(transition(inPaying, { type: 'paid', answer: ok(application('awaiting-payment')) }).screen).toMatchObject({ phase: { state: 'choosing' } });
    expect(transition(inPaying, { type: 'paid', answer: failed('payment-declined') }).screen).toMatchObject({ phase: { state: 'failed', error: 'payment-declined' } });
    expect(transition(inPaying, { type: 'paid', answer: ok(application('submitted')) }).effects).toEqual([
      { kind: 'unwatch-application' },
      { kind: 'visit.complete', step: 'payment', choices: undefined, origin: 'step' },
    ]);
  });

  it('stop-payment: leaves paying (which cancels the sale) with the cancelled reason', () => {
    const inPaying = at(paymentScreen({ state: 'paying', method: 'macau-pass' }), visit({ application: application('awaiting-payment') }));
    expect(transition(inPaying, { type: 'stop-payment' }).screen).toMatchObject({ phase: { state: 'failed', error: 'cancelled' } });
    expect(transition(at(paymentScreen()), { type: 'stop-payment' })).toEqual({ effects: [] });
  });

  it('application-changed: shows progress; a lost answer confirmed while not paying goes on to the receipt', () => {
    const choosing = at(paymentScreen(), visit({ application: application('awaiting-payment') }));
    const checking = transition(choosing, { type: 'application-changed', status: application('payment-unconfirmed') });
    expect(checking).toMatchObject({ screen: { application: { state: 'payment-unconfirmed' } }, effects: [] });
    expect(transition(choosing, { type: 'application-changed', status: application('submitted') }).effects).toContainEqual({
      kind: 'visit.complete',
      step: 'payment',
      choices: undefined,
      origin: 'step',
    });
    expect(transition(choosing, { type: 'application-changed', status: { ...application('submitted'), applicationId: 'other' } })).toEqual({ effects: [] });
  });

  it('print, printed: the receipt prints when asked, once, and again after a failure; on the payment screen the slip prints', () => {
    const offered = at({ name: 'receipt', application: application('submitted'), pickup: undefined, print: { state: 'offered' } }, visit({ application: application('submitted') }));
    expect(transition(offered, { type: 'print' })).toMatchObject({ screen: { print: { state: 'printing' } }, effects: [{ kind: 'receipts.print', applicationId: 'A-1' }] });
    for (const print of [{ state: 'printing' }, { state: 'printed' }, { state: 'on-screen' }] as const) {
      expect(transition(at({ name: 'receipt', application: application('submitted'), pickup: undefined, print }, offered.visit), { type: 'print' })).toEqual({ effects: [] });
    }
    const receipt = at({ name: 'receipt', application: application('submitted'), pickup: undefined, print: { state: 'failed', error: 'printer-offline' as never } }, visit({ application: application('submitted') }));
    expect(transition(receipt, { type: 'print' })).toMatchObject({ screen: { print: { state: 'printing' } }, effects: [{ kind: 'receipts.print', applicationId: 'A-1' }] });
    expect(transition(receipt, { type: 'printed', answer: ok({}) }).screen).toMatchObject({ print: { state: 'printed' } });
    const payment = at(paymentScreen(), visit({ application: application('payment-unconfirmed') }));
    expect(transition(payment, { type: 'print' })).toEqual({ effects: [{ kind: 'receipts.print', applicationId: 'A-1' }] });
    expect(transition(payment, { type: 'printed', answer: failed('backoffice-unavailable') }).screen).toMatchObject({ slip: { state: 'failed' } });
  });

  it('cancel: an unpaid application is cancelled first (detached), otherwise the visit ends at once', () => {
    expect(transition(at(paymentScreen(), visit({ application: application('awaiting-payment') })), { type: 'cancel' }).effects).toEqual([
      { kind: 'cancel-unpaid', applicationId: 'A-1', detached: true },
    ]);
    expect(transition(at({ name: 'height', holder }), { type: 'cancel' })).toEqual({
      screen: { name: 'attract' },
      visit: undefined,
      effects: [{ kind: 'session.end', reason: 'cancelled', detached: true }],
    });
  });

  it('withdraw, withdrawn: from the receipt only; shows what the withdrawal came to', () => {
    const receipt = at({ name: 'receipt', application: application('submitted'), pickup: undefined, print: { state: 'printed' } }, visit({ application: application('submitted') }));
    expect(transition(receipt, { type: 'withdraw' })).toMatchObject({ screen: { name: 'withdrawal', phase: 'working' }, effects: [{ kind: 'applications.withdraw', applicationId: 'A-1' }] });
    expect(transition(at({ name: 'height', holder }), { type: 'withdraw' })).toEqual({ effects: [] });
    const working = at({ name: 'withdrawal', application: application('submitted'), phase: 'working' }, receipt.visit);
    expect(transition(working, { type: 'withdrawn', answer: ok(application('refunded')) }).screen).toMatchObject({ phase: 'done', application: { state: 'refunded' } });
    expect(transition(working, { type: 'withdrawn', answer: failed('backoffice-unavailable') }).screen).toMatchObject({ phase: 'failed', error: 'backoffice-unavailable' });
  });

  it('end: back to attract, the visit forgotten, the session ended with the reason', () => {
    expect(transition(at({ name: 'receipt', application: application('submitted'), pickup: undefined, print: { state: 'printed' } }), { type: 'end', reason: 'finished' })).toEqual({
      screen: { name: 'attract' },
      visit: undefined,
      effects: [{ kind: 'session.end', reason: 'finished', detached: true }],
    });
  });

  it('names states so a call belongs to a phase or a whole screen', () => {
    expect(stateKey(paymentScreen({ state: 'paying', method: 'macau-pass' }))).toBe('payment.paying');
    expect(isWithin('payment.paying', 'payment')).toBe(true);
    expect(isWithin('payment.failed', 'payment.paying')).toBe(false);
    expect(stateKey({ name: 'place-card', phase: 'reading' })).toBe(stateKey({ name: 'place-card', phase: 'waiting' }));
  });
});
