import { describe, expect, it } from 'vitest';
import { BiometricsService } from '../../../electron/host/biometrics/biometrics-service.js';
import { TenPrintCapture } from '../../../electron/host/biometrics/ten-print.js';
import { Session } from '../../../electron/host/sessions/session.js';
import { SimulatedCardReader } from '../../../simulators/card-reader/simulated-card-reader.js';
import { SimulatedFingerprintScanner } from '../../../simulators/fingerprint-scanner/simulated-fingerprint-scanner.js';

describe('TenPrintCapture', () => {
  it('captures at or above the floor, retries below it, and fails a finger after three poor tries (referral)', () => {
    const t = new TenPrintCapture(['right-thumb', 'right-index', 'right-middle'], 40, 3);
    expect(t.record('right-thumb', 40)).toBe('captured');
    expect(t.record('right-index', 39)).toBe('poor-quality');
    expect(t.record('right-index', undefined)).toBe('no-finger');
    expect(t.record('right-index', 12)).toBe('failed');
    expect(t.mayCapture('right-index')).toBe(false);
    expect(t.snapshot()).toMatchObject({ complete: false, referral: true });
    t.mark('right-middle', 'injured');
    const s = t.snapshot();
    expect(s.complete).toBe(true);
    expect(s.fingers).toEqual([
      { finger: 'right-thumb', status: 'captured', quality: 40, triesLeft: 2 },
      { finger: 'right-index', status: 'failed', triesLeft: 0 },
      { finger: 'right-middle', status: 'injured', triesLeft: 3 },
    ]);
  });

  it('missing and injured fingers complete the capture without a referral', () => {
    const t = new TenPrintCapture(['left-thumb', 'left-index'], 50, 3);
    t.mark('left-thumb', 'missing');
    expect(t.record('left-index', 90)).toBe('captured');
    expect(t.snapshot()).toMatchObject({ complete: true, referral: false });
  });

  it('a good try after poor ones keeps the finger captured', () => {
    const t = new TenPrintCapture(['left-ring'], 40, 3);
    t.record('left-ring', 20);
    expect(t.record('left-ring', 70)).toBe('captured');
    expect(t.record('left-ring', 10)).toBe('poor-quality'); // a third, worse try does not undo it
    expect(t.snapshot().fingers[0]).toMatchObject({ status: 'captured', quality: 70, triesLeft: 0 });
  });
});

describe('BiometricsService ten-print capture', () => {
  async function setUp() {
    const scanner = new SimulatedFingerprintScanner();
    const reader = new SimulatedCardReader();
    await scanner.open();
    const service = new BiometricsService({ scanner: () => scanner, reader: () => reader }, { triesPerFinger: 3, qualityFloor: 40, captureTimeoutSeconds: 0.05 });
    return { scanner, service, session: new Session('s', 'en', new Date()), signal: new AbortController().signal };
  }

  it('keeps good captures in the session (wiped with it), drops poor ones, and treats a missing finger as no-finger', async () => {
    const { scanner, service, session, signal } = await setUp();
    const kept: Uint8Array[] = [];
    const keep = session.keepBytes.bind(session);
    session.keepBytes = (b) => (kept.push(b), keep(b));
    service.startTenPrint(session, ['right-thumb', 'left-thumb']);
    await expect(service.captureFinger(session, 'right-index', signal, () => {})).rejects.toMatchObject({ code: 'step-not-allowed' });

    scanner.control.presentFinger({ quality: 20, matches: true });
    expect(await service.captureFinger(session, 'right-thumb', signal, () => {})).toMatchObject({ outcome: 'poor-quality', quality: 20 });
    scanner.control.presentFinger({ quality: 75, matches: true });
    const good = await service.captureFinger(session, 'right-thumb', signal, () => {});
    expect(good).toMatchObject({ outcome: 'captured', quality: 75 });
    expect(good.status.fingers[0]).toMatchObject({ status: 'captured', triesLeft: 1 });

    scanner.control.setMissing('left-thumb');
    expect(await service.captureFinger(session, 'left-thumb', signal, () => {})).toMatchObject({ outcome: 'no-finger' });
    expect(service.markFinger(session, 'left-thumb', 'missing')).toMatchObject({ complete: true, referral: false });

    expect(kept.some((b) => b.some((x) => x !== 0))).toBe(true);
    session.wipe();
    expect(kept.every((b) => b.every((x) => x === 0))).toBe(true);
    await scanner.close();
  });

  it('offers a counter referral after three poor tries', async () => {
    const { scanner, service, session, signal } = await setUp();
    service.startTenPrint(session, ['left-little']);
    for (let i = 0; i < 3; i++) scanner.control.presentFinger({ quality: 15, matches: true });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await service.captureFinger(session, 'left-little', signal, () => {})).outcome);
    expect(outcomes).toEqual(['poor-quality', 'poor-quality', 'failed']);
    expect(service.tenPrintStatus(session)).toMatchObject({ complete: true, referral: true });
    await scanner.close();
  });

  it('refuses calls before the capture starts', async () => {
    const { service, session } = await setUp();
    expect(() => service.tenPrintStatus(session)).toThrow(expect.objectContaining({ code: 'step-not-allowed' }));
  });
});
