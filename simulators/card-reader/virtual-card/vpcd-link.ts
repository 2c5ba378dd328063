import { sleep } from '../../../devices/operations/timing.js';
import { connect, type Socket } from 'node:net';
import type { Chip } from './chip.js';
import { encodeFrame, VPCD_CONTROL, VpcdDecoder } from './vpcd-framing.js';

export interface VpcdLinkOptions {
  host: string;
  port: number;
  /** Delay before each APDU answer (a slow card or field), read at every command. */
  latencyMs: () => number;
  /** Asked at every APDU: true makes the card leave the field instead of answering. */
  leaveOnNextCommand: () => boolean;
  /** Set while a fault is injected: the chip answers 6F00 to every command. */
  faulty: () => boolean;
  /** Set while the chip is frozen: commands are taken and never answered (the card stays in the field). */
  frozen?: () => boolean;
}

/**
 * One placement of a card on the virtual reader: a TCP connection to pcscd's vpcd driver. vpcd
 * sees the card while the connection is up (it polls the ATR), so connecting places the card and
 * closing the socket lifts it.
 */
export class VpcdLink {
  private socket: Socket | undefined;
  private readonly decoder = new VpcdDecoder();
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly chip: Chip,
    private readonly options: VpcdLinkOptions,
  ) {}

  /** Resolves once connected; rejects if vpcd is not listening (pcscd down). */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.options.host, port: this.options.port });
      this.socket = socket;
      socket.setNoDelay(true); // answers are tiny and latency-bound
      socket.unref(); // a card on the reader never keeps the host alive
      socket.once('connect', () => resolve());
      socket.once('error', (error) => {
        this.closed = true;
        reject(error);
      });
      socket.on('close', () => {
        this.closed = true;
      });
      socket.on('data', (chunk: Buffer) => {
        for (const message of this.decoder.push(new Uint8Array(chunk))) {
          this.queue = this.queue.then(() => this.answer(message)).catch(() => undefined);
        }
      });
    });
  }

  get isOpen(): boolean {
    return this.socket !== undefined && !this.closed;
  }

  /** Lifts the card; resolves when the socket is closed. */
  close(): Promise<void> {
    const socket = this.socket;
    if (!socket || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
  }

  private async answer(message: ReturnType<VpcdDecoder['push']>[number]): Promise<void> {
    if (this.closed) return;
    const { applet, atr } = this.chip;
    if (message.kind === 'control') {
      if (message.code === VPCD_CONTROL.GET_ATR) this.send(atr);
      else if (message.code === VPCD_CONTROL.POWER_ON || message.code === VPCD_CONTROL.RESET || message.code === VPCD_CONTROL.POWER_OFF) applet.reset();
      return;
    }
    if (this.options.frozen?.()) return; // a chip that hangs mid-command: pcscd waits for ever
    if (this.options.leaveOnNextCommand()) {
      this.socket?.destroy(); // the card leaves the field with the command unanswered
      return;
    }
    const latency = this.options.latencyMs();
    await sleep(latency);
    if (this.closed) return;
    this.send(this.options.faulty() ? Uint8Array.of(0x6f, 0x00) : applet.process(message.apdu));
  }

  private send(body: Uint8Array): void {
    this.socket?.write(encodeFrame(body));
  }
}
