import { describe, expect, it } from 'vitest';
import type { DeviceHealthEntry } from '../../../devices/hub/device-hub.js';
import { DiagnosticsMessage, FLEET_CONTRACT_VERSION } from '../../../fleet/contract.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { configDigest } from '../../../electron/host/fleet/config-digest.js';
import { fleetDiagnosticsMessage } from '../../../electron/host/fleet/diagnostics-message.js';
import { HOST_VERSION } from '../../../electron/host/handlers/kiosk.js';
import { buildDiagnosticsBundle } from '../../../electron/host/maintenance/diagnostics-bundle.js';
import { sharedDiagnostics } from '../../../electron/host/maintenance/shared-diagnostics.js';

/** One kiosk's sources, read once: both diagnostics are built from the same reading. */
const config = parseHostConfig({ rendererDir: 'dist/renderer', rulesDir: 'config', kioskId: 'KIOSK-7', simulators: { delayMs: 0 } });
let reads = 0;
const counters = () => (reads++, { since: '2026-12-01T00:00:00.000Z', counts: { 'visits:queue-ticket': 3, 'faults:receipt-printer': 1 } });
const health: DeviceHealthEntry[] = [
  { device: 'receipt-printer', state: 'degraded', detail: 'paper-low', model: 'Simulator' },
  { device: 'card-reader', state: 'offline', detail: 'Reader "ACS 1" unplugged at 10:02', model: 'Simulator' },
];

describe('the diagnostics a kiosk gives the fleet and the technician', () => {
  it('reads versions, configuration digest and counters once, for both', () => {
    reads = 0;
    const shared = sharedDiagnostics(config, counters);
    expect(reads).toBe(1);
    expect(shared.versions).toEqual({ host: HOST_VERSION, node: process.versions.node, platform: `${process.platform}-${process.arch}` });
    expect(shared.configDigest).toBe(configDigest(config));
    expect(shared.counters.counts['visits:queue-ticket']).toBe(3);
  });

  it('gives the bundle and the MQTT message the same versions, digest and counters', () => {
    const shared = sharedDiagnostics(config, counters);
    const bundle = buildDiagnosticsBundle({
      kioskId: 'KIOSK-7',
      shared,
      devices: [],
      availability: { inService: true, unavailable: [] },
      log: [],
      pending: [],
      hostEvents: [],
      clock: () => new Date('2026-12-07T08:00:00Z'),
    });
    const message = fleetDiagnosticsMessage('cmd-0001', shared, health, [], 42);
    expect(bundle).toMatchObject({ versions: shared.versions, configDigest: shared.configDigest, counters: shared.counters });
    expect(message.versions).toEqual({ host: shared.versions.host, node: shared.versions.node, contract: String(FLEET_CONTRACT_VERSION) });
    expect(message.configDigest).toBe(bundle.configDigest);
    expect(message.counters).toEqual(shared.counters.counts);
  });

  it('builds an MQTT message the fleet contract accepts, with free-text device details left out', () => {
    const message = fleetDiagnosticsMessage('cmd-0002', sharedDiagnostics(config, counters), health, [], 7);
    expect(message.devices.map((d) => d.detail)).toEqual(['paper-low', null]);
    const parsed = DiagnosticsMessage.safeParse({ v: FLEET_CONTRACT_VERSION, kioskId: 'KIOSK-7', at: '2026-12-07T08:00:00.000Z', seq: 1, ...message });
    expect(parsed.success).toBe(true);
  });
});
