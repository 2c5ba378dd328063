import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentScanner, ScanRequest } from '../../devices/document-scanner/contract.js';
import { pixelsFor } from '../../devices/document-scanner/scan-limits.js';
import { type BaseDriver, type BaseFixture, runBaseDeviceContract } from './shared/base-device.contract.js';
import { expectDeviceError, type MaybeAsync, sleep } from './shared/helpers.js';

/** How the suite lays things on the bed and makes the scanner misbehave. */
export interface DocumentScannerDriver extends BaseDriver {
  /** A document (any picture with content) or an empty bed. */
  setBed(content: 'document' | 'empty'): MaybeAsync;
  setCoverOpen(open: boolean): MaybeAsync;
  /** The carriage hangs: a scan does not finish within a second or more. */
  setStalled(stalled: boolean): MaybeAsync;
}

export type DocumentScannerFixture = BaseFixture<DocumentScanner> & { driver: DocumentScannerDriver };

/** A photo-sized scan in the bed's corner, at the lowest resolution ≥ 150 dpi the scanner offers. */
function photoRequest(scanner: DocumentScanner, mode: ScanRequest['mode'] = 'colour'): ScanRequest {
  const dpi = scanner.capabilities().resolutions.find((r) => r >= 150) ?? 150;
  return { area: { xMm: 0, yMm: 0, widthMm: 40, heightMm: 50 }, dpi, mode, timeoutMs: 10_000 };
}

export function runDocumentScannerContract(name: string, makeFixture: () => Promise<DocumentScannerFixture>): void {
  describe(`document scanner contract: ${name}`, () => {
    runBaseDeviceContract('document-scanner', makeFixture);

    let fixture: DocumentScannerFixture;
    let scanner: DocumentScanner;
    beforeEach(async () => {
      fixture = await makeFixture();
      scanner = fixture.device;
      await scanner.open();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('reports resolutions, colour and grey, and a bed a card and a photo fit on', () => {
      const caps = scanner.capabilities();
      expect(caps.resolutions.length).toBeGreaterThan(0);
      expect([...caps.resolutions].sort((a, b) => a - b)).toEqual(caps.resolutions);
      expect(caps.resolutions).toContain(300);
      expect(caps.modes).toEqual(expect.arrayContaining(['colour', 'grey']));
      expect(caps.bed.widthMm).toBeGreaterThanOrEqual(90);
      expect(caps.bed.heightMm).toBeGreaterThanOrEqual(60);
    });

    it('scans the asked area at the asked resolution, in colour and in grey', async () => {
      await fixture.driver.setBed('document');
      const request = photoRequest(scanner);
      const colour = await scanner.scan(request);
      expect(colour.channels).toBe(3);
      expect(colour.mode).toBe('colour');
      expect(colour.dpi).toBe(request.dpi);
      expect(Math.abs(colour.widthPx - pixelsFor(40, request.dpi))).toBeLessThanOrEqual(2);
      expect(Math.abs(colour.heightPx - pixelsFor(50, request.dpi))).toBeLessThanOrEqual(2);
      expect(colour.pixels).toHaveLength(colour.widthPx * colour.heightPx * 3);
      const grey = await scanner.scan(photoRequest(scanner, 'grey'));
      expect(grey.channels).toBe(1);
      expect(grey.pixels).toHaveLength(grey.widthPx * grey.heightPx);
    });

    it('an empty bed is no-document, an open lid cover-open; both scan again once put right', async () => {
      await fixture.driver.setBed('empty');
      await expectDeviceError(scanner.scan(photoRequest(scanner)), 'user-action-needed', 'no-document');
      await fixture.driver.setBed('document');
      await fixture.driver.setCoverOpen(true);
      await expectDeviceError(scanner.scan(photoRequest(scanner)), 'user-action-needed', 'cover-open');
      await fixture.driver.setCoverOpen(false);
      expect((await scanner.scan(photoRequest(scanner))).pixels.length).toBeGreaterThan(0);
    });

    it('refuses a request outside its capabilities before touching the device', async () => {
      const caps = scanner.capabilities();
      await expect(scanner.scan({ ...photoRequest(scanner), dpi: 123 })).rejects.toThrow(RangeError);
      await expect(scanner.scan({ ...photoRequest(scanner), mode: 'sepia' as 'grey' })).rejects.toThrow(RangeError);
      await expect(scanner.scan({ ...photoRequest(scanner), timeoutMs: 0 })).rejects.toThrow(RangeError);
      const beyond = { xMm: caps.bed.widthMm - 10, yMm: 0, widthMm: 20, heightMm: 20 };
      await expect(scanner.scan({ ...photoRequest(scanner), area: beyond })).rejects.toThrow(RangeError);
      expect(scanner.status().state).toBe('online');
    });

    it('times out while the carriage hangs, and scans again after', async () => {
      await fixture.driver.setBed('document');
      await fixture.driver.setStalled(true);
      const caps = scanner.capabilities();
      const whole = { xMm: 0, yMm: 0, widthMm: caps.bed.widthMm, heightMm: caps.bed.heightMm };
      await expectDeviceError(scanner.scan({ area: whole, dpi: caps.resolutions[0] ?? 75, mode: 'grey', timeoutMs: 150 }), 'timeout');
      await fixture.driver.setStalled(false);
      expect((await scanner.scan(photoRequest(scanner))).channels).toBe(3);
    });

    it('scan honours abort, busy, closing and unplugging', async () => {
      await fixture.driver.setBed('document');
      await expectDeviceError(scanner.scan(photoRequest(scanner), AbortSignal.abort()), 'cancelled');
      await fixture.driver.setStalled(true);
      const controller = new AbortController();
      const first = scanner.scan(photoRequest(scanner), controller.signal);
      await expectDeviceError(scanner.scan(photoRequest(scanner)), 'busy');
      controller.abort();
      await expectDeviceError(first, 'cancelled');
      const second = scanner.scan(photoRequest(scanner));
      await sleep(10);
      await scanner.close();
      await expectDeviceError(second, 'not-connected');
      await scanner.open();
      const third = scanner.scan(photoRequest(scanner));
      await sleep(10);
      await fixture.driver.disconnect();
      await expectDeviceError(third, 'not-connected');
    });
  });
}
