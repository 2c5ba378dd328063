import { STX } from '../../devices/payment-terminal/drivers/ecr-frame.js';
import { EcrLink } from '../../devices/payment-terminal/drivers/ecr-link.js';
import {
  declineCode,
  decodeRequest,
  type EcrRequest,
  type EcrResponse,
  encodeResponse,
  MOP_NUMERIC,
  REJECT_REASONS,
  type RejectReason,
} from '../../devices/payment-terminal/drivers/ecr-messages.js';
import { isDeviceError } from '../../devices/errors.js';
import type { PaymentReference, SaleOutcome } from '../../devices/payment-terminal/contract.js';
import { PtyLine } from '../../devices/transport/serial/pty-line.js';
import { PeerLink } from '../shared/peer-link.js';
import { type PaymentDefault, type PaymentTerminalControl, type PaymentTerminalSimState, SimulatedPaymentTerminal } from './simulated-payment-terminal.js';

export interface SerialTerminalPeerOptions {
  /** The path the driver opens (a symlink socat makes). */
  devicePath: string;
  /** The simulator's own end. */
  peerPath: string;
  /** The resident's delay before presenting the card, and the bank's before answering. 0 in tests. */
  delayMs?: number;
  paymentDefault?: PaymentDefault;
  /** ACK wait of the terminal's own link layer. */
  ackTimeoutMs?: number;
}

/** What the pty terminal adds to the in-process one's control (same shape, plus the line's faults). */
export interface SerialTerminalControl extends PaymentTerminalControl {
  disconnect(): Promise<void>;
  reconnect(): Promise<void>;
  /** Raw bytes on the line: noise, half a frame, anything. Default: noise and a frame cut short. */
  sendGarbage(bytes?: Uint8Array): Promise<void>;
  /** Damages the LRC of the next `n` frames the terminal sends (4 exhausts the driver's retries). */
  corruptNextFrames(n: number): void;
  /** Power off for `offMs` (silent, forgets the sale in progress), then power up and say so. */
  powerCycle(offMs: number): Promise<void>;
  state(): SerialTerminalSimState;
}

export interface SerialTerminalSimState extends PaymentTerminalSimState {
  powered: boolean;
  link: EcrLink['stats'];
}

/** The sale the terminal is busy with: its engine call, and whether the card is already being charged. */
interface CurrentSale {
  reference: PaymentReference;
  abort: AbortController;
  processing: boolean;
}

const encoder = new TextEncoder();

/**
 * The simulated payment terminal as the far end of a real serial line: it speaks the ECR protocol
 * over a socat pty pair, so the real driver is exercised byte for byte. What the terminal does (the
 * outcomes a tester queues, the ledger, enquiries, voids, what an unplug leaves behind) is the
 * in-process simulator's own behaviour: this peer only translates frames to its calls and back, as
 * hid-far-end.ts does for the scanner. A wire adds garbage, damaged frames and power cycles.
 */
