import type { DeviceKind } from '../../../devices/kinds.js';
import { DEFAULT_ENCLOSURE, type EnclosurePlace } from '../../../electron/shared/kiosk-api/contract.js';
import { useKiosk } from '../../state/kiosk-store.js';

/** Where the device is on this kiosk's front, from the operator's configuration (kiosk.info). */
export function useDevicePlace(device: DeviceKind): EnclosurePlace {
  return useKiosk((s) => s.info?.enclosure.devices[device]) ?? DEFAULT_ENCLOSURE[device];
}
