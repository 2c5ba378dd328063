import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type SessionEvent, SessionManager } from '../../../electron/host/sessions/session-manager.js';

const holder = {
  cardNumber: '1234567(3)',
  nameZh: '陳大文',
  nameLatin: 'CHAN TAI MAN',
  sex: 'M' as const,
  dateOfBirth: '1980-01-01',
  permanent: true,
  firstIssue: '2000-01-01',
  currentIssue: '2020-01-01',
  expiry: '2030-01-01',
};

function setup() {
  const events: SessionEvent[] = [];
  const sessions = new SessionManager({ idle: { timeoutSeconds: 60, warningSeconds: 30 }, onEvent: (e) => events.push(e) });
  return { sessions, events, types: () => events.map((e) => e.type) };
}

describe('SessionManager', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts a session in the chosen language and says when the idle warning will come', () => {
    const { sessions, events } = setup();
    const info = sessions.start('pt');
    expect(info.language).toBe('pt');
    expect(Date.parse(info.idleWarningAt) - Date.parse(info.startedAt)).toBe(60_000);
    expect(events).toEqual([{ type: 'started', info }]);
  });

  it('warns after the quiet period, counts down each second, then ends and wipes the session', () => {
    const { sessions, events, types } = setup();
    sessions.start('en');
    const session = sessions.require();
    session.setHolder(holder);
    const face = session.keepBytes(new Uint8Array([1, 2, 3, 4]));
    vi.advanceTimersByTime(59_999);
    expect(types()).toEqual(['started']);
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toMatchObject({ type: 'idle-warning', secondsLeft: 30 });
    vi.advanceTimersByTime(29_000);
    expect(events.at(-1)).toMatchObject({ type: 'idle-warning', secondsLeft: 1 });
    vi.advanceTimersByTime(1000);
    expect(events.at(-1)).toMatchObject({ type: 'ended', reason: 'idle-timeout' });
    expect(sessions.current()).toBeUndefined();
    expect(session.holder).toBeUndefined();
    expect([...face]).toEqual([0, 0, 0, 0]);
    expect(session.signal.aborted).toBe(true);
  });

  it('a touch during the warning keeps the session, and the warning can come again', () => {
    const { sessions, types } = setup();
    sessions.start('en');
    vi.advanceTimersByTime(60_000 + 10_000);
    sessions.touch();
    vi.advanceTimersByTime(59_000);
    expect(sessions.current()).toBeDefined();
    vi.advanceTimersByTime(1000 + 30_000);
    expect(types().filter((t) => t === 'idle-warning').length).toBeGreaterThan(30);
    expect(types().at(-1)).toBe('ended');
  });

  it('stops the idle clock while a payment is in flight, then gives the resident a fresh quiet period to see the outcome', () => {
    const { sessions, types } = setup();
    sessions.start('zh-Hant');
    vi.advanceTimersByTime(60_000 + 10_000); // the warning is counting down when the resident pays
    const release = sessions.beginCritical();
    vi.advanceTimersByTime(60_000 + 30_000 + 120_000);
    expect(sessions.current()).toBeDefined();
    const warningsDuringPayment = types().filter((t) => t === 'idle-warning').length;
    expect(warningsDuringPayment).toBe(11); // the 11 before the payment started, none after
    release();
    expect(types().at(-1)).toBe('changed'); // the renderer learns the new warning time
    vi.advanceTimersByTime(59_000);
    expect(sessions.current()).toBeDefined(); // the receipt stays on screen
    vi.advanceTimersByTime(1000 + 30_000);
    expect(types().at(-1)).toBe('ended');
    expect(sessions.current()).toBeUndefined();
  });

  it('ending by the resident wipes at once and stops the idle timers', () => {
    const { sessions, events } = setup();
    sessions.start('en');
    sessions.end('finished');
    vi.advanceTimersByTime(10 * 60_000);
    expect(events.map((e) => e.type)).toEqual(['started', 'ended']);
    expect(() => sessions.require()).toThrowError(expect.objectContaining({ code: 'no-session' }));
  });

  it('starting a new session while one is open cancels the old one first', () => {
    const { sessions, events } = setup();
    const first = sessions.start('en');
    sessions.start('pt');
    expect(events[1]).toEqual({ type: 'ended', sessionId: first.sessionId, reason: 'cancelled', language: 'en' });
  });
});
