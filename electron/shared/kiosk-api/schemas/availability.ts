import { z } from 'zod';
import { DEVICE_KINDS } from '../../../../devices/kinds.js';
import { OfficeHoursSchema } from '../../calendar/office-hours.js';
import { PaymentMethod } from './service-results.js';
import { CounterOffice, ServiceId } from './service-id.js';

/**
 * What the kiosk can offer now, from its devices' health (electron/host/availability), spread into
 * the KioskApi contract. The renderer greys out what is unavailable and shows the out-of-service
 * page when nothing is; the host refuses the same choices on its side (`service-unavailable`).
 */

/**
 * How the resident gets the receipt: `printed`; `paper-low` (printed while paper lasts: the
 * resident is told before paying that the QR on screen is the receipt if it runs out); `on-screen`
 * (no printer or no paper: the QR on screen is the receipt); `none` (the service has no receipt).
 */
export const ReceiptOutput = z.enum(['printed', 'paper-low', 'on-screen', 'none']);
export type ReceiptOutput = z.infer<typeof ReceiptOutput>;

export const ServiceAvailabilityNow = z.object({
  service: ServiceId,
  available: z.boolean(),
  /** The devices it needs that do not work now, in the technician screen's order (the reason shown). */
  missing: z.array(z.enum(DEVICE_KINDS)).max(DEVICE_KINDS.length),
  receipt: ReceiptOutput,
});
export type ServiceAvailabilityNow = z.infer<typeof ServiceAvailabilityNow>;

/** Why a payment method cannot be used now: the terminal (card methods) is offline, or the GovPay gateway cannot be reached. */
export const PaymentUnavailableReason = z.enum(['terminal-offline', 'govpay-unavailable']);
export type PaymentUnavailableReason = z.infer<typeof PaymentUnavailableReason>;

/** One payment method as the kiosk can take it now; the payment screen greys out the unavailable ones with the reason. */
export const PaymentMethodNow = z.object({ method: PaymentMethod, available: z.boolean(), reason: PaymentUnavailableReason.nullable() });
export type PaymentMethodNow = z.infer<typeof PaymentMethodNow>;

export const KioskAvailability = z.object({
  /** False when no service that may be offered alone is available: the out-of-service page. */
  inService: z.boolean(),
  /** Every service, in menu order. */
  services: z.array(ServiceAvailabilityNow).max(ServiceId.options.length),
  /** Where to go instead (the out-of-service page): the DSI counters and their hours, from pickup.json. */
  counters: z.array(z.object({ office: CounterOffice, hours: OfficeHoursSchema })).max(CounterOffice.options.length),
  /** Every payment method, whether it can be used now (absent from an older host: every offered method is tried). */
  payments: z.array(PaymentMethodNow).max(PaymentMethod.options.length).optional(),
});
export type KioskAvailability = z.infer<typeof KioskAvailability>;

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

export const availabilityMethods = {
  /** What can be offered now; changes arrive as `availability.changed`. */
  'kiosk.availability': method(z.strictObject({}), KioskAvailability),
} as const;

export const availabilityEvents = {
  /** Sent on every change of what the kiosk can offer (a device unplugged, paper low, a device back). */
  'availability.changed': KioskAvailability,
} as const;
