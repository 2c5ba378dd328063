import type { HostConfig } from '../config/schema.js';
import type { Logger } from '../log.js';
import { PcscdHarness } from '../../../simulators/card-reader/virtual-card/pcscd.js';
import { HidSocketFarEnd } from '../../../simulators/fingerprint-scanner/hid-socket-far-end.js';
import { SimulatedFingerprintScanner } from '../../../simulators/fingerprint-scanner/simulated-fingerprint-scanner.js';
import { SerialGaugePeer } from '../../../simulators/height-gauge/serial-gauge-peer.js';
import type { SimulatorControls } from '../../../simulators/index.js';
import { SerialTerminalPeer } from '../../../simulators/payment-terminal/serial-terminal-peer.js';
import { SerialPrinterPeer } from '../../../simulators/receipt-printer/serial-printer-peer.js';
import { SaneTestBed, saneTestBedControl } from '../../../simulators/document-scanner/sane-test-bed.js';

/** The far ends the hardware loop started, their controls (same shapes as the in-process ones), and how to stop them. */
export interface LoopFarEnds {
  controls: Partial<SimulatorControls>;
  stop(): Promise<void>;
}

/**
 * Starts the simulated far end of every real transport the loop's configuration names: a serial
 * peer on a socat pty pair for each serial device (the driver opens `path`), the scanner's socket,
 * and pcscd (if none runs and `loop.startPcscd`) for the vpcd virtual cards, which the PC/SC entry's
 * `virtualCards` places (pcsc-reader-from-config.ts). Beside the composition root, because it joins
 * the drivers' configuration with simulator parts (devices/ never imports simulators/).
 */
export async function startLoopFarEnds(config: HostConfig, log: Logger | undefined): Promise<LoopFarEnds> {
  const loop = config.loop;
  if (!loop) return { controls: {}, stop: async () => {} };
  const { delayMs, paymentDefault } = config.simulators;
  const stops: Array<() => Promise<void>> = [];
  const controls: Partial<SimulatorControls> = {};
  try {
    const card = config.devices['card-reader'];
    if (card.driver === 'pcsc' && card.virtualCards && loop.startPcscd) {
      const missing = PcscdHarness.missing();
      if (missing) {
        log?.error(`hardware loop: pcscd cannot run here: ${missing}; the card reader stays offline`);
      } else {
        try {
          const pcscd = await PcscdHarness.start();
          if (pcscd.owned) {
            log?.info('hardware loop: started pcscd with the vpcd virtual reader');
            stops.push(() => pcscd.stop());
          } else log?.info('hardware loop: using the pcscd already running');
        } catch (error) {
          log?.error(`hardware loop: pcscd could not be started (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); start it yourself (as root: pcscd) and the reader comes online`);
        }
      }
    }
    const gauge = config.devices['height-gauge'];
    if (gauge.driver === 'serial') {
      const peer = new SerialGaugePeer({ devicePath: gauge.path, peerPath: `${gauge.path}.peer`, sensorHeightMm: gauge.sensorHeightMm, sampleMs: 20 });
      await peer.start();
      stops.push(() => peer.stop());
      controls['height-gauge'] = peer.control;
    }
    const terminal = config.devices['payment-terminal'];
    if (terminal.driver === 'serial') {
      const peer = new SerialTerminalPeer({ devicePath: terminal.path, peerPath: `${terminal.path}.peer`, delayMs, paymentDefault, ackTimeoutMs: terminal.ackTimeoutMs });
      await peer.start();
      stops.push(() => peer.stop());
      controls['payment-terminal'] = peer.control;
    }
    const printer = config.devices['receipt-printer'];
    if (printer.driver === 'serial') {
      const peer = new SerialPrinterPeer({ devicePath: printer.path, peerPath: `${printer.path}.peer` });
      await peer.start();
      stops.push(() => peer.stop());
      controls['receipt-printer'] = peer.control;
    }
    const scanner = config.devices['fingerprint-scanner'];
    if (scanner.driver === 'hid' && scanner.socket !== undefined) {
      const farEnd = new HidSocketFarEnd(scanner.socket, new SimulatedFingerprintScanner({ delayMs }));
      await farEnd.plug();
      stops.push(() => farEnd.stop());
      controls['fingerprint-scanner'] = farEnd.control;
    }
    const documents = config.devices['document-scanner'];
    if (documents.driver === 'sane' && documents.configDir !== undefined && documents.device.startsWith('test:')) {
      // SANE's test backend in the loop's own SANE_CONFIG_DIR: nothing to start, only its configuration to write.
      controls['document-scanner'] = saneTestBedControl(new SaneTestBed(documents.configDir));
    }
  } catch (error) {
    await stopAll(stops);
    throw error;
  }
  return { controls, stop: () => stopAll(stops) };
}

async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
  for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
}
