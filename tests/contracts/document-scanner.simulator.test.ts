import { SimulatedDocumentScanner } from '../../simulators/document-scanner/simulated-document-scanner.js';
import { runDocumentScannerContract } from './document-scanner.contract.js';

runDocumentScannerContract('simulator', async () => {
  const sim = new SimulatedDocumentScanner();
  const { control } = sim;
  return {
    device: sim,
    driver: {
      disconnect: control.disconnect,
      reconnect: control.reconnect,
      setLatencyMs: control.setLatencyMs,
      setBed: (content) => control.placeDocument(content === 'document' ? 'photo-print' : 'empty'),
      setCoverOpen: control.setCoverOpen,
      setStalled: control.setStalled,
    },
    dispose: () => sim.close(),
  };
});
