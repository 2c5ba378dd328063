import { DeviceError } from '../../../errors.js';
import { classifyPcscError, pcscCode } from '../../../transport/pcsc/pcsc-codes.js';

/** A failed PC/SC call as the DeviceError the contract promises; the PC/SC code is the detail. */
export function deviceErrorFromPcsc(operation: string, error: unknown): DeviceError {
  const code = pcscCode(error);
  const detail = code === null ? 'pcsc-error' : `pcsc-${code.toString(16)}`;
  const message = `${operation}: ${error instanceof Error ? error.message : String(error)}`;
  switch (classifyPcscError(error)) {
    case 'card-gone':
      return new DeviceError('card-reader', 'card-removed', message, 'card-left');
    case 'card-reset':
      return new DeviceError('card-reader', 'card-removed', message, 'card-reset');
    case 'card-mute':
      return new DeviceError('card-reader', 'card-unreadable', message, 'card-mute');
    case 'service-gone':
      return new DeviceError('card-reader', 'not-connected', message, 'pcscd-unavailable');
    case 'reader-gone':
      return new DeviceError('card-reader', 'not-connected', message, 'reader-missing');
    case 'in-use':
      return new DeviceError('card-reader', 'busy', message, 'reader-in-use');
    case 'timeout':
      return new DeviceError('card-reader', 'timeout', message, detail);
    default:
      return new DeviceError('card-reader', 'hardware-fault', message, detail);
  }
}
