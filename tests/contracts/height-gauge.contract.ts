import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeightGauge, HeightPrompt } from '../../devices/height-gauge/contract.js';
import { type BaseDriver, type BaseFixture, runBaseDeviceContract } from './shared/base-device.contract.js';
import { eventually, expectDeviceError, type MaybeAsync, record, sleep } from './shared/helpers.js';

/** How the suite puts a resident on the gauge. */
export interface HeightGaugeDriver extends BaseDriver {
  /** `null`: nobody on the gauge. */
  setHeightMm(heightMm: number | null): MaybeAsync;
  setUnstable(unstable: boolean): MaybeAsync;
}

export type HeightGaugeFixture = BaseFixture<HeightGauge> & { driver: HeightGaugeDriver };

export function runHeightGaugeContract(name: string, makeFixture: () => Promise<HeightGaugeFixture>): void {
  describe(`height gauge contract: ${name}`, () => {
    runBaseDeviceContract('height-gauge', makeFixture);

    let fixture: HeightGaugeFixture;
    let gauge: HeightGauge;
    beforeEach(async () => {
      fixture = await makeFixture();
      gauge = fixture.device;
      await gauge.open();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('reports a plausible range', () => {
      const caps = gauge.capabilities();
      expect(caps.minCm).toBeGreaterThan(0);
      expect(caps.maxCm).toBeGreaterThan(caps.minCm);
      expect(caps.resolutionMm).toBeGreaterThan(0);
    });

    it('measures someone standing still, then asks them to step off', async () => {
      const prompts = record(gauge, 'prompt');
      await fixture.driver.setHeightMm(1720);
      expect(await gauge.measure({ timeoutMs: 2_000 })).toEqual({ heightMm: 1720 });
      expect(prompts.payloads.at(-1)?.prompt).toBe<HeightPrompt>('step-off');
      // Someone there, then still: the resident sees the gauge at work before the result.
      expect(prompts.payloads.map((p) => p.prompt)).toEqual<HeightPrompt[]>(['stand-straight', 'measuring', 'step-off']);
    });

    it('prompts step-on until someone stands on it', async () => {
      const prompts = record(gauge, 'prompt');
      const measuring = gauge.measure({ timeoutMs: 2_000 });
      await eventually(() => prompts.payloads.length > 0);
      expect(prompts.payloads[0]?.prompt).toBe('step-on');
      await fixture.driver.setHeightMm(1180);
      expect((await measuring).heightMm).toBe(1180);
    });

    it('prompts stand-straight while the resident fidgets, and measures once they are still', async () => {
      const prompts = record(gauge, 'prompt');
      await fixture.driver.setHeightMm(1650);
      await fixture.driver.setUnstable(true);
      const measuring = gauge.measure({ timeoutMs: 2_000 });
      await eventually(() => prompts.payloads.some((p) => p.prompt === 'stand-straight'));
      await sleep(30);
      await fixture.driver.setUnstable(false);
      expect((await measuring).heightMm).toBe(1650);
      expect(prompts.payloads.map((p) => p.prompt)).toEqual(['stand-straight', 'measuring', 'step-off']);
    });

    it('times out while the resident never stands still', async () => {
      await fixture.driver.setHeightMm(1650);
      await fixture.driver.setUnstable(true);
      await expectDeviceError(gauge.measure({ timeoutMs: 60 }), 'timeout');
    });

    it('ignores readings outside its range as implausible', async () => {
      const { maxCm, minCm } = gauge.capabilities();
      await fixture.driver.setHeightMm(maxCm * 10 + 500);
      await expectDeviceError(gauge.measure({ timeoutMs: 60 }), 'timeout');
      await fixture.driver.setHeightMm(minCm * 10 - 100);
      await expectDeviceError(gauge.measure({ timeoutMs: 60 }), 'timeout');
      await fixture.driver.setHeightMm(minCm * 10 + 100);
      expect((await gauge.measure({ timeoutMs: 2_000 })).heightMm).toBe(minCm * 10 + 100);
    });

    it('measure honours abort, unplugging and busy', async () => {
      await expectDeviceError(gauge.measure({ timeoutMs: 2_000 }, AbortSignal.abort()), 'cancelled');
      const controller = new AbortController();
      const first = gauge.measure({ timeoutMs: 2_000 }, controller.signal);
      await expectDeviceError(gauge.measure({ timeoutMs: 2_000 }), 'busy');
      controller.abort();
      await expectDeviceError(first, 'cancelled');
      const second = gauge.measure({ timeoutMs: 2_000 });
      await sleep(10);
      await fixture.driver.disconnect();
      await expectDeviceError(second, 'not-connected');
    });
  });
}
