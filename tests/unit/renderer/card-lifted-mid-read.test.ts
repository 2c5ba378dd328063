import { describe, expect, it } from 'vitest';
import type { ApiErrorCode, ApiResult } from '../../../electron/shared/kiosk-api/errors.js';
import { type FlowSnapshot, stateKey, transition } from '../../../renderer/flows/visit-machine.js';
import type { VisitContext } from '../../../renderer/state/kiosk-store.js';

/** The place-card transitions for a card lifted mid-read: read again without a tap; other failures still offer retry. */

const visit: VisitContext = { service: 'renew-permanent', holder: undefined, host: undefined };
const at = (screen: FlowSnapshot['screen']): FlowSnapshot => ({ screen, visit, availability: undefined });
const failed = (code: ApiErrorCode): ApiResult<never> => ({ ok: false, error: { code, message: code } }) as ApiResult<never>;

describe('a card lifted mid-read', () => {
  it('card-read card-removed → keep-still, and the read starts again at once (no tap)', () => {
    const reading = at({ name: 'place-card', phase: 'reading' });
    expect(transition(reading, { type: 'card-read', answer: failed('card-removed') })).toEqual({
      screen: { name: 'place-card', phase: 'keep-still' },
      effects: [{ kind: 'identity.readCard' }],
    });
  });

  it('card-present while keep-still → reading (the card is back)', () => {
    expect(transition(at({ name: 'place-card', phase: 'keep-still' }), { type: 'card-present' }).screen).toEqual({ name: 'place-card', phase: 'reading' });
  });

  it('a second lift during the new read asks again; other failures (the deadline, a bad card) still offer retry', () => {
    const reading = at({ name: 'place-card', phase: 'reading' });
    expect(transition(at({ name: 'place-card', phase: 'keep-still' }), { type: 'card-read', answer: failed('card-removed') }).screen).toEqual({ name: 'place-card', phase: 'keep-still' });
    for (const code of ['timeout', 'card-unreadable'] as const) {
      expect(transition(reading, { type: 'card-read', answer: failed(code) })).toEqual({ screen: { name: 'place-card', phase: 'failed', error: code }, effects: [] });
    }
  });

  it('keep-still is the same screen as reading: no remount while the read goes on', () => {
    expect(stateKey({ name: 'place-card', phase: 'keep-still' })).toBe(stateKey({ name: 'place-card', phase: 'reading' }));
  });
});
