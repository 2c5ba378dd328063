import type { CardHolder, KioskAvailability, ResultOf, ServiceId, VisitState } from '../../electron/shared/kiosk-api/contract.js';
import type { ApiResult } from '../../electron/shared/kiosk-api/errors.js';
import { overviewWorthATap } from './overview-needed.js';
import type { ApplicationStatus, FlowStep, PaymentMethod, PickupOption, PrintState, Screen, ServiceRequest, VisitContext } from '../state/kiosk-store.js';

/**
 * The renderer's visit as one explicit machine: a pure transition function from (screen, visit,
 * event) to the next (screen, visit) and the host calls to start. The screen is the machine's state
 * (`stateKey` names it); the host's visit machine (electron/host/visit) decides every step, this one
 * only shows it. Host calls are data (`Effect`); `flow-runner.ts` runs them and cancels each one when
 * the state that started it is left, so no answer lands on a screen that has moved on.
 */

export type PlanKind = FlowStep['kind'];

/** What a step hands on: choices for the request, or what a later screen shows. */
export interface StepResult {
  heightMm?: number;
  pickup?: PickupOption;
  /** The step's choices; the host checks them against what it offered and evaluates again. */
  request?: Partial<ServiceRequest>;
}

export type FlowEvent =
  /** The resident picked a service on the menu: its overview shows first. */
  | { type: 'choose'; service: ServiceId }
  /** The host has not answered a tap within REVEAL_AFTER_MS: the waiting screen shows (the overview loading, evaluating). */
  | { type: 'reveal' }
  | { type: 'overview-loaded'; service: ServiceId; answer: ApiResult<ResultOf<'services.overview'>> }
  | { type: 'start' } // the overview's Start: the host makes the service's steps the visit's plan
  | { type: 'back-to-menu' } // the overview's "Back to services"
  /** A referral to another service in the same visit (kinship verification after a refusal): the card read carries over. */
  | { type: 'refer'; service: ServiceId; holder: CardHolder }
  | { type: 'chosen'; service: ServiceId; holder: CardHolder | undefined; answer: ApiResult<VisitState> }
  | { type: 'read-card' } // place-card: read the resident's own card (again, after a failure)
  | { type: 'card-present' }
  | { type: 'card-read'; answer: ApiResult<ResultOf<'identity.readCard'>> }
  /** A card left on the reader from before the visit has been lifted: read the next one. */
  | { type: 'card-lifted' }
  /** The greeting's Continue: the read-card step is done. */
  | { type: 'continue-identified'; service: ServiceId; holder: CardHolder }
  | { type: 'step-done'; kind: PlanKind; result: StepResult }
  /** The resident's Back, offered only where the host says `canGoBack`: the host's answer comes back as `completed`. */
  | { type: 'back' }
  | { type: 'completed'; origin: 'greeting' | 'step'; answer: ApiResult<VisitState> }
  | { type: 'application-started'; then: 'pay' | 'submit'; answer: ApiResult<ApplicationStatus> }
  | { type: 'submitted'; answer: ApiResult<ApplicationStatus> }
  | { type: 'pay'; method: PaymentMethod }
  | { type: 'pay-at-counter' } // the host offers it in office hours only; nothing is charged here
  | { type: 'paid'; answer: ApiResult<ApplicationStatus> }
  /** Stop a sale still waiting for the card: leaving `payment.paying` cancels the host call. */
  | { type: 'stop-payment' }
  /** The host's `applications.changed`: progress, a lost answer being checked, the outcome. */
  | { type: 'application-changed'; status: ApplicationStatus }
  | { type: 'print' }
  | { type: 'printed'; answer: ApiResult<unknown> }
  /** Cancel before paying: an unpaid application is cancelled, then the visit ends. */
  | { type: 'cancel' }
  /** The resident changed their mind after paying (receipt screen): the host withdraws and refunds. */
  | { type: 'withdraw' }
  | { type: 'withdrawn'; answer: ApiResult<ApplicationStatus> }
  | { type: 'end'; reason: 'finished' | 'cancelled' };

