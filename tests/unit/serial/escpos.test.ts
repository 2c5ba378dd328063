import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../../devices/receipt-printer/contract.js';
import { big5Bytes } from '../../../devices/receipt-printer/drivers/big5.js';
import { encodeReceipt } from '../../../devices/receipt-printer/drivers/escpos-receipt.js';
import {
  decodeOfflineCause,
  decodePaperSensor,
  encodeOfflineCause,
  encodePaperSensor,
  paperStateOf,
} from '../../../devices/receipt-printer/drivers/escpos-status.js';
import { logoBitmap } from '../../../devices/receipt-printer/drivers/logo.js';
import { EscPosInterpreter, type EscPosOp } from '../../../simulators/receipt-printer/escpos-interpreter.js';
import { type PrintOp, receiptText } from '../../../simulators/receipt-printer/render-receipt.js';

const RECEIPT: Receipt = {
  lines: [
    { kind: 'logo' },
    { kind: 'text', text: '身份證明局 自助服務', align: 'center', size: 'large', bold: true },
    { kind: 'rule' },
    { kind: 'text', text: '申請編號 Application: A-2026-000123', align: 'left' },
    { kind: 'text', text: 'Fee MOP 120.00', align: 'right' },
    { kind: 'qr', data: 'https://example.invalid/a/A-2026-000123' },
    { kind: 'feed', lines: 1 },
  ],
};

function interpret(bytes: Uint8Array, cuts: number[] = []): EscPosOp[] {
  const interpreter = new EscPosInterpreter();
  const ops: EscPosOp[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    ops.push(...interpreter.push(bytes.subarray(from, cut)));
    from = cut;
  }
  return [...ops, ...interpreter.push(bytes.subarray(from))];
}

const printed = (ops: EscPosOp[]): PrintOp[] => ops.filter((op): op is PrintOp => op.kind === 'line' || op.kind === 'raster' || op.kind === 'qr');

describe('ESC/POS receipts', async () => {
  const logo = await logoBitmap();
  const bytes = encodeReceipt(RECEIPT, { columns: 48, logo });

  it('prints Traditional Chinese through Big5 in Kanji mode, and reads back the same text', () => {
    expect(big5Bytes('身')).toEqual([0xa8, 0xad]);
    const ops = interpret(bytes);
    expect(ops[0]).toEqual({ kind: 'init' });
    expect(ops.filter((op) => op.kind === 'cut')).toEqual([{ kind: 'cut', partial: true }]);
    const text = receiptText(printed(ops));
    expect(text).toContain('身份證明局 自助服務');
    expect(text).toContain('申請編號 Application: A-2026-000123');
    expect(text).toMatch(/ {34}Fee MOP 120\.00/); // right-aligned in 48 columns
    expect(text).toContain('[QR https://example.invalid/a/A-2026-000123]');
    expect(text).toContain(`[image ${logo.width}x${logo.height}]`);
    expect(ops.find((op) => op.kind === 'line' && op.text.includes('身份'))).toMatchObject({ scale: { w: 2, h: 2 }, bold: true });
  });

  it('property: the receipt split anywhere interprets the same', () => {
    const whole = interpret(bytes);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), (rawCuts) => {
        expect(interpret(bytes, rawCuts.map((c) => c % (bytes.length + 1)))).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  it('property: random bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3_000 }), fc.array(fc.nat(), { maxLength: 4 }), (random, rawCuts) => {
        interpret(random, rawCuts.map((c) => c % (random.length + 1)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('ESC/POS real-time status', () => {
  it('reads paper and cover from DLE EOT 2 and 4 answers', () => {
    const ok = { coverOpen: false, paperEndStop: false, error: false };
    expect(encodeOfflineCause(ok)).toBe(0x12);
    expect(encodePaperSensor({ nearEnd: true, out: false })).toBe(0x1e);
    const read = (cause: number, sensor: number) => {
      const c = decodeOfflineCause(cause);
      const s = decodePaperSensor(sensor);
      return c && s ? paperStateOf(c, s) : undefined;
    };
    expect(read(0x12, 0x12)).toBe('ok');
    expect(read(0x12, 0x1e)).toBe('near-end');
    expect(read(0x32, 0x7e)).toBe('out');
    expect(read(0x16, 0x12)).toBe('cover-open');
  });

  it('property: an answer with a fixed bit flipped is not taken for a status', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.constantFrom(0x01, 0x02, 0x10, 0x80), (nearEnd, out, fixedBit) => {
        expect(decodePaperSensor(encodePaperSensor({ nearEnd, out }) ^ fixedBit)).toBeUndefined();
      }),
    );
  });
});
