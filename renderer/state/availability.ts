import type { ServiceAvailabilityNow, ServiceId } from '../../electron/shared/kiosk-api/contract.js';
import { useKiosk } from './kiosk-store.js';

/** One service's availability as the host last published it (undefined before the first answer). */
export function useServiceAvailability(service: ServiceId | undefined): ServiceAvailabilityNow | undefined {
  return useKiosk((state) => state.availability?.services.find((entry) => entry.service === service));
}

/** The same, outside React (the flows). */
export function serviceAvailability(service: ServiceId): ServiceAvailabilityNow | undefined {
  return useKiosk.getState().availability?.services.find((entry) => entry.service === service);
}
