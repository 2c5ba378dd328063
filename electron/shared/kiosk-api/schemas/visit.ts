import { z } from 'zod';
import { RequestSchema } from './service-facts.js';
import { EligibilitySchema, EvaluationSchema, StepSchema } from './service-results.js';
import { ServiceId } from './service-id.js';

/**
 * The visit as the host holds it (electron/host/visit), spread into the KioskApi contract. The
 * renderer shows `current` and never decides that a step is done: it asks with `visit.complete`.
 */

const IsoDateTime = z.iso.datetime({ offset: true });

/**
 * What is on the card reader, as far as the visit is concerned (never whose card it is by name):
 * `before-visit`: a card left there before this visit began (lift it and place it again);
 * `applicant`: the applicant's card, from the placement it was read at; `other`: any other card.
 */
export const CardOnReader = z.enum(['none', 'before-visit', 'applicant', 'other']);
export type CardOnReader = z.infer<typeof CardOnReader>;

export const VisitStepStatus = z.object({ step: StepSchema, status: z.enum(['done', 'current', 'pending']) });

/** Why the kiosk asks for the card to be taken: how the visit ended. */
export const TakeCardReason = z.enum(['finished', 'cancelled', 'idle-timeout', 'host-stopped']);

export const VisitState = z.discriminatedUnion('phase', [
  /** No resident: the attract screen. */
  z.object({ phase: z.literal('idle') }),
  /** A session without a service yet: the menu. */
  z.object({ phase: z.literal('choosing'), sessionId: z.string(), card: CardOnReader }),
  z.object({
    phase: z.literal('steps'),
    sessionId: z.string(),
    service: ServiceId,
    /** The plan, in order, each step with its status; exactly one is `current`. */
    steps: z.array(VisitStepStatus),
    current: StepSchema,
    /** The resident's choices the host holds (only those the steps offered and the host checked). */
    request: RequestSchema,
    evaluation: EvaluationSchema,
    applicationId: z.string().nullable(),
    /**
     * Whether `visit.back` is accepted now: the step before `current` may be done again (a choice,
     * the photo, the height, the card scan, the signature) and no application exists yet. The
     * renderer shows Back only when this is true; it never works it out itself.
     */
    canGoBack: z.boolean(),
    card: CardOnReader,
  }),
  /** The rules refused the service (counter only, not allowed): reasons and where to go instead. */
  z.object({ phase: z.literal('refused'), sessionId: z.string(), service: ServiceId, eligibility: EligibilitySchema, card: CardOnReader }),
  /** Every step done. */
  z.object({ phase: z.literal('done'), sessionId: z.string(), service: ServiceId, applicationId: z.string().nullable(), card: CardOnReader }),
  /**
   * The visit ended and a card is still on the reader: the resident is asked to take it. After
   * `staffAfterSeconds` staff are called (`staffCalled`). Ends when the card is lifted.
   */
  z.object({
    phase: z.literal('take-card'),
    reason: TakeCardReason,
    /** The language of the visit that ended: the prompt is in it. */
    language: z.enum(['zh-Hant', 'zh-Hans', 'pt', 'en']),
    since: IsoDateTime,
    staffAfterSeconds: z.number().int().positive(),
    staffCalled: z.boolean(),
  }),
]);
export type VisitState = z.infer<typeof VisitState>;

/** Step kinds as the renderer names them (`read-card` is the current step's reader, whoever's card it is). */
const StepKind = z.enum(StepSchema.options.map((option) => option.shape.kind.value) as [string, ...string[]]);

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

export const visitMethods = {
  /** The visit as the host holds it now. */
  'visit.state': method(z.strictObject({}), VisitState),
  /**
   * The resident chose a service: the rules' steps become the visit's plan. Steps the visit has
   * already done (the card read, the identity verified) carry over to a service chosen after a
   * referral; nothing else does. Refused once an application exists.
   */
  'visit.choose': method(z.strictObject({ service: ServiceId }), VisitState),
  /**
   * The resident finished the current step, with the step's choices. Refused with `step-not-done`
   * (detail: the current step) for any other step, or when the host holds no evidence of it yet;
   * `invalid-choice` (detail: the field) for a choice the step did not offer. Nothing changes then.
   */
  'visit.complete': method(z.strictObject({ step: StepKind, choices: z.strictObject(RequestSchema.shape).optional() }), VisitState),
  /**
   * Back to the step before the current one, when `canGoBack` says so: a choice (pickup, data items,
   * certificate format, ticket, contact details, review…), the photo, the height, the card scan or
   * the signature, whose earlier capture the host then discards so that the new one replaces it.
   * Never over the card read, the identity verification or the fingerprints, and never once an
   * application exists: `step-not-allowed` (detail: the step that cannot be done again), nothing changes.
   */
  'visit.back': method(z.strictObject({}), VisitState),
} as const;

export const visitEvents = {
  /** Every change of the visit: a step done, a new plan, the card lifted or placed, the take-card prompt. */
  'visit.changed': VisitState,
} as const;
