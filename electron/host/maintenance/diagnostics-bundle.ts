import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogEntry, MaintenanceDevice, PendingItem } from '../../shared/kiosk-api/schemas/maintenance.js';
import type { SharedDiagnostics } from './shared-diagnostics.js';

/** A bundle's format; a reader refuses another. */
export const DIAGNOSTICS_FORMAT = 'dsi-kiosk-diagnostics/1';

/**
 * What a technician (or the fleet) takes away to diagnose a kiosk: versions, the configuration's
 * digest, every device's state, the counters, the recent log, what the journal waits on (kinds,
 * counts and amounts) and the host's recorded faults. Built only from sources that hold no
 * personal data (the recent log keeps named fields only; pending items are ids and amounts).
 */
export interface DiagnosticsSources {
  kioskId: string;
  /** Versions, the configuration's digest and the counters: what the fleet's diagnostics say too (shared-diagnostics.ts). */
  shared: SharedDiagnostics;
  devices: MaintenanceDevice[];
  availability: { inService: boolean; unavailable: readonly string[] };
  log: LogEntry[];
  pending: PendingItem[];
  hostEvents: Array<{ at: string; kind: string; code: string | null }>;
  clock: () => Date;
}

export function buildDiagnosticsBundle(sources: DiagnosticsSources): Record<string, unknown> {
  const pendingByKind: Record<string, number> = {};
  for (const item of sources.pending) pendingByKind[item.kind] = (pendingByKind[item.kind] ?? 0) + 1;
  return {
    format: DIAGNOSTICS_FORMAT,
    kioskId: sources.kioskId,
    createdAt: sources.clock().toISOString(),
    versions: sources.shared.versions,
    configDigest: sources.shared.configDigest,
    devices: sources.devices,
    availability: sources.availability,
    counters: sources.shared.counters,
    pending: { byKind: pendingByKind, items: sources.pending },
    hostEvents: sources.hostEvents.slice(-100),
    log: sources.log,
  };
}

/** Writes the bundle as `diagnostics/diagnostics-<kiosk>-<time>.json` (0600) under `dir`. */
export function writeDiagnosticsBundle(dir: string, bundle: Record<string, unknown>, kioskId: string, at: Date): { file: string; bytes: number; sha256: string } {
  const folder = join(dir, 'diagnostics');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = join(folder, `diagnostics-${kioskId.replace(/[^A-Za-z0-9_-]/g, '_')}-${stamp}.json`);
  const text = JSON.stringify(bundle, null, 2);
  writeFileSync(file, text, { mode: 0o600 });
  return { file, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') };
}

