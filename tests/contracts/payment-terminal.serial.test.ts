import { startPaymentPeer, unplug } from '../integration/serial/peers.js';
import { runPaymentTerminalContract } from './payment-terminal.contract.js';

// The same contract as the simulator's, against the real ECR driver and a simulated terminal at the
// far end of a socat pty pair.
runPaymentTerminalContract('serial driver over a pty', async () => {
  const rig = await startPaymentPeer();
  const { control } = rig.peer;
  return {
    device: rig.device,
    driver: {
      disconnect: () => unplug(rig.device, control),
      reconnect: control.reconnect,
      setLatencyMs: control.setLatencyMs,
      queueOutcome: control.queueOutcome,
      setWaitForTester: (on) => control.setDefault(on ? 'wait' : 'approve'),
      charged: () => control.sales().map(({ reference, state }) => ({ reference, state })),
    },
    dispose: rig.stop,
  };
});
