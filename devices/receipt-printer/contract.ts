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

/**
 * What a receipt may hold, on every printer (the ESC/POS encoder and the simulator check the same):
 * a receipt longer than this is a caller's bug, and it is refused whole (`protocol`,
 * `invalid-receipt`) before anything reaches the paper, rather than printed in part.
 */
export const RECEIPT_LIMITS = {
  lines: 120,
  /** Characters of one text line before wrapping (the printer wraps to `columns`). */
  textChars: 400,
  /** QR payload bytes: well inside a version-10 QR at level M, which 80 mm paper prints legibly. */
  qrBytes: 200,
  feedLines: 10,
} as const;

/** Why a receipt breaks RECEIPT_LIMITS, or null when it fits. */
export function receiptProblem(receipt: Receipt): string | null {
  if (!Array.isArray(receipt.lines) || receipt.lines.length === 0) return 'no lines';
  if (receipt.lines.length > RECEIPT_LIMITS.lines) return `${receipt.lines.length} lines (at most ${RECEIPT_LIMITS.lines})`;
  for (const [i, line] of receipt.lines.entries()) {
    if (line.kind === 'text' && [...line.text].length > RECEIPT_LIMITS.textChars) return `line ${i}: text over ${RECEIPT_LIMITS.textChars} characters`;
    if (line.kind === 'qr' && (line.data.length === 0 || new TextEncoder().encode(line.data).length > RECEIPT_LIMITS.qrBytes)) {
      return `line ${i}: QR data must be 1–${RECEIPT_LIMITS.qrBytes} bytes`;
    }
    if (line.kind === 'feed' && (!Number.isInteger(line.lines) || line.lines < 0 || line.lines > RECEIPT_LIMITS.feedLines)) {
      return `line ${i}: feed must be 0–${RECEIPT_LIMITS.feedLines} lines`;
    }
  }
  return null;
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
  /** Text columns at normal size (a Chinese character takes two): where lines wrap. */
  columns: number;
  qr: boolean;
  cutter: boolean;
}

export type ReceiptPrinterEvents = BaseDeviceEvents;

/**
 * A receipt printer. `print` resolves once the receipt is printed and cut. Rejects with
 * `user-action-needed` (detail `paper-out` or `cover-open`) before printing anything when the
 * printer cannot print, `protocol` (detail `invalid-receipt`) for a receipt outside RECEIPT_LIMITS,
 * `not-connected`, or `cancelled`. Paper near its end prints, and shows as
 * status `degraded` with detail `paper-near-end`.
 */
export interface ReceiptPrinter extends Device<ReceiptPrinterEvents, ReceiptPrinterCapabilities> {
  paperState(): PaperState;
  print(receipt: Receipt, signal?: AbortSignal): Promise<void>;
}
