import type { SelfTestResult } from '../../contract.js';
import type { DeviceStatus } from '../../contract.js';
import type { DeviceError } from '../../errors.js';
import { waitFor } from '../../transport/serial/abortable.js';
import { SerialDevice, type SerialDeviceOptions } from '../../transport/serial/serial-device.js';
import {
  isPaymentReference,
  PAYMENT_REFERENCE_MAX_LENGTH,
  type PaymentReference,
  type PaymentTerminal,
  type PaymentTerminalCapabilities,
  type PaymentTerminalEvents,
  type SaleOutcome,
  type SaleRequest,
  type TransactionState,
} from '../contract.js';
import { EcrLink, EcrLinkError } from './ecr-link.js';
import {
  declineReason,
  decodeResponse,
  type EcrRequest,
  type EcrResponse,
  encodeRequest,
  MAX_AMOUNT_AVOS,
} from './ecr-messages.js';

export interface SerialPaymentTerminalOptions extends SerialDeviceOptions {
  /** How long a frame waits for ACK before it is sent again (at most three times). */
  ackTimeoutMs: number;
  /** Answers to status, enquiry, void, abort and self-test. */
  requestTimeoutMs: number;
  /** Once the terminal said "processing", its answer must come within this; else `timed-out`. */
  processingTimeoutMs: number;
  /** Backstop while the terminal waits for the card (its own card time-out should come first). */
  cardTimeoutMs: number;
}

type Answer = Exclude<EcrResponse, { type: 'event' | 'power-up' | 'reject' }>;

/** NUL between frames: ignored by the terminal, but a write that fails shows the line is gone. */
const KEEP_ALIVE = Uint8Array.of(0x00);

/**
 * The payment terminal over its ECR serial protocol (docs/protocols/payment-terminal.md). The kiosk
 * sends the amount and a reference; the terminal talks to the card and the bank and answers with an
 * outcome: no card number ever crosses the line, at most its last four digits. A sale whose answer
 * is lost resolves `timed-out`, and the host asks (`enquire`) rather than charging again.
 */
