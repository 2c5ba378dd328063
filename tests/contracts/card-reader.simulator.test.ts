import { SimulatedCardReader } from '../../simulators/card-reader/simulated-card-reader.js';
import { runCardReaderContract } from './card-reader.contract.js';

runCardReaderContract('simulator', async () => {
  const sim = new SimulatedCardReader();
  const { control } = sim;
  return {
    device: sim,
    driver: {
      disconnect: control.disconnect,
      reconnect: control.reconnect,
      setLatencyMs: control.setLatencyMs,
      placeCard: control.placeCard,
      removeCard: control.removeCard,
      removeDuringNextRead: () => control.setRemoveDuringNextRead(true),
    },
    dispose: () => sim.close(),
  };
});
