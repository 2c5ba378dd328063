import { HID_REPORT_SIZE, type HidTransport, type HidTransportFactory } from './transport.js';

/** The part of node-hid's `HIDAsync` this transport uses (node-hid 3.x). */
export interface HidAsyncDevice {
  write(data: number[] | Buffer): Promise<number>;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  close(): Promise<void>;
}
interface NodeHidModule {
  HIDAsync: { open(vendorId: number, productId: number): Promise<HidAsyncDevice> };
}

/**
 * node-hid behind the HidTransport interface. node-hid is an optional dependency with a native
 * binding, so it is loaded only when a real scanner is configured, never at import time.
 * node-hid's `write` takes the report ID first: this interface has no numbered reports, so 0x00.
 */
export function nodeHidTransport(options: { vendorId: number; productId: number }): HidTransportFactory {
  return async (signal) => {
    const hid = (await import('node-hid')) as unknown as NodeHidModule;
    if (signal?.aborted) throw new Error('cancelled');
    const device = await hid.HIDAsync.open(options.vendorId, options.productId);
    return wrap(device);
  };
}

/** A HIDAsync-shaped device behind the HidTransport interface (node-hid's, or the loop's socket one). */
export function wrap(device: HidAsyncDevice): HidTransport {
  const reportListeners = new Set<(report: Uint8Array) => void>();
  const closeListeners = new Set<(reason: 'unplugged' | 'closed' | 'error') => void>();
  let closed = false;
  const shut = (reason: 'unplugged' | 'closed' | 'error'): void => {
    if (closed) return;
    closed = true;
    for (const listener of [...closeListeners]) listener(reason);
    closeListeners.clear();
    reportListeners.clear();
  };
  device.on('data', (data) => {
    const report = new Uint8Array(HID_REPORT_SIZE);
    report.set(data.subarray(0, HID_REPORT_SIZE));
    for (const listener of [...reportListeners]) listener(report);
  });
  // hidapi reports a read error when the device is unplugged.
  device.on('error', () => {
    shut('unplugged');
    void device.close().catch(() => undefined);
  });
  return {
    reportSize: HID_REPORT_SIZE,
    async write(report) {
      if (closed) throw new Error('HID link closed');
      await device.write(Buffer.concat([Buffer.from([0x00]), Buffer.from(report)]));
    },
    onReport(listener) {
      reportListeners.add(listener);
      return () => reportListeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    async close() {
      if (closed) return;
      shut('closed');
      await device.close().catch(() => undefined);
    },
  };
}
