import type { BaseDeviceEvents, Device } from '../../../devices/contract.js';
import { SerialPaymentTerminal, type SerialPaymentTerminalOptions } from '../../../devices/payment-terminal/drivers/serial-payment-terminal.js';
import { SerialHeightGauge, type SerialHeightGaugeOptions } from '../../../devices/height-gauge/drivers/serial-height-gauge.js';
import { SerialGaugePeer, type SerialGaugePeerOptions } from '../../../simulators/height-gauge/serial-gauge-peer.js';
import { SerialReceiptPrinter, type SerialReceiptPrinterOptions } from '../../../devices/receipt-printer/drivers/serial-receipt-printer.js';
import { SerialPrinterPeer } from '../../../simulators/receipt-printer/serial-printer-peer.js';
import { SerialTerminalPeer, type SerialTerminalPeerOptions } from '../../../simulators/payment-terminal/serial-terminal-peer.js';

/**
 * Starts the far end of a serial device on a fresh socat pty pair (unique /tmp paths, so the two
 * vitest workers never meet) and makes the real driver for the other end. `stop` closes the driver,
 * unplugs the peer and kills socat; call it in afterEach/afterAll.
 */

let counter = 0;
function uniquePaths(kind: string): { devicePath: string; peerPath: string } {
  counter += 1;
  const base = `/tmp/dsi-${kind}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  return { devicePath: `${base}-dev`, peerPath: `${base}-peer` };
}

/** Short but generous timings for tests on a busy two-core machine. */
export const SERIAL_TEST_TIMINGS = { baudRate: 115_200, heartbeatMs: 25, answerTimeoutMs: 1_000 } as const;

export const PAYMENT_TEST_OPTIONS = {
  ...SERIAL_TEST_TIMINGS,
  ackTimeoutMs: 100,
  requestTimeoutMs: 1_000,
  processingTimeoutMs: 250,
  cardTimeoutMs: 5_000,
} as const;

export interface PeerRig<D, P> {
  device: D;
  peer: P;
  devicePath: string;
  stop(): Promise<void>;
}

export async function startPaymentPeer(
  options: Partial<Omit<SerialTerminalPeerOptions, 'devicePath' | 'peerPath'>> = {},
  driver: Partial<SerialPaymentTerminalOptions> = {},
): Promise<PeerRig<SerialPaymentTerminal, SerialTerminalPeer>> {
  const paths = uniquePaths('ecr');
  const peer = new SerialTerminalPeer({ ...paths, ...options });
  await peer.start();
  const device = new SerialPaymentTerminal({ ...PAYMENT_TEST_OPTIONS, path: paths.devicePath, ...driver });
  return { device, peer, devicePath: paths.devicePath, stop: stopper(device, () => peer.stop()) };
}

function stopper(device: { close(): Promise<void> }, stopPeer: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await device.close();
    } finally {
      await stopPeer(); // socat must not outlive the test, whatever the driver did
    }
  };
}

/** Resolves once the device's status satisfies `predicate` (checked now and on every change). */
export function statusReaches(
  device: Device<BaseDeviceEvents, unknown>,
  predicate: (state: ReturnType<Device<BaseDeviceEvents, unknown>['status']>) => boolean,
  timeoutMs = 3_000,
): Promise<void> {
  if (predicate(device.status())) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`status did not change in time: ${JSON.stringify(device.status())}`));
    }, timeoutMs);
    const off = device.on('status', (status) => {
      if (!predicate(status)) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/**
 * Pulls the cable and waits until the driver noticed. When the device is open, this returns in the
 * same tick as the driver's own reaction (its status event), so a test can attach its handler to an
 * operation that the unplug fails before Node calls that rejection unhandled.
 */
export async function unplug(device: Device<BaseDeviceEvents, unknown>, control: { disconnect(): Promise<void> }): Promise<void> {
  const unplugging = control.disconnect();
  if (device.status().state === 'offline') return unplugging;
  unplugging.catch(() => undefined);
  await statusReaches(device, (s) => s.state === 'offline');
}

export const PRINTER_TEST_OPTIONS = { ...SERIAL_TEST_TIMINGS, columns: 48, paperWidthMm: 80 } as const;

export async function startPrinterPeer(
  driver: Partial<SerialReceiptPrinterOptions> = {},
): Promise<PeerRig<SerialReceiptPrinter, SerialPrinterPeer>> {
  const paths = uniquePaths('escpos');
  const peer = new SerialPrinterPeer(paths);
  await peer.start();
  const device = new SerialReceiptPrinter({ ...PRINTER_TEST_OPTIONS, path: paths.devicePath, ...driver });
  return { device, peer, devicePath: paths.devicePath, stop: stopper(device, () => peer.stop()) };
}

export const GAUGE_TEST_OPTIONS = {
  ...SERIAL_TEST_TIMINGS,
  sensorHeightMm: 2_600,
  calibrationOffsetMm: 0,
  stableReadings: 3,
  toleranceMm: 5,
  minCm: 50,
  maxCm: 230,
} as const;

export async function startGaugePeer(
  options: Partial<Omit<SerialGaugePeerOptions, 'devicePath' | 'peerPath'>> = {},
  driver: Partial<SerialHeightGaugeOptions> = {},
): Promise<PeerRig<SerialHeightGauge, SerialGaugePeer>> {
  const paths = uniquePaths('gauge');
  const peer = new SerialGaugePeer({ ...paths, ...options });
  await peer.start();
  const device = new SerialHeightGauge({ ...GAUGE_TEST_OPTIONS, path: paths.devicePath, ...driver });
  return { device, peer, devicePath: paths.devicePath, stop: stopper(device, () => peer.stop()) };
}
