import type { Receipt, ReceiptLine } from '../../devices/receipt-printer/contract.js';
import { displayWidth, wrapToColumns } from '../../devices/receipt-printer/drivers/text-layout.js';

export { displayWidth };

/** Characters per line of an 80 mm printer in its normal font (ESC/POS font A, 12 dots). */
export const COLUMNS = 48;

/**
 * A receipt as the plain text a tester would read off the paper. Chinese characters take two
 * columns, as on the printer; large text takes twice the width, so it gets half the columns.
 */
export function renderReceiptText(receipt: Receipt, columns = COLUMNS): string {
  return receipt.lines.flatMap((line) => renderLine(line, columns)).join('\n');
}

function renderLine(line: ReceiptLine, columns: number): string[] {
  switch (line.kind) {
    case 'logo':
      return [align('[ DSI 身份證明局 ]', 'center', columns)];
    case 'text': {
      const width = line.size === 'large' ? Math.floor(columns / 2) : columns;
      // Bold does not show in plain text.
      return line.text.split('\n').flatMap((part) => wrapToColumns(part, width).map((piece) => align(piece, line.align ?? 'left', width)));
    }
    case 'qr':
      return [align(`[QR ${line.data}]`, 'center', columns)];
    case 'rule':
      return ['-'.repeat(columns)];
    case 'feed':
      return Array.from({ length: Math.max(0, line.lines) }, () => '');
  }
}

function align(text: string, where: 'left' | 'center' | 'right', columns: number): string {
  const free = Math.max(0, columns - displayWidth(text));
  if (where === 'left') return text;
  if (where === 'right') return ' '.repeat(free) + text;
  return ' '.repeat(Math.floor(free / 2)) + text;
}
