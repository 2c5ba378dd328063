import { expect } from 'vitest';
import type { CardReader, CardReaderEvents } from '../../../devices/card-reader/contract.js';
import type { BaseDeviceEvents, Device } from '../../../devices/contract.js';
import type { FingerprintEvents, FingerprintScanner } from '../../../devices/fingerprint-scanner/contract.js';
import type { HeightGauge, HeightGaugeEvents } from '../../../devices/height-gauge/contract.js';
import type { PaymentTerminal, PaymentTerminalEvents } from '../../../devices/payment-terminal/contract.js';
import { type DeviceError, type DeviceErrorCode, isDeviceError } from '../../../devices/errors.js';

/** Awaits a rejection and checks it is a DeviceError with this code (and detail, if given). */
export async function expectDeviceError(
  promise: Promise<unknown>,
  code: DeviceErrorCode,
  detail?: string,
): Promise<DeviceError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (!isDeviceError(caught)) throw new Error(`expected a DeviceError ${code}, got ${String(caught)}`);
  expect(caught.code).toBe(code);
  if (detail !== undefined) expect(caught.detail).toBe(detail);
  return caught;
}

/**
 * The events a device class declares. TypeScript cannot infer them back from the generic `on`
 * method, so they are looked up by the class's interface.
 */
export type EventsOf<D> = D extends CardReader
  ? CardReaderEvents
  : D extends FingerprintScanner
    ? FingerprintEvents
    : D extends HeightGauge
      ? HeightGaugeEvents
      : D extends PaymentTerminal
        ? PaymentTerminalEvents
        : BaseDeviceEvents;

/** Records every payload of one event, until the returned `stop`. */
export function record<D extends Device<BaseDeviceEvents, unknown>, K extends keyof EventsOf<D> & string>(
  device: D,
  event: K,
): { payloads: Array<EventsOf<D>[K]>; stop: () => void } {
  const payloads: Array<EventsOf<D>[K]> = [];
  // Same function, seen through the looked-up event map.
  const on = device.on.bind(device) as unknown as (name: K, listener: (payload: EventsOf<D>[K]) => void) => () => void;
  const stop = on(event, (payload) => payloads.push(payload));
  return { payloads, stop };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves once `predicate` holds, polling; fails the test after `timeoutMs`. */
export async function eventually(predicate: () => boolean, timeoutMs = 2_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached in time');
    await sleep(2);
  }
}

/** Something that may be synchronous (a simulator control) or not (a far end over a transport). */
export type MaybeAsync<T = void> = T | Promise<T>;
