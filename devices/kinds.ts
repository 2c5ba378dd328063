/** Every device class the kiosk has. The order is the technician screen's order. */
export const DEVICE_KINDS = [
  'card-reader',
  'fingerprint-scanner',
  'camera',
  'height-gauge',
  'payment-terminal',
  'receipt-printer',
  'document-scanner',
] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
