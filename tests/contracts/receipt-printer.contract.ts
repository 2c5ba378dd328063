import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PaperState, type Receipt, RECEIPT_LIMITS, type ReceiptPrinter } from '../../devices/receipt-printer/contract.js';
import { type BaseDriver, type BaseFixture, runBaseDeviceContract } from './shared/base-device.contract.js';
import { expectDeviceError, type MaybeAsync, sleep } from './shared/helpers.js';

/** How the suite handles the paper and reads what came out. */
export interface PrinterDriver extends BaseDriver {
  setPaper(state: PaperState): MaybeAsync;
  /** The text of every receipt printed so far. */
  printedTexts(): MaybeAsync<string[]>;
}

export type PrinterFixture = BaseFixture<ReceiptPrinter> & { driver: PrinterDriver };

const RECEIPT: Receipt = {
  lines: [
    { kind: 'logo' },
    { kind: 'text', text: '身份證明局 自助服務', align: 'center', size: 'large', bold: true },
    { kind: 'rule' },
    { kind: 'text', text: 'Fee MOP 120.00', align: 'right' },
    { kind: 'qr', data: 'https://example.invalid/a/123' },
    { kind: 'feed', lines: 2 },
  ],
};

export function runReceiptPrinterContract(name: string, makeFixture: () => Promise<PrinterFixture>): void {
  describe(`receipt printer contract: ${name}`, () => {
    runBaseDeviceContract('receipt-printer', makeFixture);

    let fixture: PrinterFixture;
    let printer: ReceiptPrinter;
    beforeEach(async () => {
      fixture = await makeFixture();
      printer = fixture.device;
      await printer.open();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('reports paper width, QR and cutter', () => {
      const caps = printer.capabilities();
      expect(caps.paperWidthMm).toBeGreaterThan(0);
      expect(caps.columns).toBeGreaterThanOrEqual(24);
      expect(typeof caps.qr).toBe('boolean');
      expect(typeof caps.cutter).toBe('boolean');
    });

    it('refuses a receipt outside the contract’s limits before printing anything', async () => {
      const qr = { lines: [{ kind: 'qr' as const, data: 'R'.repeat(RECEIPT_LIMITS.qrBytes + 1) }] };
      await expectDeviceError(printer.print(qr), 'protocol', 'invalid-receipt');
      const long = { lines: Array.from({ length: RECEIPT_LIMITS.lines + 1 }, () => ({ kind: 'rule' as const })) };
      await expectDeviceError(printer.print(long), 'protocol', 'invalid-receipt');
      expect(await fixture.driver.printedTexts()).toEqual([]);
    });

    it('prints a receipt', async () => {
      expect(printer.paperState()).toBe('ok');
      expect(printer.status().state).toBe('online');
      await printer.print(RECEIPT);
      const texts = await fixture.driver.printedTexts();
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain('Fee MOP 120.00');
      expect(texts[0]).toContain('身份證明局 自助服務');
    });

    it('refuses to print without paper or with the cover open, printing nothing', async () => {
      await fixture.driver.setPaper('out');
      expect(printer.paperState()).toBe('out');
      expect(printer.status()).toEqual({ state: 'degraded', detail: 'paper-out' });
      await expectDeviceError(printer.print(RECEIPT), 'user-action-needed', 'paper-out');
      await fixture.driver.setPaper('cover-open');
      await expectDeviceError(printer.print(RECEIPT), 'user-action-needed', 'cover-open');
      expect((await printer.selfTest()).passed).toBe(false);
      expect(await fixture.driver.printedTexts()).toEqual([]);
    });

    it('prints when the paper is near its end, showing degraded paper-near-end', async () => {
      await fixture.driver.setPaper('near-end');
      expect(printer.status()).toEqual({ state: 'degraded', detail: 'paper-near-end' });
      await printer.print(RECEIPT);
      expect(await fixture.driver.printedTexts()).toHaveLength(1);
      await fixture.driver.setPaper('ok');
      expect(printer.status().state).toBe('online');
    });

    it('print honours abort, unplugging and busy', async () => {
      await expectDeviceError(printer.print(RECEIPT, AbortSignal.abort()), 'cancelled');
      await fixture.driver.setLatencyMs(100);
      const controller = new AbortController();
      const first = printer.print(RECEIPT, controller.signal);
      await expectDeviceError(printer.print(RECEIPT), 'busy');
      controller.abort();
      await expectDeviceError(first, 'cancelled');
      const second = printer.print(RECEIPT);
      await sleep(10);
      await fixture.driver.disconnect();
      await expectDeviceError(second, 'not-connected');
      expect(await fixture.driver.printedTexts()).toEqual([]);
    });
  });
}
