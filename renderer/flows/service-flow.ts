import type { CardHolder, ServiceId } from '../../electron/host/bridge/contract.js';
import type { ApiErrorCode } from '../../electron/host/bridge/errors.js';
import {
  type ApplicationView,
  type Evaluation,
  type FlowStep,
  type PaymentMethod,
  type PickupOption,
  type ServiceRequest,
  useKiosk,
} from '../state/kiosk-store.js';
import { endVisit } from './visit.js';

/**
 * Every service on the touchscreen, step by step in the order the host's `services.evaluate`
 * returns. The renderer decides nothing: the host says whether the service is allowed, which steps
 * it takes, the fee, the pickup places and their ready times, and how the payment went. This
 * module maps each step to its screen, carries the resident's choices (the request) from step to
 * step, and asks the host again whenever a choice changes them (a relative's relation, the number
 * of copies, a minor's contact details): the steps, the fee and the verdict may all change.
 *
 * Screens end their step with `stepDone(kind, result)`; `result.request` merges the step's choices.
 */

/** Steps with a screen of their own in the store's union; every other host step shows as `{ name: 'step' }`. */
const NAMED_SCREEN = {
  'verify-identity': 'fingerprint',
  photo: 'photo',
  height: 'height',
  signature: 'signature',
  'choose-pickup': 'pickup',
  payment: 'payment',
  receipt: 'receipt',
} as const;
type NamedStep = keyof typeof NAMED_SCREEN;

/** One entry of the plan: a host step, or the review of the card's data the renderer adds before pickup and payment. */
export type PlanItem = FlowStep | { kind: 'review' };
export type PlanKind = PlanItem['kind'];

