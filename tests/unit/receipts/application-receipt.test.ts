import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../../devices/receipt-printer/contract.js';
import { isWide } from '../../../devices/receipt-printer/drivers/big5.js';
import { buildApplicationReceipt } from '../../../electron/host/receipts/application-receipt.js';
import { PICKUP_ON_RECEIPT, SERVICE_ON_RECEIPT } from '../../../electron/host/receipts/receipt-texts.js';
import { receiptOnPaper } from '../../../simulators/receipt-printer/paper-png.js';
import { renderReceiptPng } from '../../../simulators/receipt-printer/render-receipt.js';
import { PAID_RENEWAL, type ReceiptCase, sampleReceiptFacts } from '../../helpers/receipt-facts.js';
import { shippedConfig } from '../services/fixtures.js';

const ADDRESSES = shippedConfig().pickup.addresses;

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: JsQr = (jsQRModule as unknown as { default?: JsQr }).default ?? (jsQRModule as unknown as JsQr);
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '../../artifacts/receipts');

/** Each service that ends on an application receipt, with the fee, method and pickup it would have. */
const CASES: readonly ReceiptCase[] = [
  PAID_RENEWAL,
  { service: 'renew-nonpermanent', feeAvos: 9000, tender: 'govpay', place: 'hengqin' },
  { service: 'kinship-certificate', feeAvos: 2000, tender: 'macau-pass', place: 'smart-locker' },
  { service: 'personal-data-certificate', feeAvos: 1500, tender: 'govpay', place: 'islands-centre' },
  { service: 'kinship-verification', feeAvos: 0, tender: null, place: null, resultDueBy: '2026-12-01' },
  { service: 'contact-change', feeAvos: 0, tender: null, place: null },
  { service: 'marital-status-married', feeAvos: 0, tender: null, place: null },
];

const factsOf = sampleReceiptFacts;

/** The receipt through the real ESC/POS encoder and back through the simulator's interpreter: what the paper holds. */
const onPaper = (receipt: Receipt) => receiptOnPaper(receipt, 48);

/** The Latin words of a text (runs between spaces and Chinese characters). */
function latinWords(text: string): string[] {
  return [...text].map((char) => (isWide(char) ? ' ' : char)).join('').split(/\s+/).filter(Boolean);
}

describe('the application receipt, as printed', () => {
  for (const c of CASES) {
    it(`${c.service}: names the service in both languages, masks the applicant, local time, fee, pickup; no word cut`, async () => {
      const receipt = buildApplicationReceipt(factsOf(c));
      const { text, ops } = await onPaper(receipt);
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, `application-${c.service}.txt`), text);
      const png = await renderReceiptPng(ops);
      writeFileSync(join(ARTIFACTS, `application-${c.service}.png`), png);

      const flat = text.replace(/\s+/g, ' ');
      // Chinese may break between any two characters: compare it without the breaks.
      const compact = text.replace(/\s+/g, '');
      expect(compact).toContain(SERVICE_ON_RECEIPT[c.service].zh);
      expect(flat).toContain(SERVICE_ON_RECEIPT[c.service].pt);
      expect(text).not.toContain(c.service); // never the internal code
      expect(text).not.toContain('？'); // every character is one the printer has (Big5 in Kanji mode)
      expect(text).not.toMatch(/\d{4}-\d\d-\d\dT/); // never an ISO instant
      expect(text).toContain('2026-11-24 10:33'); // Macau's clock, not UTC
      expect(text).toContain('R2026004217');
      expect(text).toContain('陳*文 CHAN T. M.');
      expect(text).toContain('1234***(*)');
      expect(text).not.toContain('1234567');
      expect(flat).toContain(c.feeAvos === 0 ? '免費 Gratuito' : `MOP ${(c.feeAvos / 100).toFixed(2)}`);
      if (c.tender === 'macau-pass') expect(flat).toContain('澳門通 Macau Pass');
      if (c.tender === 'govpay') expect(flat).toContain('政付通 GovPay');
      if (c.place) {
        expect(compact).toContain(ADDRESSES[c.place]['zh-Hant']);
        expect(flat).toContain(PICKUP_ON_RECEIPT[c.place].pt);
        expect(flat).toContain('2026-11-24 17:00');
      }
      if (c.resultDueBy) expect(flat).toContain(c.resultDueBy);

      // Word boundaries: every Latin word of the receipt is whole on one printed line.
      const printedWords = new Set(text.split('\n').flatMap(latinWords));
      for (const line of receipt.lines) {
        if (line.kind !== 'text') continue;
        for (const word of latinWords(line.text)) expect(printedWords, `"${word}" was cut`).toContain(word);
      }

      const image = PNG.sync.read(png);
      const qr = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height);
      expect(qr?.data).toBe('R2026004217');
    });
  }
});
