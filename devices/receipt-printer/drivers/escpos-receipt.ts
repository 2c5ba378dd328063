import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Receipt, ReceiptLine } from '../contract.js';
import { big5Bytes, isWide } from './big5.js';
import { displayWidth, wrapToColumns } from './text-layout.js';
import type { LogoBitmap } from './logo.js';

/**
 * Turns a Receipt into ESC/POS with the encoder library (@point-of-sale/receipt-printer-encoder):
 * text, styles, rules, the logo raster, the QR code and the cut are the library's commands. The one
 * thing it lacks is double-byte text, so Chinese runs are Big5 bytes in the printer's Kanji mode,
 * added with the library's `raw()` between the two FS commands that switch that mode.
 */

export interface ReceiptLayout {
  /** Characters per line in the normal font (48 on 80 mm paper, font A). */
  columns: number;
  logo: LogoBitmap;
}

const KANJI_ON = [0x1c, 0x26]; // FS &: select Kanji (double-byte) character mode
const KANJI_OFF = [0x1c, 0x2e]; // FS .: cancel Kanji character mode
const UNKNOWN_WIDE = '？'; // printed for a character Big5 does not have

export function encodeReceipt(receipt: Receipt, layout: ReceiptLayout): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: layout.columns,
    imageMode: 'raster',
    newline: '\n',
    feedBeforeCut: 3,
  });
  encoder.initialize().codepage('auto');
  for (const line of receipt.lines) addLine(encoder, line, layout);
  return encoder.cut('partial').encode();
}

function addLine(encoder: ReceiptPrinterEncoder, line: ReceiptLine, layout: ReceiptLayout): void {
  switch (line.kind) {
    case 'logo':
      encoder.align('center').image(layout.logo, { width: layout.logo.width, height: layout.logo.height }).align('left');
      return;
    case 'qr':
      encoder.align('center').qrcode(line.data, { model: 2, size: 6, errorlevel: 'm' }).align('left');
      return;
    case 'rule':
      encoder.rule({ style: 'single' });
      return;
    case 'feed':
      if (line.lines > 0) encoder.newline(Math.min(line.lines, 20));
      return;
    case 'text': {
      const large = line.size === 'large';
      const width = large ? Math.floor(layout.columns / 2) : layout.columns;
      if (large) encoder.size(2, 2);
      if (line.bold) encoder.bold(true);
      for (const paragraph of line.text.split('\n')) {
        for (const piece of wrapToColumns(paragraph, width)) {
          const free = Math.max(0, width - displayWidth(piece));
          const pad = line.align === 'right' ? free : line.align === 'center' ? Math.floor(free / 2) : 0;
          addText(encoder, ' '.repeat(pad) + piece);
          encoder.newline();
        }
      }
      if (line.bold) encoder.bold(false);
      if (large) encoder.size(1, 1);
      return;
    }
  }
}

/** Narrow runs through the library's code pages; wide runs as Big5 in Kanji mode. */
function addText(encoder: ReceiptPrinterEncoder, text: string): void {
  for (const run of runs(text)) {
    if (!run.wide) {
      encoder.text(run.text);
      continue;
    }
    const bytes: number[] = [];
    for (const char of run.text) bytes.push(...(big5Bytes(char) ?? big5Bytes(UNKNOWN_WIDE) ?? [0x3f, 0x3f]));
    encoder.raw([...KANJI_ON, ...bytes, ...KANJI_OFF]);
  }
}

function runs(text: string): Array<{ wide: boolean; text: string }> {
  const out: Array<{ wide: boolean; text: string }> = [];
  for (const char of text) {
    const wide = isWide(char);
    const last = out.at(-1);
    if (last && last.wide === wide) last.text += char;
    else out.push({ wide, text: char });
  }
  return out;
}

