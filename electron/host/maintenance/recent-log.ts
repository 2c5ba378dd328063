import { DEVICE_KINDS, type DeviceKind } from '../../../devices/kinds.js';
import type { LogFields, Logger } from '../log.js';
import { LOG_VIEW_MAX, type LogEntry } from '../../shared/kiosk-api/schemas/maintenance.js';

/**
 * The last log entries, kept in memory for the technician's log viewer and the diagnostics bundle.
 * Only named fields are kept (device, code, detail, path, errno, vendor code), each cut to the
 * schema's length: a log call's other fields (ids, counts, errors' text) stay in the structured
 * log, so nothing a caller passed by mistake reaches the screen or a bundle.
 */
export class RecentLog {
  private readonly entries: LogEntry[] = [];

  constructor(
    private readonly clock: () => Date,
    private readonly capacity = 500,
  ) {}

  /** A logger that writes through `inner` and keeps a copy here. */
  tap(inner: Logger): Logger {
    const keep = (level: LogEntry['level']) => (message: string, fields?: LogFields) => {
      inner[level](message, fields);
      if (level !== 'debug') this.push(level, message, fields);
    };
    return { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
  }

  /** Newest first; one device's only when `device` is given. */
  view(device?: DeviceKind, max = LOG_VIEW_MAX): LogEntry[] {
    const out: LogEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < max; i--) {
      const entry = this.entries[i]!;
      if (device === undefined || entry.device === device) out.push(entry);
    }
    return out;
  }

  private push(level: LogEntry['level'], message: string, fields: LogFields | undefined): void {
    const text = (key: string, max: number): string | undefined => {
      const value = fields?.[key];
      return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, max) : undefined;
    };
    const device = fields?.device;
    const entry: LogEntry = {
      at: this.clock().toISOString(),
      level,
      message: message.slice(0, 200),
      ...(typeof device === 'string' && (DEVICE_KINDS as readonly string[]).includes(device) ? { device: device as DeviceKind } : {}),
    };
    for (const [key, max] of [['state', 20], ['code', 100], ['detail', 200], ['path', 200], ['errno', 40], ['vendorCode', 40]] as const) {
      const value = text(key, max);
      if (value !== undefined) entry[key] = value;
    }
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }
}
