import type { DeviceKind } from './kinds.js';

/**
 * Stable failure codes of every device. Domain outcomes (a declined payment, a finger that does not
 * match) are results, not errors; a DeviceError means the operation itself could not complete.
 */
export const DEVICE_ERROR_CODES = [
  'not-connected', // the device is offline or was unplugged during the operation
  'timeout', // the device or the resident did not answer in time
  'cancelled', // the caller's AbortSignal fired
  'busy', // another operation is in progress on this device
  'hardware-fault', // the device reported a fault, or its self-test failed
  'protocol', // the device sent something the driver could not understand
  'user-action-needed', // staff or resident must act: paper out, cover open, PIN blocked, …
  'card-removed', // the ID card left the reader mid-operation: ask for it again
  'card-unreadable', // a card is present but is not a readable ID card
] as const;
export type DeviceErrorCode = (typeof DEVICE_ERROR_CODES)[number];

/**
 * Where a fault came from, for the structured log and the technician (never for residents): the
 * device path that failed to open, the operating system's errno, the device's own vendor code.
 */
export interface DeviceFault {
  path?: string;
  errno?: string;
  vendorCode?: string;
}

export class DeviceError extends Error {
  readonly code: DeviceErrorCode;
  readonly device: DeviceKind;
  /** A finer stable code for the technician and the renderer, e.g. `paper-out`, `pin-blocked`. */
  readonly detail: string | undefined;
  readonly fault: DeviceFault | undefined;
  constructor(device: DeviceKind, code: DeviceErrorCode, message: string, detail?: string, fault?: DeviceFault) {
    super(message);
    this.name = 'DeviceError';
    this.device = device;
    this.code = code;
    this.detail = detail;
    this.fault = fault;
  }
}

/** Recognises a DeviceError by shape, never by class (an error that crossed a process or module copy is no longer an instance of the class). */
export function isDeviceError(error: unknown): error is DeviceError {
  if (typeof error !== 'object' || error === null) return false;
  const { code, device } = error as { code?: unknown; device?: unknown };
  return typeof device === 'string' && (DEVICE_ERROR_CODES as readonly unknown[]).includes(code);
}

/** The error an operation rejects with when its AbortSignal fires. */
export function cancelledError(device: DeviceKind, operation: string): DeviceError {
  return new DeviceError(device, 'cancelled', `${operation} was cancelled`);
}
