import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { Evaluation, RequestOptions, ServiceId, Step } from '../service-rules/index.js';
import { checkChoices } from './choices.js';
import { hasEvidence, type VisitEvidence } from './evidence.js';
import { keyOf, type StepKey, visitPlan } from './plan.js';

/** Reasons that only say the resident is not identified yet: expected before their card is read. */
const NOT_IDENTIFIED_YET: ReadonlySet<string> = new Set(['card-not-read', 'person-not-identified']);

/**
 * Steps the resident may go back to and do again (`back`): a choice, or a capture the host simply
 * replaces (the photo retaken, the height measured again, the card scanned again, the signature
 * signed again: visits.ts discards the earlier one). Never:
 * - the card read and the identity verification: they say who the visit is for; undoing them would
 *   let another person's card or finger take over a visit whose later steps were done for the first;
 * - the fingerprints once captured: the ten prints (or their missing/injured marks) are the
 *   applicant's biometric record, taken right after their identity was verified; capturing them
 *   again later, once the resident has moved on, is exactly when another hand could be put on the
 *   scanner, and the counter, not the kiosk, corrects a bad capture;
 * - anything once an application exists (visit-machine's `madeApplication`): its data is sent.
 */
const REVISITABLE: ReadonlySet<Step['kind']> = new Set([
  'photo',
  'height',
  'scan-card',
  'signature',
  'review',
  'choose-data-items',
  'choose-certificate-format',
  'enter-related-id',
  'enter-contact-details',
  'confirm-marriage-data',
  'choose-ticket',
  'choose-pickup',
  'relatives-cards',
]);

/**
 * The visit's phase, derived from its state:
 * - `steps`: the resident is on `current`, the first step of the plan not yet completed;
 * - `refused`: the rules say no (counter only, not allowed), with their reasons;
 * - `done`: every step completed.
 */
export type VisitPhase = 'steps' | 'refused' | 'done';

/** What moves a visit: the table below says in which phase each is accepted. */
export type VisitEvent = 'complete' | 'back' | 'application-started';

/** The transition table: each phase and the events it accepts. Anything else is refused. */
export const VISIT_TRANSITIONS: { readonly [P in VisitPhase]: readonly VisitEvent[] } = {
  steps: ['complete', 'back', 'application-started'],
  refused: [],
  done: [],
};

/** The rules' answer for the visit's request as it stands (what the host knows changes with each step). */
export type Evaluate = (request: RequestOptions) => Evaluation;

export interface VisitSnapshot {
  service: ServiceId;
  phase: VisitPhase;
  plan: Step[];
  completed: StepKey[];
  current: Step | null;
  request: RequestOptions;
  evaluation: Evaluation;
  applicationId: string | null;
  canGoBack: boolean;
}

/**
 * One resident's visit to one service, as an explicit machine (docs/architecture.md, "The visit").
 *
 * The plan is the rules' steps (`services.evaluate`), re-evaluated whenever what the host knows
 * changes. The resident is on the first step not completed; a step is completed only by
 * `complete(key)`, and only when the host holds its evidence (evidence.ts) — the renderer never
 * decides that a step is done. A KioskApi method that performs a step (reading a card, measuring the
 * height…) is accepted only while that step is current (`assertAt`). Once an application exists the
 * captured data is frozen: no going back.
 */
export class VisitMachine {
  private plan: Step[];
  private readonly completed = new Set<StepKey>();
  private request: RequestOptions = {};
  private madeApplication: string | null = null;

  private evaluation: Evaluation;

  constructor(
    readonly service: ServiceId,
    evaluate: Evaluate,
    private readonly evidence: VisitEvidence,
    /** Steps already done before this service was chosen (the card read, the identity verified for an earlier service in the visit). */
    carried: readonly StepKey[] = [],
  ) {
    this.evaluation = evaluate({});
    this.plan = visitPlan(this.evaluation.steps);
    // Only a leading run of identification steps carries over (a referral to another service).
    for (const step of this.plan) {
      const key = keyOf(step);
      if (!carried.includes(key) || !hasEvidence(step, evidence, this.request)) break;
      this.completed.add(key);
    }
  }

  phase(): VisitPhase {
    if (this.isRefused()) return 'refused';
    return this.current() === null ? 'done' : 'steps';
  }

  /** The first step of the plan not completed (with its evidence still held). */
  current(): Step | null {
    return this.plan.find((step) => !this.isDone(step)) ?? null;
  }

  currentRequest(): RequestOptions {
    return this.request;
  }

  snapshot(): VisitSnapshot {
    return {
      service: this.service,
      phase: this.phase(),
      plan: [...this.plan],
      completed: this.plan.map(keyOf).filter((key) => this.completed.has(key)),
      current: this.current(),
      request: this.request,
      evaluation: this.evaluation,
      applicationId: this.madeApplication,
      canGoBack: this.canGoBack(),
    };
  }

  applicationId(): string | null {
    return this.madeApplication;
  }