export class SerialTerminalPeer {
  readonly control: SerialTerminalControl;
  private readonly line: PtyLine;
  private readonly ecr: EcrLink;
  private readonly engine: SimulatedPaymentTerminal;
  private readonly link: PeerLink;
  private powered = true;
  private corrupt = 0;
  private current: CurrentSale | undefined;
  private powerTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: SerialTerminalPeerOptions) {
    this.engine = new SimulatedPaymentTerminal({ delayMs: options.delayMs ?? 0, paymentDefault: options.paymentDefault ?? 'approve' });
    this.engine.on('prompt', ({ prompt, reference }) => {
      if (this.current?.reference === reference && prompt === 'processing') this.current.processing = true;
      this.reply({ type: 'event', reference, prompt });
    });
    this.line = new PtyLine({
      devicePath: options.devicePath,
      peerPath: options.peerPath,
      onData: (chunk) => {
        if (this.powered) this.ecr.receive(chunk);
      },
    });
    this.ecr = new EcrLink({
      write: (bytes) => (this.powered ? this.line.write(bytes) : Promise.resolve()),
      onMessage: (text) => this.onRequest(text),
      ackTimeoutMs: options.ackTimeoutMs ?? 100,
      outgoing: (frame) => {
        if (this.corrupt <= 0) return frame;
        this.corrupt--;
        const damaged = frame.slice();
        damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 0x5a; // a wrong LRC
        return damaged;
      },
    });
    this.link = new PeerLink(this.line);
    const engine = this.engine.control;
    this.control = {
      ...this.link.controls(() => {
        void this.abandon();
        this.ecr.reset();
      }),
      queueOutcome: engine.queueOutcome,
      clearQueue: engine.clearQueue,
      setDefault: engine.setDefault,
      sales: engine.sales,
      transactions: engine.transactions,
      sendGarbage: (bytes) => this.line.write(bytes ?? garbage()),
      corruptNextFrames: (n) => {
        this.corrupt = n;
      },
      powerCycle: (offMs) => this.powerCycle(offMs),
      state: () => {
        const { default: mode, queue, transactions } = engine.state();
        return {
          ...this.link.baseState(this.current ? ['sale'] : []),
          default: mode,
          queue,
          transactions,
          powered: this.powered,
          link: { ...this.ecr.stats },
        };
      },
    };
  }

  get devicePath(): string {
    return this.line.devicePath;
  }

  /** Plugs the line in (the driver can open it afterwards). */
  async start(): Promise<void> {
    await this.engine.open();
    await this.line.plug();
  }

  /** Unplugs for good and clears every timer. */
  async stop(): Promise<void> {
    if (this.powerTimer !== undefined) clearTimeout(this.powerTimer);
    this.ecr.reset();
    await this.line.unplug();
    await this.engine.close();
  }

  private onRequest(text: string): void {
    const decoded = decodeRequest(text);
    if (!decoded.ok) return; // a real terminal ignores what it cannot parse; the ECR times out
    const handle = (): void => {
      if (this.powered) void this.handle(decoded.message).catch(() => undefined);
    };
    this.link.later(handle);
  }

  private async handle(request: EcrRequest & { currency?: string }): Promise<void> {
    switch (request.type) {
      case 'status':
        return this.reply({ type: 'status', fault: this.link.fault, busy: this.current !== undefined, model: 'Simulator', vendor: 'DSI kiosk simulators', firmware: 'sim-ecr-1' });
      case 'self-test':
        return this.reply({ type: 'self-test', passed: this.link.fault === null, ...(this.link.fault !== null ? { detail: this.link.fault } : {}) });
      case 'sale':
        return this.startSale(request);
      case 'abort': {
        const sale = this.current;
        const accepted = sale !== undefined && sale.reference === request.reference && !sale.processing;
        this.reply({ type: 'abort', reference: request.reference, accepted });
        if (accepted) sale.abort.abort(); // the engine answers the sale `cancelled`
        return;
      }
      case 'void': {
        const { state } = await this.engine.void(request.reference as PaymentReference);
        return this.reply({ type: 'void', reference: request.reference, state });
      }
      case 'enquire': {
        const found = await this.engine.enquire(request.reference as PaymentReference);
        return this.reply({ type: 'enquire', reference: request.reference, state: found.state, ...(found.authCode !== undefined ? { authCode: found.authCode } : {}) });
      }
    }
  }

  private async startSale(request: Extract<EcrRequest, { type: 'sale' }> & { currency?: string }): Promise<void> {
    const reference = request.reference as PaymentReference;
    const refuse = (reason: RejectReason): void => this.reply({ type: 'reject', request: 'sale', reference, reason });
    if (this.current) return refuse('busy');
    if (request.currency !== MOP_NUMERIC) return refuse('invalid-currency');
    const sale: CurrentSale = { reference, abort: new AbortController(), processing: false };
    this.current = sale;
    let outcome: SaleOutcome;
    try {
      outcome = await this.engine.sale({ reference, amountAvos: request.amountAvos, currency: 'MOP', tender: request.tender }, sale.abort.signal);
    } catch (error) {
      // Refused by the terminal's own rules (the engine's): say why. Unplugged or powered off: silence.
      const reason = isDeviceError(error) ? REJECT_REASONS.find((r) => r === error.detail) : undefined;
      if (reason && this.current === sale) refuse(reason);
      return;
    } finally {
      if (this.current === sale) this.current = undefined;
    }
    switch (outcome.outcome) {
      case 'approved':
        return this.reply({
          type: 'sale',
          reference,
          result: 'approved',
          responseCode: '00',
          authCode: outcome.authCode,
          ...(outcome.cardLast4 !== undefined ? { cardLast4: outcome.cardLast4 } : {}),
          ...(outcome.balanceAvos !== undefined ? { balanceAvos: outcome.balanceAvos } : {}),
        });
      case 'declined':
        return this.reply({ type: 'sale', reference, result: 'declined', responseCode: declineCode(outcome.reason) });
      case 'cancelled':
        return this.reply({ type: 'sale', reference, result: 'cancelled', responseCode: 'CN' });
      case 'timed-out':
        return; // the bank never answered, or the answer is lost: nothing goes back on the line
    }
  }

  /**
   * Unplugged or powered off: the engine loses its link (a sale waiting for its card ends without
   * a charge; one already being charged keeps its outcome for `enquire`), then comes back.
   */
  private async abandon(): Promise<void> {
    this.current = undefined;
    this.engine.control.disconnect();
    this.engine.control.reconnect();
    await this.engine.open();
  }

  private powerCycle(offMs: number): Promise<void> {
    this.powered = false;
    void this.abandon();
    this.ecr.reset();
    return new Promise<void>((resolve) => {
      this.powerTimer = setTimeout(() => {
        this.powerTimer = undefined;
        this.powered = true;
        this.reply({ type: 'power-up' });
        resolve();
      }, offMs);
    });
  }

  private reply(response: EcrResponse): void {
    this.ecr.send(encodeResponse(response)).catch(() => undefined); // undeliverable: the ECR finds out by asking
  }
}

/** Noise, then a frame that starts and never ends: what a flaky cable or a reboot looks like. */
function garbage(): Uint8Array {
  return Uint8Array.from([0xff, 0x41, 0x00, 0x7f, 0x13, STX, ...encoder.encode('0040'), ...encoder.encode('12SA')]);
}
