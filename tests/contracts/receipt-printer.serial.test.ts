import { startPrinterPeer, statusReaches, unplug } from '../integration/serial/peers.js';
import { runReceiptPrinterContract } from './receipt-printer.contract.js';

// The printer contract against the real ESC/POS driver and a simulated printer on a pty pair. The
// driver learns of paper changes by polling, so setting the paper waits until it has seen it.
runReceiptPrinterContract('serial driver over a pty', async () => {
  const rig = await startPrinterPeer();
  const { control } = rig.peer;
  return {
    device: rig.device,
    driver: {
      disconnect: () => unplug(rig.device, control),
      reconnect: control.reconnect,
      setLatencyMs: control.setLatencyMs,
      setPaper: async (state) => {
        control.setPaper(state);
        if (rig.device.status().state !== 'offline') await statusReaches(rig.device, () => rig.device.paperState() === state);
      },
      printedTexts: () => control.printed().map((p) => p.text),
    },
    dispose: rig.stop,
  };
});
