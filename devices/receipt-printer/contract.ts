import type { BaseDeviceEvents, Device } from '../contract.js';

/** A receipt as data; each driver encodes it for its printer (ESC/POS for the real one). */
export type ReceiptLine =
  | { kind: 'logo' }
  | { kind: 'text'; text: string; align?: 'left' | 'center' | 'right'; size?: 'normal' | 'large'; bold?: boolean }
  | { kind: 'qr'; data: string }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number };

export interface Receipt {
  lines: ReceiptLine[];
}

export type PaperState = 'ok' | 'near-end' | 'out' | 'cover-open';

/** The stable status detail of each paper problem, the same for every driver and simulator. */
export const PAPER_STATUS_DETAIL: Readonly<Record<Exclude<PaperState, 'ok'>, string>> = {
  'near-end': 'paper-near-end',
  out: 'paper-out',
  'cover-open': 'cover-open',
};

export interface ReceiptPrinterCapabilities {
  paperWidthMm: number;
  qr: boolean;
  cutter: boolean;
}

export type ReceiptPrinterEvents = BaseDeviceEvents;

/**
 * A receipt printer. `print` resolves once the receipt is printed and cut. Rejects with
 * `user-action-needed` (detail `paper-out` or `cover-open`) before printing anything when the
 * printer cannot print, `not-connected`, or `cancelled`. Paper near its end prints, and shows as
 * status `degraded` with detail `paper-near-end`.
 */
export interface ReceiptPrinter extends Device<ReceiptPrinterEvents, ReceiptPrinterCapabilities> {
  paperState(): PaperState;
  print(receipt: Receipt, signal?: AbortSignal): Promise<void>;
}