  /** The key of a step named by its kind: the current step's if it is of that kind, else the plan's first of it. */
  keyForKind(kind: Step['kind']): StepKey {
    const current = this.current();
    const step = current?.kind === kind ? current : this.plan.find((s) => s.kind === kind);
    return step ? keyOf(step) : (kind as StepKey);
  }

  /** Keys completed so far (carried to another service chosen in the same visit). */
  completedKeys(): StepKey[] {
    return [...this.completed];
  }

  /**
   * Refuses a KioskApi method whose step is not the current one: `step-not-done` naming the step
   * to do first when it comes later in the plan, `step-not-allowed` when it is not in the plan or
   * already passed (use `back`).
   */
  assertAt(keys: readonly StepKey[]): Step {
    const current = this.current();
    if (this.phase() === 'refused') throw new KioskApiError('step-not-allowed', `${this.service} was refused by the rules`);
    if (current && keys.includes(keyOf(current))) return current;
    const index = this.plan.findIndex((step) => keys.includes(keyOf(step)));
    if (index === -1) throw new KioskApiError('step-not-allowed', `${keys.join('/')} is not a step of ${this.service}`);
    if (current && index > this.plan.indexOf(current)) {
      throw new KioskApiError('step-not-done', `${keyOf(current)} must be done before ${keys.join('/')}`, current.kind);
    }
    throw new KioskApiError('step-not-allowed', `${keys.join('/')} is already done`);
  }

  /** Every step before the payment (or, for a free service, the receipt) is done: the application may be made. */
  assertReadyForApplication(): void {
    const at = this.assertAt(['payment', 'receipt']);
    for (const step of this.plan.slice(0, this.plan.indexOf(at))) {
      if (!this.isDone(step)) throw new KioskApiError('step-not-done', `${keyOf(step)} is not done`, step.kind);
    }
  }

  /**
   * The resident finished the current step. Refused (changing nothing) unless `key` is the current
   * step, the host holds its evidence, and the choices are the step's own and ones it offered. Then
   * the rules are asked again with what the host now knows: the plan, the fee and the verdict follow.
   */
  complete(key: StepKey, choices: RequestOptions, evaluate: Evaluate): void {
    this.accept('complete');
    const step = this.assertAt([key]);
    checkChoices(step, choices);
    const request = { ...this.request, ...stripUndefined(choices) };
    if (!hasEvidence(step, this.evidence, request)) {
      throw new KioskApiError('step-not-done', `${key}: the host holds no evidence of it yet`, step.kind);
    }
    const evaluation = evaluate(request);
    this.request = request;
    this.completed.add(key);
    this.follow(evaluation);
  }

  /**
   * Back to the step before the current one, before any application exists; returns that step (now
   * current again) so that the host discards its capture. Refused (`step-not-allowed`, changing
   * nothing) when `canGoBack` is false.
   */
  back(evaluate: Evaluate): Step {
    this.accept('back');
    if (this.madeApplication !== null) throw new KioskApiError('step-not-allowed', 'the application is made: its data cannot change');
    const previous = this.previousStep();
    if (!previous || !REVISITABLE.has(previous.kind)) {
      throw new KioskApiError('step-not-allowed', previous ? `${keyOf(previous)} cannot be done again` : 'there is no step to go back to', previous?.kind);
    }
    this.completed.delete(keyOf(previous));
    this.follow(evaluate(this.request));
    return previous;
  }

  /** Whether `back` would be accepted now: the renderer shows a Back button only then. */
  canGoBack(): boolean {
    if (this.phase() !== 'steps' || this.madeApplication !== null) return false;
    const previous = this.previousStep();
    return previous !== undefined && REVISITABLE.has(previous.kind);
  }

  /** The step of the plan just before the current one. */
  private previousStep(): Step | undefined {
    const current = this.current();
    const index = current ? this.plan.indexOf(current) : this.plan.length;
    return this.plan[index - 1];
  }

  private follow(evaluation: Evaluation): void {
    this.evaluation = evaluation;
    this.plan = visitPlan(evaluation.steps);
  }

  applicationStarted(applicationId: string): void {
    this.accept('application-started');
    this.madeApplication = applicationId;
  }

  private accept(event: VisitEvent): void {
    const phase = this.phase();
    if (!VISIT_TRANSITIONS[phase].includes(event)) throw new KioskApiError('step-not-allowed', `${event} is not possible while the visit is ${phase}`);
  }

  private isDone(step: Step): boolean {
    return this.completed.has(keyOf(step)) && hasEvidence(step, this.evidence, this.request);
  }

  private isRefused(): boolean {
    const { verdict, reasons } = this.evaluation.eligibility;
    if (verdict === 'allowed') return false;
    // Before the resident's card is read, "not identified yet" is the expected answer, not a refusal.
    const identifying = this.plan.some((step) => keyOf(step) === 'read-card:applicant') && !this.completed.has('read-card:applicant');
    return !(identifying && reasons.every((reason) => NOT_IDENTIFIED_YET.has(reason)));
  }
}

function stripUndefined(choices: RequestOptions): RequestOptions {
  return Object.fromEntries(Object.entries(choices).filter(([, value]) => value !== undefined)) as RequestOptions;
}
