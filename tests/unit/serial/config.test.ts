import { describe, expect, it } from 'vitest';
import { HostConfigSchema } from '../../../electron/host/config/schema.js';
import { composeDevices } from '../../../electron/host/hardware/compose.js';

const base = { rendererDir: '/tmp/renderer', rulesDir: '/tmp/rules' };

describe('serial drivers in the host configuration', () => {
  it('accepts a serial variant per class, filling every default, and the composition root builds the drivers', async () => {
    const config = HostConfigSchema.parse({
      ...base,
      devices: {
        'height-gauge': { driver: 'serial', path: '/dev/ttyUSB0', calibrationOffsetMm: -8 },
        'payment-terminal': { driver: 'serial', path: '/dev/ttyUSB1' },
        'receipt-printer': { driver: 'serial', path: '/dev/ttyUSB2', baudRate: 115_200 },
      },
    });
    expect(config.devices['payment-terminal']).toEqual({
      driver: 'serial',
      path: '/dev/ttyUSB1',
      baudRate: 115_200,
      heartbeatMs: 1_000,
      answerTimeoutMs: 2_000,
      ackTimeoutMs: 1_000,
      requestTimeoutMs: 5_000,
      processingTimeoutMs: 60_000,
      cardTimeoutMs: 150_000,
    });
    expect(config.devices['height-gauge']).toMatchObject({ sensorHeightMm: 2_600, calibrationOffsetMm: -8, stableReadings: 3 });
    const { devices, simulatorControls } = await composeDevices(config);
    for (const kind of ['height-gauge', 'payment-terminal', 'receipt-printer'] as const) {
      expect(devices[kind].status()).toEqual({ state: 'offline', detail: 'closed' });
      expect(devices[kind].info().model).not.toBe('Simulator');
    }
    expect(simulatorControls).toBeDefined(); // the other classes are still simulated
  });

  it('refuses a serial variant for a class without one, and a serial entry without a path', () => {
    expect(HostConfigSchema.safeParse({ ...base, devices: { camera: { driver: 'serial', path: '/dev/x' } } }).success).toBe(false);
    expect(HostConfigSchema.safeParse({ ...base, devices: { 'receipt-printer': { driver: 'serial' } } }).success).toBe(false);
  });
});