/** A host call the machine starts; `detached` ones outlive their state (ending the session, cancelling an unpaid application). */
export type Effect =
  | { kind: 'services.overview'; service: ServiceId }
  /** A timer: `reveal` after `ms`, unless the state that started it is left first. */
  | { kind: 'reveal'; ms: number }
  | { kind: 'visit.choose'; service: ServiceId; holder: CardHolder | undefined }
  | { kind: 'visit.complete'; step: PlanKind; choices: Partial<ServiceRequest> | undefined; origin: 'greeting' | 'step' }
  | { kind: 'visit.back' }
  | { kind: 'identity.readCard' }
  | { kind: 'await-lift' }
  | { kind: 'applications.start'; service: ServiceId; then: 'pay' | 'submit' }
  | { kind: 'applications.submit'; applicationId: string }
  | { kind: 'applications.pay'; applicationId: string; method: PaymentMethod }
  | { kind: 'payment.atCounter'; applicationId: string }
  | { kind: 'watch-application' }
  | { kind: 'unwatch-application' }
  | { kind: 'receipts.print'; applicationId: string }
  | { kind: 'cancel-unpaid'; applicationId: string | undefined; detached: true }
  | { kind: 'applications.withdraw'; applicationId: string }
  | { kind: 'session.end'; reason: 'finished' | 'cancelled'; detached: true };

export interface FlowSnapshot {
  screen: Screen;
  visit: VisitContext | undefined;
  availability: KioskAvailability | undefined;
}

export interface Transition {
  screen?: Screen;
  /** Present (even undefined) when the visit changes. */
  visit?: VisitContext | undefined;
  effects: Effect[];
}

/** The machine's state names (which host calls belong to), in a file of their own. */
export { isWithin, ownerOf, stateKey } from './state-key.js';

const IGNORED: Transition = { effects: [] };

/**
 * How long a tapped screen stays while the host answers before the waiting screen replaces it.
 * The menu's service and the greeting's Continue keep their screen until the host's answer, so the
 * next screen renders once, with the answer (as the overview's Start and every step's Done already
 * do); the overview's loading state and the evaluating screen show only for a slower answer (a back
 * office taking its time). 400 ms: later than the host's usual answer (about 100 to 150 ms at 4x
 * CPU, docs/performance.md, wave 28), soon enough that a resident never wonders whether the tap took.
 */
export const REVEAL_AFTER_MS = 400;
const reveal: Effect = { kind: 'reveal', ms: REVEAL_AFTER_MS };

/** Steps with a screen of their own in the store's union; every other host step shows as `{ name: 'step' }`. */
const NAMED_SCREEN = {
  'verify-identity': 'fingerprint',
  photo: 'photo',
  height: 'height',
  signature: 'signature',
  review: 'review',
  'choose-pickup': 'pickup',
  payment: 'payment',
  receipt: 'receipt',
} as const satisfies Partial<Record<PlanKind, Screen['name']>>;

/** The step the resident is on, if it is `kind` (ignores a late callback from a screen already left). */
function isOnStep(screen: Screen, kind: PlanKind): boolean {
  if (screen.name === 'step') return screen.step.kind === kind;
  return kind in NAMED_SCREEN && NAMED_SCREEN[kind as keyof typeof NAMED_SCREEN] === screen.name;
}

const flowError = (answer: { ok: false; error: { code: Extract<Screen, { name: 'flow-error' }>['error'] } }): Transition => ({
  screen: { name: 'flow-error', error: answer.error.code },
  effects: [],
});

function end(reason: 'finished' | 'cancelled'): Transition {
  return { screen: { name: 'attract' }, visit: undefined, effects: [{ kind: 'session.end', reason, detached: true }] };
}

