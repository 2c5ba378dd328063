import type { DeviceStatus, SelfTestResult } from '../../contract.js';
import { type Settle, waitFor } from '../../transport/serial/abortable.js';
import { SerialDevice, type SerialDeviceOptions } from '../../transport/serial/serial-device.js';
import {
  PAPER_STATUS_DETAIL,
  type PaperState,
  type Receipt,
  type ReceiptPrinter,
  type ReceiptPrinterCapabilities,
  type ReceiptPrinterEvents,
  receiptProblem,
} from '../contract.js';
import { encodeReceipt } from './escpos-receipt.js';
import {
  decodeOfflineCause,
  decodePaperSensor,
  isStatusByte,
  type OfflineCause,
  paperStateOf,
  REQUEST_OFFLINE_CAUSE,
  REQUEST_PAPER_SENSOR,
} from './escpos-status.js';
import { logoBitmap } from './logo.js';

export interface SerialReceiptPrinterOptions extends SerialDeviceOptions {
  /** Characters per line in font A: 48 on 80 mm paper. */
  columns: number;
  paperWidthMm: number;
}

interface Waiting {
  settle: Settle<number> | undefined; // undefined once its caller gave up: the byte is still its own
}

/**
 * An ESC/POS receipt printer on a serial line. Paper and cover are read with real-time status
 * requests (DLE EOT 2 and 4) on every heartbeat and around every print, so the status follows the
 * paper while idle. Answers are single bytes, matched to requests in order; an answer whose caller
 * gave up keeps its place in the queue so the next answer is not taken for the wrong question.
 */
export class SerialReceiptPrinter
  extends SerialDevice<ReceiptPrinterEvents, ReceiptPrinterCapabilities>
  implements ReceiptPrinter
{
  private paper: PaperState = 'ok';
  private mechanismError = false;
  private readonly answers: Waiting[] = [];
  /** Bytes that were not status answers (line noise), for diagnostics. */
  noise = 0;

  constructor(private readonly config: SerialReceiptPrinterOptions) {
    super('receipt-printer', config);
    this.reported = { model: 'ESC/POS receipt printer', vendor: 'generic' };
  }

  capabilities(): ReceiptPrinterCapabilities {
    return { paperWidthMm: this.config.paperWidthMm, columns: this.config.columns, qr: true, cutter: true };
  }

  paperState(): PaperState {
    return this.paper;
  }

  protected override openStatus(): DeviceStatus {
    if (this.paper !== 'ok') return { state: 'degraded', detail: PAPER_STATUS_DETAIL[this.paper] };
    if (this.mechanismError) return { state: 'degraded', detail: 'printer-error' };
    return { state: 'online' };
  }

  protected receive(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (!isStatusByte(byte) || this.answers.length === 0) {
        this.noise++;
        continue;
      }
      this.answers.shift()?.settle?.resolve(byte);
    }
  }

  protected override keepAlive(): Uint8Array {
    return Uint8Array.of(0x00); // NUL: ignored by ESC/POS, unlike a second status request
  }

  protected override onLinkClosed(): void {
    this.answers.length = 0;
  }

  protected async handshake(signal: AbortSignal): Promise<void> {
    await this.readStatus(signal);
  }

  protected override async probe(signal: AbortSignal): Promise<void> {
    await this.readStatus(signal);
    this.stateChanged();
  }

  protected async selfTestChecks(signal: AbortSignal): Promise<SelfTestResult['checks']> {
    const paper = await this.readStatus(signal);
    this.stateChanged();
    const printable = paper !== 'out' && paper !== 'cover-open';
    return [
      { name: 'paper', passed: printable, ...(paper !== 'ok' ? { detail: PAPER_STATUS_DETAIL[paper] } : {}) },
      { name: 'mechanism', passed: !this.mechanismError, ...(this.mechanismError ? { detail: 'printer-error' } : {}) },
    ];
  }

  /**
   * Checks paper and cover, sends the receipt, then asks again: the answer comes after the printer
   * took the data, and says whether the paper ran out on the way (then the receipt is incomplete).
   */
  print(receipt: Receipt, signal?: AbortSignal): Promise<void> {
    return this.operation(
      'print',
      signal,
      async (ctx) => {
        const problem = receiptProblem(receipt);
        if (problem !== null) throw this.error('protocol', `the receipt cannot be printed: ${problem}`, 'invalid-receipt');
        this.refuseIfCannotPrint(await this.readStatus(ctx.signal));
        const bytes = encodeReceipt(receipt, { columns: this.config.columns, logo: await logoBitmap() });
        await this.send(bytes, ctx.signal);
        this.refuseIfCannotPrint(await this.readStatus(ctx.signal));
      },
      { exclusive: true },
    );
  }

  private refuseIfCannotPrint(paper: PaperState): void {
    if (paper === 'out') throw this.error('user-action-needed', 'the printer is out of paper', 'paper-out');
    if (paper === 'cover-open') throw this.error('user-action-needed', 'the printer cover is open', 'cover-open');
  }

  /** Both real-time answers; updates paper state and emits the status if it changed. */
  private async readStatus(signal: AbortSignal): Promise<PaperState> {
    const cause = this.answer(signal);
    const sensor = this.answer(signal);
    cause.catch(() => undefined);
    sensor.catch(() => undefined);
    await this.send(Uint8Array.from([...REQUEST_OFFLINE_CAUSE, ...REQUEST_PAPER_SENSOR]), signal);
    const offline: OfflineCause | undefined = decodeOfflineCause(await cause);
    const paper = decodePaperSensor(await sensor);
    if (!offline || !paper) throw this.error('protocol', 'the printer sent something that is not a status', 'bad-status');
    this.paper = paperStateOf(offline, paper);
    this.mechanismError = offline.error;
    this.stateChanged();
    return this.paper;
  }

  private answer(signal: AbortSignal): Promise<number> {
    return waitFor<number>(signal, (settle) => {
      const waiting: Waiting = { settle };
      this.answers.push(waiting);
      return () => {
        waiting.settle = undefined;
      };
    });
  }
}
