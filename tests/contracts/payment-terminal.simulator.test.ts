import { SimulatedPaymentTerminal } from '../../simulators/payment-terminal/simulated-payment-terminal.js';
import { runPaymentTerminalContract } from './payment-terminal.contract.js';

runPaymentTerminalContract('simulator', async () => {
  const sim = new SimulatedPaymentTerminal();
  const { control } = sim;
  return {
    device: sim,
    driver: {
      disconnect: control.disconnect,
      reconnect: control.reconnect,
      setLatencyMs: control.setLatencyMs,
      queueOutcome: control.queueOutcome,
      setWaitForTester: (on) => control.setDefault(on ? 'wait' : 'approve'),
      charged: () => control.sales().map(({ reference, state }) => ({ reference, state })),
    },
    dispose: () => sim.close(),
  };
});
