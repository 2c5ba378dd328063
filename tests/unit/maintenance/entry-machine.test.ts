import { describe, expect, it } from 'vitest';
import { type EntryEvent, type EntryLimits, type EntryState, INITIAL_ENTRY, transition } from '../../../electron/host/maintenance/entry-machine.js';

const LIMITS: EntryLimits = { pinTries: 3, lockoutMs: 15 * 60_000, idleMs: 5 * 60_000 };

/** Runs events at the given times; returns every state and audit action. */
function run(steps: Array<[number, EntryEvent]>, from: EntryState = INITIAL_ENTRY) {
  let state = from;
  const audits: string[] = [];
  const refused: string[] = [];
  for (const [at, event] of steps) {
    const result = transition(state, event, at, LIMITS);
    if ('refused' in result) {
      refused.push(`${event.type}@${result.refused}`);
      continue;
    }
    state = result.state;
    if (result.audit) audits.push(result.audit.action);
  }
  return { state, audits, refused };
}

describe('maintenance entry machine', () => {
  it('gesture, staff card, right PIN: open; exit: closed; every step audited', () => {
    const { state, audits } = run([
      [0, { type: 'begin' }],
      [1, { type: 'staff-card', staffId: 'T-1' }],
      [2, { type: 'pin-right' }],
      [3, { type: 'exit' }],
    ]);
    expect(state.phase).toBe('closed');
    expect(audits).toEqual(['entry-started', 'staff-card-accepted', 'entered', 'exited']);
  });

  it('a PIN is never taken without a staff card, nor a card without the gesture', () => {
    expect(run([[0, { type: 'pin-right' }]]).refused).toEqual(['pin-right@closed']);
    expect(run([[0, { type: 'staff-card', staffId: 'T-1' }]]).refused).toEqual(['staff-card@closed']);
    expect(run([[0, { type: 'begin' }], [1, { type: 'pin-right' }]]).refused).toEqual(['pin-right@card']);
  });

  it('a card that is not a staff card ends the entry, audited with why', () => {
    const { state, audits } = run([[0, { type: 'begin' }], [1, { type: 'card-refused', why: 'unknown-card' }]]);
    expect(state.phase).toBe('closed');
    expect(audits).toEqual(['entry-started', 'staff-card-refused']);
  });

  it('N wrong PINs lock entry, even across card placements; the lock ends by itself', () => {
    const wrongWithNewCard = (at: number): Array<[number, EntryEvent]> => [
      [at, { type: 'begin' }],
      [at + 1, { type: 'staff-card', staffId: 'T-1' }],
      [at + 2, { type: 'pin-wrong' }],
      [at + 3, { type: 'exit' }],
    ];
    // Two wrong tries, each after placing the card afresh, then a third: locked.
    const { state, audits } = run([...wrongWithNewCard(0), ...wrongWithNewCard(10), [20, { type: 'begin' }], [21, { type: 'staff-card', staffId: 'T-1' }], [22, { type: 'pin-wrong' }]]);
    expect(state).toMatchObject({ phase: 'locked', until: 22 + LIMITS.lockoutMs });
    expect(audits.filter((a) => a === 'pin-wrong')).toHaveLength(2);
    expect(audits.at(-1)).toBe('locked-out');
    // Locked: no gesture is taken until the lock ends; then it is.
    expect(run([[23, { type: 'begin' }]], state).refused).toEqual(['begin@locked']);
    const later = run([[22 + LIMITS.lockoutMs, { type: 'tick' }], [22 + LIMITS.lockoutMs + 1, { type: 'begin' }]], state);
    expect(later.audits).toEqual(['lockout-ended', 'entry-started']);
    expect(later.state.failures).toBe(0);
  });

  it('a right PIN clears the count of wrong ones', () => {
    const { state } = run([[0, { type: 'begin' }], [1, { type: 'staff-card', staffId: 'T-1' }], [2, { type: 'pin-wrong' }], [3, { type: 'pin-wrong' }], [4, { type: 'pin-right' }]]);
    expect(state).toMatchObject({ phase: 'open', failures: 0 });
  });

  it('left idle, an open mode ends by itself (audited); a touch postpones it', () => {
    const open = run([[0, { type: 'begin' }], [1, { type: 'staff-card', staffId: 'T-1' }], [2, { type: 'pin-right' }]]).state;
    const touched = run([[LIMITS.idleMs - 1, { type: 'activity' }], [LIMITS.idleMs + 10, { type: 'tick' }]], open);
    expect(touched.state.phase).toBe('open');
    const idle = run([[2 + LIMITS.idleMs, { type: 'tick' }]], open);
    expect(idle.state.phase).toBe('closed');
    expect(idle.audits).toEqual(['idle-exit']);
  });

  it('an entry left at the card or PIN prompt is abandoned after the idle time', () => {
    const atPin = run([[0, { type: 'begin' }], [1, { type: 'staff-card', staffId: 'T-1' }]]).state;
    expect(run([[1 + LIMITS.idleMs, { type: 'tick' }]], atPin)).toMatchObject({ state: { phase: 'closed' }, audits: ['entry-abandoned'] });
  });
});
