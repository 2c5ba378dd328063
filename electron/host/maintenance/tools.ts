import type { DeviceHub } from '../../../devices/hub/device-hub.js';
import type { Receipt } from '../../../devices/receipt-printer/contract.js';
import { macauMinute, SLIP_HEADER } from '../counter/slips.js';
import { DEVICE_KINDS, type DeviceKind } from '../../../devices/kinds.js';
import type { KioskHandlers } from '../bridge/server.js';
import type { maintenanceToolMethods, MaintenanceDevice, SelfTestOutcome } from '../../shared/kiosk-api/schemas/maintenance.js';
import type { ApplicationOrchestrator } from '../applications/orchestrator.js';
import type { Journal } from '../journal/journal.js';
import type { HostConfig } from '../config/schema.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { StaffCalls } from '../staff/staff-calls.js';
import { deviceTestHandlers } from './device-tests.js';
import { buildDiagnosticsBundle, writeDiagnosticsBundle } from './diagnostics-bundle.js';
import type { GaugeCalibration } from './gauge-calibration.js';
import { pendingItems } from './pending-items.js';
import { sharedDiagnostics } from './shared-diagnostics.js';
import type { RecentLog } from './recent-log.js';

type MaintenanceToolMethod = keyof typeof maintenanceToolMethods;
import type { AuditTrail } from './audit-trail.js';
import type { Counters } from './counters.js';
import type { MaintenanceMode } from './maintenance-mode.js';
import { testScan } from '../photo/test-scan.js';

/**
 * What a technician does inside maintenance mode: each call needs the mode open (it also counts as
 * the technician's activity) and is written to the audit trail with the staff id.
 */
export interface MaintenanceToolDeps {
  hub: DeviceHub;
  counters: Counters;
  audit: AuditTrail;
  kioskId: string;
  clock: () => Date;
  journal: Journal;
  orchestrator: ApplicationOrchestrator;
  calibration: GaugeCalibration;
  recentLog: RecentLog;
  /** Where diagnostics bundles are written (the state directory). */
  stateDir: string;
  /** What the bundle says of the host: its configuration (digested) and availability. */
  config: HostConfig;
  availability: () => { inService: boolean; unavailable: readonly string[] };
  staffCalls: StaffCalls;
  /** Acknowledges a call as the fleet's command does (the resident is told, the fleet too); false for an unknown id. */
  acknowledgeStaffCall: (callId: string, by: string) => boolean;
}

/**
 * What a technician does inside maintenance mode: each call needs the mode open (it also counts as
 * the technician's activity) and is written to the audit trail with the staff id.
 */
export function maintenanceToolHandlers(mode: MaintenanceMode, deps: MaintenanceToolDeps): Pick<KioskHandlers, MaintenanceToolMethod> {
  const { hub, counters, audit, kioskId, clock, journal, orchestrator, recentLog } = deps;
  const open = (action: string, detail?: string): string => {
    const staffId = mode.requireOpen(action);
    audit.record({ action, staffId, ...(detail ? { detail } : {}) });
    return staffId;
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
    'maintenance.printTestSlip': async (_params, { signal }) => {
      const staffId = mode.requireOpen('test-slip');
      audit.record({ action: 'test-slip', staffId });
      await hub.get('receipt-printer').print(testSlip(kioskId, staffId, clock(), hub.get('receipt-printer').capabilities().columns), signal);
      counters.add('prints');
      counters.add('test-slips');
      return { printed: true as const };
    },
    'maintenance.testScan': async (_params, { signal }) => {
      open('test-scan');
      const scan = await testScan(hub.get('document-scanner'), signal);
      counters.add('test-scans');
      return scan;
    },
    'maintenance.counters': async () => {
      open('counters-viewed');
      return counters.view();
    },
    ...deviceTestHandlers({ hub, journal, calibration: deps.calibration, clock, open }),
    'maintenance.restartDevice': async ({ device }) => {
      open('device-restart', device);
      await hub.restart(device);
      const after = describe(hub, device);
      open('device-restarted', `${device}:${after.state}${after.detail ? `:${after.detail}` : ''}`);
      return after;
    },
    'maintenance.pending': async () => {
      open('pending-viewed');
      return { items: pendingItems(journal) };
    },
    'maintenance.resolve': async (resolution) => {
      const staffId = open('resolve', `${resolution.kind} ${resolution.kind === 'queued-application' ? resolution.applicationId : resolution.reference} ${resolution.outcome}: ${resolution.reason}`);
      await orchestrator.resolveByHand(resolution, staffId);
      return { items: pendingItems(journal) };
    },
    'maintenance.staffCalls': async () => {
      open('staff-calls-viewed');
      return { calls: recentCalls(deps.staffCalls) };
    },
    'maintenance.acknowledgeStaffCall': async ({ callId }) => {
      const staffId = open('staff-call-acknowledged', callId);
      if (!deps.acknowledgeStaffCall(callId, staffId)) throw new KioskApiError('invalid-params', 'no such staff call', 'callId');
      return { calls: recentCalls(deps.staffCalls) };
    },
    'maintenance.log': async ({ device }) => {
      open('log-viewed', device ?? 'all');
      return { entries: recentLog.view(device) };
    },
    'maintenance.exportBundle': async () => {
      open('bundle-export');
      const at = clock();
      const bundle = buildDiagnosticsBundle({
        kioskId,
        shared: sharedDiagnostics(deps.config, () => counters.view()),
        devices: DEVICE_KINDS.map((kind) => describe(hub, kind)),
        availability: deps.availability(),
        log: recentLog.view(),
        pending: pendingItems(journal),
        hostEvents: journal.hostEvents(),
        clock,
      });
      const written = writeDiagnosticsBundle(deps.stateDir, bundle, kioskId, at);
      open('bundle-exported', `${written.file} sha256 ${written.sha256}`);
      return written;
    },
  };
}

function recentCalls(staffCalls: StaffCalls) {
  return staffCalls
    .snapshot()
    .recent.map(({ callId, calledAt, screen, acknowledgedAt }) => ({ callId, calledAt, screen, ...(acknowledgedAt ? { acknowledgedAt } : {}) }))
    .reverse();
}

/** What a technician checks on paper: the header and logo, both scripts, the full width, a cut. */
function testSlip(kioskId: string, staffId: string, at: Date, columns: number): Receipt {
  return {
    lines: [
      ...SLIP_HEADER,
      { kind: 'text', text: '測試單據 Talão de teste', align: 'center', size: 'large' },
      { kind: 'text', text: `自助機 Quiosque: ${kioskId}` },
      { kind: 'text', text: `日期時間 Data e hora: ${macauMinute(at)}` },
      { kind: 'text', text: `技術員 Técnico: ${staffId}` },
      { kind: 'text', text: '1234567890'.repeat(Math.ceil(columns / 10)).slice(0, columns) },
      { kind: 'rule' },
      { kind: 'feed', lines: 3 },
    ],
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
    ...(device.diagnostics ? { diagnostics: Object.fromEntries(Object.entries(device.diagnostics()).slice(0, 16)) } : {}),
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
