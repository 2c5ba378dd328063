/**
 * How a technician gets into maintenance mode, as a transition table (a pure function: the host
 * feeds it events and the clock; tests drive it directly). Three factors, in order: the hidden
 * gesture (`begin`), a genuine staff card on the reader, the technician's PIN. Wrong PINs are
 * counted across card placements, so lifting and placing the card again gives no new tries; the
 * last allowed wrong PIN locks entry for `lockoutMs`. An open mode ends by itself after `idleMs`.
 */

export interface EntryLimits {
  /** Wrong PINs before entry is locked. */
  pinTries: number;
  lockoutMs: number;
  /** Maintenance mode (and a started entry) ends after this long without a technician's touch. */
  idleMs: number;
}

export type EntryPhase = 'closed' | 'card' | 'pin' | 'open' | 'locked';

export type EntryState =
  | { phase: 'closed'; failures: number }
  /** The gesture was made: waiting for a staff card on the reader. */
  | { phase: 'card'; failures: number; since: number }
  | { phase: 'pin'; failures: number; staffId: string; since: number }
  | { phase: 'open'; failures: 0; staffId: string; since: number; lastActivity: number }
  | { phase: 'locked'; failures: number; until: number };

export type EntryEvent =
  | { type: 'begin' }
  | { type: 'staff-card'; staffId: string }
  /** Not a staff card, not genuine, or gone before it was read. */
  | { type: 'card-refused'; why: 'unknown-card' | 'not-genuine' | 'unreadable' }
  | { type: 'pin-right' }
  | { type: 'pin-wrong' }
  | { type: 'activity' }
  | { type: 'exit' }
  /** The clock moved on: idle and lockout deadlines are checked. */
  | { type: 'tick' };

/** What the audit trail records for a transition: who (a staff id, never a resident) and what. */
export interface EntryAudit {
  action:
    | 'entry-started'
    | 'staff-card-accepted'
    | 'staff-card-refused'
    | 'pin-wrong'
    | 'locked-out'
    | 'lockout-ended'
    | 'entered'
    | 'exited'
    | 'idle-exit'
    | 'entry-abandoned';
  staffId?: string;
  detail?: string;
}

export type Transition = { state: EntryState; audit?: EntryAudit } | { refused: EntryPhase };

export const INITIAL_ENTRY: EntryState = { phase: 'closed', failures: 0 };

export function transition(state: EntryState, event: EntryEvent, now: number, limits: EntryLimits): Transition {
  // Deadlines first, whatever the event: a lock that has run out, a mode or entry left idle.
  if (state.phase === 'locked' && now >= state.until) {
    const opened: EntryState = { phase: 'closed', failures: 0 };
    if (event.type === 'tick') return { state: opened, audit: { action: 'lockout-ended' } };
    return transition(opened, event, now, limits);
  }
  if (state.phase === 'open' && now - state.lastActivity >= limits.idleMs) {
    return { state: { phase: 'closed', failures: 0 }, audit: { action: 'idle-exit', staffId: state.staffId } };
  }
  if ((state.phase === 'card' || state.phase === 'pin') && now - state.since >= limits.idleMs) {
    const staffId = state.phase === 'pin' ? state.staffId : undefined;
    return { state: { phase: 'closed', failures: state.failures }, audit: { action: 'entry-abandoned', ...(staffId ? { staffId } : {}) } };
  }
  switch (state.phase) {
    case 'closed':
      if (event.type === 'begin') return { state: { phase: 'card', failures: state.failures, since: now }, audit: { action: 'entry-started' } };
      if (event.type === 'tick') return { state };
      break;
    case 'card':
      if (event.type === 'staff-card') {
        return { state: { phase: 'pin', failures: state.failures, staffId: event.staffId, since: now }, audit: { action: 'staff-card-accepted', staffId: event.staffId } };
      }
      if (event.type === 'card-refused') return { state: { phase: 'closed', failures: state.failures }, audit: { action: 'staff-card-refused', detail: event.why } };
      if (event.type === 'exit') return { state: { phase: 'closed', failures: state.failures }, audit: { action: 'entry-abandoned' } };
      if (event.type === 'tick' || event.type === 'activity') return { state };
      break;
    case 'pin':
      if (event.type === 'pin-right') {
        return { state: { phase: 'open', failures: 0, staffId: state.staffId, since: now, lastActivity: now }, audit: { action: 'entered', staffId: state.staffId } };
      }
      if (event.type === 'pin-wrong') {
        const failures = state.failures + 1;
        if (failures >= limits.pinTries) {
          return { state: { phase: 'locked', failures, until: now + limits.lockoutMs }, audit: { action: 'locked-out', staffId: state.staffId, detail: `${failures} wrong PINs` } };
        }
        return { state: { ...state, failures }, audit: { action: 'pin-wrong', staffId: state.staffId, detail: `${limits.pinTries - failures} tries left` } };
      }
      if (event.type === 'exit') return { state: { phase: 'closed', failures: state.failures }, audit: { action: 'entry-abandoned', staffId: state.staffId } };
      if (event.type === 'tick' || event.type === 'activity') return { state };
      break;
    case 'open':
      if (event.type === 'activity') return { state: { ...state, lastActivity: now } };
      if (event.type === 'exit') return { state: { phase: 'closed', failures: 0 }, audit: { action: 'exited', staffId: state.staffId } };
      if (event.type === 'tick') return { state };
      break;
    case 'locked':
      if (event.type === 'tick') return { state };
      break;
  }
  return { refused: state.phase };
}

/** Wrong PINs left before the lock, in the `pin` phase. */
export function triesLeft(state: EntryState, limits: EntryLimits): number {
  return Math.max(0, limits.pinTries - state.failures);
}