export function transition(state: FlowSnapshot, event: FlowEvent): Transition {
  const { screen, visit } = state;
  switch (event.type) {
    case 'choose':
      // The menu stays, its state already the overview's, until the host's overview (or REVEAL_AFTER_MS).
      if (screen.name !== 'menu' || screen.opening) return IGNORED;
      return { screen: { ...screen, opening: event.service }, effects: [{ kind: 'services.overview', service: event.service }, reveal] };
    case 'reveal':
      if (screen.name === 'menu' && screen.opening) return { screen: { name: 'overview', service: screen.opening, services: screen.services, overview: undefined }, effects: [] };
      if (screen.name === 'greeting' && screen.continuing) return { screen: { name: 'evaluating', holder: screen.holder }, effects: [] };
      return IGNORED;
    case 'overview-loaded': {
      const opening = screen.name === 'menu' ? screen.opening : screen.name === 'overview' ? screen.service : undefined;
      if ((screen.name !== 'menu' && screen.name !== 'overview') || opening !== event.service) return IGNORED;
      // A one-step free service with nothing to bring starts at once: its overview would only add a tap.
      if (event.answer.ok && !overviewWorthATap(event.answer.value)) return { effects: [{ kind: 'visit.choose', service: event.service, holder: undefined }] };
      // Without the host's overview the resident can still start (or go back): the steps will show one by one.
      return { screen: { name: 'overview', service: event.service, services: screen.services, overview: event.answer.ok ? event.answer.value : null }, effects: [] };
    }
    case 'start':
      return screen.name === 'overview' ? { effects: [{ kind: 'visit.choose', service: screen.service, holder: undefined }] } : IGNORED;
    case 'back-to-menu':
      return screen.name === 'overview' ? { screen: { name: 'menu', services: screen.services }, effects: [] } : IGNORED;
    case 'refer':
      return { screen: { name: 'evaluating', holder: event.holder }, effects: [{ kind: 'visit.choose', service: event.service, holder: event.holder }] };
    case 'chosen':
      if (!event.answer.ok) return flowError(event.answer);
      return follow(state, { service: event.service, holder: event.holder, host: undefined }, event.answer.value);
    case 'read-card':
    case 'card-lifted':
      return { screen: { name: 'place-card', phase: 'waiting' }, effects: [{ kind: 'identity.readCard' }] };
    case 'card-present':
      return screen.name === 'place-card' && (screen.phase === 'waiting' || screen.phase === 'keep-still') ? { screen: { name: 'place-card', phase: 'reading' }, effects: [] } : IGNORED;
    case 'card-read': {
      const { answer } = event;
      if (!answer.ok && answer.error.code === 'card-not-lifted') return { screen: { name: 'place-card', phase: 'lift' }, effects: [{ kind: 'await-lift' }] };
      // The card left the reader mid-read: no tap, the read starts again and waits for the card's
      // return; the host keeps the first read's deadline, so this cannot wait for ever.
      if (!answer.ok && answer.error.code === 'card-removed') return { screen: { name: 'place-card', phase: 'keep-still' }, effects: [{ kind: 'identity.readCard' }] };
      if (!answer.ok) return { screen: { name: 'place-card', phase: 'failed', error: answer.error.code }, effects: [] };
      const service = visit?.service;
      return { screen: { name: 'greeting', holder: answer.value.holder, ...(service ? { service } : {}) }, effects: [] };
    }
    case 'continue-identified': {
      // The greeting stays, its state already evaluating, until the host's answer (or REVEAL_AFTER_MS).
      if (screen.name === 'greeting' && screen.continuing) return IGNORED;
      const next: VisitContext = visit && visit.service === event.service ? { ...visit, holder: event.holder } : { service: event.service, holder: event.holder, host: undefined };
      return {
        screen: screen.name === 'greeting' ? { name: 'greeting', holder: event.holder, service: event.service, continuing: true } : { name: 'evaluating', holder: event.holder },
        visit: next,
        effects: [{ kind: 'visit.complete', step: 'read-card', choices: undefined, origin: 'greeting' }, reveal],
      };
    }
    case 'step-done': {
      if (!visit || !isOnStep(screen, event.kind)) return IGNORED;
      const { heightMm, pickup, request } = event.result;
      return {
        visit: { ...visit, ...(heightMm !== undefined ? { heightMm } : {}), ...(pickup ? { pickup } : {}) },
        effects: [{ kind: 'visit.complete', step: event.kind, choices: request, origin: 'step' }],
      };
    }
    case 'back':
      return backOffered(state) ? { effects: [{ kind: 'visit.back' }] } : IGNORED;
    case 'completed':
      if (!visit) return IGNORED;
      if (!event.answer.ok) {
        // Nothing is lost from the greeting: the resident stays identified, sees why, and can ask again.
        if (event.origin === 'greeting' && visit.holder) {
          return { screen: { name: 'greeting', holder: visit.holder, service: visit.service, error: event.answer.error.code }, effects: [] };
        }
        return flowError(event.answer);
      }
      return follow(state, visit, event.answer.value);
    case 'application-started': {
      if (!visit) return IGNORED;
      if (!event.answer.ok) return flowError(event.answer); // nothing is charged for an application the host will not take
      const withApplication = { ...visit, application: event.answer.value };
      if (event.then === 'submit') return { visit: withApplication, effects: [{ kind: 'applications.submit', applicationId: event.answer.value.applicationId }] };
      return showPayment(withApplication);
    }
    case 'submitted':
      if (!visit) return IGNORED;
      if (!event.answer.ok) return { ...flowError(event.answer), visit: { ...visit, application: undefined } };
      return showReceipt(state, { ...visit, application: event.answer.value });
    case 'pay':
      if (screen.name !== 'payment' || !visit?.application) return IGNORED;
      return {
        screen: { ...screen, phase: { state: 'paying', method: event.method } },
        effects: [{ kind: 'applications.pay', applicationId: visit.application.applicationId, method: event.method }],
      };
    case 'pay-at-counter': // only where the host's payment step offers it
      return screen.name === 'payment' && screen.counterAllowed && visit?.application ? { screen: { ...screen, phase: { state: 'paying', method: 'counter' } }, effects: [{ kind: 'payment.atCounter', applicationId: visit.application.applicationId }] } : IGNORED;
    case 'paid': {
      if (screen.name !== 'payment' || !visit) return IGNORED;
      if (!event.answer.ok) return { screen: { ...screen, phase: { state: 'failed', error: event.answer.error.code } }, effects: [] };
      const application = event.answer.value;
      if (application.state === 'submitted' || application.state === 'kept-for-later' || application.state === 'awaiting-counter-payment') return confirmPayment({ ...visit, application });
      // Declined (choose again), or a lost answer the host is checking (`application-changed` brings the outcome).
      return { screen: { ...screen, application, phase: { state: 'choosing' } }, visit: { ...visit, application }, effects: [] };
    }
    case 'stop-payment':
      if (screen.name !== 'payment' || screen.phase.state !== 'paying') return IGNORED;
      return { screen: { ...screen, phase: { state: 'failed', error: 'cancelled' } }, effects: [] };
    case 'application-changed': {
      const { status } = event;
      if (screen.name !== 'payment' || !visit || screen.application.applicationId !== status.applicationId) return IGNORED;
      const next: Transition = { screen: { ...screen, application: status }, visit: { ...visit, application: status }, effects: [] };
      // A lost answer confirmed by the host's enquiry: on to the receipt.
      if (screen.phase.state !== 'paying' && (status.state === 'submitted' || status.state === 'kept-for-later')) {
        return { ...next, effects: confirmPayment({ ...visit, application: status }).effects };
      }
      return next;
    }
    case 'print': {
      const application = visit?.application;
      if (!application) return IGNORED;
      if (screen.name === 'receipt') {
        // Only when the host offered a print and none is under way: a tap on a stale button prints nothing twice.
        if (!printable(screen.print)) return IGNORED;
        return { screen: { ...screen, print: { state: 'printing' } }, effects: [{ kind: 'receipts.print', applicationId: application.applicationId }] };
      }
      if (screen.name === 'payment') return { effects: [{ kind: 'receipts.print', applicationId: application.applicationId }] };
      return IGNORED;
    }
    case 'printed': {
      const print = event.answer.ok ? ({ state: 'printed' } as const) : ({ state: 'failed', error: event.answer.error.code } as const);
      if (screen.name === 'receipt') return { screen: { ...screen, print }, effects: [] };
      if (screen.name === 'payment') return { screen: { ...screen, slip: print }, effects: [] };
      return IGNORED;
    }
    case 'cancel': {
      const application = visit?.application;
      // The host refuses to cancel once money has moved; an unpaid application is cancelled first.
      if (application?.state === 'awaiting-payment') return { effects: [{ kind: 'cancel-unpaid', applicationId: application.applicationId, detached: true }] };
      return end('cancelled');
    }
    case 'withdraw': {
      const application = visit?.application;
      if (screen.name !== 'receipt' || !application) return IGNORED;
      return { screen: { name: 'withdrawal', application, phase: 'working' }, effects: [{ kind: 'applications.withdraw', applicationId: application.applicationId }] };
    }
    case 'withdrawn':
      if (screen.name !== 'withdrawal' || !visit) return IGNORED;
      if (!event.answer.ok) return { screen: { ...screen, phase: 'failed', error: event.answer.error.code }, effects: [] };
      return { screen: { name: 'withdrawal', application: event.answer.value, phase: 'done' }, visit: { ...visit, application: event.answer.value }, effects: [] };
    case 'end':
      return end(event.reason);
  }
}

