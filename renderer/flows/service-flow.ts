import type { CardHolder, ServiceId } from '../../electron/shared/kiosk-api/contract.js';
import { type ApplicationStatus, type Evaluation, type PaymentMethod, type ServiceRequest, useKiosk } from '../state/kiosk-store.js';
import { flow } from './flow-runner.js';
import type { PlanKind, StepResult } from './visit-machine.js';

/**
 * What the service's screens can ask of the visit machine (visit-machine.ts): each is one event.
 * The host holds the plan, the resident's choices and every step's evidence; the machine shows the
 * host's current step, hands a finished step to `visit.complete` and shows what the host answers next.
 * A refused step stays on screen with the host's reason.
 */
export type { PlanKind, StepResult } from './visit-machine.js';

/** A referral to another service in the same visit (kinship verification after a refusal): the card read carries over. */
export function startService(service: ServiceId, holder: CardHolder): Promise<void> {
  return flow.dispatch({ type: 'refer', service, holder });
}

/** The resident's card is read: the greeting's Continue completes the read-card step with the host. */
export function continueIdentified(service: ServiceId, holder: CardHolder): Promise<void> {
  return flow.dispatch({ type: 'continue-identified', service, holder });
}

/** The resident finished a step: the host checks it (evidence, choices) and says what comes next. */
export function stepDone(kind: PlanKind, result: StepResult = {}): Promise<void> {
  return flow.dispatch({ type: 'step-done', kind, result });
}

/** The visit's current request and evaluation, for screens that show the live fee or earlier choices. */
export function currentVisit():
  | Readonly<{ service: ServiceId; holder: CardHolder | undefined; evaluation: Evaluation; request: ServiceRequest; application: ApplicationStatus | undefined }>
  | undefined {
  const visit = useKiosk.getState().visit;
  const host = visit?.host;
  if (!visit || !host) return undefined;
  return { service: visit.service, holder: visit.holder, evaluation: host.evaluation, request: host.request, application: visit.application };
}

/** Pays with the chosen method and sends the application; a decline leaves the resident on the payment screen. */
export function pay(method: PaymentMethod): Promise<void> {
  return flow.dispatch({ type: 'pay', method });
}

/** Pays at a counter instead (office hours, where the host offers it): sent unpaid, the receipt says where and by when. */
export function payAtCounter(): Promise<void> {
  return flow.dispatch({ type: 'pay-at-counter' });
}

/** Stops a sale still waiting for the card (the host answers with a `cancelled` decline). */
export function stopPayment(): void {
  void flow.dispatch({ type: 'stop-payment' });
}

/** Cancels an unpaid application (the host refuses once money has moved), then ends the visit. */
export function cancelService(): Promise<void> {
  return flow.dispatch({ type: 'cancel' });
}

/**
 * The resident changed their mind after paying (receipt screen, confirmed): the host withdraws the
 * application at the back office and reverses the payment; the screen shows what it came to.
 */
export function cancelAfterPayment(): Promise<void> {
  return flow.dispatch({ type: 'withdraw' });
}

/** Prints the receipt (or, for a payment still unconfirmed after the wait, the "payment being confirmed" slip). */
export function printReceipt(): Promise<void> {
  return flow.dispatch({ type: 'print' });
}

export function finishService(): void {
  void flow.dispatch({ type: 'end', reason: 'finished' });
}
