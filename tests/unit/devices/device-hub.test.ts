import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DeviceHealthEntry, DeviceHub } from '../../../devices/hub/device-hub.js';
import { DEVICE_KINDS } from '../../../devices/kinds.js';
import { createSimulators } from '../../../simulators/index.js';

function setup() {
  const { devices, controls } = createSimulators({ delayMs: 0 });
  const hub = new DeviceHub(devices, { initialBackoffMs: 100, maxBackoffMs: 400 });
  const health: DeviceHealthEntry[] = [];
  hub.onHealth((entry) => health.push(entry));
  return { hub, controls, health };
}

describe('DeviceHub', () => {
  afterEach(() => vi.useRealTimers());

  it('opens every device at start and reports each online, simulators as "Simulator"', async () => {
    const { hub } = setup();
    await hub.start();
    expect(hub.health()).toHaveLength(DEVICE_KINDS.length);
    expect(hub.health().every((h) => h.state === 'online' && h.model === 'Simulator')).toBe(true);
    await hub.stop();
  });

  it('sees an unplugged device go offline and reconnects it with back-off once it is back', async () => {
    vi.useFakeTimers();
    const { hub, controls, health } = setup();
    await hub.start();
    const reconnectAttempts = vi.spyOn(hub.get('height-gauge'), 'open');

    controls['height-gauge'].disconnect();
    expect(health.at(-1)).toMatchObject({ device: 'height-gauge', state: 'offline' });

    // Still unplugged: the hub keeps trying, waiting 100, 200, 400, 400 ms between tries.
    await vi.advanceTimersByTimeAsync(100);
    expect(reconnectAttempts).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(reconnectAttempts).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(400);
    expect(reconnectAttempts).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(399);
    expect(reconnectAttempts).toHaveBeenCalledTimes(3);
    expect(hub.health().find((h) => h.device === 'height-gauge')?.state).toBe('offline');

    controls['height-gauge'].reconnect();
    await vi.advanceTimersByTimeAsync(401);
    expect(hub.health().find((h) => h.device === 'height-gauge')?.state).toBe('online');
    expect(health.at(-1)).toMatchObject({ device: 'height-gauge', state: 'online' });
    await hub.stop();
  });

  it('a device that is absent at start is reported offline, not fatal, and comes online later', async () => {
    vi.useFakeTimers();
    const { hub, controls } = setup();
    controls['receipt-printer'].disconnect();
    await hub.start();
    expect(hub.health().find((h) => h.device === 'receipt-printer')?.state).toBe('offline');
    expect(hub.health().filter((h) => h.state === 'online')).toHaveLength(DEVICE_KINDS.length - 1);
    controls['receipt-printer'].reconnect();
    await vi.advanceTimersByTimeAsync(100);
    expect(hub.health().find((h) => h.device === 'receipt-printer')?.state).toBe('online');
    await hub.stop();
  });

  it('stops retrying after stop()', async () => {
    vi.useFakeTimers();
    const { hub, controls } = setup();
    await hub.start();
    controls.camera.disconnect();
    await hub.stop();
    const open = vi.spyOn(hub.get('camera'), 'open');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(open).not.toHaveBeenCalled();
  });
});
