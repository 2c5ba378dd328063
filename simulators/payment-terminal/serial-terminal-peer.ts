import { STX } from '../../devices/payment-terminal/drivers/ecr-frame.js';
import { EcrLink } from '../../devices/payment-terminal/drivers/ecr-link.js';
import {
  declineCode,
  decodeRequest,
  type EcrRequest,
  type EcrResponse,
  encodeResponse,
  MOP_NUMERIC,
  type RejectReason,
} from '../../devices/payment-terminal/drivers/ecr-messages.js';
import { PtyLine } from '../../devices/transport/serial/pty-line.js';
import { PeerLink } from '../shared/peer-link.js';
import type { PaymentDefault, PaymentTerminalControl, PaymentTerminalSimState, PlannedOutcome, TransactionRecord } from './simulated-payment-terminal.js';

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

interface CurrentSale {
  record: TransactionRecord;
  phase: 'card' | 'processing';
  /** The resident's delay has passed: a card can be presented now. */
  ready: boolean;
  timers: Array<ReturnType<typeof setTimeout>>;
}

const DEFAULT_DECLINE_REASON = 'insufficient-funds';
const DEFAULT_BALANCE_AVOS = 12_350;
const encoder = new TextEncoder();

/**
 * The simulated payment terminal as the far end of a real serial line: it speaks the ECR protocol
 * over a socat pty pair, so the real driver is exercised byte for byte. Same outcomes and control
 * as the in-process simulator, plus what only a wire can do: garbage, damaged frames, power cycles.
 */
