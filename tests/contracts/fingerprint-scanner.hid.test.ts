import { HidFingerprintScanner } from '../../devices/fingerprint-scanner/drivers/hid-fingerprint-scanner.js';
import { createMemoryHidPair } from '../../devices/transport/hid/memory-transport.js';
import { attachHidFarEnd, type HidFarEnd } from '../../simulators/fingerprint-scanner/hid-far-end.js';
import { SimulatedFingerprintScanner } from '../../simulators/fingerprint-scanner/simulated-fingerprint-scanner.js';
import { runFingerprintScannerContract } from './fingerprint-scanner.contract.js';

/**
 * The same contract against the real HID driver, over an in-memory HID link whose far end speaks
 * the report protocol (the machine has no /dev/hidraw or uhid to put a virtual device on).
 */
runFingerprintScannerContract('HID driver over an in-memory link', async () => {
  const engine = new SimulatedFingerprintScanner();
  await engine.open();
  let plugged = true;
  let latencyMs = 0;
  let current: { unplug(): void; farEnd: HidFarEnd } | undefined;
  const device = new HidFingerprintScanner({
    answerTimeoutMs: 1_000,
    transport: async () => {
      if (!plugged) throw new Error('no such HID device');
      const pair = createMemoryHidPair();
      const farEnd = attachHidFarEnd(pair.device, engine, { latencyMs });
      current = { unplug: pair.unplug, farEnd };
      return pair.host;
    },
  });
  const { control } = engine;
  return {
    device,
    driver: {
      disconnect: () => {
        plugged = false;
        current?.unplug();
      },
      reconnect: () => {
        plugged = true;
      },
      setLatencyMs: (ms) => {
        latencyMs = ms;
        current?.farEnd.setLatencyMs(ms);
      },
      presentFinger: control.presentFinger,
      setMissing: control.setMissing,
    },
    dispose: async () => {
      await device.close();
      await engine.close();
    },
  };
});
