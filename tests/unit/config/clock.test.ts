import { describe, expect, it } from 'vitest';
import { clockFromConfig } from '../../../electron/host/config/clock.js';
import { HostConfigSchema } from '../../../electron/host/config/schema.js';

const base = { rendererDir: '/x', rulesDir: '/y' };

describe('host clock', () => {
  it('starts an all-simulated kiosk at the configured instant and runs on from there', () => {
    const config = HostConfigSchema.parse({ ...base, simulators: { clockStartsAt: '2026-12-01T10:00:00+08:00' } });
    const now = clockFromConfig(config)().getTime();
    expect(now).toBeGreaterThanOrEqual(Date.parse('2026-12-01T02:00:00Z'));
    expect(now).toBeLessThan(Date.parse('2026-12-01T02:00:05Z'));
  });

  it('keeps the real clock when any device is real, so a shifted clock never dates a real payment', () => {
    const config = HostConfigSchema.parse({
      ...base,
      simulators: { clockStartsAt: '2020-01-01T10:00:00+08:00' },
      devices: { 'receipt-printer': { driver: 'serial', path: '/dev/ttyS0' } },
    });
    expect(Math.abs(clockFromConfig(config)().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('refuses an instant without an offset', () => {
    expect(HostConfigSchema.safeParse({ ...base, simulators: { clockStartsAt: '2026-12-01T10:00:00' } }).success).toBe(false);
  });
});
