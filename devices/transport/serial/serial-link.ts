import { SerialPort } from 'serialport';

/**
 * One open serial line as the drivers see it: bytes in, bytes out, and one `close` notice that says
 * whether we closed it or the line went away (unplugged USB adapter, pty whose far end was closed).
 * Nothing here knows a device protocol.
 */
export interface SerialLink {
  readonly path: string;
  /** Writes and waits until the bytes left the buffer; rejects `SerialLinkError` (`closed`, `io`). */
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once, when the line closes for whatever reason. */
  onClose(listener: (reason: SerialLinkCloseReason) => void): () => void;
  /** Closes the line; never rejects; idempotent. */
  close(): Promise<void>;
}

export type SerialLinkCloseReason = 'closed' | 'disconnected';

export interface SerialLinkOptions {
  path: string;
  baudRate: number;
}

/** Opens a serial line; injected into drivers so tests can swap the transport. */
export type OpenSerialLink = (options: SerialLinkOptions, signal?: AbortSignal) => Promise<SerialLink>;

export type SerialLinkErrorCode = 'not-found' | 'open-failed' | 'closed' | 'io' | 'cancelled';

export class SerialLinkError extends Error {
  constructor(
    readonly code: SerialLinkErrorCode,
    message: string,
    /** The operating system's errno name when the platform gave one (`ENOENT`, `EACCES`, `EBUSY`). */
    readonly errno?: string,
  ) {
    super(message);
    this.name = 'SerialLinkError';
  }
}

/** serialport's binding reports errors as text ("No such file or directory, cannot open …"): the errno it names. */
function errnoOf(error: Error & { code?: unknown }): string | undefined {
  if (typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code)) return error.code;
  const known: Array<[RegExp, string]> = [
    [/ENOENT|No such file/i, 'ENOENT'],
    [/EACCES|Permission denied/i, 'EACCES'],
    [/EBUSY|busy/i, 'EBUSY'],
    [/ENODEV|No such device/i, 'ENODEV'],
  ];
  return known.find(([pattern]) => pattern.test(error.message))?.[1];
}

/** The real transport: `serialport`'s platform binding. */
export const openSerialPort: OpenSerialLink = async (options, signal) => {
  if (signal?.aborted) throw new SerialLinkError('cancelled', 'open was cancelled');
  const port = new SerialPort({ path: options.path, baudRate: options.baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((error) => {
      if (!error) return resolve();
      const missing = /ENOENT|No such file|cannot open/i.test(error.message);
      reject(new SerialLinkError(missing ? 'not-found' : 'open-failed', `${options.path}: ${error.message}`, errnoOf(error)));
    });
  });
  const link = new SerialPortLink(options.path, port);
  if (signal?.aborted) {
    await link.close();
    throw new SerialLinkError('cancelled', 'open was cancelled');
  }
  return link;
};

class SerialPortLink implements SerialLink {
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly closeListeners = new Set<(reason: SerialLinkCloseReason) => void>();
  private closedReason: SerialLinkCloseReason | undefined;
  private closing = false;

  constructor(
    readonly path: string,
    private readonly port: SerialPort,
  ) {
    port.on('data', (chunk: Buffer) => {
      const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (const listener of [...this.dataListeners]) listener(bytes);
    });
    // serialport emits `close` with `disconnected: true` when the line died under us.
    port.on('close', (error?: { disconnected?: boolean }) => {
      this.finish(error?.disconnected === true || !this.closing ? 'disconnected' : 'closed');
    });
    port.on('error', () => {
      // Read/write errors also surface through `write` or `close`; a dead line is handled there.
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    if (this.closedReason !== undefined || this.closing) {
      return Promise.reject(new SerialLinkError('closed', `${this.path} is closed`));
    }
    return new Promise<void>((resolve, reject) => {
      this.port.write(Buffer.from(bytes), (error) => {
        if (error) {
          // EIO: the far end is gone (a pty whose master closed, an unplugged adapter).
          reject(new SerialLinkError('io', `${this.path}: ${error.message}`));
          void this.drop();
          return;
        }
        this.port.drain((drainError) => {
          if (drainError) reject(new SerialLinkError('io', `${this.path}: ${drainError.message}`));
          else resolve();
        });
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (reason: SerialLinkCloseReason) => void): () => void {
    if (this.closedReason !== undefined) {
      const reason = this.closedReason;
      queueMicrotask(() => listener(reason));
      return () => undefined;
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closedReason !== undefined) return;
    this.closing = true;
    await new Promise<void>((resolve) => {
      if (!this.port.isOpen) return resolve();
      this.port.close(() => resolve());
    });
    this.finish('closed');
  }

  /** The line failed: release the descriptor and report `disconnected`. */
  private async drop(): Promise<void> {
    if (this.closedReason !== undefined) return;
    await new Promise<void>((resolve) => {
      if (!this.port.isOpen) return resolve();
      this.port.close(() => resolve());
    });
    this.finish('disconnected');
  }

  private finish(reason: SerialLinkCloseReason): void {
    if (this.closedReason !== undefined) return;
    this.closedReason = reason;
    this.dataListeners.clear();
    for (const listener of [...this.closeListeners]) listener(reason);
    this.closeListeners.clear();
  }
}