interface ServiceVisit {
  service: ServiceId;
  holder: CardHolder | undefined;
  plan: PlanItem[];
  evaluation: Evaluation;
  request: ServiceRequest;
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

type Answer = { ok: true; value: Evaluation } | { ok: false; code: ApiErrorCode };

async function evaluate(service: ServiceId, request: ServiceRequest = {}): Promise<Answer> {
  const kiosk = api();
  if (!kiosk) return { ok: false, code: 'disconnected' };
  const result = await kiosk.services.evaluate({ service, request });
  return result.ok ? result : { ok: false, code: result.error.code };
}

/** Host steps with no screen of their own (none today: ten-print capture has its screen in renderer/steps/tenprint). */
const SHOWN_ELSEWHERE: ReadonlySet<FlowStep['kind']> = new Set([]);

/** Renewals show the data the new card will carry before the pickup and payment. */
const REVIEWED: ReadonlySet<ServiceId> = new Set(['renew-permanent', 'renew-nonpermanent']);

/** The host's steps as screens: the resident's own card is read before the flow starts, so that step is dropped. */
export function planOf(service: ServiceId, steps: readonly FlowStep[]): PlanItem[] {
  const plan: PlanItem[] = steps.filter((step) => !(step.kind === 'read-card' && step.whose === 'applicant') && !SHOWN_ELSEWHERE.has(step.kind));
  if (REVIEWED.has(service)) {
    const before = plan.findIndex((item) => item.kind === 'choose-pickup' || item.kind === 'payment');
    plan.splice(before === -1 ? plan.length : before, 0, { kind: 'review' });
  }
  return plan;
}

/**
 * True when the service starts by identifying the resident (own card, then greet): its first step
 * reads the applicant's card or verifies who they are (the non-permanent renewal verifies first).
 * Only the first step counts: collecting a document starts with the receipt, not the card.
 */
export function startsWithOwnCard(steps: readonly FlowStep[]): boolean {
  const first = steps[0];
  if (!first) return false;
  return (first.kind === 'read-card' && first.whose === 'applicant') || (first.kind === 'verify-identity' && first.who === 'applicant');
}

/**
 * A service chosen from the menu that does not identify the resident first (queue ticket, checking
 * someone's card, collecting a document): asks the host for its steps and starts the first one.
 * Services that identify first go to the card reader (visit.ts) and come back through `startService`.
 */
export async function startAnonymousService(service: ServiceId, answer: Evaluation): Promise<void> {
  begin(service, undefined, answer, {});
  await show(visit?.plan[0]);
}

/** Asks the host whether this resident can use the service here; refuses with its reasons, or starts the first step. */
export async function startService(service: ServiceId, holder: CardHolder): Promise<void> {
  useKiosk.setState({ screen: { name: 'evaluating', holder } });
  const answer = await evaluate(service);
  if (useKiosk.getState().screen.name !== 'evaluating') return;
  if (!answer.ok) {
    // Nothing is lost: the resident stays identified, sees why, and can ask again.
    useKiosk.setState({ screen: { name: 'greeting', holder, service, error: answer.code } });
    return;
  }
  if (answer.value.eligibility.verdict !== 'allowed') return refuse(answer.value, holder);
  begin(service, holder, answer.value, {});
  await show(visit?.plan[0]);
}

function begin(service: ServiceId, holder: CardHolder | undefined, evaluation: Evaluation, request: ServiceRequest): void {
  resetVisit();
  visit = { service, holder, evaluation, request, plan: planOf(service, evaluation.steps) };
}

/** The resident stays identified on the refusal: a referral (kinship verification) starts without reading the card again. */
function refuse(evaluation: Evaluation, holder: CardHolder | undefined): void {
  resetVisit();
  useKiosk.setState({ screen: { name: 'refusal', eligibility: evaluation.eligibility, ...(holder ? { holder } : {}) } });
}

/** What a step hands on: choices for the request, or what a later screen shows. */
export interface StepResult {
  heightMm?: number;
  pickup?: PickupOption;
  /** Merged into the request; the host is asked again, since steps, fee and verdict may change. */
  request?: Partial<ServiceRequest>;
}

/** The step the resident is on, if it is `kind` (ignores a late callback from a screen already left). */
function isCurrent(kind: PlanKind): boolean {
  const screen = useKiosk.getState().screen;
  if (screen.name === 'step') return screen.step.kind === kind;
  if (screen.name === 'review') return kind === 'review';
  return kind in NAMED_SCREEN && NAMED_SCREEN[kind as NamedStep] === screen.name;
}

/** Moves from one step to the next in the host's order; ignored if the screen has already moved on. */
export async function stepDone(kind: PlanKind, result: StepResult = {}): Promise<void> {
  const current = visit;
  if (!current || !isCurrent(kind)) return;
  if (result.heightMm !== undefined) current.heightMm = result.heightMm;
  if (result.pickup) current.pickup = result.pickup;
  const position = current.plan.findIndex((item) => item.kind === kind);
  if (result.request) {
    current.request = { ...current.request, ...result.request };
    const answer = await evaluate(current.service, current.request);
    if (visit !== current || !isCurrent(kind)) return;
    if (!answer.ok) return void useKiosk.setState({ screen: { name: 'flow-error', error: answer.code } });
    if (answer.value.eligibility.verdict !== 'allowed') return refuse(answer.value, current.holder);
    current.evaluation = answer.value;
    current.plan = planOf(current.service, answer.value.steps);
    // Continue after the same step in the new plan (its position may have moved).
    const again = current.plan.findIndex((item) => item.kind === kind);
    return show(current.plan[(again === -1 ? position : again) + 1]);
  }
  return show(current.plan[position + 1]);
}

/** The visit's current request and evaluation, for screens that show the live fee or earlier choices. */
export function currentVisit(): Readonly<Pick<ServiceVisit, 'service' | 'holder' | 'evaluation' | 'request' | 'application'>> | undefined {
  return visit;
}

async function show(item: PlanItem | undefined): Promise<void> {
  const current = visit;
  if (!current) return;
  const { holder } = current;
  if (item === undefined) return endVisit('finished');
  switch (item.kind) {
    case 'verify-identity':
    case 'photo':
    case 'height':
    case 'signature':
      if (!holder) return endVisit('finished');
      return void useKiosk.setState({ screen: { name: NAMED_SCREEN[item.kind], holder } });
    case 'review':
      if (!holder) return endVisit('finished');
      return void useKiosk.setState({ screen: { name: 'review', holder, heightMm: current.heightMm } });
    case 'choose-pickup': {
      const listed = await api()?.services.pickupOptions({ service: current.service });
      const options = listed?.ok ? listed.value.options : current.evaluation.pickupOptions;
      return void useKiosk.setState({ screen: { name: 'pickup', options: options.filter((o) => item.places.includes(o.place)) } });
    }
    case 'payment':
      return startPayment(current, item);
    case 'receipt':
      // A service without a fee has no payment step: its application is sent here.
      if (!current.application) await submitWithoutPayment(current);
      if (visit !== current) return;
      if (!current.application) return;
      useKiosk.setState({ screen: { name: 'receipt', application: current.application, pickup: current.pickup, print: { state: 'printing' } } });
      return printReceipt();
    default:
      return void useKiosk.setState({ screen: { name: 'step', step: item, holder, request: current.request, quote: current.evaluation.quote } });
  }
}

/** Starts the application the resident is about to pay for; the host prices it. */
async function createApplication(current: ServiceVisit): Promise<ApplicationView | undefined> {
  const kiosk = api();
  if (!kiosk) return undefined;
  const started = await kiosk.applications.start({ service: current.service, request: current.request });
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
  offChanges = kiosk.on('applications.changed', (status) => {
    const screen = useKiosk.getState().screen;
    if (screen.name === 'payment' && screen.application.applicationId === status.applicationId) {
      useKiosk.setState({ screen: { ...screen, application: status } });
    }
  });
  useKiosk.setState({
    screen: { name: 'payment', methods: step.methods, counterAllowed: step.counterAllowed, application, phase: { state: 'choosing' } },
  });
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
  if (now.name !== 'payment') return;
  if (!result.ok) return void useKiosk.setState({ screen: { ...now, phase: { state: 'failed', error: result.error.code } } });
  current.application = result.value;
  if (result.value.state === 'submitted' || result.value.state === 'kept-for-later') {
    offChanges?.();
    return stepDone('payment');
  }
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

export async function printReceipt(): Promise<void> {
  const kiosk = api();
  const application = visit?.application;
  const screen = useKiosk.getState().screen;
  if (!kiosk || !application || screen.name !== 'receipt') return;
  useKiosk.setState({ screen: { ...screen, print: { state: 'printing' } } });
  const printed = await kiosk.receipts.print({ applicationId: application.applicationId });
  const now = useKiosk.getState().screen;
  if (now.name !== 'receipt') return;
  useKiosk.setState({ screen: { ...now, print: printed.ok ? { state: 'printed' } : { state: 'failed', error: printed.error.code } } });
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
