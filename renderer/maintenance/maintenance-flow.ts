import type { ApiErrorCode } from '../../electron/shared/kiosk-api/errors.js';
import type { ResultOf } from '../../electron/shared/kiosk-api/contract.js';
import { useKiosk } from '../state/kiosk-store.js';

/**
 * The technician's side of maintenance mode: each action asks the host, whose answer (and its
 * `maintenance.changed`) moves the screen. The host decides every step; this only asks.
 */
export type MaintenanceDevices = ResultOf<'maintenance.devices'>['devices'];
export type SelfTestResults = ResultOf<'maintenance.selfTest'>['results'];
export type CountersView = ResultOf<'maintenance.counters'>;

let reading: AbortController | undefined;

function api() {
  return useKiosk.getState().api;
}

/** The hidden gesture: the host waits for a staff card. Resolves the refusal code, if any. */
export async function beginMaintenance(): Promise<ApiErrorCode | undefined> {
  const kiosk = api();
  if (!kiosk) return undefined;
  reading?.abort();
  const controller = new AbortController();
  reading = controller;
  const answer = await kiosk.maintenance.begin({}, { signal: controller.signal });
  if (answer.ok) useKiosk.setState({ maintenance: answer.value });
  return answer.ok || controller.signal.aborted ? undefined : answer.error.code;
}

export async function enterMaintenancePin(pin: string): Promise<void> {
  const answer = await api()?.maintenance.enterPin({ pin });
  if (answer?.ok) useKiosk.setState({ maintenance: answer.value });
}

export async function leaveMaintenance(): Promise<void> {
  reading?.abort();
  reading = undefined;
  const answer = await api()?.maintenance.exit({});
  useKiosk.setState({ maintenance: answer?.ok ? answer.value : { phase: 'closed' } });
}

export async function maintenanceDevices(): Promise<MaintenanceDevices> {
  const answer = await api()?.maintenance.devices({});
  return answer?.ok ? answer.value.devices : [];
}

export async function runSelfTest(device?: MaintenanceDevices[number]['device']): Promise<SelfTestResults> {
  const answer = await api()?.maintenance.selfTest(device ? { device } : {}, { signal: AbortSignal.timeout(60_000) });
  return answer?.ok ? answer.value.results : [];
}

export async function maintenanceCounters(): Promise<CountersView | undefined> {
  const answer = await api()?.maintenance.counters({});
  return answer?.ok ? answer.value : undefined;
}

/** A technician's touch anywhere: postpones the idle exit. */
export function noteTechnicianActivity(): void {
  void api()?.maintenance.touch({});
}

export type TestScan = ResultOf<'maintenance.testScan'>;

/** A test scan of the document scanner's bed; resolves the picture, or the scanner's refusal code. */
export async function runTestScan(): Promise<TestScan | ApiErrorCode | undefined> {
  const answer = await api()?.maintenance.testScan({}, { signal: AbortSignal.timeout(60_000) });
  if (answer === undefined) return undefined;
  return answer.ok ? answer.value : answer.error.code;
}

/** A test slip on the receipt printer; resolves the printer's refusal code (`user-action-needed`…), if any. */
export async function printTestSlip(): Promise<ApiErrorCode | undefined> {
  const answer = await api()?.maintenance.printTestSlip({}, { signal: AbortSignal.timeout(60_000) });
  return answer === undefined || answer.ok ? undefined : answer.error.code;
}

/** A tool's answer as the technician's screen shows it: the value, or the refusal's code and detail. */
export type ToolAnswer<T> = { ok: true; value: T } | { ok: false; code: string; detail?: string };

type Tools = NonNullable<ReturnType<typeof api>>['maintenance'];

/** Calls one maintenance tool; a closed connection reads as `disconnected`. */
export async function tool<T>(call: (tools: Tools) => Promise<{ ok: true; value: T } | { ok: false; error: { code: string; detail?: string } }>): Promise<ToolAnswer<T>> {
  const kiosk = api();
  if (!kiosk) return { ok: false, code: 'disconnected' };
  const answer = await call(kiosk.maintenance);
  return answer.ok ? answer : { ok: false, code: answer.error.code, ...(answer.error.detail ? { detail: answer.error.detail } : {}) };
}

/** How long a technician's device test may take (the host gives the card, finger or rod 20 s). */
export const TEST_SIGNAL = () => ({ signal: AbortSignal.timeout(30_000) });

export type PendingItems = ResultOf<'maintenance.pending'>['items'];
export type LogEntries = ResultOf<'maintenance.log'>['entries'];
