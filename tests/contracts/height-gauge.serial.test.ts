import { startGaugePeer, unplug } from '../integration/serial/peers.js';
import { runHeightGaugeContract } from './height-gauge.contract.js';

// The gauge contract against the real serial driver and a simulated column on a pty pair.
runHeightGaugeContract('serial driver over a pty', async () => {
  const rig = await startGaugePeer({ sampleMs: 3 });
  const { control } = rig.peer;
  return {
    device: rig.device,
    driver: {
      disconnect: () => unplug(rig.device, control),
      reconnect: control.reconnect,
      setLatencyMs: control.setLatencyMs,
      setHeightMm: control.setHeightMm,
      setUnstable: control.setUnstable,
    },
    dispose: rig.stop,
  };
});
