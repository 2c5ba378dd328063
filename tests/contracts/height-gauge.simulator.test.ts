import { SimulatedHeightGauge } from '../../simulators/height-gauge/simulated-height-gauge.js';
import { runHeightGaugeContract } from './height-gauge.contract.js';

runHeightGaugeContract('simulator', async () => {
  const sim = new SimulatedHeightGauge({ sampleMs: 2 });
  const { control } = sim;
  return {
    device: sim,
    driver: {
      disconnect: control.disconnect,
      reconnect: control.reconnect,
      setLatencyMs: control.setLatencyMs,
      setHeightMm: control.setHeightMm,
      setUnstable: control.setUnstable,
    },
    dispose: () => sim.close(),
  };
});
