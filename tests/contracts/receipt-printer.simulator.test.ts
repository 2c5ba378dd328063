import { SimulatedReceiptPrinter } from '../../simulators/receipt-printer/simulated-receipt-printer.js';
import { runReceiptPrinterContract } from './receipt-printer.contract.js';

runReceiptPrinterContract('simulator', async () => {
  const sim = new SimulatedReceiptPrinter();
  const { control } = sim;
  return {
    device: sim,
    driver: {
      disconnect: control.disconnect,
      reconnect: control.reconnect,
      setLatencyMs: control.setLatencyMs,
      setPaper: control.setPaper,
      printedTexts: () => control.printed().map((p) => p.text),
    },
    dispose: () => sim.close(),
  };
});
