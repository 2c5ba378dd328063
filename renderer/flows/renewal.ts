import type { CardHolder, ServiceId } from '../../electron/host/bridge/contract.js';
import type { ApiErrorCode } from '../../electron/host/bridge/errors.js';
import { type ApplicationView, type Evaluation, type PaymentMethod, type PickupOption, useKiosk } from '../state/kiosk-store.js';
import { endVisit } from './visit.js';

/**
 * A renewal on the touchscreen, step by step in the order the host's `services.evaluate` returns.
 * The renderer decides nothing: the host says whether the service is allowed, which steps it
 * takes, the fee, the pickup places and their ready times, and how the payment went. This module
 * only maps each step kind to its screen and carries what a later screen shows (height, pickup).
 */
export type StepScreen = 'fingerprint' | 'photo' | 'height' | 'signature' | 'review' | 'pickup' | 'payment' | 'receipt';

/** The host's step kinds this flow shows; `read-card` is already done, `capture-fingerprints` shares the fingerprint screen. */
const SCREEN_OF: Partial<Record<string, StepScreen>> = {
  'verify-identity': 'fingerprint',
  photo: 'photo',
  height: 'height',
  signature: 'signature',
  'choose-pickup': 'pickup',
  payment: 'payment',
  receipt: 'receipt',
};

interface Renewal {
  service: ServiceId;
  holder: CardHolder;
  plan: StepScreen[];
  evaluation: Evaluation;
  heightMm?: number;
  pickup?: PickupOption;
  application?: ApplicationView;
}

let renewal: Renewal | undefined;
let payment: AbortController | undefined;
let offChanges: (() => void) | undefined;

function api() {
  return useKiosk.getState().api;
}

async function evaluate(service: ServiceId): Promise<{ ok: true; value: Evaluation } | { ok: false; code: ApiErrorCode }> {
  const kiosk = api();
  if (!kiosk) return { ok: false, code: 'disconnected' };
  const result = await kiosk.services.evaluate({ service });
  return result.ok ? result : { ok: false, code: result.error.code };
}

/** The screens of the host's steps, with the review of the card's data before the pickup and payment. */
function planOf(steps: Evaluation['steps']): StepScreen[] {
  const plan = steps.flatMap((step) => {
    const screen = SCREEN_OF[step.kind];
    return screen ? [screen] : [];
  });
  const before = plan.findIndex((screen) => screen === 'pickup' || screen === 'payment');
  plan.splice(before === -1 ? plan.length : before, 0, 'review');
  return plan;
}

/** Asks the host whether this resident can renew here; refuses with its reasons, or starts the first step. */
export async function startRenewal(service: ServiceId, holder: CardHolder): Promise<void> {
  useKiosk.setState({ screen: { name: 'evaluating', holder } });
  const answer = await evaluate(service);
  if (useKiosk.getState().screen.name !== 'evaluating') return;
  if (!answer.ok) {
    // Nothing is lost: the resident stays identified, sees why, and can ask again.
    useKiosk.setState({ screen: { name: 'greeting', holder, service, error: answer.code } });
    return;
  }
  const evaluation = answer.value;
  if (evaluation.eligibility.verdict !== 'allowed') {
    renewal = undefined;
    useKiosk.setState({ screen: { name: 'refusal', eligibility: evaluation.eligibility } });
    return;
  }
  renewal = { service, holder, plan: planOf(evaluation.steps), evaluation };
  await show(renewal.plan[0]);
}

/** Moves from one step to the next in the host's order; ignored if the screen has already moved on. */
export function stepDone(step: StepScreen, result: { heightMm?: number; pickup?: PickupOption } = {}): void {
  if (!renewal || useKiosk.getState().screen.name !== step) return;
  if (result.heightMm !== undefined) renewal.heightMm = result.heightMm;
  if (result.pickup) renewal.pickup = result.pickup;
  void show(renewal.plan[renewal.plan.indexOf(step) + 1]);
}

async function show(step: StepScreen | undefined): Promise<void> {
  const current = renewal;
  if (!current) return;
  const { holder } = current;
  switch (step) {
    case undefined:
      return endVisit('finished');
    case 'fingerprint':
    case 'photo':
    case 'height':
    case 'signature':
      return void useKiosk.setState({ screen: { name: step, holder } });
    case 'review':
      return void useKiosk.setState({ screen: { name: 'review', holder, heightMm: current.heightMm } });
    case 'pickup': {
      const listed = await api()?.services.pickupOptions({ service: current.service });
      const places = current.evaluation.steps.find((s) => s.kind === 'choose-pickup');
      const options = listed?.ok ? listed.value.options : current.evaluation.pickupOptions;
      const offered = places?.kind === 'choose-pickup' ? options.filter((o) => places.places.includes(o.place)) : options;
      return void useKiosk.setState({ screen: { name: 'pickup', holder, options: offered } });
    }
    case 'payment':
      return startPayment(current);
    case 'receipt':
      if (!current.application) return endVisit('finished');
      useKiosk.setState({ screen: { name: 'receipt', application: current.application, pickup: current.pickup, print: { state: 'printing' } } });
      return printReceipt();
  }
}

async function startPayment(current: Renewal): Promise<void> {
  const kiosk = api();
  if (!kiosk) return;
  const step = current.evaluation.steps.find((s) => s.kind === 'payment');
  const methods: PaymentMethod[] = step?.kind === 'payment' ? step.methods : [];
  const started = await kiosk.applications.start({ service: current.service });
  if (!started.ok) {
    // Nothing is charged for an application the host will not take: say why and let the resident leave.
    useKiosk.setState({ screen: { name: 'refusal', eligibility: current.evaluation.eligibility } });
    return;
  }
  current.application = started.value;
  offChanges?.();
  offChanges = kiosk.on('applications.changed', (status) => {
    const screen = useKiosk.getState().screen;
    if (screen.name === 'payment' && screen.application.applicationId === status.applicationId) {
      useKiosk.setState({ screen: { ...screen, application: status } });
    }
  });
  useKiosk.setState({
    screen: { name: 'payment', holder: current.holder, methods, counterAllowed: step?.kind === 'payment' && step.counterAllowed, application: started.value, phase: { state: 'choosing' } },
  });
}

/** Pays with the chosen method and sends the application; a decline leaves the resident on the payment screen. */
export async function pay(method: PaymentMethod): Promise<void> {
  const kiosk = api();
  const current = renewal;
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
export async function cancelRenewal(): Promise<void> {
  const kiosk = api();
  const application = renewal?.application;
  if (kiosk && application && application.state === 'awaiting-payment') await kiosk.applications.cancel({ applicationId: application.applicationId });
  resetRenewal();
  await endVisit('cancelled');
}

export async function printReceipt(): Promise<void> {
  const kiosk = api();
  const application = renewal?.application;
  const screen = useKiosk.getState().screen;
  if (!kiosk || !application || screen.name !== 'receipt') return;
  useKiosk.setState({ screen: { ...screen, print: { state: 'printing' } } });
  const printed = await kiosk.receipts.print({ applicationId: application.applicationId });
  const now = useKiosk.getState().screen;
  if (now.name !== 'receipt') return;
  useKiosk.setState({ screen: { ...now, print: printed.ok ? { state: 'printed' } : { state: 'failed', error: printed.error.code } } });
}

export function finishRenewal(): void {
  resetRenewal();
  void endVisit('finished');
}

function resetRenewal(): void {
  payment?.abort();
  offChanges?.();
  offChanges = undefined;
  renewal = undefined;
}
