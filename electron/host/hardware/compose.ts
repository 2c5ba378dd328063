import type { DeviceSet } from '../../../devices/index.js';
import { DEVICE_KINDS } from '../../../devices/kinds.js';
import { createSimulators, type SimulatorControls } from '../../../simulators/index.js';
import type { HostConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import { loadSampleFace } from '../../../simulators/document-scanner/face-picture.js';

// Real drivers (and serialport's native binding, PC/SC, the loop's far ends) are imported only when
// the configuration names them: a kiosk whose devices are simulated does not pay for loading them
// at start-up (issue 20: cold start). Each `import()` below is the one place its driver is loaded.

export interface ComposedDevices {
  devices: DeviceSet;
  /** Present when at least one class is simulated (or the loop's far ends are): what the tester control API drives. */
  simulatorControls: SimulatorControls | undefined;
  /** Stops what composing started (the hardware loop's far ends); after the DeviceHub stopped. */
  stop(): Promise<void>;
}

/**
 * The one composition root that chooses, per device class, a real driver or a simulator from
 * configuration. Nothing else in the host branches on "simulated or real".
 */
export async function composeDevices(config: HostConfig, log?: Logger): Promise<ComposedDevices> {
  const farEnds = config.loop ? await (await import('./loop-far-ends.js')).startLoopFarEnds(config, log) : { controls: {}, stop: async () => {} };
  const simulators = createSimulators({
    delayMs: config.simulators.delayMs,
    paymentDefault: config.simulators.paymentDefault,
    // The simulated scanner's photo prints show the camera tests' real face (the renderer checks it),
    // decoded at the first scan: not on the host's way to listening.
    ...(config.devices['document-scanner'].driver === 'simulator' ? { scannerFace: loadSampleFace } : {}),
  });
  const devices = {} as Record<keyof DeviceSet, DeviceSet[keyof DeviceSet]>;
  for (const kind of DEVICE_KINDS) {
    const choice = config.devices[kind];
    switch (choice.driver) {
      case 'simulator':
        devices[kind] = simulators.devices[kind];
        break;
      case 'hid': {
        // Only the fingerprint scanner has a HID variant in the schema.
        if (kind !== 'fingerprint-scanner') throw new Error(`${kind} has no HID driver`);
        const { HidFingerprintScanner } = await import('../../../devices/fingerprint-scanner/drivers/hid-fingerprint-scanner.js');
        devices[kind] = new HidFingerprintScanner({
          transport:
            choice.socket !== undefined
              ? (await import('../../../devices/transport/hid/socket-hid-device.js')).socketHidTransport(choice.socket)
              : (await import('../../../devices/transport/hid/node-hid-transport.js')).nodeHidTransport({ vendorId: choice.vendorId ?? 0, productId: choice.productId ?? 0 }),
        });
        break;
      }
      case 'serial':
        devices[kind] = await serialDevice(kind, config);
        break;
      case 'sane': {
        // Only the document scanner has a SANE variant in the schema.
        if (kind !== 'document-scanner') throw new Error(`${kind} has no SANE driver`);
        const { SaneDocumentScanner } = await import('../../../devices/document-scanner/drivers/sane-document-scanner.js');
        devices[kind] = new SaneDocumentScanner({
          device: choice.device,
          command: choice.command,
          pollMs: choice.pollMs,
          ...(choice.configDir !== undefined ? { env: { SANE_CONFIG_DIR: choice.configDir } } : {}),
        });
        break;
      }
      case 'pcsc': {
        // Only the card reader has a PC/SC variant in the schema.
        if (kind !== 'card-reader') throw new Error(`${kind} has no PC/SC driver`);
        const pcsc = (await import('./pcsc-reader-from-config.js')).pcscReaderFromConfig(choice);
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
async function serialDevice(kind: keyof DeviceSet, config: HostConfig): Promise<DeviceSet[keyof DeviceSet]> {
  const gauge = config.devices['height-gauge'];
  const terminal = config.devices['payment-terminal'];
  const printer = config.devices['receipt-printer'];
  if (kind === 'height-gauge' && gauge.driver === 'serial') return new (await import('../../../devices/height-gauge/drivers/serial-height-gauge.js')).SerialHeightGauge(gauge);
  if (kind === 'payment-terminal' && terminal.driver === 'serial')
    return new (await import('../../../devices/payment-terminal/drivers/serial-payment-terminal.js')).SerialPaymentTerminal(terminal);
  if (kind === 'receipt-printer' && printer.driver === 'serial') return new (await import('../../../devices/receipt-printer/drivers/serial-receipt-printer.js')).SerialReceiptPrinter(printer);
  throw new Error(`${kind} has no serial driver`);
}
