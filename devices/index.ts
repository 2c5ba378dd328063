import type { CameraHealth } from './camera/contract.js';
import type { CardReader } from './card-reader/contract.js';
import type { FingerprintScanner } from './fingerprint-scanner/contract.js';
import type { HeightGauge } from './height-gauge/contract.js';
import type { DocumentScanner } from './document-scanner/contract.js';
import type { DeviceKind } from './kinds.js';
import type { PaymentTerminal } from './payment-terminal/contract.js';
import type { ReceiptPrinter } from './receipt-printer/contract.js';

/** One device per class: what the DeviceHub owns and the host uses. */
export interface DeviceSet {
  'card-reader': CardReader;
  'fingerprint-scanner': FingerprintScanner;
  camera: CameraHealth;
  'height-gauge': HeightGauge;
  'payment-terminal': PaymentTerminal;
  'receipt-printer': ReceiptPrinter;
  'document-scanner': DocumentScanner;
}

// Compile-time check that DeviceSet covers exactly the device kinds.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const deviceSetCoversKinds: Exact<keyof DeviceSet, DeviceKind> = true;
