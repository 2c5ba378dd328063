import { HID_REPORT_SIZE, type HidTransport } from './transport.js';

type CloseReason = 'unplugged' | 'closed' | 'error';

/** One end of an in-memory HID link; what it writes arrives at the other end's `onReport`. */
export interface MemoryHidEnd extends HidTransport {
  readonly closed: boolean;
}

/**
 * A linked pair of in-memory HID ends: `host` for the driver, `device` for a simulated device
 * (the far end). Reports are delivered asynchronously (a microtask later), as from a real endpoint.
 * `unplug()` closes both ends with reason `unplugged`.
 */
export function createMemoryHidPair(reportSize = HID_REPORT_SIZE): {
  host: MemoryHidEnd;
  device: MemoryHidEnd;
  unplug(): void;
} {
  const a = new End(reportSize);
  const b = new End(reportSize);
  a.peer = b;
  b.peer = a;
  return {
    host: a,
    device: b,
    unplug: () => {
      a.shut('unplugged');
      b.shut('unplugged');
    },
  };
}

class End implements MemoryHidEnd {
  peer: End | undefined;
  closed = false;
  private readonly reportListeners = new Set<(report: Uint8Array) => void>();
  private readonly closeListeners = new Set<(reason: CloseReason) => void>();

  constructor(readonly reportSize: number) {}

  async write(report: Uint8Array): Promise<void> {
    if (this.closed) throw new Error('HID link closed');
    if (report.length !== this.reportSize) throw new RangeError(`report must be ${this.reportSize} bytes, got ${report.length}`);
    const copy = report.slice();
    const peer = this.peer;
    queueMicrotask(() => {
      if (peer && !peer.closed) for (const listener of [...peer.reportListeners]) listener(copy);
    });
  }

  onReport(listener: (report: Uint8Array) => void): () => void {
    this.reportListeners.add(listener);
    return () => this.reportListeners.delete(listener);
  }

  onClose(listener: (reason: CloseReason) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.shut('closed');
    this.peer?.shut('unplugged'); // the far end sees the host go away
  }

  shut(reason: CloseReason): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of [...this.closeListeners]) listener(reason);
    this.closeListeners.clear();
    this.reportListeners.clear();
  }
}
