import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FingerPrompt } from '../../../devices/fingerprint-scanner/contract.js';
import { BiometricsService } from '../../../electron/host/biometrics/biometrics-service.js';
import { FingerVerification } from '../../../electron/host/biometrics/verification.js';
import { Session } from '../../../electron/host/sessions/session.js';
import { SimulatedCardReader } from '../../../simulators/card-reader/simulated-card-reader.js';
import { SimulatedFingerprintScanner } from '../../../simulators/fingerprint-scanner/simulated-fingerprint-scanner.js';

describe('FingerVerification (the 3-tries rule)', () => {
  it('allows three tries per finger, then offers another enrolled finger and the PIN', () => {
    const v = new FingerVerification(['right-thumb', 'left-thumb'], 3);
    expect(v.pinOffered).toBe(false);
    expect(v.record('right-thumb', 'no-match')).toMatchObject({ triesLeft: 2, pinOffered: false, otherFingers: ['left-thumb'] });
    expect(v.record('right-thumb', 'poor-quality')).toMatchObject({ triesLeft: 1, pinOffered: false });
    expect(v.record('right-thumb', 'no-finger')).toMatchObject({ triesLeft: 0, pinOffered: true, otherFingers: ['left-thumb'] });
    expect(v.mayTry('right-thumb')).toBe(false);
    expect(() => v.record('right-thumb', 'no-match')).toThrow();
    expect(v.mayTry('left-thumb')).toBe(true);
    expect(v.record('left-thumb', 'matched')).toEqual({ outcome: 'matched', finger: 'left-thumb' });
    expect(v.verified).toBe('fingerprint');
    expect(v.pinOffered).toBe(false);
    expect(v.mayTry('left-thumb')).toBe(false);
  });

  it('lists no other finger once every finger has used its tries, but keeps the PIN', () => {
    const v = new FingerVerification(['right-index'], 3);
    v.record('right-index', 'no-match');
    v.record('right-index', 'no-match');
    expect(v.record('right-index', 'no-match')).toMatchObject({ otherFingers: [], pinOffered: true, triesLeft: 0 });
    v.pinVerified();
    expect(v.verified).toBe('pin');
  });

  it('offers the PIN at once for a card without enrolled fingers, and refuses it before otherwise', () => {
    expect(new FingerVerification([], 3).pinOffered).toBe(true);
    const v = new FingerVerification(['right-thumb'], 3);
    expect(() => v.pinVerified()).toThrow();
    expect(v.mayTry('left-thumb')).toBe(false); // not enrolled
  });
});

