import { isDeviceError, type DeviceErrorCode } from '../../../devices/errors.js';
import type { ApiErrorCode, ApiErrorData } from '../../shared/kiosk-api/errors.js';

const API_CODE: Record<DeviceErrorCode, ApiErrorCode> = {
  'not-connected': 'device-not-connected',
  timeout: 'timeout',
  cancelled: 'cancelled',
  busy: 'device-busy',
  'hardware-fault': 'device-fault',
  protocol: 'device-protocol',
  'user-action-needed': 'user-action-needed',
  'card-removed': 'card-removed',
  'card-unreadable': 'card-unreadable',
};

/** Maps a DeviceError to the stable API code the renderer translates; undefined for anything else. */
export function translateDeviceError(error: unknown): ApiErrorData | undefined {
  if (!isDeviceError(error)) return undefined;
  const detail = error.detail ? ` (${error.detail})` : '';
  return { code: API_CODE[error.code], message: `${error.device}: ${error.message}${detail}`.slice(0, 500) };
}
