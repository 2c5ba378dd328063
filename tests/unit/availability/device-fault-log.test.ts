import { describe, expect, it } from 'vitest';
import { SerialHeightGauge } from '../../../devices/height-gauge/drivers/serial-height-gauge.js';
import { DeviceHub } from '../../../devices/hub/device-hub.js';
import { createSimulators } from '../../../simulators/index.js';
import { ServiceAvailability } from '../../../electron/host/availability/monitor.js';
import { loadServiceDevices } from '../../../electron/host/availability/service-devices.js';

interface Line {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

function recordingLog(lines: Line[]) {
  const at = (level: string) => (message: string, fields: Record<string, unknown> = {}) => void lines.push({ level, message, fields });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('device faults in the structured log', () => {
  it('a serial port that does not exist is logged with its path and errno (through the real serialport binding)', async () => {
    const { devices } = createSimulators({ delayMs: 0 });
    const path = `/dev/ttyKIOSK-MISSING-${process.pid}`;
    const gauge = new SerialHeightGauge({
      path, baudRate: 9_600, heartbeatMs: 50, answerTimeoutMs: 200,
      sensorHeightMm: 2_600, calibrationOffsetMm: 0, stableReadings: 3, toleranceMm: 5, minCm: 50, maxCm: 230,
    });
    const lines: Line[] = [];
    const hub = new DeviceHub({ ...devices, 'height-gauge': gauge }, { initialBackoffMs: 60_000, maxBackoffMs: 60_000, log: recordingLog(lines) });
    await hub.start();
    await hub.stop();
    const failed = lines.find((line) => line.message === 'device hub: open failed');
    expect(failed?.fields).toMatchObject({ device: 'height-gauge', code: 'not-connected', detail: 'unplugged', path, errno: 'ENOENT' });
  });

  it('paper running out and a device unplugged are logged as they happen, and the kiosk going out of service is an alert', async () => {
    const { devices, controls } = createSimulators({ delayMs: 0 });
    const lines: Line[] = [];
    const log = recordingLog(lines);
    const hub = new DeviceHub(devices, { initialBackoffMs: 60_000, maxBackoffMs: 60_000 });
    const published: boolean[] = [];
    const availability = new ServiceAvailability(loadServiceDevices('config'), hub, log, (now) => published.push(now.inService));
    availability.start();
    await hub.start();
    availability.settled();
    // The devices coming up one by one at start: one line for availability, not one per device.
    expect(lines.filter((line) => /availability|service/.test(line.message)).map((line) => line.message)).toEqual(['availability at start']);

    controls['receipt-printer'].setPaper('near-end');
    controls['receipt-printer'].setPaper('out');
    expect(lines.filter((line) => line.fields.alert === 'device-fault').map((line) => [line.fields.device, line.fields.detail])).toEqual([
      ['receipt-printer', 'paper-near-end'],
      ['receipt-printer', 'paper-out'],
    ]);
    for (const kind of ['card-reader', 'fingerprint-scanner', 'camera', 'height-gauge', 'payment-terminal'] as const) controls[kind].disconnect();
    expect(lines.find((line) => line.fields.alert === 'out-of-service')?.level).toBe('error');
    expect(published.at(-1)).toBe(false);
    controls['receipt-printer'].setPaper('ok');
    expect(published.at(-1)).toBe(true);
    expect(lines.at(-1)?.message).toBe('kiosk back in service');
    availability.stop();
    await hub.stop();
  });
});
