import { columnsOf, displayWidth } from '../../devices/receipt-printer/drivers/text-layout.js';
import QRCode from 'qrcode';
import type { OverlayOptions } from 'sharp';
import { loadSharp } from '../../electron/host/photo/load-sharp.js';
import type { Receipt, ReceiptLine } from '../../devices/receipt-printer/contract.js';
import type { Align, EscPosOp } from './escpos-interpreter.js';

/**
 * What the simulated printer puts on paper, from the interpreted ESC/POS: a PNG a tester can look
 * at (576 dots wide, like 80 mm paper at 203 dpi), the plain text a test can read, and the receipt
 * as data for the control API. Font A is 12 × 24 dots; Noto Sans Mono CJK draws Latin at half and
 * Chinese at full width, which is the printer's grid.
 */

const PAPER_DOTS = 576;
const CELL_W = 12;
const CELL_H = 24;
const LINE_GAP = 6;
const MARGIN = 8;
const FONT = 'Noto Sans Mono CJK TC';

export type PrintOp = Exclude<EscPosOp, { kind: 'status' | 'unknown' | 'init' | 'cut' }>;

/** The text a tester would read off the paper (images as placeholders). */
export function receiptText(ops: PrintOp[]): string {
  return ops
    .map((op) => {
      switch (op.kind) {
        case 'line':
          return op.text.replace(/\s+$/, '');
        case 'raster':
          return `[image ${op.width}x${op.height}]`;
        case 'qr':
          return `[QR ${op.data}]`;
      }
    })
    .join('\n');
}

/** The receipt as data, as near as the paper tells it. */
export function receiptData(ops: PrintOp[]): Receipt {
  const lines: ReceiptLine[] = ops.map((op) => {
    switch (op.kind) {
      case 'raster':
        return { kind: 'logo' };
      case 'qr':
        return { kind: 'qr', data: op.data };
      case 'line':
        if (op.text.trim() === '') return { kind: 'feed', lines: 1 };
        if (/^─+$/.test(op.text.trim())) return { kind: 'rule' };
        return { kind: 'text', text: op.text.trim(), ...(op.scale.w > 1 ? { size: 'large' as const } : {}), ...(op.bold ? { bold: true } : {}) };
    }
  });
  return { lines };
}

export async function renderReceiptPng(ops: PrintOp[]): Promise<Buffer> {
  const svg: string[] = [];
  const composites: OverlayOptions[] = [];
  let y = MARGIN;
  for (const op of ops) {
    switch (op.kind) {
      case 'line': {
        const h = CELL_H * op.scale.h;
        if (/^─+$/.test(op.text.trim())) {
          svg.push(`<rect x="0" y="${y + h / 2 - 1}" width="${displayWidth(op.text) * CELL_W}" height="2" fill="#000"/>`);
        } else {
          let x = 0;
          for (const char of op.text) {
            const w = columnsOf(char) * CELL_W * op.scale.w;
            if (char !== ' ') {
              svg.push(
                `<text x="${x + w / 2}" y="${y + h * 0.84}" font-size="${CELL_H * op.scale.h}" text-anchor="middle"` +
                  `${op.scale.w !== op.scale.h ? ` transform="scale(${op.scale.w / op.scale.h},1)"` : ''}` +
                  `${op.bold ? ' font-weight="bold"' : ''}>${escapeXml(char)}</text>`,
              );
            }
            x += w;
          }
        }
        y += h + LINE_GAP;
        break;
      }
      case 'raster': {
        if (op.width > PAPER_DOTS) break; // wider than the paper: a real printer would not print it
        composites.push({ input: rasterToRgba(op), raw: { width: op.width, height: op.height, channels: 4 }, left: offset(op.width, op.align), top: y });
        y += op.height;
        break;
      }
      case 'qr': {
        const matrix = QRCode.create(op.data, { errorCorrectionLevel: op.ecLevel });
        const size = matrix.modules.size;
        const dots = size * op.moduleSize;
        const left = offset(dots, op.align);
        const rects: string[] = [];
        for (let row = 0; row < size; row++) {
          for (let col = 0; col < size; col++) {
            if (matrix.modules.get(row, col)) rects.push(`M${left + col * op.moduleSize} ${y + row * op.moduleSize}h${op.moduleSize}v${op.moduleSize}h-${op.moduleSize}z`);
          }
        }
        svg.push(`<path d="${rects.join('')}" fill="#000"/>`);
        y += dots;
        break;
      }
    }
  }
  const height = Math.max(y + MARGIN, 32);
  const document =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAPER_DOTS}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#fff"/><g font-family="${FONT}" fill="#000">${svg.join('')}</g></svg>`;
  return (await loadSharp())(Buffer.from(document)).composite(composites).png().toBuffer();
}

function rasterToRgba(op: Extract<PrintOp, { kind: 'raster' }>): Buffer {
  const rgba = Buffer.alloc(op.width * op.height * 4, 0xff);
  const rowBytes = op.width / 8;
  for (let yy = 0; yy < op.height; yy++) {
    for (let xx = 0; xx < op.width; xx++) {
      const bit = ((op.bits[yy * rowBytes + (xx >> 3)] ?? 0) >> (7 - (xx & 7))) & 1;
      if (bit) rgba.fill(0, (yy * op.width + xx) * 4, (yy * op.width + xx) * 4 + 3); // black dot, opaque
    }
  }
  return rgba;
}

function offset(width: number, align: Align): number {
  const free = Math.max(0, PAPER_DOTS - width);
  return align === 'center' ? Math.floor(free / 2) : align === 'right' ? free : 0;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
