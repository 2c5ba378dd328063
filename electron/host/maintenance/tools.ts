import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import { DEVICE_KINDS, type DeviceKind } from '../../../devices/kinds.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { MaintenanceDevice, SelfTestOutcome } from './api-schemas.js';
import type { AuditTrail } from './audit-trail.js';
import type { Counters } from './counters.js';
import type { MaintenanceMode } from './maintenance-mode.js';

/**
 * What a technician does inside maintenance mode: each call needs the mode open (it also counts as
 * the technician's activity) and is written to the audit trail with the staff id.
 */
export function maintenanceToolHandlers(
  mode: MaintenanceMode,
  hub: DeviceHub,
  counters: Counters,
  audit: AuditTrail,
): Pick<KioskHandlers, 'maintenance.devices' | 'maintenance.selfTest' | 'maintenance.counters'> {
  const open = (action: string, detail?: string): void => {
    const staffId = mode.requireOpen(action);
    audit.record({ action, staffId, ...(detail ? { detail } : {}) });
  };
  return {
    'maintenance.devices': async () => {
      open('devices-viewed');
      return { devices: DEVICE_KINDS.map((kind) => describe(hub, kind)) };
    },
    'maintenance.selfTest': async ({ device }, { signal }) => {
      open('self-test', device ?? 'all');
      const kinds: readonly DeviceKind[] = device ? [device] : DEVICE_KINDS;
      const results = await Promise.all(kinds.map((kind) => selfTest(hub, kind, signal)));
      for (const result of results) {
        counters.add(`self-tests:${result.device}`);
        if (!result.passed) counters.add(`self-test-failures:${result.device}`);
      }
      audit.record({ action: 'self-test-result', staffId: mode.requireOpen('self-test'), detail: results.map((r) => `${r.device}:${r.passed ? 'pass' : (r.error ?? 'fail')}`).join(' ') });
      return { results };
    },
    'maintenance.counters': async () => {
      open('counters-viewed');
      return counters.view();
    },
  };
}

function describe(hub: DeviceHub, kind: DeviceKind): MaintenanceDevice {
  const device = hub.get(kind);
  const info = device.info();
  const status = device.status();
  return {
    device: kind,
    state: status.state,
    ...(status.detail ? { detail: status.detail } : {}),
    model: info.model,
    vendor: info.vendor,
    ...(info.firmware ? { firmware: info.firmware } : {}),
    ...(info.serial ? { serial: info.serial } : {}),
  };
}

async function selfTest(hub: DeviceHub, kind: DeviceKind, signal: AbortSignal): Promise<SelfTestOutcome> {
  try {
    const result = await hub.get(kind).selfTest(signal);
    return { device: kind, passed: result.passed, checks: result.checks.slice(0, 32) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { device: kind, passed: false, checks: [], error: typeof code === 'string' ? code : 'internal' };
  }
}
