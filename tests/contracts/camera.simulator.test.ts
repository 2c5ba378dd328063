import { SimulatedCamera } from '../../simulators/camera/simulated-camera.js';
import { runCameraContract } from './camera.contract.js';

runCameraContract('simulator', async () => {
  const sim = new SimulatedCamera();
  return {
    device: sim,
    driver: { disconnect: sim.control.unplug, reconnect: sim.control.plug, setLatencyMs: sim.control.setLatencyMs },
    dispose: () => sim.close(),
  };
});
