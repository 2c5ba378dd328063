import type { DeviceSet } from '../../../devices/index.js';
import { DEVICE_KINDS } from '../../../devices/kinds.js';
import { createSimulators, type SimulatorControls } from '../../../simulators/index.js';
import type { HostConfig } from '../config/schema.js';
import { pcscReaderFromConfig } from './pcsc-reader-from-config.js';
import { SerialHeightGauge } from '../../../devices/height-gauge/drivers/serial-height-gauge.js';
import { SerialPaymentTerminal } from '../../../devices/payment-terminal/drivers/serial-payment-terminal.js';
import { SerialReceiptPrinter } from '../../../devices/receipt-printer/drivers/serial-receipt-printer.js';
import { HidFingerprintScanner } from '../../../devices/fingerprint-scanner/drivers/hid-fingerprint-scanner.js';
import { nodeHidTransport } from '../../../devices/transport/hid/node-hid-transport.js';
import { socketHidTransport } from '../../../devices/transport/hid/socket-hid-device.js';
import { SaneDocumentScanner } from '../../../devices/document-scanner/drivers/sane-document-scanner.js';
import type { Logger } from '../log.js';
import { startLoopFarEnds } from './loop-far-ends.js';
import { loadSampleFace } from '../../../simulators/document-scanner/face-picture.js';

export interface ComposedDevices {
  devices: DeviceSet;
  /** Present when at least one class is simulated (or the loop's far ends are): what the tester control API drives. */
  simulatorControls: SimulatorControls | undefined;
  /** Stops what composing started (the hardware loop's far ends); after the DeviceHub stopped. */
  stop(): Promise<void>;
}

/**
 * The one composition root that chooses, per device class, a real driver or a simulator from
 * configuration (style rule 2). Nothing else in the host branches on "simulated or real".
 */
export async function composeDevices(config: HostConfig, log?: Logger): Promise<ComposedDevices> {
  const farEnds = await startLoopFarEnds(config, log);
  const simulators = createSimulators({
    delayMs: config.simulators.delayMs,
    paymentDefault: config.simulators.paymentDefault,
    // The simulated scanner's photo prints show the camera tests' real face (the renderer checks it).
    ...(config.devices['document-scanner'].driver === 'simulator' ? { scannerFace: await loadSampleFace() } : {}),
  });
  const devices = {} as Record<keyof DeviceSet, DeviceSet[keyof DeviceSet]>;
  for (const kind of DEVICE_KINDS) {
    const choice = config.devices[kind];
    switch (choice.driver) {
      case 'simulator':
        devices[kind] = simulators.devices[kind];
        break;
      case 'hid':
        // Only the fingerprint scanner has a HID variant in the schema.
        if (kind !== 'fingerprint-scanner') throw new Error(`${kind} has no HID driver`);
        devices[kind] = new HidFingerprintScanner({
          transport: choice.socket !== undefined ? socketHidTransport(choice.socket) : nodeHidTransport({ vendorId: choice.vendorId ?? 0, productId: choice.productId ?? 0 }),
        });
        break;
      case 'serial':
        devices[kind] = serialDevice(kind, config);
        break;
      case 'sane':
        // Only the document scanner has a SANE variant in the schema.
        if (kind !== 'document-scanner') throw new Error(`${kind} has no SANE driver`);
        devices[kind] = new SaneDocumentScanner({
          device: choice.device,
          command: choice.command,
          pollMs: choice.pollMs,
          ...(choice.configDir !== undefined ? { env: { SANE_CONFIG_DIR: choice.configDir } } : {}),
        });
        break;
      case 'pcsc': {
        // Only the card reader has a PC/SC variant in the schema.
        if (kind !== 'card-reader') throw new Error(`${kind} has no PC/SC driver`);
        const pcsc = pcscReaderFromConfig(choice);
        devices[kind] = pcsc.device;
        if (pcsc.virtualCards) simulators.controls['card-reader'] = pcsc.virtualCards;
        break;
      }
    }
  }
  // The loop's far ends take the in-process simulators' place on the control API (same shapes).
  Object.assign(simulators.controls, farEnds.controls);
  const anySimulated = config.loop !== undefined || DEVICE_KINDS.some((kind) => config.devices[kind].driver === 'simulator');
  return { devices: devices as DeviceSet, simulatorControls: anySimulated ? simulators.controls : undefined, stop: farEnds.stop };
}

/** The serial drivers (height gauge, payment terminal, receipt printer), from their config. */
function serialDevice(kind: keyof DeviceSet, config: HostConfig): DeviceSet[keyof DeviceSet] {
  const gauge = config.devices['height-gauge'];
  const terminal = config.devices['payment-terminal'];
  const printer = config.devices['receipt-printer'];
  if (kind === 'height-gauge' && gauge.driver === 'serial') return new SerialHeightGauge(gauge);
  if (kind === 'payment-terminal' && terminal.driver === 'serial') return new SerialPaymentTerminal(terminal);
  if (kind === 'receipt-printer' && printer.driver === 'serial') return new SerialReceiptPrinter(printer);
  throw new Error(`${kind} has no serial driver`);
}
