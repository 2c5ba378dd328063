import { describe, expect, it } from 'vitest';
import type { DeviceHealthEntry } from '../../../devices/hub/device-hub.js';
import { DEVICE_KINDS, type DeviceKind } from '../../../devices/kinds.js';
import { deriveAvailability } from '../../../electron/host/availability/derive.js';
import { loadServiceDevices, ServiceDevicesConfigSchema } from '../../../electron/host/availability/service-devices.js';

const config = loadServiceDevices('config');

function health(changes: Partial<Record<DeviceKind, Pick<DeviceHealthEntry, 'state' | 'detail'>>> = {}): DeviceHealthEntry[] {
  return DEVICE_KINDS.map((device) => ({ device, model: 'Simulator', state: 'online' as const, ...changes[device] }));
}

function service(id: string, entries: DeviceHealthEntry[]) {
  const found = deriveAvailability(config, entries).services.find((entry) => entry.service === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('availability from the devices’ health (service-devices.json)', () => {
  it('everything online: every service available, receipts printed, in service', () => {
    const availability = deriveAvailability(config, health());
    expect(availability.inService).toBe(true);
    expect(availability.services.every((entry) => entry.available && entry.missing.length === 0)).toBe(true);
    expect(service('renew-permanent', health()).receipt).toBe('printed');
    expect(service('document-pickup', health()).receipt).toBe('none');
  });

  it('the card reader unplugged: every card service is unavailable, naming the reader; the queue ticket and pickup are not', () => {
    const entries = health({ 'card-reader': { state: 'offline', detail: 'unplugged' } });
    const availability = deriveAvailability(config, entries);
    const unavailable = availability.services.filter((entry) => !entry.available).map((entry) => entry.service);
    expect(unavailable.sort()).toEqual(
      ['card-authenticity', 'chip-data-print', 'contact-change', 'kinship-certificate', 'kinship-verification', 'marital-status-married', 'personal-data-certificate', 'renew-nonpermanent', 'renew-permanent'].sort(),
    );
    expect(service('renew-permanent', entries).missing).toEqual(['card-reader']);
    expect(availability.inService).toBe(true);
  });

  it('a renewal names every device it lacks, in the technician screen’s order', () => {
    const entries = health({ 'payment-terminal': { state: 'offline' }, camera: { state: 'offline' }, 'height-gauge': { state: 'degraded', detail: 'drift' } });
    // A degraded gauge still measures: only the camera and the terminal are missing.
    expect(service('renew-permanent', entries)).toMatchObject({ available: false, missing: ['camera', 'payment-terminal'] });
  });

  it('the document scanner down: the permanent renewal (it scans the ID card) is unavailable, the non-permanent one is not', () => {
    const entries = health({ 'document-scanner': { state: 'offline', detail: 'unplugged' } });
    expect(service('renew-permanent', entries)).toMatchObject({ available: false, missing: ['document-scanner'] });
    expect(service('renew-nonpermanent', entries).available).toBe(true);
  });

  it('the payment terminal down: a kinship certificate is still paid with GovPay, a personal-data certificate is not', () => {
    const entries = health({ 'payment-terminal': { state: 'offline', detail: 'no-answer' } });
    expect(service('kinship-certificate', entries)).toMatchObject({ available: true, missing: [] });
    expect(service('personal-data-certificate', entries)).toMatchObject({ available: false, missing: ['payment-terminal'] });
  });

  it('paper low: still printed, with the warning; paper out or no printer: the QR on screen is the receipt, paper-only services go', () => {
    const low = health({ 'receipt-printer': { state: 'degraded', detail: 'paper-near-end' } });
    expect(service('renew-permanent', low)).toMatchObject({ available: true, receipt: 'paper-low' });
    expect(service('chip-data-print', low)).toMatchObject({ available: true, receipt: 'paper-low' });
    for (const printer of [{ state: 'degraded', detail: 'paper-out' }, { state: 'degraded', detail: 'cover-open' }, { state: 'offline' }] as const) {
      const entries = health({ 'receipt-printer': printer });
      expect(service('renew-permanent', entries)).toMatchObject({ available: true, receipt: 'on-screen' });
      // A queue ticket and the chip's data are paper: they are not offered without it.
      expect(service('queue-ticket', entries)).toMatchObject({ available: false, missing: ['receipt-printer'] });
      expect(service('chip-data-print', entries)).toMatchObject({ available: false, missing: ['receipt-printer'] });
    }
  });

  it('everything unplugged: out of service, though the receipt look-up needs no device (it is not offered alone)', () => {
    const entries = health(Object.fromEntries(DEVICE_KINDS.map((kind) => [kind, { state: 'offline', detail: 'unplugged' }])));
    const availability = deriveAvailability(config, entries);
    expect(availability.inService).toBe(false);
    expect(availability.services.filter((entry) => entry.available).map((entry) => entry.service)).toEqual(['document-pickup']);
  });

  it('the printer alone keeps the kiosk in service (queue tickets)', () => {
    const entries = health(Object.fromEntries(DEVICE_KINDS.filter((kind) => kind !== 'receipt-printer').map((kind) => [kind, { state: 'offline' }])));
    expect(deriveAvailability(config, entries).inService).toBe(true);
  });

  it('one card service is enough to stay in service (the card reader alone: contact change, authenticity…)', () => {
    const entries = health(Object.fromEntries(DEVICE_KINDS.filter((kind) => kind !== 'card-reader').map((kind) => [kind, { state: 'offline' }])));
    const availability = deriveAvailability(config, entries);
    expect(availability.inService).toBe(true);
    expect(service('contact-change', entries).available).toBe(true);
  });

  it('the operator file is refused when a service is missing, a device is unknown, or a printed-only service lacks the printer', () => {
    const file = structuredClone(ServiceDevicesConfigSchema.parse(JSON.parse(JSON.stringify(config))));
    const withoutPickup = { ...file, services: { ...file.services } } as Record<string, unknown> & { services: Record<string, unknown> };
    delete withoutPickup.services['document-pickup'];
    expect(ServiceDevicesConfigSchema.safeParse(withoutPickup).success).toBe(false);
    const unknownDevice = { ...file, services: { ...file.services, 'queue-ticket': { needs: ['receipt-printer', 'scanner'], receipt: 'printed' } } };
    expect(ServiceDevicesConfigSchema.safeParse({ ...file, services: { ...file.services, 'queue-ticket': { needs: ['receipt-printer'], receipt: 'printed' } } }).success).toBe(true);
    expect(ServiceDevicesConfigSchema.safeParse(unknownDevice).success).toBe(false);
    const noPrinter = { ...file, services: { ...file.services, 'queue-ticket': { needs: [], receipt: 'printed' } } };
    expect(ServiceDevicesConfigSchema.safeParse(noPrinter).error?.issues[0]?.path).toEqual(['services', 'queue-ticket', 'needs']);
  });
});
