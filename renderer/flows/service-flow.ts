import type { CardHolder, ServiceId, VisitState } from '../../electron/host/bridge/contract.js';
import {
  type ApplicationView,
  type Evaluation,
  type FlowStep,
  type PaymentMethod,
  type PickupOption,
  type ServiceRequest,
  useKiosk,
} from '../state/kiosk-store.js';
import { endVisit, readCard } from './visit.js';
import { serviceAvailability } from '../state/availability.js';

/**
 * Every service on the touchscreen, as the host's visit machine (electron/host/visit) says. The
 * host holds the plan, the resident's choices and every step's evidence: this module shows the
 * host's current step, hands a finished step to `visit.complete` (with its choices) and shows what
 * the host answers next. It decides nothing: a refused step stays on screen with the host's reason.
 *
 * Screens end their step with `stepDone(kind, result)`; `result.request` carries the step's choices.
 */

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
} as const;
type NamedStep = keyof typeof NAMED_SCREEN;
export type PlanKind = FlowStep['kind'];

type SteppingState = Extract<VisitState, { phase: 'steps' }>;

interface ServiceVisit {
  service: ServiceId;
  /** The resident's card as read (for greeting, review); undefined for services that do not identify. */
  holder: CardHolder | undefined;
  /** The host's last answer about the visit. */
  host: SteppingState | undefined;
  heightMm?: number;
  pickup?: PickupOption;
  application?: ApplicationView;
}

let visit: ServiceVisit | undefined;
let payment: AbortController | undefined;
let offChanges: (() => void) | undefined;

function api() {
  return useKiosk.getState().api;
}

/** The first step identifies the resident: their own card is read (place-card → greeting). */
export function startsWithOwnCard(state: VisitState): boolean {
  return state.phase === 'steps' && state.current.kind === 'read-card' && state.current.whose === 'applicant';
}

/** A service chosen from the menu (visit.ts): the host's plan begins; `holder` when the resident is already identified. */
export function beginService(service: ServiceId, state: VisitState, holder?: CardHolder): Promise<void> {
  resetVisit();
  visit = { service, holder, host: undefined };
  return follow(state);
}

/** A referral to another service in the same visit (kinship verification after a refusal): the card read carries over. */
export async function startService(service: ServiceId, holder: CardHolder): Promise<void> {
  const kiosk = api();
  if (!kiosk) return;
  useKiosk.setState({ screen: { name: 'evaluating', holder } });
  const chosen = await kiosk.visit.choose({ service });
  if (!chosen.ok) return void useKiosk.setState({ screen: { name: 'flow-error', error: chosen.error.code } });
  return beginService(service, chosen.value, holder);
}

/** The resident's card is read: the greeting's Continue completes the read-card step with the host. */
export async function continueIdentified(service: ServiceId, holder: CardHolder): Promise<void> {
  const kiosk = api();
  if (!kiosk) return;
  if (!visit || visit.service !== service) visit = { service, holder, host: undefined };
  visit.holder = holder;
  const current = visit;
  useKiosk.setState({ screen: { name: 'evaluating', holder } });
  const answer = await kiosk.visit.complete({ step: 'read-card' });
  if (visit !== current || useKiosk.getState().screen.name !== 'evaluating') return;
  // Nothing is lost: the resident stays identified, sees why, and can ask again.
  if (!answer.ok) return void useKiosk.setState({ screen: { name: 'greeting', holder, service, error: answer.error.code } });
  return follow(answer.value);
}

/** What a step hands on: choices for the request, or what a later screen shows. */
export interface StepResult {
  heightMm?: number;
  pickup?: PickupOption;
  /** The step's choices; the host checks them against what it offered and evaluates again. */
  request?: Partial<ServiceRequest>;
}

/** The step the resident is on, if it is `kind` (ignores a late callback from a screen already left). */
function isCurrent(kind: PlanKind): boolean {
  const screen = useKiosk.getState().screen;
  if (screen.name === 'step') return screen.step.kind === kind;
  return kind in NAMED_SCREEN && NAMED_SCREEN[kind as NamedStep] === screen.name;
}

/** The resident finished a step: the host checks it (evidence, choices) and says what comes next. */
export async function stepDone(kind: PlanKind, result: StepResult = {}): Promise<void> {
  const current = visit;
  const kiosk = api();
  if (!current || !kiosk || !isCurrent(kind)) return;
  if (result.heightMm !== undefined) current.heightMm = result.heightMm;
  if (result.pickup) current.pickup = result.pickup;
  const answer = await kiosk.visit.complete({ step: kind, ...(result.request ? { choices: result.request } : {}) });
  if (visit !== current || !isCurrent(kind)) return;
  if (!answer.ok) return void useKiosk.setState({ screen: { name: 'flow-error', error: answer.error.code } });
  return follow(answer.value);
}