describe('BiometricsService verification with the simulated scanner and card', () => {
  let scanner: SimulatedFingerprintScanner;
  let reader: SimulatedCardReader;
  let service: BiometricsService;
  let session: Session;
  const prompts: FingerPrompt[] = [];
  const signal = new AbortController().signal;
  const onPrompt = (p: FingerPrompt) => prompts.push(p);

  beforeEach(async () => {
    scanner = new SimulatedFingerprintScanner();
    reader = new SimulatedCardReader();
    await scanner.open();
    await reader.open();
    reader.control.placeCard('chan-tai-man');
    service = new BiometricsService({ scanner: () => scanner, reader: () => reader }, { triesPerFinger: 3, qualityFloor: 40, captureTimeoutSeconds: 2 });
    session = new Session('s-1', 'en', new Date());
    // Verification is against the card the visit read: the holder is on the reader.
    session.setHolder(await reader.readVisibleData());
    prompts.length = 0;
  });
  afterEach(async () => {
    await scanner.close();
    await reader.close();
  });

  it('reads the enrolled fingers from the card and matches the holder’s finger, forwarding prompts', async () => {
    const started = await service.startVerification(session, signal);
    expect(started).toEqual({ enrolled: ['right-thumb', 'left-thumb'], triesPerFinger: 3, alreadyVerified: false });
    scanner.control.presentFinger({ quality: 80, matches: true });
    expect(await service.verifyFinger(session, 'right-thumb', signal, onPrompt)).toEqual({ outcome: 'matched', finger: 'right-thumb' });
    expect(prompts).toEqual(['place-finger', 'lift-finger']);
    expect(service.verifiedBy(session)).toBe('fingerprint');
  });

  it('counts a poor capture (below the floor) as a try without comparing it, and prompts too-light / too-dark', async () => {
    await service.startVerification(session, signal);
    scanner.control.presentFinger({ quality: 30, matches: true });
    expect(await service.verifyFinger(session, 'right-thumb', signal, onPrompt)).toMatchObject({ outcome: 'poor-quality', triesLeft: 2 });
    scanner.control.presentFinger({ quality: 10, matches: true });
    expect(await service.verifyFinger(session, 'right-thumb', signal, onPrompt)).toMatchObject({ outcome: 'poor-quality', triesLeft: 1 });
    expect(prompts).toEqual(['place-finger', 'too-light', 'lift-finger', 'place-finger', 'too-dark', 'lift-finger']);
    // Exactly at the floor is good enough.
    scanner.control.presentFinger({ quality: 40, matches: true });
    expect(await service.verifyFinger(session, 'right-thumb', signal, onPrompt)).toMatchObject({ outcome: 'matched' });
  });

  it('after three failures on a finger: another enrolled finger or the PIN; a fourth try is refused', async () => {
    await service.startVerification(session, signal);
    for (let i = 0; i < 3; i++) scanner.control.presentFinger({ quality: 85, matches: false });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await service.verifyFinger(session, 'right-thumb', signal, onPrompt));
    expect(answers.map((a) => a.outcome)).toEqual(['no-match', 'no-match', 'no-match']);
    expect(answers[2]).toMatchObject({ triesLeft: 0, otherFingers: ['left-thumb'], pinOffered: true });
    await expect(service.verifyFinger(session, 'right-thumb', signal, onPrompt)).rejects.toMatchObject({ code: 'step-not-allowed' });
    // The other enrolled finger still has its own three tries.
    scanner.control.presentFinger({ quality: 85, matches: true });
    expect(await service.verifyFinger(session, 'left-thumb', signal, onPrompt)).toMatchObject({ outcome: 'matched' });
  });

  it('refuses a finger that is not enrolled on the card', async () => {
    await service.startVerification(session, signal);
    await expect(service.verifyFinger(session, 'right-index', signal, onPrompt)).rejects.toMatchObject({ code: 'step-not-allowed' });
  });

  it('a missing finger times out: a used try, not an error', async () => {
    await service.startVerification(session, signal);
    const quick = new BiometricsService({ scanner: () => scanner, reader: () => reader }, { triesPerFinger: 3, qualityFloor: 40, captureTimeoutSeconds: 0.05 });
    await quick.startVerification(session, signal);
    scanner.control.setMissing('right-thumb');
    expect(await quick.verifyFinger(session, 'right-thumb', signal, onPrompt)).toMatchObject({ outcome: 'no-finger', triesLeft: 2 });
  });

  it('the PIN path: refused before three failures; wrong PINs count down to blocked; the right PIN verifies', async () => {
    await service.startVerification(session, signal);
    await expect(service.verifyPin(session, '123456', signal)).rejects.toMatchObject({ code: 'step-not-allowed' });
    for (let i = 0; i < 3; i++) {
      scanner.control.presentFinger({ quality: 85, matches: false });
      await service.verifyFinger(session, 'right-thumb', signal, onPrompt);
    }
    expect(await service.verifyPin(session, '000000', signal)).toEqual({ verified: false, triesLeft: 2, blocked: false });
    expect(await service.verifyPin(session, '123456', signal)).toEqual({ verified: true });
    expect(service.verifiedBy(session)).toBe('pin');
  });

  it('reports a blocked PIN as a result', async () => {
    await service.startVerification(session, signal);
    for (let i = 0; i < 3; i++) {
      scanner.control.presentFinger({ quality: 85, matches: false });
      await service.verifyFinger(session, 'right-thumb', signal, onPrompt);
    }
    await service.verifyPin(session, '000000', signal);
    await service.verifyPin(session, '000001', signal);
    expect(await service.verifyPin(session, '000002', signal)).toEqual({ verified: false, triesLeft: 0, blocked: true });
    expect(await service.verifyPin(session, '123456', signal)).toEqual({ verified: false, triesLeft: 0, blocked: true });
  });

  it('card references are registered with the session, so the wipe zeroes them', async () => {
    const kept: Uint8Array[] = [];
    const spy = new Session('s-2', 'en', new Date());
    spy.setHolder(await reader.readVisibleData());
    const keep = spy.keepBytes.bind(spy);
    spy.keepBytes = (bytes) => {
      kept.push(bytes);
      return keep(bytes);
    };
    await service.startVerification(spy, signal);
    scanner.control.presentFinger({ quality: 85, matches: false });
    await service.verifyFinger(spy, 'right-thumb', signal, onPrompt);
    expect(kept.length).toBeGreaterThanOrEqual(4); // two references, the live image and template
    // The live finger is zeroed at once; the references when the session ends.
    expect(kept.slice(2).every((b) => b.every((x) => x === 0))).toBe(true);
    expect(kept.slice(0, 2).some((b) => b.some((x) => x !== 0))).toBe(true);
    spy.wipe();
    expect(kept.every((b) => b.every((x) => x === 0))).toBe(true);
  });

  it('a cancelled try rejects cancelled and uses no try', async () => {
    await service.startVerification(session, signal);
    const controller = new AbortController();
    const trying = service.verifyFinger(session, 'right-thumb', controller.signal, onPrompt);
    controller.abort();
    await expect(trying).rejects.toMatchObject({ code: 'cancelled' });
    for (let i = 0; i < 3; i++) {
      scanner.control.presentFinger({ quality: 85, matches: false });
      await service.verifyFinger(session, 'right-thumb', signal, onPrompt);
    }
    await expect(service.verifyFinger(session, 'right-thumb', signal, onPrompt)).rejects.toMatchObject({ code: 'step-not-allowed' });
  });

  it('an unplugged scanner rejects not-connected', async () => {
    await service.startVerification(session, signal);
    const trying = service.verifyFinger(session, 'right-thumb', signal, onPrompt);
    scanner.control.disconnect();
    await expect(trying).rejects.toMatchObject({ code: 'not-connected' });
  });
});
