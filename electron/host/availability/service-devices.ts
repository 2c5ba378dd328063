import { join } from 'node:path';
import { z } from 'zod';
import { DEVICE_KINDS } from '../../../devices/kinds.js';
import { readConfigFile } from '../calendar/config-file.js';
import { ServiceId } from '../../shared/kiosk-api/schemas/service-id.js';

/**
 * `service-devices.json` in the operator's rules directory: what each service needs to be offered,
 * as IATA CUSS 2 applications declare their devices. Validated once at start; a service missing
 * from the file, or an unknown device, stops the start naming the file and field.
 */

/** What a service can need: a device class, or GovPay (a remote payment with no device of its own). */
export const Resource = z.enum([...DEVICE_KINDS, 'govpay']);
export type Resource = z.infer<typeof Resource>;

const ServiceNeeds = z.strictObject({
  /** Every one of these must work. */
  needs: z.array(Resource).max(Resource.options.length).default([]),
  /** From each group, at least one must work (e.g. the payment terminal or GovPay). */
  oneOf: z.array(z.array(Resource).min(2).max(Resource.options.length)).max(4).default([]),
  /**
   * False for a service that does not keep the kiosk in service on its own: when it is the only one
   * left, the kiosk shows the out-of-service page (a kiosk that can only look up a receipt number).
   */
  offeredAlone: z.boolean().default(true),
  /**
   * `printed-or-on-screen`: a receipt printed when the printer can, else the QR on screen is the
   * receipt; `printed`: the paper is the service (needs the printer); `none`: no receipt.
   */
  receipt: z.enum(['printed-or-on-screen', 'printed', 'none']),
});
export type ServiceNeeds = z.output<typeof ServiceNeeds>;

export const ServiceDevicesConfigSchema = z.strictObject({
  source: z.string().min(1),
  services: z.record(ServiceId, ServiceNeeds),
}).superRefine((config, ctx) => {
  for (const [service, entry] of Object.entries(config.services)) {
    // A printed-only service that does not need the printer would be offered with nothing to print on.
    if (entry.receipt === 'printed' && !entry.needs.includes('receipt-printer')) {
      ctx.addIssue({ code: 'custom', path: ['services', service, 'needs'], message: 'a service whose receipt is "printed" must need the receipt-printer' });
    }
  }
});
export type ServiceDevicesConfig = z.output<typeof ServiceDevicesConfigSchema>;

export const SERVICE_DEVICES_FILE = 'service-devices.json';

export function loadServiceDevices(rulesDir: string): ServiceDevicesConfig {
  return readConfigFile(join(rulesDir, SERVICE_DEVICES_FILE), ServiceDevicesConfigSchema);
}