/** The visit's current request and evaluation, for screens that show the live fee or earlier choices. */
export function currentVisit():
  | Readonly<{ service: ServiceId; holder: CardHolder | undefined; evaluation: Evaluation; request: ServiceRequest; application: ApplicationView | undefined }>
  | undefined {
  const host = visit?.host;
  if (!visit || !host) return undefined;
  return { service: visit.service, holder: visit.holder, evaluation: host.evaluation, request: host.request, application: visit.application };
}

/** Shows what the host's visit state says: the current step's screen, a refusal, or the end. */
async function follow(state: VisitState): Promise<void> {
  const current = visit;
  if (!current) return;
  switch (state.phase) {
    case 'steps':
      current.host = state;
      return show(state.current);
    case 'refused':
      return refuse(state.eligibility, current.holder);
    case 'done':
      return endVisit('finished');
    default:
      // idle, choosing, take-card: the session is over or not this visit's; the store follows visit.changed.
      return;
  }
}

/** The resident stays identified on the refusal: a referral (kinship verification) starts without reading the card again. */
function refuse(eligibility: Evaluation['eligibility'], holder: CardHolder | undefined): void {
  const keep = visit;
  resetVisit();
  visit = keep && { service: keep.service, holder: keep.holder, host: undefined };
  useKiosk.setState({ screen: { name: 'refusal', eligibility, ...(holder ? { holder } : {}) } });
}

async function show(step: FlowStep): Promise<void> {
  const current = visit;
  const host = current?.host;
  if (!current || !host) return;
  const { holder } = current;
  switch (step.kind) {
    case 'read-card':
      if (step.whose === 'applicant') {
        useKiosk.setState({ screen: { name: 'place-card', phase: 'waiting' } });
        return readCard();
      }
      break;
    case 'photo':
      if (!holder) break;
      return void useKiosk.setState({ screen: { name: 'photo', holder, sources: step.sources } });
    case 'verify-identity':
    case 'height':
    case 'signature':
      if (!holder) break;
      return void useKiosk.setState({ screen: { name: NAMED_SCREEN[step.kind], holder } });
    case 'review':
      if (!holder) break;
      return void useKiosk.setState({ screen: { name: 'review', holder, heightMm: current.heightMm } });
    case 'choose-pickup':
      return void useKiosk.setState({ screen: { name: 'pickup', options: host.evaluation.pickupOptions.filter((o) => step.places.includes(o.place)) } });
    case 'payment':
      return startPayment(current, step);
    case 'receipt':
      // A service without a fee has no payment step: its application is made and sent here.
      if (!current.application) await submitWithoutPayment(current);
      if (visit !== current || !current.application) return;
      // No printer or no paper (the host's availability): nothing is printed, the QR on screen is the receipt.
      if (serviceAvailability(current.service)?.receipt === 'on-screen') {
        return void useKiosk.setState({ screen: { name: 'receipt', application: current.application, pickup: current.pickup, print: { state: 'on-screen' } } });
      }
      useKiosk.setState({ screen: { name: 'receipt', application: current.application, pickup: current.pickup, print: { state: 'printing' } } });
      return printReceipt();
    default:
      break;
  }
  useKiosk.setState({ screen: { name: 'step', step, holder, request: host.request, quote: host.evaluation.quote } });
}

/** Makes the visit's application (the host prices it from the choices it holds and what it captured). */
async function createApplication(current: ServiceVisit): Promise<ApplicationView | undefined> {
  const kiosk = api();
  if (!kiosk) return undefined;
  const started = await kiosk.applications.start({ service: current.service });
  if (!started.ok) {
    // Nothing is charged for an application the host will not take: say why and let the resident leave.
    useKiosk.setState({ screen: { name: 'flow-error', error: started.error.code } });
    return undefined;
  }
  current.application = started.value;
  return started.value;
}

async function submitWithoutPayment(current: ServiceVisit): Promise<void> {
  const kiosk = api();
  const application = await createApplication(current);
  if (!kiosk || !application || visit !== current) return;
  const result = await kiosk.applications.submit({ applicationId: application.applicationId });
  if (visit !== current) return;
  if (!result.ok) {
    current.application = undefined;
    return void useKiosk.setState({ screen: { name: 'flow-error', error: result.error.code } });
  }
  current.application = result.value;
}