/**
 * Whether the screen offers Back: the host says the step before its current one may be done again
 * (`canGoBack`: never over the card read, the verification or the fingerprints, never once an
 * application exists), and the screen shown is that current step's, not one the visit has moved past.
 */
export function backOffered({ screen, visit }: Pick<FlowSnapshot, 'screen' | 'visit'>): boolean {
  const host = visit?.host;
  if (!host?.canGoBack || visit?.application) return false;
  return isOnStep(screen, host.current.kind);
}

/** The application is paid and on its way: the host completes the payment step and the receipt follows. */
function confirmPayment(visit: VisitContext): Transition {
  return { visit, effects: [{ kind: 'unwatch-application' }, { kind: 'visit.complete', step: 'payment', choices: undefined, origin: 'step' }] };
}

/** Shows what the host's visit state says: the current step's screen, a refusal, or the end. */
function follow(state: FlowSnapshot, visit: VisitContext, host: VisitState): Transition {
  switch (host.phase) {
    case 'steps':
      return show(state, { ...visit, host }, host);
    case 'refused':
      // The resident stays identified on the refusal: a referral starts without reading the card again.
      return {
        screen: { name: 'refusal', eligibility: host.eligibility, ...(visit.holder ? { holder: visit.holder } : {}) },
        visit: { service: visit.service, holder: visit.holder, host: undefined },
        effects: [],
      };
    case 'done':
      return end('finished');
    default:
      // idle, choosing, take-card: the session is over or not this visit's; the store follows visit.changed.
      return { visit, effects: [] };
  }
}

