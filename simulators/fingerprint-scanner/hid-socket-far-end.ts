import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { HID_REPORT_SIZE, type HidTransport } from '../../devices/transport/hid/transport.js';
import type { BaseSimulatorState } from '../shared/simulated-device.js';
import { attachHidFarEnd, type HidFarEnd } from './hid-far-end.js';
import type { FingerprintScannerControl, FingerprintSimState, SimulatedFingerprintScanner } from './simulated-fingerprint-scanner.js';

/**
 * The fingerprint scanner at the far end of the hardware loop's HID transport: a Unix-domain
 * socket (devices/transport/hid/socket-hid-device.ts) carrying 64-byte reports. Each connection is
 * the device plugged into the kiosk; the report protocol is hid-far-end.ts over the in-process
 * simulator, whose control stays the tester's way in. Unplugging closes the connection and stops
 * listening (the driver's open fails, as for an absent device) until `reconnect`.
 */
export interface HidSocketControl extends FingerprintScannerControl {
  disconnect(): Promise<void>;
  reconnect(): Promise<void>;
}

export class HidSocketFarEnd {
  readonly control: HidSocketControl;
  private server: Server | undefined;
  private connection: { socket: Socket; farEnd: HidFarEnd } | undefined;
  private latencyMs = 0;

  constructor(
    readonly path: string,
    private readonly engine: SimulatedFingerprintScanner,
  ) {
    const engineControl = engine.control;
    this.control = {
      ...engineControl,
      disconnect: () => this.unplug(),
      reconnect: () => this.plug(),
      setLatencyMs: (ms) => {
        this.latencyMs = ms;
        this.connection?.farEnd.setLatencyMs(ms);
      },
      state: (): FingerprintSimState => {
        const state = engineControl.state();
        const plugged = this.server !== undefined;
        const link: Partial<BaseSimulatorState> = {
          connected: plugged,
          open: this.connection !== undefined,
          latencyMs: this.latencyMs,
          ...(plugged ? {} : { status: { state: 'offline', detail: 'unplugged' } }),
        };
        return { ...state, ...link };
      },
    };
  }

  /** Listens (the scanner is plugged in); the engine is opened once, here. */
  async plug(): Promise<void> {
    if (this.server) return;
    await this.engine.open();
    rmSync(this.path, { force: true });
    const server = createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.path, () => resolve());
    });
    server.unref();
    this.server = server;
  }

  async unplug(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.dropConnection();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(this.path, { force: true });
  }

  async stop(): Promise<void> {
    await this.unplug();
    await this.engine.close();
  }

  private accept(socket: Socket): void {
    if (this.connection) {
      socket.destroy(); // one host at a time, as one USB port
      return;
    }
    socket.unref();
    const link = socketReports(socket);
    const farEnd = attachHidFarEnd(link, this.engine, { latencyMs: this.latencyMs });
    const connection = { socket, farEnd };
    this.connection = connection;
    socket.once('close', () => {
      if (this.connection === connection) this.connection = undefined;
    });
  }

  private dropConnection(): void {
    const connection = this.connection;
    this.connection = undefined;
    connection?.farEnd.detach();
    connection?.socket.destroy();
  }
}

/** The device's side of the socket as a HidTransport: 64-byte reports both ways. */
function socketReports(socket: Socket): HidTransport {
  const reportListeners = new Set<(report: Uint8Array) => void>();
  const closeListeners = new Set<(reason: 'unplugged' | 'closed' | 'error') => void>();
  let pending = Buffer.alloc(0);
  let closed = false;
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= HID_REPORT_SIZE) {
      const report = new Uint8Array(pending.subarray(0, HID_REPORT_SIZE));
      pending = pending.subarray(HID_REPORT_SIZE);
      for (const listener of [...reportListeners]) listener(report);
    }
  });
  const shut = (reason: 'unplugged' | 'closed' | 'error'): void => {
    if (closed) return;
    closed = true;
    for (const listener of [...closeListeners]) listener(reason);
  };
  socket.on('close', () => shut('unplugged'));
  socket.on('error', () => shut('error'));
  return {
    reportSize: HID_REPORT_SIZE,
    write: (report) =>
      new Promise<void>((resolve, reject) => {
        if (closed) return reject(new Error('HID link closed'));
        socket.write(report, (error) => (error ? reject(error) : resolve()));
      }),
    onReport: (listener) => {
      reportListeners.add(listener);
      return () => reportListeners.delete(listener);
    },
    onClose: (listener) => {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: async () => {
      shut('closed');
      socket.destroy();
    },
  };
}