async function startPayment(current: ServiceVisit, step: Extract<FlowStep, { kind: 'payment' }>): Promise<void> {
  const kiosk = api();
  if (!kiosk) return;
  const application = current.application ?? (await createApplication(current));
  if (!application || visit !== current) return;
  offChanges?.();
  // The host reports every change: payment progress, a lost answer being checked, the outcome.
  offChanges = kiosk.on('applications.changed', (status) => {
    const screen = useKiosk.getState().screen;
    if (screen.name !== 'payment' || screen.application.applicationId !== status.applicationId || visit !== current) return;
    current.application = status;
    useKiosk.setState({ screen: { ...screen, application: status } });
    // A lost answer confirmed by the host's enquiry: on to the receipt.
    if (screen.phase.state !== 'paying' && (status.state === 'submitted' || status.state === 'kept-for-later')) void paid();
  });
  useKiosk.setState({
    screen: { name: 'payment', methods: step.methods, counterAllowed: step.counterAllowed, application, phase: { state: 'choosing' } },
  });
}

/** The application is paid and on its way: the host completes the payment step and the receipt follows. */
async function paid(): Promise<void> {
  offChanges?.();
  offChanges = undefined;
  return stepDone('payment');
}

/** Pays with the chosen method and sends the application; a decline leaves the resident on the payment screen. */
export async function pay(method: PaymentMethod): Promise<void> {
  const kiosk = api();
  const current = visit;
  const screen = useKiosk.getState().screen;
  if (!kiosk || !current?.application || screen.name !== 'payment') return;
  payment?.abort();
  const controller = (payment = new AbortController());
  useKiosk.setState({ screen: { ...screen, phase: { state: 'paying', method } } });
  const result = await kiosk.applications.submit({ applicationId: current.application.applicationId, payment: method }, { signal: controller.signal });
  const now = useKiosk.getState().screen;
  if (now.name !== 'payment' || visit !== current) return;
  if (!result.ok) return void useKiosk.setState({ screen: { ...now, phase: { state: 'failed', error: result.error.code } } });
  current.application = result.value;
  if (result.value.state === 'submitted' || result.value.state === 'kept-for-later') return paid();
  // Declined (choose again), or a lost answer the host is checking (applications.changed brings the outcome).
  useKiosk.setState({ screen: { ...now, application: result.value, phase: { state: 'choosing' } } });
}

/** Stops a sale still waiting for the card (the host answers with a `cancelled` decline). */
export function stopPayment(): void {
  payment?.abort();
}

/** Cancels an unpaid application (the host refuses once money has moved), then ends the visit. */
export async function cancelService(): Promise<void> {
  const kiosk = api();
  const application = visit?.application;
  if (kiosk && application && application.state === 'awaiting-payment') await kiosk.applications.cancel({ applicationId: application.applicationId });
  resetVisit();
  await endVisit('cancelled');
}

/**
 * The resident changed their mind after paying (receipt screen, confirmed): the host withdraws the
 * application at the back office and reverses the payment; the screen shows what it came to.
 */
export async function cancelAfterPayment(): Promise<void> {
  const kiosk = api();
  const current = visit;
  const application = current?.application;
  if (!kiosk || !current || !application || useKiosk.getState().screen.name !== 'receipt') return;
  useKiosk.setState({ screen: { name: 'withdrawal', application, phase: 'working' } });
  const result = await kiosk.applications.cancel({ applicationId: application.applicationId });
  if (visit !== current || useKiosk.getState().screen.name !== 'withdrawal') return;
  if (!result.ok) return void useKiosk.setState({ screen: { name: 'withdrawal', application, phase: 'failed', error: result.error.code } });
  current.application = result.value;
  useKiosk.setState({ screen: { name: 'withdrawal', application: result.value, phase: 'done' } });
}

/** Prints the receipt (or, for a payment still unconfirmed after the wait, the "payment being confirmed" slip). */
export async function printReceipt(): Promise<void> {
  const kiosk = api();
  const application = visit?.application;
  const screen = useKiosk.getState().screen;
  if (!kiosk || !application || (screen.name !== 'receipt' && screen.name !== 'payment')) return;
  if (screen.name === 'receipt') useKiosk.setState({ screen: { ...screen, print: { state: 'printing' } } });
  const printed = await kiosk.receipts.print({ applicationId: application.applicationId });
  const now = useKiosk.getState().screen;
  const print = printed.ok ? ({ state: 'printed' } as const) : ({ state: 'failed', error: printed.error.code } as const);
  if (now.name === 'receipt') useKiosk.setState({ screen: { ...now, print } });
  if (now.name === 'payment') useKiosk.setState({ screen: { ...now, slip: print } });
}

export function finishService(): void {
  resetVisit();
  void endVisit('finished');
}

export function resetVisit(): void {
  payment?.abort();
  offChanges?.();
  offChanges = undefined;
  visit = undefined;
}
