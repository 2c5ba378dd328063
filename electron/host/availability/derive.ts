import type { DeviceHealthEntry } from '../../../devices/hub/device-hub.js';
import { DEVICE_KINDS, type DeviceKind } from '../../../devices/kinds.js';
import { ServiceId } from '../../shared/kiosk-api/schemas/service-id.js';
import type { KioskAvailability, ReceiptOutput, ServiceAvailabilityNow } from '../../shared/kiosk-api/schemas/availability.js';
import { paymentMethodsNow } from './payment-methods.js';
import type { Resource, ServiceDevicesConfig } from './service-devices.js';

/**
 * Works out what the kiosk can offer from its devices' health: a pure function, so the rule is
 * tested on its own and the host, the tester panel and the technician screen agree on it.
 */

/** Degraded details that stop a device from doing its job (a printer with no paper prints nothing). */
const UNUSABLE_DETAILS: ReadonlySet<string> = new Set(['paper-out', 'cover-open']);

export function deviceUsable(entry: Pick<DeviceHealthEntry, 'state' | 'detail'> | undefined): boolean {
  if (!entry || entry.state === 'offline') return false;
  return entry.state === 'online' || !UNUSABLE_DETAILS.has(entry.detail ?? '');
}

/** How a receipt reaches the resident with the printer as it is now. */
export function receiptOutputOf(printer: Pick<DeviceHealthEntry, 'state' | 'detail'> | undefined): Exclude<ReceiptOutput, 'none'> {
  if (!deviceUsable(printer)) return 'on-screen';
  return printer?.detail === 'paper-near-end' ? 'paper-low' : 'printed';
}

export function deriveAvailability(
  config: ServiceDevicesConfig,
  health: readonly DeviceHealthEntry[],
  counters: KioskAvailability['counters'] = [],
  govpay = true,
): KioskAvailability {
  const byDevice = new Map(health.map((entry) => [entry.device, entry]));
  // GovPay is served by the back office, not a device: it has no health of its own to check here.
  const works = (resource: Resource): boolean => resource === 'govpay' || deviceUsable(byDevice.get(resource));
  const kioskReceipt = receiptOutputOf(byDevice.get('receipt-printer'));

  const services = ServiceId.options.map((service): ServiceAvailabilityNow => {
    const needs = config.services[service];
    const missing = new Set<Resource>(needs.needs.filter((resource) => !works(resource)));
    for (const group of needs.oneOf) {
      if (!group.some(works)) for (const resource of group) missing.add(resource);
    }
    const receipt: ReceiptOutput = needs.receipt === 'none' ? 'none' : needs.receipt === 'printed' ? (kioskReceipt === 'paper-low' ? 'paper-low' : 'printed') : kioskReceipt;
    return {
      service,
      available: missing.size === 0,
      missing: DEVICE_KINDS.filter((kind: DeviceKind) => missing.has(kind)),
      receipt,
    };
  });
  const inService = services.some(({ service, available }) => available && config.services[service].offeredAlone);
  const payments = paymentMethodsNow({ terminal: deviceUsable(byDevice.get('payment-terminal')), govpay });
  return { inService, services, counters, payments };
}

/** Two derivations say the same thing (only changes are published). */
export function sameAvailability(a: KioskAvailability, b: KioskAvailability): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
