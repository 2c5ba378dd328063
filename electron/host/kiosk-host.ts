import type { DeviceHub } from '../../devices/hub/device-hub.js';
import type { SimulatorControls } from '../../simulators/index.js';
import type { ApplicationOrchestrator } from './applications/orchestrator.js';
import type { ServiceAvailability } from './availability/monitor.js';
import type { BridgeServer } from './bridge/server.js';
import type { HostConfig } from './config/schema.js';
import type { Fleet } from './fleet/from-config.js';
import type { JournalAvailability } from './journal/availability.js';
import type { CrashHook } from './journal/crash-points.js';
import type { JournalSummary } from './journal/journal-summary.js';
import type { JournalKeyStore } from './journal/key.js';
import type { Logger } from './log.js';
import type { AuditTrail } from './maintenance/audit-trail.js';
import type { Counters } from './maintenance/counters.js';
import type { MaintenanceMode } from './maintenance/maintenance-mode.js';
import type { SessionManager } from './sessions/session-manager.js';
import type { StaffCalls } from './staff/staff-calls.js';
import type { Visits } from './visit/visits.js';

/** What a started kiosk host offers its runner (browser mode, Electron, tests), and how one is created (host.ts). */
export interface KioskHost {
  readonly config: HostConfig;
  readonly bridge: BridgeServer;
  readonly hub: DeviceHub;
  readonly sessions: SessionManager;
  readonly applications: ApplicationOrchestrator;
  /** Defined when any device class is simulated: drives the simulators (tests, testers). */
  readonly simulatorControls: SimulatorControls | undefined;
  /** Calls for staff from the touchscreen (tester state, technician screen). */
  readonly staffCalls: StaffCalls;
  /** The current visit's machine (electron/host/visit). */
  readonly visits: Visits;
  readonly log: Logger;
  /** Test mode (config/test-mode.ts): what only testers may reach is served, and the screen says so. */
  readonly testMode: boolean;
  /** Out of service while the journal cannot take a payment (journal/availability.ts). */
  readonly availability: JournalAvailability;
  /** What the devices let the kiosk offer now (electron/host/availability). */
  readonly services: ServiceAvailability;
  /** The technicians' maintenance mode and its audit trail (electron/host/maintenance). */
  readonly maintenance: MaintenanceMode;
  readonly audit: AuditTrail;
  readonly counters: Counters;
  /** Fleet telemetry over MQTT (electron/host/fleet, docs/fleet.md); undefined unless configured. */
  readonly fleet: Fleet | undefined;
  /** Journals a fault of the host process itself (the process-level handler, before it exits). */
  recordFault(kind: string, code: string | null): void;
  /** What the journal holds, without any personal data (no payloads): for testers' state and scenario checks. */
  journalSummary(): JournalSummary;
  stop(): Promise<void>;
}

export interface CreateHostOptions {
  log?: Logger;
  clock?: () => Date;
  /** Where the journal key is kept when no key is given: Electron passes its safeStorage store. */
  keyStore?: JournalKeyStore;
  /** For `KIOSK_JOURNAL_KEY` and `CREDENTIALS_DIRECTORY` (journal/key.ts); the process environment by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Named in the state-directory lock, so a refused second host can say who holds it. */
  runMode?: 'browser' | 'electron' | 'test';
  /** Only the crash-point test's headless host passes one (never configuration or environment). */
  crash?: CrashHook;
}
