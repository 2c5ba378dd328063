import type { Receipt, ReceiptLine } from '../../devices/receipt-printer/contract.js';

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
      return line.text.split('\n').flatMap((part) => wrap(part, width).map((piece) => align(piece, line.align ?? 'left', width)));
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

/** Breaks a line where the paper would, by display width. */
function wrap(text: string, columns: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let width = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (width + w > columns) {
      pieces.push(current);
      current = '';
      width = 0;
    }
    current += char;
    width += w;
  }
  pieces.push(current);
  return pieces;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Two columns for East Asian wide characters (CJK, Hangul, full-width forms), one otherwise. */
function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}
