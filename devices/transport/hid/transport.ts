/**
 * A HID link as the drivers see it: fixed-size reports in and out, and a close signal. The real
 * one is node-hid (`node-hid-transport.ts`); tests and the simulator's far end use an in-memory
 * pair (`memory-transport.ts`), so every driver runs without /dev/hidraw.
 */
export interface HidTransport {
  /** Sends one output report (exactly `reportSize` bytes, no report-ID prefix). Rejects once closed. */
  write(report: Uint8Array): Promise<void>;
  /** Every input report, in order, until the link closes. Returns the unsubscribe function. */
  onReport(listener: (report: Uint8Array) => void): () => void;
  /** Called once when the link goes away: unplugged, a read error, or `close()`. */
  onClose(listener: (reason: 'unplugged' | 'closed' | 'error') => void): () => void;
  /** Releases the device. Never rejects; idempotent. */
  close(): Promise<void>;
  readonly reportSize: number;
}

/** Opens a link to one device; rejects (with any error) when the device is absent. */
export type HidTransportFactory = (signal?: AbortSignal) => Promise<HidTransport>;

/** Fixed report size of the fingerprint scanner's interface (USB full-speed interrupt endpoint). */
export const HID_REPORT_SIZE = 64;
