import { connect, type Socket } from 'node:net';
import type { HidAsyncDevice } from './node-hid-transport.js';
import { wrap } from './node-hid-transport.js';
import { HID_REPORT_SIZE, type HidTransportFactory } from './transport.js';

/**
 * A HID device reached over a Unix-domain socket instead of /dev/hidraw: the hardware loop's
 * transport to the scanner's far end (there is no uhid on the build machines). It behaves as
 * node-hid's HIDAsync does, so the same adapter (`wrap`) and the real driver run on top of it:
 * `write` takes the report-ID byte first and sends the 64-byte report without it (as the kernel
 * does for an interface without numbered reports); input arrives as whole 64-byte reports, however
 * the stream split them; the far end closing is a read error, as an unplugged device is.
 * What it does not exercise: node-hid and hidapi themselves, the kernel's hidraw driver, USB.
 */
export function socketHidTransport(path: string): HidTransportFactory {
  return async (signal) => wrap(await openSocketHidDevice(path, signal));
}

export function openSocketHidDevice(path: string, signal?: AbortSignal): Promise<HidAsyncDevice> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('cancelled'));
    const socket = connect({ path });
    const onAbort = (): void => {
      socket.destroy();
      reject(new Error('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    socket.once('connect', () => {
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners('error');
      resolve(new SocketHidDevice(socket));
    });
  });
}

class SocketHidDevice implements HidAsyncDevice {
  private readonly dataListeners = new Set<(data: Buffer) => void>();
  private readonly errorListeners = new Set<(error: unknown) => void>();
  private pending = Buffer.alloc(0);
  private closed = false;

  constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.pending = Buffer.concat([this.pending, chunk]);
      while (this.pending.length >= HID_REPORT_SIZE) {
        const report = this.pending.subarray(0, HID_REPORT_SIZE);
        this.pending = this.pending.subarray(HID_REPORT_SIZE);
        for (const listener of [...this.dataListeners]) listener(Buffer.from(report));
      }
    });
    const gone = (error: unknown): void => {
      if (this.closed) return;
      this.closed = true;
      for (const listener of [...this.errorListeners]) listener(error);
    };
    socket.on('error', gone);
    socket.on('close', () => gone(new Error('the HID device went away')));
  }

  async write(data: number[] | Buffer): Promise<number> {
    const bytes = Buffer.from(data);
    if (bytes[0] !== 0x00 || bytes.length !== HID_REPORT_SIZE + 1) throw new RangeError(`expected report ID 0 and ${HID_REPORT_SIZE} bytes`);
    if (this.closed) throw new Error('HID device closed');
    await new Promise<void>((resolve, reject) => this.socket.write(bytes.subarray(1), (error) => (error ? reject(error) : resolve())));
    return bytes.length;
  }

  on(event: 'data' | 'error', listener: ((data: Buffer) => void) | ((error: unknown) => void)): this {
    if (event === 'data') this.dataListeners.add(listener as (data: Buffer) => void);
    else this.errorListeners.add(listener as (error: unknown) => void);
    return this;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.socket.destroy();
  }
}
