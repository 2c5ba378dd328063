/**
 * The journal's transition tables: for each entity, from-state → { audit kind → to-state }. The
 * audit kind names the edge (it is what the `transitions` trail records), so one from→to pair may
 * have more than one name (an application stays `queued` through `sending` and `send-failed`).
 * `Journal.transition` is the only code that changes a state: it refuses any edge not listed here
 * (`JournalError` `illegal-transition`), so the trail can only ever record a change that happened.
 * docs/journal.md "The state machine" draws the same tables.
 */
import { z } from 'zod';
import { ApplicationState, PaymentState } from '../../shared/kiosk-api/schemas/journal-states.js';

/** The state of a row that does not exist yet: creating it is the transition out of `new`. */
export const NEW = 'new';
export type New = typeof NEW;

/**
 * A session's phase. Stored as `sessions.state` (`open` | `final`) and `ended_reason` (null while
 * the resident is here): open = here; ended = the visit is over, its money or submissions may not be;
 * final = nothing more will happen.
 */
export const SessionPhase = z.enum(['open', 'ended', 'final']);
export type SessionPhase = z.infer<typeof SessionPhase>;

export const SessionEvent = z.enum(['started', 'ended', 'final']);
export type SessionEvent = z.infer<typeof SessionEvent>;

export const ApplicationEvent = z.enum(['draft', 'queued', 'sending', 'send-failed', 'accepted', 'rejected', 'abandoned', 'withdrawing', 'withdrawn', 'counter-chosen']);
export type ApplicationEvent = z.infer<typeof ApplicationEvent>;

/** A payment's audit kind is the state it enters. */
export const PaymentEvent = PaymentState;
export type PaymentEvent = PaymentState;

/** Every state (and `new`) is a key, enforced by the type; a missing edge is an illegal transition. */
export type TransitionTable<State extends string, Event extends string> = Readonly<Record<New | State, Readonly<Partial<Record<Event, State>>>>>;

export const SESSION_TRANSITIONS = {
  new: { started: 'open' },
  open: { ended: 'ended' },
  ended: { final: 'final' },
  final: {},
} as const satisfies TransitionTable<SessionPhase, SessionEvent>;

export const APPLICATION_TRANSITIONS = {
  new: { draft: 'draft' },
  // Paid (or free): into the outbox. Cancelled or left before paying: abandoned.
  draft: { queued: 'queued', abandoned: 'abandoned', 'counter-chosen': 'counter-queued' },
  // A send attempt and a transient failure leave it queued (attempts and last error change).
  queued: { sending: 'queued', 'send-failed': 'queued', accepted: 'accepted', rejected: 'rejected', withdrawing: 'withdrawing' },
  // Cancelled on the receipt screen after the back office took it.
  accepted: { withdrawing: 'withdrawing' },
  rejected: {},
  abandoned: {},
  withdrawing: { withdrawn: 'withdrawn' },
  withdrawn: {},
  // Unpaid, to pay at a counter: sent like a queued one; accepted, it awaits the counter's payment.
  'counter-queued': { sending: 'counter-queued', 'send-failed': 'counter-queued', accepted: 'awaiting-counter-payment', rejected: 'rejected', withdrawing: 'withdrawing' },
  'awaiting-counter-payment': { withdrawing: 'withdrawing' },
} as const satisfies TransitionTable<ApplicationState, ApplicationEvent>;

export const PAYMENT_TRANSITIONS = {
  new: { intent: 'intent' },
  // `not-sent`: found as an intent after a crash, so the request never left.
  intent: { sent: 'sent', 'not-sent': 'not-sent' },
  sent: { approved: 'approved', declined: 'declined', unknown: 'unknown' },
  // Settled by enquiry, never by charging again.
  unknown: { approved: 'approved', declined: 'declined' },
  // Done once its application is accepted; reversed when the application cannot be submitted.
  approved: { done: 'done', 'reversal-pending': 'reversal-pending' },
  // An accepted application withdrawn by the resident: its money goes back.
  done: { 'reversal-pending': 'reversal-pending' },
  'reversal-pending': { reversed: 'reversed' },
  declined: {},
  reversed: {},
  'not-sent': {},
} as const satisfies TransitionTable<PaymentState, PaymentEvent>;

export interface EntityKinds {
  session: { state: SessionPhase; event: SessionEvent };
  application: { state: ApplicationState; event: ApplicationEvent };
  payment: { state: PaymentState; event: PaymentEvent };
}
export type Entity = keyof EntityKinds;

export const TRANSITIONS: { [E in Entity]: TransitionTable<EntityKinds[E]['state'], EntityKinds[E]['event']> } = {
  session: SESSION_TRANSITIONS,
  application: APPLICATION_TRANSITIONS,
  payment: PAYMENT_TRANSITIONS,
};

/** Every state of each entity, for the code (and the test) that walks the tables. */
export const STATES: { [E in Entity]: readonly EntityKinds[E]['state'][] } = {
  session: SessionPhase.options,
  application: ApplicationState.options,
  payment: PaymentState.options,
};
export const EVENTS: { [E in Entity]: readonly EntityKinds[E]['event'][] } = {
  session: SessionEvent.options,
  application: ApplicationEvent.options,
  payment: PaymentEvent.options,
};

/** The state `event` leads to from `from`, or undefined when the table has no such edge. */
export function nextState<E extends Entity>(entity: E, from: New | EntityKinds[E]['state'], event: EntityKinds[E]['event']): EntityKinds[E]['state'] | undefined {
  const edges = TRANSITIONS[entity][from] as Partial<Record<EntityKinds[E]['event'], EntityKinds[E]['state']>> | undefined;
  return edges?.[event];
}
