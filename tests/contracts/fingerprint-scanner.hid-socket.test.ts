import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HidFingerprintScanner } from '../../devices/fingerprint-scanner/drivers/hid-fingerprint-scanner.js';
import { socketHidTransport } from '../../devices/transport/hid/socket-hid-device.js';
import { HidSocketFarEnd } from '../../simulators/fingerprint-scanner/hid-socket-far-end.js';
import { SimulatedFingerprintScanner } from '../../simulators/fingerprint-scanner/simulated-fingerprint-scanner.js';
import { unplug } from '../integration/serial/peers.js';
import { runFingerprintScannerContract } from './fingerprint-scanner.contract.js';

/**
 * The same contract against the real HID driver and node-hid's adapter over the hardware loop's
 * transport: 64-byte reports on a Unix-domain socket to the simulated scanner (no uhid here).
 */
let n = 0;
runFingerprintScannerContract('HID driver over the loop’s socket', async () => {
  const path = join(tmpdir(), `dsi-hid-${process.pid}-${++n}.sock`);
  const farEnd = new HidSocketFarEnd(path, new SimulatedFingerprintScanner());
  await farEnd.plug();
  const device = new HidFingerprintScanner({ answerTimeoutMs: 1_000, transport: socketHidTransport(path) });
  const { control } = farEnd;
  return {
    device,
    driver: {
      disconnect: () => unplug(device, control), // the socket closing reaches the driver a moment later
      reconnect: () => control.reconnect(),
      setLatencyMs: control.setLatencyMs,
      presentFinger: control.presentFinger,
      setMissing: control.setMissing,
    },
    dispose: async () => {
      await device.close();
      await farEnd.stop();
    },
  };
});
