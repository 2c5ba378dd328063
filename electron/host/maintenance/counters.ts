import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Logger } from '../log.js';
import { CountersSchema, type CountersView } from '../../shared/kiosk-api/schemas/counters.js';

/**
 * The counters a technician reads (cards read, prints, sales, declines, faults per device, visits
 * per service): counts only, never whose. Kept in `counters.json` beside the journal so they
 * survive a restart (written whole, through a temporary file, so a crash never leaves half a file);
 * in memory when the journal is.
 */
export { CountersSchema, type CountersView } from '../../shared/kiosk-api/schemas/counters.js';

export class Counters {
  private data: CountersView;

  constructor(private readonly options: { file: string | undefined; clock: () => Date; log: Pick<Logger, 'warn'> }) {
    this.data = { since: options.clock().toISOString(), counts: {} };
    const file = options.file;
    if (file && existsSync(file)) {
      const parsed = CountersSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) this.data = parsed.data;
      else options.log.warn('counters.json unreadable: counting again from zero', { file });
    }
  }

  /** Adds one (or `by`) to a counter named `<what>` or `<what>:<device or service>`. */
  add(name: string, by = 1): void {
    this.data.counts[name] = (this.data.counts[name] ?? 0) + by;
    this.save();
  }

  view(): CountersView {
    return structuredClone(this.data);
  }

  private save(): void {
    const file = this.options.file;
    if (!file) return;
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(this.data), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      this.options.log.warn('counters not saved', { error: String(error) });
    }
  }
}
