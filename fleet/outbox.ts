import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The kiosk's store-and-forward queue for MQTT: every message waits here until the broker
 * acknowledges it (QoS 1), so a broker or network outage loses nothing. Bounded: past
 * `maxTelemetry` queued telemetry messages, the oldest telemetry is dropped (it is superseded by
 * newer telemetry anyway); events are never dropped. A retained message (health, state, counters)
 * replaces an older one still queued for the same topic: only the latest matters.
 *
 * Persistent when given a file (`fleet-outbox.json` in the state directory): written whole through
 * a temporary file, at once for an event, within `flushMs` for telemetry.
 */
export const OutboxEntry = z.strictObject({
  id: z.number().int().nonnegative(),
  topic: z.string().max(200),
  payload: z.string().max(64_000),
  retain: z.boolean(),
  telemetry: z.boolean(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;
const OutboxFile = z.strictObject({ nextId: z.number().int().nonnegative(), entries: z.array(OutboxEntry) });

export interface OutboxOptions {
  file?: string | undefined;
  maxTelemetry: number;
  flushMs?: number;
  onWarn?: (message: string, fields: Record<string, unknown>) => void;
}

export class Outbox {
  private entries: OutboxEntry[] = [];
  private nextId = 0;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Telemetry dropped since start because the queue was full (reported in the state message). */
  dropped = 0;

  constructor(private readonly options: OutboxOptions) {
    const file = options.file;
    if (file && existsSync(file)) {
      try {
        const parsed = OutboxFile.parse(JSON.parse(readFileSync(file, 'utf8')));
        this.entries = parsed.entries;
        this.nextId = parsed.nextId;
      } catch (error) {
        options.onWarn?.('fleet outbox unreadable: starting empty', { file, error: String(error) });
      }
    }
  }

  add(message: Omit<OutboxEntry, 'id'>): OutboxEntry {
    if (message.retain) this.entries = this.entries.filter((entry) => entry.topic !== message.topic);
    const entry = { id: this.nextId++, ...message };
    this.entries.push(entry);
    if (message.telemetry) {
      let telemetry = this.entries.reduce((n, e) => n + (e.telemetry ? 1 : 0), 0);
      while (telemetry > this.options.maxTelemetry) {
        const oldest = this.entries.findIndex((e) => e.telemetry);
        this.entries.splice(oldest, 1);
        telemetry--;
        this.dropped++;
      }
    }
    if (message.telemetry) this.scheduleFlush();
    else this.flush();
    return entry;
  }

  /** The queue in order, oldest first. */
  pending(): readonly OutboxEntry[] {
    return this.entries;
  }

  size(): number {
    return this.entries.length;
  }

  /** The broker acknowledged it. */
  remove(id: number): void {
    const index = this.entries.findIndex((entry) => entry.id === id);
    if (index < 0) return;
    this.entries.splice(index, 1);
    this.scheduleFlush();
  }

  has(id: number): boolean {
    return this.entries.some((entry) => entry.id === id);
  }

  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const file = this.options.file;
    if (!file) return;
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify({ nextId: this.nextId, entries: this.entries }), { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      this.options.onWarn?.('fleet outbox not saved', { file, error: String(error) });
    }
  }

  private scheduleFlush(): void {
    if (!this.options.file || this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), this.options.flushMs ?? 200);
    this.flushTimer.unref?.();
  }
}
