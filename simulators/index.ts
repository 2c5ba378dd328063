import type { DeviceSet } from '../devices/index.js';
import { type CameraControl, SimulatedCamera } from './camera/simulated-camera.js';
import { type CardReaderControl, SimulatedCardReader } from './card-reader/simulated-card-reader.js';
import {
  type FingerprintScannerControl,
  SimulatedFingerprintScanner,
} from './fingerprint-scanner/simulated-fingerprint-scanner.js';
import { type HeightGaugeControl, SimulatedHeightGauge } from './height-gauge/simulated-height-gauge.js';
import {
  type PaymentDefault,
  type PaymentTerminalControl,
  SimulatedPaymentTerminal,
} from './payment-terminal/simulated-payment-terminal.js';
import { type ReceiptPrinterControl, SimulatedReceiptPrinter } from './receipt-printer/simulated-receipt-printer.js';
import {
  type DocumentScannerControl,
  SimulatedDocumentScanner,
} from './document-scanner/simulated-document-scanner.js';
import type { RgbPicture } from './document-scanner/samples.js';

/** The typed control object of each simulator, keyed by device kind (tests, CLI and panel drive the same objects). */
export interface SimulatorControls {
  'card-reader': CardReaderControl;
  'fingerprint-scanner': FingerprintScannerControl;
  camera: CameraControl;
  'height-gauge': HeightGaugeControl;
  'payment-terminal': PaymentTerminalControl;
  'receipt-printer': ReceiptPrinterControl;
  'document-scanner': DocumentScannerControl;
}

export interface CreateSimulatorsOptions {
  /** Human-like delay of each step, ms: 0 (the default) in tests, a few hundred in demo mode. */
  delayMs?: number;
  /** What the simulated terminal does when the tester queued nothing (default `approve`). */
  paymentDefault?: PaymentDefault;
  /** The picture on the simulated scanner's photo prints (a drawn face when absent). */
  scannerFace?: RgbPicture | (() => Promise<RgbPicture | undefined>);
}

/** One simulator per device class, all closed and connected, with their controls. */
export function createSimulators(options: CreateSimulatorsOptions = {}): {
  devices: DeviceSet;
  controls: SimulatorControls;
} {
  const delayMs = options.delayMs ?? 0;
  const cardReader = new SimulatedCardReader({ delayMs });
  const fingerprintScanner = new SimulatedFingerprintScanner({ delayMs });
  const camera = new SimulatedCamera({ delayMs });
  const heightGauge = new SimulatedHeightGauge({ delayMs });
  const paymentTerminal = new SimulatedPaymentTerminal({ delayMs, paymentDefault: options.paymentDefault ?? 'approve' });
  const receiptPrinter = new SimulatedReceiptPrinter({ delayMs });
  const documentScanner = new SimulatedDocumentScanner({ delayMs, ...(options.scannerFace ? { face: options.scannerFace } : {}) });
  return {
    devices: {
      'card-reader': cardReader,
      'fingerprint-scanner': fingerprintScanner,
      camera,
      'height-gauge': heightGauge,
      'payment-terminal': paymentTerminal,
      'receipt-printer': receiptPrinter,
      'document-scanner': documentScanner,
    },
    controls: {
      'card-reader': cardReader.control,
      'fingerprint-scanner': fingerprintScanner.control,
      camera: camera.control,
      'height-gauge': heightGauge.control,
      'payment-terminal': paymentTerminal.control,
      'receipt-printer': receiptPrinter.control,
      'document-scanner': documentScanner.control,
    },
  };
}

export { SimulatedCamera, SimulatedCardReader, SimulatedFingerprintScanner, SimulatedHeightGauge };
export { SimulatedPaymentTerminal, SimulatedReceiptPrinter };
export type { CameraControl, CardReaderControl, FingerprintScannerControl, HeightGaugeControl };
export type { PaymentDefault, PaymentTerminalControl, ReceiptPrinterControl };
export type { SimulatorOptions } from './shared/simulated-device.js';
export type { PlannedOutcome } from './payment-terminal/simulated-payment-terminal.js';
export type { FingerPresentation } from './fingerprint-scanner/simulated-fingerprint-scanner.js';
export { PROFILE_IDS, type ProfileId } from './card-reader/profiles.js';
export { SimulatedDocumentScanner };
export type { DocumentScannerControl };
export { SAMPLE_DOCUMENTS, type SampleDocument, type RgbPicture } from './document-scanner/samples.js';
