import { describe, expect, it } from 'vitest';
import type { DeviceHealthEntry } from '../../../devices/hub/device-hub.js';
import { DEVICE_KINDS, type DeviceKind } from '../../../devices/kinds.js';
import { deriveAvailability } from '../../../electron/host/availability/derive.js';
import { paymentMethodsNow } from '../../../electron/host/availability/payment-methods.js';
import { loadServiceDevices } from '../../../electron/host/availability/service-devices.js';

const config = loadServiceDevices('config');

function health(changes: Partial<Record<DeviceKind, Pick<DeviceHealthEntry, 'state' | 'detail'>>> = {}): DeviceHealthEntry[] {
  return DEVICE_KINDS.map((device) => ({ device, model: 'Simulator', state: 'online' as const, ...changes[device] }));
}

const unavailable = (payments: ReturnType<typeof paymentMethodsNow> | undefined) => (payments ?? []).filter((entry) => !entry.available).map((entry) => [entry.method, entry.reason]);

describe('payment methods now (electron/host/availability/payment-methods.ts)', () => {
  it('every method, each with its resource: card methods need the terminal, GovPay its gateway', () => {
    expect(paymentMethodsNow({ terminal: true, govpay: true }).map((entry) => entry.method)).toEqual(['unionpay-quickpass', 'macau-pass', 'govpay']);
    expect(unavailable(paymentMethodsNow({ terminal: true, govpay: true }))).toEqual([]);
    expect(unavailable(paymentMethodsNow({ terminal: false, govpay: true }))).toEqual([
      ['unionpay-quickpass', 'terminal-offline'],
      ['macau-pass', 'terminal-offline'],
    ]);
    expect(unavailable(paymentMethodsNow({ terminal: true, govpay: false }))).toEqual([['govpay', 'govpay-unavailable']]);
  });

  it('from the devices’ health: the terminal offline takes the card methods away; a degraded terminal (paper has nothing to do with it) still sells', () => {
    expect(unavailable(deriveAvailability(config, health()).payments)).toEqual([]);
    expect(unavailable(deriveAvailability(config, health({ 'payment-terminal': { state: 'offline', detail: 'unplugged' } })).payments)).toEqual([
      ['unionpay-quickpass', 'terminal-offline'],
      ['macau-pass', 'terminal-offline'],
    ]);
    expect(unavailable(deriveAvailability(config, health({ 'payment-terminal': { state: 'degraded', detail: 'slow' } })).payments)).toEqual([]);
    // The printer out of paper is the receipt's business, not the payment's.
    expect(unavailable(deriveAvailability(config, health({ 'receipt-printer': { state: 'degraded', detail: 'paper-out' } })).payments)).toEqual([]);
    expect(unavailable(deriveAvailability(config, health(), [], false).payments)).toEqual([['govpay', 'govpay-unavailable']]);
  });
});
