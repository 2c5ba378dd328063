import { readFileSync } from 'node:fs';
import type { CardReaderControl } from '../../../simulators/card-reader/simulated-card-reader.js';
import { testPki } from '../../../simulators/card-reader/virtual-card/test-pki.js';
import { VirtualCardTerminal } from '../../../simulators/card-reader/virtual-card/virtual-card-terminal.js';
import type { CardReader } from '../../../devices/card-reader/contract.js';
import { PcscCardReader } from '../../../devices/card-reader/drivers/pcsc/pcsc-card-reader.js';

/** The `{ driver: 'pcsc', … }` entry of the host configuration (electron/host/config/schema.ts). */
export interface PcscReaderConfig {
  reader?: string | undefined;
  issuerCaFile?: string | undefined;
  virtualCards?: { port: number } | undefined;
  extendedLength: boolean;
  transmitTimeoutMs: number;
}

/**
 * The PC/SC reader from configuration. With `virtualCards`, the kiosk reads virtual cards through
 * the real driver and pcscd (simulation on a machine with vpcd): the tester control surface then
 * places cards on vpcd, and the simulation-only test CA is trusted unless an issuer CA is given.
 * The schema refuses a configuration with neither, so a kiosk in service never trusts the test CA.
 */
export function pcscReaderFromConfig(config: PcscReaderConfig): { device: CardReader; virtualCards: CardReaderControl | undefined } {
  const anchor = config.issuerCaFile !== undefined ? readFileSync(config.issuerCaFile, 'utf8') : testPki().issuerCaPem;
  const device = new PcscCardReader({
    ...(config.reader === undefined ? {} : { reader: config.reader }),
    trustAnchorsPem: [anchor],
    extendedLength: config.extendedLength,
    transmitTimeoutMs: config.transmitTimeoutMs,
  });
  const virtualCards = config.virtualCards ? new VirtualCardTerminal({ port: config.virtualCards.port }).control : undefined;
  return { device, virtualCards };
}
