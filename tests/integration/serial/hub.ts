import type { DeviceSet } from '../../../devices/index.js';
import { type DeviceHealthEntry, DeviceHub } from '../../../devices/hub/device-hub.js';
import type { DeviceKind } from '../../../devices/kinds.js';
import { createSimulators } from '../../../simulators/index.js';

/** A DeviceHub over in-process simulators, with one class replaced by a serial driver. */
export function hubWith<K extends DeviceKind>(kind: K, device: DeviceSet[K]): { hub: DeviceHub; health: DeviceHealthEntry[] } {
  const { devices } = createSimulators();
  const hub = new DeviceHub({ ...devices, [kind]: device }, { initialBackoffMs: 20, maxBackoffMs: 160 });
  const health: DeviceHealthEntry[] = [];
  hub.onHealth((entry) => {
    if (entry.device === kind) health.push(entry);
  });
  return { hub, health };
}

/** Resolves when the hub reports `kind` in `state` (now or later). */
export function hubReports(hub: DeviceHub, kind: DeviceKind, state: DeviceHealthEntry['state'], timeoutMs = 5_000): Promise<void> {
  if (hub.health().find((h) => h.device === kind)?.state === state) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`hub did not report ${kind} ${state} in time`));
    }, timeoutMs);
    const off = hub.onHealth((entry) => {
      if (entry.device !== kind || entry.state !== state) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}
