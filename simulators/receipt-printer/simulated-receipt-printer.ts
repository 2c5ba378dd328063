import type { DeviceStatus, SelfTestResult } from '../../devices/contract.js';
import {
  PAPER_STATUS_DETAIL,
  type PaperState,
  type Receipt,
  type ReceiptPrinter,
  type ReceiptPrinterCapabilities,
  type ReceiptPrinterEvents,
  receiptProblem,
} from '../../devices/receipt-printer/contract.js';
import {
  type BaseSimulatorControl,
  type BaseSimulatorState,
  SimulatedDevice,
  type SimulatorOptions,
} from '../shared/simulated-device.js';
import { COLUMNS, renderReceiptText } from './render-text.js';

export interface PrintedReceipt {
  receipt: Receipt;
  /** What the paper would read, for tests and the tester panel. */
  text: string;
  at: number;
}

export interface ReceiptPrinterControl extends BaseSimulatorControl {
  setPaper(state: PaperState): void;
  printed(): PrintedReceipt[];
  clearPrinted(): void;
  state(): ReceiptPrinterSimState;
}

export interface ReceiptPrinterSimState extends BaseSimulatorState {
  paper: PaperState;
  printedCount: number;
  /** The last receipt's text, for the panel. */
  lastText: string | null;
}

/**
 * Paper problems keep the printer reachable, so they show as `degraded` with the paper state as
 * detail; `print` refuses `paper-out` and `cover-open` before printing anything.
 */
export class SimulatedReceiptPrinter
  extends SimulatedDevice<ReceiptPrinterEvents, ReceiptPrinterCapabilities>
  implements ReceiptPrinter
{
  readonly control: ReceiptPrinterControl;
  private paper: PaperState = 'ok';
  private readonly receipts: PrintedReceipt[] = [];

  constructor(options: SimulatorOptions = {}) {
    super('receipt-printer', options);
    this.control = {
      ...this.baseControl(),
      setPaper: (state) => {
        this.paper = state;
        this.stateChanged();
      },
      printed: () => this.receipts.map((r) => ({ ...r, receipt: structuredClone(r.receipt) })),
      clearPrinted: () => {
        this.receipts.length = 0;
      },
      state: () => ({
        ...this.baseState(),
        paper: this.paper,
        printedCount: this.receipts.length,
        lastText: this.receipts.at(-1)?.text ?? null,
      }),
    };
  }

  capabilities(): ReceiptPrinterCapabilities {
    return { paperWidthMm: 80, columns: COLUMNS, qr: true, cutter: true };
  }

  paperState(): PaperState {
    return this.paper;
  }

  protected openStatus(): DeviceStatus {
    return this.paper === 'ok' ? { state: 'online' } : { state: 'degraded', detail: PAPER_STATUS_DETAIL[this.paper] };
  }

  protected override selfTestChecks(): SelfTestResult['checks'] {
    return [
      this.paper === 'out' || this.paper === 'cover-open'
        ? { name: 'paper', passed: false, detail: PAPER_STATUS_DETAIL[this.paper] }
        : { name: 'paper', passed: true, ...(this.paper === 'near-end' ? { detail: 'paper-near-end' } : {}) },
    ];
  }

  print(receipt: Receipt, signal?: AbortSignal): Promise<void> {
    return this.operation(
      'print',
      signal,
      async (ctx) => {
        const problem = receiptProblem(receipt);
        if (problem !== null) throw this.error('protocol', `the receipt cannot be printed: ${problem}`, 'invalid-receipt');
        if (this.paper === 'out') throw this.error('user-action-needed', 'the printer is out of paper', 'paper-out');
        if (this.paper === 'cover-open') throw this.error('user-action-needed', 'the printer cover is open', 'cover-open');
        const snapshot = structuredClone(receipt); // the caller may reuse its object
        await ctx.sleep(this.delayMs); // printing, then the cut
        this.receipts.push({ receipt: snapshot, text: renderReceiptText(snapshot), at: Date.now() });
        this.stateChanged();
      },
      { exclusive: true },
    );
  }
}
