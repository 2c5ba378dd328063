import type { MethodName, ParamsOut } from '../../shared/kiosk-api/contract.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { RequestOptions, Step } from '../service-rules/index.js';
import type { StepKey } from './plan.js';

/**
 * Where each KioskApi method may run in a visit:
 * - `free`: anywhere (kiosk facts, the session itself, queries of the rules, calling staff);
 * - `visit`: only once a service is chosen, at any step (an application's status, cancelling it);
 * - a step gate: only while one of `steps` is the visit's current step, then `check` compares the
 *   params with what that step offered (a forged choice is `invalid-choice`).
 * One entry per method: a new method fails to compile until it says where it belongs.
 */
export type MethodGate<M extends MethodName> =
  | 'free'
  | 'visit'
  | { steps: readonly StepKey[] | ((params: ParamsOut<M>) => readonly StepKey[]); check?: (params: ParamsOut<M>, step: Step, request: RequestOptions) => void };

function offered(ok: boolean, field: string, message: string): void {
  if (!ok) throw new KioskApiError('invalid-choice', message, field);
}

const VERIFYING: readonly StepKey[] = ['verify-identity:applicant', 'guardian-verification'];
const CAPTURING: readonly StepKey[] = ['capture-fingerprints'];

export const METHOD_GATES: { [M in MethodName]: MethodGate<M> } = {
  'kiosk.info': 'free',
  'kiosk.health': 'free',
  'kiosk.availability': 'free',
  // Maintenance mode checks its own entry (a staff card, a PIN, no visit under way): electron/host/maintenance.
  'maintenance.state': 'free',
  'maintenance.begin': 'free',
  'maintenance.enterPin': 'free',
  'maintenance.touch': 'free',
  'maintenance.exit': 'free',
  'maintenance.devices': 'free',
  'maintenance.selfTest': 'free',
  'maintenance.counters': 'free',
  'maintenance.printTestSlip': 'free',
  'maintenance.testCard': 'free',
  'maintenance.testFinger': 'free',
  'maintenance.measureGauge': 'free',
  'maintenance.calibrateGauge': 'free',
  'maintenance.terminalDay': 'free',
  'maintenance.pending': 'free',
  'maintenance.resolve': 'free',
  'maintenance.log': 'free',
  'maintenance.restartDevice': 'free',
  'maintenance.exportBundle': 'free',
  'maintenance.staffCalls': 'free',
  'maintenance.acknowledgeStaffCall': 'free',
  'maintenance.testScan': 'free',
  'session.start': 'free',
  'session.setLanguage': 'free',
  'session.touch': 'free',
  'session.end': 'free',
  'visit.state': 'free',
  'visit.choose': 'free',
  'visit.complete': 'free', // the machine itself checks the step and its evidence
  'visit.back': 'free',
  'services.list': 'free',
  'services.evaluate': 'free',
  'services.quote': 'free',
  'services.pickupOptions': 'free',
  'services.overview': 'free',
  'camera.report': 'free',
  'staff.call': 'free',
  'identity.readCard': { steps: ['read-card:applicant'] },
  'biometrics.startVerification': { steps: ({ who }) => (who === 'guardian' ? ['guardian-verification'] : ['verify-identity:applicant']) },
  'biometrics.verifyFinger': { steps: VERIFYING },
  'biometrics.verifyPin': { steps: VERIFYING },
  'biometrics.startTenPrint': {
    steps: CAPTURING,
    check: ({ fingers }, step) => {
      const asked = step.kind === 'capture-fingerprints' ? step.fingers : [];
      offered(fingers.length === asked.length && asked.every((finger) => fingers.includes(finger)), 'fingers', `the step asks for ${asked.join(', ')}`);
    },
  },
  'biometrics.captureFinger': { steps: CAPTURING },
  'biometrics.markFinger': { steps: CAPTURING },
  'biometrics.tenPrintStatus': { steps: CAPTURING },
  'photo.submitLive': { steps: ['photo'], check: (_p, step) => offered(step.kind === 'photo' && step.sources.includes('live'), 'source', 'a live photo is not offered') },
  'photo.fromShareCode': {
    steps: ['photo'],
    check: (_p, step) => offered(step.kind === 'photo' && step.sources.includes('one-account-id-photo'), 'source', 'the 一戶通 ID photo is not offered for this service'),
  },
  'photo.scanOwn': { steps: ['photo'], check: (_p, step) => offered(step.kind === 'photo' && step.sources.includes('scanned-photo'), 'source', 'a scanned own photo is not offered for this service') },
  'photo.acceptScan': { steps: ['photo'], check: (_p, step) => offered(step.kind === 'photo' && step.sources.includes('scanned-photo'), 'source', 'a scanned own photo is not offered for this service') },
  'photo.discardScan': { steps: ['photo'] },
  'cardScan.scan': {
    steps: ['scan-card'],
    check: ({ side }, step) => offered(step.kind === 'scan-card' && step.sides.includes(side), 'side', `the ${side} of the card is not asked`),
  },
  'signature.submit': { steps: ['signature'] },
  'photo.forReview': { steps: ['review'] },
  'height.measure': { steps: ['height'] },
  'relatives.readCard': {
    steps: ['relatives-cards'],
    check: ({ relation }, step) => offered(step.kind === 'relatives-cards' && step.relations.includes(relation), 'relation', `${relation} is not offered`),
  },
  'relatives.remove': { steps: ['relatives-cards'] },
  'relatives.list': { steps: ['relatives-cards', 'review'] }, // the summary before paying lists them
  'guardian.readCard': { steps: ['guardian-verification'] },
  'contacts.readSubjectCard': { steps: ['enter-contact-details'] },
  'marriage.readSpouseCard': { steps: ['confirm-marriage-data'] },
  'chipData.verifyPin': { steps: ['enter-pin'] },
  'chipData.print': { steps: ['print-result'], check: (_p, step) => offered(step.kind === 'print-result' && step.document === 'chip-data', 'document', 'no chip data here') },
  'authenticity.check': { steps: ['read-card:card-to-check'] },
  'authenticity.print': { steps: ['print-result'], check: (_p, step) => offered(step.kind === 'print-result' && step.document === 'authenticity-check', 'document', 'no check result here') },
  'queue.takeTicket': {
    steps: ['print-ticket'],
    check: ({ office, kind }, _step, request) => offered(request.ticket?.office === office && request.ticket.kind === kind, 'ticket', 'not the ticket chosen'),
  },
  'queue.printTicket': { steps: ['print-ticket'] },
  'pickup.lookupReceipt': { steps: ['scan-pickup-receipt'] },
  // The application is made at the payment step (or, for a free service, the receipt step), once
  // every step before it is done: the handler asks the machine (`assertReadyForApplication`).
  'applications.start': { steps: ['payment', 'receipt'] },
  'applications.submit': { steps: ['payment', 'receipt'] },
  // At the payment step only for a payment still unconfirmed after the visit's wait (the handler checks).
  'receipts.print': { steps: ['receipt', 'payment'] },
  // Only where the payment step offers it; office hours are checked by the handler on the kiosk's clock (counter-payment.ts).
  'payment.atCounter': {
    steps: ['payment'],
    check: (_p, step) => {
      if (!(step.kind === 'payment' && step.counterAllowed)) throw new KioskApiError('counter-payment-unavailable', 'paying at a counter is not offered here', 'not-offered');
    },
  },
  'applications.status': 'visit',
  'applications.cancel': 'visit',
};

