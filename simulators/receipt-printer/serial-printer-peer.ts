import { PAPER_STATUS_DETAIL, type PaperState } from '../../devices/receipt-printer/contract.js';
import { encodeOfflineCause, encodePaperSensor } from '../../devices/receipt-printer/drivers/escpos-status.js';
import { PtyLine } from '../../devices/transport/serial/pty-line.js';
import { PeerLink } from '../shared/peer-link.js';
import { EscPosInterpreter, type EscPosOp } from './escpos-interpreter.js';
import { type PrintOp, receiptData, receiptText, renderReceiptPng } from './render-receipt.js';
import type { PrintedReceipt, ReceiptPrinterControl, ReceiptPrinterSimState } from './simulated-receipt-printer.js';

export interface SerialPrinterPeerOptions {
  devicePath: string;
  peerPath: string;
}

export interface SerialPrintedReceipt extends PrintedReceipt {
  /** The paper as a PNG (rendered after the cut; awaits the rendering). */
  png(): Promise<Buffer>;
}

/** The in-process printer's control, plus what a wire adds. */
export interface SerialPrinterControl extends ReceiptPrinterControl {
  disconnect(): Promise<void>;
  reconnect(): Promise<void>;
  printed(): SerialPrintedReceipt[];
  /** Raw bytes towards the driver (noise where status answers are expected). */
  sendGarbage(bytes?: Uint8Array): Promise<void>;
  state(): SerialPrinterSimState;
}

export interface SerialPrinterSimState extends ReceiptPrinterSimState {
  /** ESC/POS commands it did not know, counted. */
  unknownCommands: number;
}

/**
 * The simulated receipt printer at the far end of a pty pair: it interprets the ESC/POS the real
 * driver sends, answers real-time status requests from its paper state, and turns each receipt
 * (initialise … cut) into text and a PNG. With no paper or the cover open it prints nothing.
 */
export class SerialPrinterPeer {
  readonly control: SerialPrinterControl;
  private readonly line: PtyLine;
  private interpreter = new EscPosInterpreter();
  private paper: PaperState = 'ok';
  private readonly link: PeerLink;
  private page: PrintOp[] = [];
  private unknown = 0;
  private readonly receipts: SerialPrintedReceipt[] = [];

  constructor(options: SerialPrinterPeerOptions) {
    this.line = new PtyLine({
      devicePath: options.devicePath,
      peerPath: options.peerPath,
      onData: (chunk) => {
        this.link.later(() => this.receive(chunk));
      },
    });
    this.link = new PeerLink(this.line);
    this.control = {
      ...this.link.controls(() => {
        this.interpreter = new EscPosInterpreter(); // half a command dies with the cable
        this.page = [];
      }),
      setPaper: (state) => {
        this.paper = state;
      },
      printed: () => [...this.receipts],
      clearPrinted: () => {
        this.receipts.length = 0;
      },
      sendGarbage: (bytes) => this.line.write(bytes ?? Uint8Array.of(0x00, 0xff, 0x41, 0x81)),
      state: () => ({
        ...this.link.baseState(
          this.page.length > 0 ? ['print'] : [],
          this.paper === 'ok' ? { state: 'online' } : { state: 'degraded', detail: PAPER_STATUS_DETAIL[this.paper] },
        ),
        paper: this.paper,
        printedCount: this.receipts.length,
        lastText: this.receipts.at(-1)?.text ?? null,
        unknownCommands: this.unknown,
      }),
    };
  }

  get devicePath(): string {
    return this.line.devicePath;
  }

  start(): Promise<void> {
    return this.line.plug();
  }

  stop(): Promise<void> {
    return this.line.unplug();
  }

  private receive(chunk: Uint8Array): void {
    for (const op of this.interpreter.push(chunk)) this.apply(op);
  }

  private apply(op: EscPosOp): void {
    switch (op.kind) {
      case 'status':
        void this.line.write(Uint8Array.of(this.statusByte(op.n)));
        return;
      case 'unknown':
        this.unknown++;
        return;
      case 'init':
        this.page = [];
        return;
      case 'cut':
        this.cut();
        return;
      default:
        // Without paper, or with the cover open, nothing reaches the paper.
        if (this.paper !== 'out' && this.paper !== 'cover-open') this.page.push(op);
    }
  }

  private cut(): void {
    const ops = this.page;
    this.page = [];
    if (ops.length === 0) return;
    let rendering: Promise<Buffer> | undefined;
    this.receipts.push({
      receipt: receiptData(ops),
      text: receiptText(ops),
      at: Date.now(),
      png: () => (rendering ??= renderReceiptPng(ops)),
    });
  }

  /** DLE EOT n answers from the paper state; n 1 (printer) and 3 (errors) say "all well". */
  private statusByte(n: number): number {
    const coverOpen = this.paper === 'cover-open';
    const out = this.paper === 'out';
    switch (n) {
      case 2:
        return encodeOfflineCause({ coverOpen, paperEndStop: out, error: this.link.fault !== null });
      case 4:
        return encodePaperSensor({ nearEnd: this.paper === 'near-end' || out, out });
      default:
        return encodeOfflineCause({ coverOpen: false, paperEndStop: false, error: false });
    }
  }
}
