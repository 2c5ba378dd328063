import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BaseDeviceEvents, Device, DeviceStatus } from '../../../devices/contract.js';
import type { DeviceKind } from '../../../devices/kinds.js';
import { expectDeviceError, type MaybeAsync, record, sleep } from './helpers.js';

/** How a contract suite drives what every device has: its presence and the link's latency. */
export interface BaseDriver {
  disconnect(): MaybeAsync;
  reconnect(): MaybeAsync;
  /** Latency before each operation, so a test can act while one is in flight. */
  setLatencyMs(ms: number): MaybeAsync;
}

export interface BaseFixture<D> {
  device: D;
  driver: BaseDriver;
  /** Closes the device and releases the transport. */
  dispose(): Promise<void>;
}

/**
 * The part of every device contract that devices/contract.ts states: open/close, status and its
 * events, info, self-test, and what unplugging does. Each class's suite runs it first.
 */
export function runBaseDeviceContract<D extends Device<BaseDeviceEvents, unknown>>(
  kind: DeviceKind,
  makeFixture: () => Promise<BaseFixture<D>>,
): void {
  describe('base device contract', () => {
    let fixture: BaseFixture<D>;
    beforeEach(async () => {
      fixture = await makeFixture();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('reports its kind and info', () => {
      expect(fixture.device.kind).toBe(kind);
      const info = fixture.device.info();
      expect(info.kind).toBe(kind);
      expect(info.model.length).toBeGreaterThan(0);
      expect(info.vendor.length).toBeGreaterThan(0);
    });

    it('is offline until opened, online after, offline again after close, emitting each change once', async () => {
      const { device } = fixture;
      const statuses = record(device, 'status');
      expect(device.status().state).toBe('offline');
      await device.open();
      expect(device.status().state).not.toBe('offline');
      await device.open(); // opening an open device resolves at once, without a status event
      expect(statuses.payloads).toHaveLength(1);
      await device.close();
      expect(device.status().state).toBe('offline');
      await device.close(); // never rejects, even twice
      expect(statuses.payloads.map((s: DeviceStatus) => s.state)).toEqual([statuses.payloads[0]?.state, 'offline']);
      statuses.stop();
    });

    it('open rejects not-connected while unplugged, and works again after reconnecting', async () => {
      const { device, driver } = fixture;
      await driver.disconnect();
      expect(device.status().state).toBe('offline');
      await expectDeviceError(device.open(), 'not-connected');
      await driver.reconnect();
      await device.open();
      expect(device.status().state).not.toBe('offline');
    });

    it('open honours its signal', async () => {
      const { device, driver } = fixture;
      await expectDeviceError(device.open(AbortSignal.abort()), 'cancelled');
      await driver.setLatencyMs(200);
      const controller = new AbortController();
      const opening = device.open(controller.signal);
      controller.abort();
      await expectDeviceError(opening, 'cancelled');
    });

    it('self-tests when open, and rejects not-connected when closed', async () => {
      const { device } = fixture;
      await expectDeviceError(device.selfTest(), 'not-connected');
      await device.open();
      const result = await device.selfTest();
      expect(result.checks.length).toBeGreaterThan(0);
      expect(result.passed).toBe(result.checks.every((check) => check.passed));
    });

    it('self-test rejects cancelled on abort and not-connected when unplugged mid-way', async () => {
      const { device, driver } = fixture;
      await device.open();
      await expectDeviceError(device.selfTest(AbortSignal.abort()), 'cancelled');
      // Long enough that the unplug below lands mid-way even on a loaded machine, where unplugging a
      // real transport (vpcd's socket, a pty) can itself take a couple of hundred milliseconds.
      await driver.setLatencyMs(1000);
      const controller = new AbortController();
      const first = device.selfTest(controller.signal);
      await sleep(10);
      controller.abort();
      await expectDeviceError(first, 'cancelled');
      const second = device.selfTest();
      await sleep(10);
      await driver.disconnect();
      await expectDeviceError(second, 'not-connected');
    });

    it('unplugging goes offline and emits the change; closing fails operations in flight', async () => {
      const { device, driver } = fixture;
      await device.open();
      const statuses = record(device, 'status');
      await driver.disconnect();
      expect(statuses.payloads.at(-1)?.state).toBe('offline');
      await driver.reconnect();
      await device.open();
      await driver.setLatencyMs(200);
      const running = device.selfTest();
      await sleep(10);
      await device.close();
      await expectDeviceError(running, 'not-connected');
      statuses.stop();
    });
  });
}