export class SerialTerminalPeer {
  readonly control: SerialTerminalControl;
  private readonly line: PtyLine;
  private readonly ecr: EcrLink;
  private readonly records = new Map<string, TransactionRecord>();
  private readonly queue: PlannedOutcome[] = [];
  private mode: PaymentDefault;
  private readonly delayMs: number;
  private readonly link: PeerLink;
  private powered = true;
  private corrupt = 0;
  private current: CurrentSale | undefined;
  private nextAuth = 204_311;
  private powerTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: SerialTerminalPeerOptions) {
    this.delayMs = options.delayMs ?? 0;
    this.mode = options.paymentDefault ?? 'approve';
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
    this.control = {
      ...this.link.controls(() => {
        this.abandon();
        this.ecr.reset();
      }),
      queueOutcome: (planned) => {
        this.queue.push({ ...planned });
        this.proceed();
      },
      clearQueue: () => {
        this.queue.length = 0;
      },
      setDefault: (mode) => {
        this.mode = mode;
        this.proceed();
      },
      sales: () => this.list().filter((r) => r.state === 'approved' || r.state === 'voided'),
      transactions: () => this.list(),
      sendGarbage: (bytes) => this.line.write(bytes ?? garbage()),
      corruptNextFrames: (n) => {
        this.corrupt = n;
      },
      powerCycle: (offMs) => this.powerCycle(offMs),
      state: () => ({
        ...this.link.baseState(this.current ? ['sale'] : []),
        default: this.mode,
        queue: this.queue.map((q) => ({ ...q })),
        transactions: this.list(),
        powered: this.powered,
        link: { ...this.ecr.stats },
      }),
    };
  }

  get devicePath(): string {
    return this.line.devicePath;
  }

  /** Plugs the line in (the driver can open it afterwards). */
  start(): Promise<void> {
    return this.line.plug();
  }

  /** Unplugs for good and clears every timer. */
  async stop(): Promise<void> {
    if (this.powerTimer !== undefined) clearTimeout(this.powerTimer);
    this.abandon();
    this.ecr.reset();
    await this.line.unplug();
  }

  private onRequest(text: string): void {
    const decoded = decodeRequest(text);
    if (!decoded.ok) return; // a real terminal ignores what it cannot parse; the ECR times out
    const handle = (): void => {
      if (this.powered) this.handle(decoded.message);
    };
    this.link.later(handle);
  }

  private handle(request: EcrRequest & { currency?: string }): void {
    switch (request.type) {
      case 'status':
        return this.reply({ type: 'status', fault: this.link.fault, busy: this.current !== undefined, model: 'Simulator', vendor: 'DSI kiosk simulators', firmware: 'sim-ecr-1' });
      case 'self-test':
        return this.reply({ type: 'self-test', passed: this.link.fault === null, ...(this.link.fault !== null ? { detail: this.link.fault } : {}) });
      case 'sale':
        return this.startSale(request);
      case 'abort': {
        const sale = this.current;
        const accepted = sale !== undefined && sale.record.reference === request.reference && sale.phase === 'card';
        this.reply({ type: 'abort', reference: request.reference, accepted });
        if (accepted) this.finishCancelled(sale);
        return;
      }
      case 'void': {
        const record = this.records.get(request.reference);
        if (record?.state === 'approved') record.state = 'voided';
        return this.reply({ type: 'void', reference: request.reference, state: record?.state ?? 'not-found' });
      }
      case 'enquire': {
        const record = this.records.get(request.reference);
        return this.reply({
          type: 'enquire',
          reference: request.reference,
          state: record?.state ?? 'not-found',
          ...(record?.authCode !== undefined ? { authCode: record.authCode } : {}),
        });
      }
    }
  }

  private startSale(request: Extract<EcrRequest, { type: 'sale' }> & { currency?: string }): void {
    const { reference } = request;
    const refuse = (reason: RejectReason): void => this.reply({ type: 'reject', request: 'sale', reference, reason });
    if (this.current) return refuse('busy');
    if (request.currency !== MOP_NUMERIC) return refuse('invalid-currency');
    if (request.amountAvos <= 0) return refuse('invalid-amount');
    if (this.records.has(reference)) return refuse('duplicate-reference');
    const record: TransactionRecord = { reference, amountAvos: request.amountAvos, tender: request.tender, state: 'in-progress', at: Date.now() };
    this.records.set(reference, record);
    const sale: CurrentSale = { record, phase: 'card', ready: false, timers: [] };
    this.current = sale;
    this.event(reference, 'present-card');
    sale.timers.push(
      setTimeout(() => {
        sale.ready = true; // the resident reached the reader
        this.proceed();
      }, this.delayMs),
    );
  }

  /** Presents the card once the resident is ready and the tester (or the default) says how it goes. */
  private proceed(): void {
    const sale = this.current;
    if (!sale || sale.phase !== 'card' || !sale.ready) return;
    if (this.queue.length === 0 && this.mode !== 'approve') return;
    const planned = this.queue.shift() ?? { outcome: 'approve' };
    sale.phase = 'processing';
    sale.record.planned = planned.outcome;
    const { reference } = sale.record;
    this.event(reference, 'processing');
    const answer = this.settle(sale.record, planned);
    if (!answer) {
      this.current = undefined; // no answer ever comes: the bank timed out, or the answer is lost
      return;
    }
    sale.timers.push(
      setTimeout(() => {
        if (this.current !== sale) return;
        this.current = undefined;
        if (answer.result === 'approved') this.event(reference, 'remove-card');
        this.reply(answer);
      }, this.delayMs),
    );
  }

  /** Decides the truth of the transaction now; returns the answer to send, or none (lost). */
  private settle(record: TransactionRecord, planned: PlannedOutcome): Extract<EcrResponse, { type: 'sale' }> | undefined {
    const { reference } = record;
    switch (planned.outcome) {
      case 'approve':
      case 'lose-response': {
        record.state = 'approved';
        record.authCode = String(this.nextAuth++).padStart(6, '0');
        if (planned.outcome === 'lose-response') return undefined;
        return {
          type: 'sale',
          reference,
          result: 'approved',
          responseCode: '00',
          authCode: record.authCode,
          cardLast4: '4321',
          ...(record.tender === 'macau-pass' ? { balanceAvos: planned.balanceAvos ?? DEFAULT_BALANCE_AVOS } : {}),
        };
      }
      case 'decline':
        record.state = 'declined';
        return { type: 'sale', reference, result: 'declined', responseCode: declineCode(planned.reason ?? DEFAULT_DECLINE_REASON) };
      case 'timeout':
        record.state = 'cancelled'; // the terminal gave up without charging
        return undefined;
    }
  }

  private finishCancelled(sale: CurrentSale): void {
    for (const timer of sale.timers) clearTimeout(timer);
    sale.record.state = 'cancelled';
    this.current = undefined;
    this.reply({ type: 'sale', reference: sale.record.reference, result: 'cancelled', responseCode: 'CN' });
  }

  /** Unplugged or powered off: a sale still waiting for its card ends without a charge. */
  private abandon(): void {
    const sale = this.current;
    if (!sale) return;
    for (const timer of sale.timers) clearTimeout(timer);
    if (sale.record.state === 'in-progress') sale.record.state = 'cancelled';
    this.current = undefined;
  }

  private powerCycle(offMs: number): Promise<void> {
    this.powered = false;
    this.abandon();
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

  private event(reference: string, prompt: Extract<EcrResponse, { type: 'event' }>['prompt']): void {
    this.reply({ type: 'event', reference, prompt });
  }

  private reply(response: EcrResponse): void {
    this.ecr.send(encodeResponse(response)).catch(() => undefined); // undeliverable: the ECR finds out by asking
  }

  private list(): TransactionRecord[] {
    return [...this.records.values()].map((r) => ({ ...r }));
  }
}

/** Noise, then a frame that starts and never ends: what a flaky cable or a reboot looks like. */
function garbage(): Uint8Array {
  return Uint8Array.from([0xff, 0x41, 0x00, 0x7f, 0x13, STX, ...encoder.encode('0040'), ...encoder.encode('12SA')]);
}
