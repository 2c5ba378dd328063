import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { ServiceId, ServiceRules, StepKind, RequestOptions } from '../service-rules/index.js';
import { factsFromSession } from '../sessions/facts-from-session.js';
import type { Session } from '../sessions/session.js';
import type { SessionManager } from '../sessions/session-manager.js';
import type { CardOnReader, VisitState } from '../../shared/kiosk-api/schemas/visit.js';
import type { CardCustody } from './card-custody.js';
import type { CaptureRetakes, VisitEvidence } from './evidence.js';
import type { GateKeeper } from './method-gates.js';
import { keyOf, type StepKey } from './plan.js';
import { VisitMachine } from './visit-machine.js';

export interface VisitsOptions {
  rules: ServiceRules;
  sessions: SessionManager;
  custody: CardCustody;
  clock: () => Date;
  /** The host's own records of a session, as the machine reads them; `application` is the visit's application id. */
  evidenceOf(session: Session, application: () => string | null): VisitEvidence & CaptureRetakes;
  emit(state: VisitState): void;
}

/**
 * The current session's visit machine (visit-machine.ts), kept beside the session and wiped with
 * it, and the KioskApi's view of it (`visit.*`, `visit.changed`). Also the gate keeper every step
 * method passes (method-gates.ts).
 */
export class Visits implements GateKeeper {
  private readonly bySession = new WeakMap<Session, VisitMachine>();

  constructor(private readonly options: VisitsOptions) {}

  /** The machine of the current session's visit, or `step-not-allowed` before a service is chosen. */
  require(): { session: Session; machine: VisitMachine } {
    const session = this.options.sessions.require();
    const machine = this.bySession.get(session);
    if (!machine) throw new KioskApiError('step-not-allowed', 'no service has been chosen in this visit');
    return { session, machine };
  }

  assertVisit(): void {
    this.require();
  }

  assertAt(keys: readonly StepKey[]) {
    const { machine } = this.require();
    return { step: machine.assertAt(keys), request: machine.currentRequest() };
  }

  choose(service: ServiceId): VisitState {
    const session = this.options.sessions.require();
    const previous = this.bySession.get(session);
    if (previous?.applicationId() != null) throw new KioskApiError('step-not-allowed', 'an application is already made in this visit');
    const evaluate = (request: RequestOptions) => this.evaluate(session, service, request);
    const machine = new VisitMachine(service, evaluate, this.evidence(session), previous?.completedKeys() ?? []);
    this.bySession.set(session, machine);
    return this.publish();
  }

  complete(kind: StepKind, choices: RequestOptions | undefined): VisitState {
    const { session, machine } = this.require();
    // The renderer names kinds; the machine keys steps by kind and whose card or identity it is.
    machine.complete(machine.keyForKind(kind), choices ?? {}, (request) => this.evaluate(session, machine.service, request));
    return this.publish();
  }

  /** Back one step (visit-machine's `back`); a capture gone back to is discarded, so only a new one completes it. */
  back(): VisitState {
    const { session, machine } = this.require();
    const step = machine.back((request) => this.evaluate(session, machine.service, request));
    this.evidence(session).discard(step);
    return this.publish();
  }

  /** An application now exists for the visit: its captured data is frozen. */
  applicationStarted(applicationId: string): void {
    this.require().machine.applicationStarted(applicationId);
    this.publish();
  }

  /** The request as the visit holds it (the resident's checked choices). */
  request(session: Session): RequestOptions {
    return this.bySession.get(session)?.currentRequest() ?? {};
  }

  state(): VisitState {
    const session = this.options.sessions.current();
    if (!session) {
      const prompt = this.options.custody.takeCardPrompt();
      if (!prompt) return { phase: 'idle' };
      return {
        phase: 'take-card',
        reason: prompt.reason,
        language: prompt.language,
        since: prompt.since.toISOString(),
        staffAfterSeconds: this.options.custody.staffAfterSeconds,
        staffCalled: prompt.staffCalled,
      };
    }
    const card = this.cardOnReader(session);
    const machine = this.bySession.get(session);
    if (!machine) return { phase: 'choosing', sessionId: session.id, card };
    const snapshot = machine.snapshot();
    const base = { sessionId: session.id, service: snapshot.service, card };
    switch (snapshot.phase) {
      case 'refused':
        return { phase: 'refused', ...base, eligibility: snapshot.evaluation.eligibility };
      case 'done':
        return { phase: 'done', ...base, applicationId: snapshot.applicationId };
      case 'steps': {
        const current = snapshot.current!;
        const steps = snapshot.plan.map((step) => ({
          step,
          status: step === current ? ('current' as const) : snapshot.completed.includes(keyOf(step)) ? ('done' as const) : ('pending' as const),
        }));
        return { phase: 'steps', ...base, steps, current, request: snapshot.request, evaluation: snapshot.evaluation, applicationId: snapshot.applicationId, canGoBack: snapshot.canGoBack };
      }
    }
  }

  /** Tells the renderer the visit's state (after a change the host saw itself: a card placed or lifted). */
  publish(): VisitState {
    const state = this.state();
    this.options.emit(state);
    return state;
  }

  private cardOnReader(session: Session): CardOnReader {
    const placement = this.options.custody.placement();
    if (placement === null) return 'none';
    if (placement === session.cardAtStart) return 'before-visit';
    return placement === session.holderPlacement ? 'applicant' : 'other';
  }

  private evaluate(session: Session, service: ServiceId, request: RequestOptions) {
    return this.options.rules.evaluate(service, factsFromSession(session, request), this.options.clock());
  }

  private evidence(session: Session): VisitEvidence & CaptureRetakes {
    return this.options.evidenceOf(session, () => this.bySession.get(session)?.applicationId() ?? null);
  }
}
