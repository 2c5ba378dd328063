import { appendFileSync, chmodSync, existsSync } from 'node:fs';
import type { Logger } from '../log.js';

/**
 * The technicians' audit trail: who entered maintenance mode, when, what they did and when they
 * left. A staff id and codes only, never a resident's data. Appended as JSON lines to
 * `audit.jsonl` beside the journal (mode 0600), and to the structured log; a journal in memory
 * (development, tests) keeps the trail in memory.
 */
export interface AuditEntry {
  at: string;
  kioskId: string;
  action: string;
  staffId?: string;
  detail?: string;
}

export class AuditTrail {
  private readonly recent: AuditEntry[] = [];

  constructor(
    private readonly options: { file: string | undefined; kioskId: string; clock: () => Date; log: Pick<Logger, 'info' | 'error'> },
  ) {}

  record(entry: Omit<AuditEntry, 'at' | 'kioskId'>): AuditEntry {
    const full: AuditEntry = { at: this.options.clock().toISOString(), kioskId: this.options.kioskId, ...entry };
    this.recent.push(full);
    if (this.recent.length > 500) this.recent.shift();
    this.options.log.info(`audit: maintenance ${entry.action}`, { audit: entry.action, ...(entry.staffId ? { staffId: entry.staffId } : {}), ...(entry.detail ? { detail: entry.detail } : {}) });
    const file = this.options.file;
    if (file) {
      try {
        const fresh = !existsSync(file);
        appendFileSync(file, JSON.stringify(full) + '\n', { mode: 0o600 });
        if (fresh) chmodSync(file, 0o600);
      } catch (error) {
        // The mode still works; the people who run the centre see that the trail could not be written.
        this.options.log.error('ALERT audit trail not written', { alert: 'audit-unwritable', error: String(error) });
      }
    }
    return full;
  }

  /** The last entries, newest last (the technician screen, tests). */
  entries(): readonly AuditEntry[] {
    return this.recent;
  }
}
