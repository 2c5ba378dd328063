import { SimulatedFingerprintScanner } from '../../simulators/fingerprint-scanner/simulated-fingerprint-scanner.js';
import { runFingerprintScannerContract } from './fingerprint-scanner.contract.js';

runFingerprintScannerContract('simulator', async () => {
  const sim = new SimulatedFingerprintScanner();
  const { control } = sim;
  return {
    device: sim,
    driver: {
      disconnect: control.disconnect,
      reconnect: control.reconnect,
      setLatencyMs: control.setLatencyMs,
      presentFinger: control.presentFinger,
      setMissing: control.setMissing,
    },
    dispose: () => sim.close(),
  };
});