export class SerialPaymentTerminal
  extends SerialDevice<PaymentTerminalEvents, PaymentTerminalCapabilities>
  implements PaymentTerminal
{
  private readonly ecr: EcrLink;
  private readonly listeners = new Set<(message: EcrResponse) => void>();
  private fault: string | null = null;
  /** Frames that were intact but meant nothing to us (a terminal bug or a newer firmware). */
  unreadable = 0;

  constructor(private readonly config: SerialPaymentTerminalOptions) {
    super('payment-terminal', config);
    this.ecr = new EcrLink({
      write: (bytes) => this.send(bytes),
      onMessage: (text) => this.dispatch(text),
      ackTimeoutMs: config.ackTimeoutMs,
    });
  }

  /** Counters of the link layer (retransmissions, NAKs, noise), for diagnostics. */
  linkStats(): EcrLink['stats'] {
    return { ...this.ecr.stats };
  }

  diagnostics(): Record<string, number> {
    return { ...this.linkStats() };
  }

  capabilities(): PaymentTerminalCapabilities {
    return { tenders: ['unionpay-quickpass', 'macau-pass'], canVoid: true };
  }

  protected override openStatus(): DeviceStatus {
    return this.fault === null ? { state: 'online' } : { state: 'degraded', detail: this.fault };
  }

  protected receive(chunk: Uint8Array): void {
    this.ecr.receive(chunk);
  }

  protected override keepAlive(): Uint8Array {
    return KEEP_ALIVE;
  }

  protected override onLinkClosed(): void {
    this.ecr.reset();
  }

  protected async handshake(signal: AbortSignal): Promise<void> {
    const status = await this.ask({ type: 'status' }, signal, 'not-connected');
    this.reported = { model: status.model, vendor: status.vendor, firmware: status.firmware };
    this.fault = status.fault;
  }

  protected override async probe(signal: AbortSignal): Promise<void> {
    await this.handshake(signal);
    this.stateChanged();
  }

  protected async selfTestChecks(signal: AbortSignal): Promise<SelfTestResult['checks']> {
    const result = await this.ask({ type: 'self-test' }, signal, 'not-connected');
    return [{ name: 'terminal', passed: result.passed, ...(result.detail !== undefined ? { detail: result.detail } : {}) }];
  }

  /**
   * Sends the sale and waits: through the card wait (the caller's abort asks the terminal to abort;
   * the terminal's answer then says `cancelled`, or the real outcome if the card was already being
   * charged), then through processing, bounded by `processingTimeoutMs`. No answer, an answer that
   * cannot be delivered or a terminal that restarted mid-sale give `timed-out`.
   */
  sale(request: SaleRequest, signal?: AbortSignal): Promise<SaleOutcome> {
    return this.operation(
      'sale',
      signal,
      async (ctx) => {
        this.validate(request);
        const { reference } = request;
        if (signal?.aborted) return { outcome: 'cancelled', reference };
        const timedOut = (): SaleOutcome => {
          this.abortQuietly(reference); // if the terminal still waits for a card, it must not charge later
          return { outcome: 'timed-out', reference };
        };
        return waitFor<SaleOutcome>(ctx.signal, ({ resolve, reject }) => {
          let processing: ReturnType<typeof setTimeout> | undefined;
          const card = setTimeout(() => resolve(timedOut()), this.config.cardTimeoutMs);
          const onAbort = (): void => this.abortQuietly(reference);
          signal?.addEventListener('abort', onAbort, { once: true });
          const off = this.listen((message) => {
            if (message.type === 'power-up') return resolve(timedOut()); // it forgot the sale
            if (message.type === 'reject' && message.request === 'sale' && message.reference === reference) {
              return reject(this.error('protocol', `the terminal refused the sale: ${message.reason}`, message.reason));
            }
            if (message.type === 'event' && message.reference === reference) {
              this.events.emit('prompt', { prompt: message.prompt, reference });
              if (message.prompt === 'processing' && processing === undefined) {
                processing = setTimeout(() => resolve(timedOut()), this.config.processingTimeoutMs);
              }
              return;
            }
            if (message.type === 'sale' && message.reference === reference) resolve(toOutcome(message));
          });
          this.ecr.send(encodeRequest({ type: 'sale', reference, amountAvos: request.amountAvos, tender: request.tender })).catch(() => {
            // Undeliverable: the terminal may still have it (its ACKs lost). Only an enquiry can tell.
            resolve(timedOut());
          });
          return () => {
            off();
            clearTimeout(card);
            if (processing !== undefined) clearTimeout(processing);
            signal?.removeEventListener('abort', onAbort);
          };
        });
      },
      { exclusive: true, callerAbort: 'observe' },
    );
  }

  void(reference: PaymentReference, signal?: AbortSignal): Promise<{ state: TransactionState }> {
    return this.operation('void', signal, async (ctx) => {
      this.checkReference(reference);
      const answer = await this.ask({ type: 'void', reference }, ctx.signal, 'timeout');
      return { state: answer.state };
    });
  }

  enquire(reference: PaymentReference, signal?: AbortSignal): Promise<{ state: TransactionState; authCode?: string }> {
    return this.operation('enquire', signal, async (ctx) => {
      this.checkReference(reference);
      const answer = await this.ask({ type: 'enquire', reference }, ctx.signal, 'timeout');
      return answer.authCode !== undefined ? { state: answer.state, authCode: answer.authCode } : { state: answer.state };
    });
  }

  /**
   * Sends a request and waits for its answer (matched by type and reference). No ACK or no answer
   * in time rejects with `silence` (`not-connected` during open and probes, else `timeout`).
   */
  private async ask<T extends EcrRequest['type']>(
    request: EcrRequest & { type: T },
    signal: AbortSignal,
    silence: 'timeout' | 'not-connected',
  ): Promise<Extract<Answer, { type: T }>> {
    const reference = 'reference' in request ? request.reference : undefined;
    const noAnswer = (): DeviceError => this.error(silence, `the terminal did not answer ${request.type}`, 'no-answer');
    return waitFor<Extract<Answer, { type: T }>>(
      signal,
      ({ resolve, reject }) => {
        const off = this.listen((message) => {
          if (message.type === 'reject' && message.request === request.type && (reference === undefined || message.reference === reference)) {
            return reject(this.error('protocol', `the terminal refused ${request.type}: ${message.reason}`, message.reason));
          }
          if (message.type !== request.type) return;
          if (reference !== undefined && 'reference' in message && message.reference !== reference) return;
          resolve(message as Extract<Answer, { type: T }>);
        });
        this.ecr.send(encodeRequest(request)).catch((error: unknown) => {
          reject(error instanceof EcrLinkError && error.code === 'reset' ? signal.reason ?? noAnswer() : noAnswer());
        });
        return off;
      },
      { ms: this.config.requestTimeoutMs, error: noAnswer },
    );
  }

  /** Best effort: a lost abort only means the sale's own answer decides. */
  private abortQuietly(reference: string): void {
    const session = this.sessionSignal();
    if (!session) return;
    this.ask({ type: 'abort', reference }, session, 'timeout').catch(() => undefined);
  }

  private listen(listener: (message: EcrResponse) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private dispatch(text: string): void {
    const decoded = decodeResponse(text);
    if (!decoded.ok) {
      this.unreadable++;
      return;
    }
    for (const listener of [...this.listeners]) listener(decoded.message);
  }

  /** What the terminal would refuse anyway: refused here, before anything is sent or charged. */
  private validate(request: SaleRequest): void {
    if (!Number.isSafeInteger(request.amountAvos) || request.amountAvos <= 0 || request.amountAvos > MAX_AMOUNT_AVOS) {
      throw this.error('protocol', `amount must be a positive whole number of avos, got ${request.amountAvos}`, 'invalid-amount');
    }
    if (request.currency !== 'MOP') throw this.error('protocol', `currency ${String(request.currency)} is not accepted`, 'invalid-currency');
    if (!this.capabilities().tenders.includes(request.tender)) {
      throw this.error('protocol', `tender ${String(request.tender)} is not accepted`, 'invalid-tender');
    }
    this.checkReference(request.reference);
  }

  private checkReference(reference: unknown): void {
    if (!isPaymentReference(reference)) {
      throw this.error('protocol', `a reference is 1–${PAYMENT_REFERENCE_MAX_LENGTH} letters, digits or . _ : -`, 'invalid-reference');
    }
  }
}

function toOutcome(message: Extract<EcrResponse, { type: 'sale' }>): SaleOutcome {
  const { reference } = message;
  switch (message.result) {
    case 'approved':
      return {
        outcome: 'approved',
        reference,
        authCode: message.authCode ?? '',
        ...(message.cardLast4 !== undefined ? { cardLast4: message.cardLast4 } : {}),
        ...(message.balanceAvos !== undefined ? { balanceAvos: message.balanceAvos } : {}),
      };
    case 'declined':
      return { outcome: 'declined', reference, reason: declineReason(message.responseCode) };
    case 'cancelled':
      return { outcome: 'cancelled', reference };
  }
}