export interface GateKeeper {
  /** Throws unless a service is chosen (`step-not-allowed`). */
  assertVisit(): void;
  /** The current step when it is one of `keys`, else the machine's refusal; with the visit's request. */
  assertAt(keys: readonly StepKey[]): { step: Step; request: RequestOptions };
}

/**
 * Every handler behind its gate: the raw KioskApi cannot skip or reorder a visit's steps, whatever a
 * renderer (or anyone holding the token) sends. The gate runs before the handler, so a refused call
 * changes nothing.
 */
export function gateHandlers(handlers: KioskHandlers, keeper: GateKeeper): KioskHandlers {
  const gated = { ...handlers } as Record<MethodName, (params: never, context: never) => Promise<unknown>>;
  for (const method of Object.keys(METHOD_GATES) as MethodName[]) {
    const gate = METHOD_GATES[method] as MethodGate<MethodName>;
    if (gate === 'free') continue;
    const handler = handlers[method] as (params: unknown, context: unknown) => Promise<unknown>;
    gated[method] = async (params: never, context: never) => {
      if (gate === 'visit') {
        keeper.assertVisit();
      } else {
        const keys = typeof gate.steps === 'function' ? gate.steps(params) : gate.steps;
        const { step, request } = keeper.assertAt(keys);
        gate.check?.(params, step, request);
      }
      return handler(params, context);
    };
  }
  return gated as unknown as KioskHandlers;
}
