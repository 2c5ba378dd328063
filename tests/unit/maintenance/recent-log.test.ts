import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/host/log.js';
import { RecentLog } from '../../../electron/host/maintenance/recent-log.js';

/**
 * The technician's log viewer keeps only named fields of a log call (device, state, code, detail,
 * path, errno, vendor code), cut to their limits: anything else a caller logged, by mistake or not,
 * stays in the structured log and never reaches the screen or a diagnostics bundle.
 */
describe('the recent log', () => {
  it('keeps named fields only, newest first, filtered by device, and forgets the oldest', () => {
    const written: string[] = [];
    const recent = new RecentLog(() => new Date('2026-12-01T02:00:00Z'), 3);
    const log = recent.tap(createLogger({ write: (line) => written.push(line) }));
    log.warn('device offline: unplugged', { device: 'height-gauge', state: 'offline', detail: 'unplugged', path: '/dev/ttyUSB1', errno: 'ENOENT', name: 'CHAN TAI MAN' });
    log.info('session ended', { sessionId: 's-1', cardNumber: '1234567(8)' });
    log.debug('noise', { device: 'camera' });
    log.error('device fault', { device: 'payment-terminal', vendorCode: 'E42', code: 'x'.repeat(300) });
    log.info('device online', { device: 'height-gauge', state: 'online' });
    expect(written).toHaveLength(4); // everything at or above the level still reaches the structured log
    const all = recent.view();
    expect(all.map((entry) => entry.message)).toEqual(['device online', 'device fault', 'session ended']);
    expect(JSON.stringify(all)).not.toMatch(/CHAN|1234567|s-1/);
    expect(all[1]).toMatchObject({ device: 'payment-terminal', level: 'error', vendorCode: 'E42' });
    expect(all[1]!.code).toHaveLength(100);
    expect(recent.view('height-gauge').map((entry) => entry.state)).toEqual(['online']);
  });
});
