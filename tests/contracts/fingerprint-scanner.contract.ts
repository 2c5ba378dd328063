import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FingerprintScanner, FingerPrompt } from '../../devices/fingerprint-scanner/contract.js';
import { encodeReferenceTemplate } from '../../simulators/fingerprint-scanner/template.js';
import { type BaseDriver, type BaseFixture, runBaseDeviceContract } from './shared/base-device.contract.js';
import { eventually, expectDeviceError, type MaybeAsync, record, sleep } from './shared/helpers.js';

/** How the suite puts fingers on the scanner. */
export interface FingerprintDriver extends BaseDriver {
  presentFinger(presentation: { quality: number; matches: boolean }): MaybeAsync;
  setMissing(finger: 'right-thumb', missing: boolean): MaybeAsync;
}

export type FingerprintFixture = BaseFixture<FingerprintScanner> & { driver: FingerprintDriver };

/** The card's reference for the right thumb, in the format the scanner under test compares. */
export type ReferenceFor = (finger: 'right-thumb' | 'left-thumb') => Uint8Array;

export function runFingerprintScannerContract(
  name: string,
  makeFixture: () => Promise<FingerprintFixture>,
  referenceFor: ReferenceFor = (finger) => encodeReferenceTemplate(finger, 'chan-tai-man'),
): void {
  describe(`fingerprint scanner contract: ${name}`, () => {
    runBaseDeviceContract('fingerprint-scanner', makeFixture);

    let fixture: FingerprintFixture;
    let scanner: FingerprintScanner;
    beforeEach(async () => {
      fixture = await makeFixture();
      scanner = fixture.device;
      await scanner.open();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    const request = { finger: 'right-thumb', timeoutMs: 2_000 } as const;

    it('reports image size and match threshold', () => {
      const caps = scanner.capabilities();
      expect(caps.imageWidth).toBeGreaterThan(0);
      expect(caps.imageHeight).toBeGreaterThan(0);
      expect(caps.matchThreshold).toBeGreaterThan(0);
    });

    it('captures a good finger, prompting place then lift', async () => {
      const prompts = record(scanner, 'prompt');
      await fixture.driver.presentFinger({ quality: 85, matches: true });
      const capture = await scanner.capture(request);
      const caps = scanner.capabilities();
      expect(capture.finger).toBe('right-thumb');
      expect(capture.quality).toBe(85);
      expect(capture.width).toBe(caps.imageWidth);
      expect(capture.height).toBe(caps.imageHeight);
      expect(capture.image).toHaveLength(caps.imageWidth * caps.imageHeight);
      expect(capture.template.length).toBeGreaterThan(0);
      expect(prompts.payloads.map((p) => p.prompt)).toEqual<FingerPrompt[]>(['place-finger', 'lift-finger']);
    });

    it('waits for a finger, prompting place-finger, and captures it when it comes', async () => {
      const prompts = record(scanner, 'prompt');
      const capturing = scanner.capture(request);
      await eventually(() => prompts.payloads.length > 0);
      expect(prompts.payloads.map((p) => p.prompt)).toEqual(['place-finger']);
      await fixture.driver.presentFinger({ quality: 70, matches: true });
      expect((await capturing).quality).toBe(70);
    });

    it('prompts too-light or too-dark for poor fingers, and still resolves with their quality', async () => {
      const prompts = record(scanner, 'prompt');
      await fixture.driver.presentFinger({ quality: 30, matches: true });
      expect((await scanner.capture(request)).quality).toBe(30);
      await fixture.driver.presentFinger({ quality: 10, matches: true });
      expect((await scanner.capture(request)).quality).toBe(10);
      expect(prompts.payloads.map((p) => p.prompt)).toEqual([
        'place-finger',
        'too-light',
        'lift-finger',
        'place-finger',
        'too-dark',
        'lift-finger',
      ]);
    });

    it('times out without a finger', async () => {
      await expectDeviceError(scanner.capture({ finger: 'right-thumb', timeoutMs: 30 }), 'timeout');
    });

    it('times out for a missing finger even when a finger is presented', async () => {
      await fixture.driver.setMissing('right-thumb', true);
      await fixture.driver.presentFinger({ quality: 85, matches: true });
      await expectDeviceError(scanner.capture({ finger: 'right-thumb', timeoutMs: 30 }), 'timeout');
      await fixture.driver.setMissing('right-thumb', false);
      expect((await scanner.capture(request)).quality).toBe(85);
    });

    it('matches the holder’s finger and not another', async () => {
      const reference = referenceFor('right-thumb');
      await fixture.driver.presentFinger({ quality: 85, matches: true });
      const good = await scanner.match((await scanner.capture(request)).template, reference);
      expect(good.matched).toBe(true);
      expect(good.score).toBeGreaterThanOrEqual(good.threshold);
      expect(good.threshold).toBe(scanner.capabilities().matchThreshold);

      await fixture.driver.presentFinger({ quality: 85, matches: false });
      const wrong = await scanner.match((await scanner.capture(request)).template, reference);
      expect(wrong.matched).toBe(false);
      expect(wrong.score).toBeLessThan(wrong.threshold);
    });

    it('does not match a probe against another finger’s reference', async () => {
      await fixture.driver.presentFinger({ quality: 85, matches: true });
      const probe = (await scanner.capture(request)).template;
      expect((await scanner.match(probe, referenceFor('left-thumb'))).matched).toBe(false);
    });

    it('capture honours abort, unplugging and busy', async () => {
      await expectDeviceError(scanner.capture(request, AbortSignal.abort()), 'cancelled');
      const controller = new AbortController();
      const first = scanner.capture(request, controller.signal);
      await expectDeviceError(scanner.capture(request), 'busy');
      controller.abort();
      await expectDeviceError(first, 'cancelled');
      const second = scanner.capture(request);
      await sleep(10);
      await fixture.driver.disconnect();
      await expectDeviceError(second, 'not-connected');
    });
  });
}
