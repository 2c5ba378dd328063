import type { DeviceHealthEntry } from '../../../devices/hub/device-hub.js';
import { type DiagnosticsMessage, FLEET_CONTRACT_VERSION } from '../../../fleet/contract.js';
import type { SharedDiagnostics } from '../maintenance/shared-diagnostics.js';
import type { RecentFault } from './telemetry.js';

/**
 * The fleet's `diagnostics` message (fleet/contract.ts) from what every diagnostics says
 * (maintenance/shared-diagnostics.ts), the devices' health and the recent faults. A device's detail
 * goes only when it is a stable code: free text could carry anything.
 */
export function fleetDiagnosticsMessage(
  commandId: string,
  shared: SharedDiagnostics,
  health: readonly DeviceHealthEntry[],
  recentFaults: readonly RecentFault[],
  uptimeSeconds: number,
): Omit<DiagnosticsMessage, 'v' | 'kioskId' | 'at' | 'seq'> {
  return {
    commandId,
    versions: { host: shared.versions.host, node: shared.versions.node, contract: String(FLEET_CONTRACT_VERSION) },
    configDigest: shared.configDigest,
    devices: health.map((entry) => ({
      device: entry.device,
      state: entry.state,
      detail: entry.detail && /^[a-z0-9][a-z0-9:_-]{0,79}$/.test(entry.detail) ? entry.detail : null,
      model: entry.model.slice(0, 80),
    })),
    recentFaults: [...recentFaults],
    counters: shared.counters.counts,
    uptimeSeconds,
  };
}