type SteppingState = Extract<VisitState, { phase: 'steps' }>;

function show(state: FlowSnapshot, visit: VisitContext, host: SteppingState): Transition {
  const step = host.current;
  const { holder } = visit;
  const named = (screen: Screen): Transition => ({ screen, visit, effects: [] });
  switch (step.kind) {
    case 'read-card':
      if (step.whose === 'applicant') return { screen: { name: 'place-card', phase: 'waiting' }, visit, effects: [{ kind: 'identity.readCard' }] };
      break;
    case 'photo':
      if (holder) return named({ name: 'photo', holder, sources: step.sources });
      break;
    case 'verify-identity':
    case 'height':
    case 'signature':
      if (holder) return named({ name: NAMED_SCREEN[step.kind], holder });
      break;
    case 'review':
      if (holder) {
        // The pickup the host holds (its choice, with the ready time it computed), not the screen's copy.
        const pickup = host.evaluation.pickupOptions.find((option) => option.place === host.request.pickupPlace);
        return named({ name: 'review', service: visit.service, holder, heightMm: visit.heightMm, request: host.request, quote: host.evaluation.quote, pickup });
      }
      break;
    case 'choose-pickup':
      return named({ name: 'pickup', options: host.evaluation.pickupOptions.filter((o) => step.places.includes(o.place)) });
    case 'payment':
      if (visit.application) return showPayment(visit);
      return { visit, effects: [{ kind: 'applications.start', service: visit.service, then: 'pay' }] };
    case 'receipt':
      // A service without a fee has no payment step: its application is made and sent here.
      if (visit.application) return showReceipt(state, visit);
      return { visit, effects: [{ kind: 'applications.start', service: visit.service, then: 'submit' }] };
    default:
      break;
  }
  return named({ name: 'step', step, holder, request: host.request, quote: host.evaluation.quote });
}

function showPayment(visit: VisitContext): Transition {
  const step = visit.host?.current;
  const application = visit.application;
  if (step?.kind !== 'payment' || !application) return { visit, effects: [] };
  return {
    screen: { name: 'payment', methods: step.methods, counterAllowed: step.counterAllowed, application, phase: { state: 'choosing' } },
    visit,
    // The host reports every change: payment progress, a lost answer being checked, the outcome.
    effects: [{ kind: 'watch-application' }],
  };
}

/** A print may be asked for: offered and not yet asked, or failed (try again). One copy per receipt. */
function printable(print: PrintState): boolean {
  return print.state === 'offered' || print.state === 'failed';
}

/**
 * The receipt: the QR to photograph, and a print only when the resident asks for one. The host's receipt
 * step lists what it offers (`photograph-qr`, `print`); without a printer or paper (the host's
 * availability) the QR on screen is the receipt and no print is offered.
 */
function showReceipt(state: FlowSnapshot, visit: VisitContext): Transition {
  const application = visit.application;
  if (!application) return { visit, effects: [] };
  const step = visit.host?.current;
  const offersPrint = step?.kind !== 'receipt' || step.options.includes('print');
  const availability = state.availability?.services.find((entry) => entry.service === visit.service);
  const print: PrintState = !offersPrint ? { state: 'qr-only' } : availability?.receipt === 'on-screen' ? { state: 'on-screen' } : { state: 'offered' };
  return { screen: { name: 'receipt', application, pickup: visit.pickup, print }, visit, effects: [] };
}
