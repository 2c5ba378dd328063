import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import type { KioskAvailability } from '../../../electron/shared/kiosk-api/contract.js';
import type { KioskHost } from '../../../electron/host/host.js';
import { walkVisit } from '../../../simulators/scenarios/walk-visit.js';
import { type RawApiHost, startRawApiHost } from '../../helpers/raw-api-host.js';

/**
 * Payment methods are the host's to allow, not the screen's: through the raw KioskApi over the
 * browser-mode WebSocket, a card method is refused while the payment terminal is offline
 * (`payment-method-unavailable`, detail `terminal-offline`), nothing reaches the terminal, and the
 * application still waits for payment; once the terminal is back, the same call pays.
 */

let running: RawApiHost;
let host: KioskHost;
let api: KioskApi;

beforeAll(async () => {
  running = await startRawApiHost({}, () => new Date('2026-11-24T10:30:00+08:00'));
  ({ host, api } = running);
});

afterAll(() => running.close());

function nextAvailability(until: (availability: KioskAvailability) => boolean): Promise<KioskAvailability> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching availability.changed')), 10_000);
    const off = api.on('availability.changed', (availability) => {
      if (!until(availability)) return;
      clearTimeout(timer);
      off();
      resolve(availability);
    });
  });
}

const terminalMethod = (now: KioskAvailability) => now.payments?.find((entry) => entry.method === 'macau-pass');

describe('a payment method the kiosk cannot take now, through the raw KioskApi', () => {
  it('says per method whether it can be used; a card method with the terminal offline is refused, nothing charged; back online it pays', async () => {
    const initial = await api.kiosk.availability({});
    expect(initial.ok && initial.value.payments).toEqual([
      { method: 'unionpay-quickpass', available: true, reason: null },
      { method: 'macau-pass', available: true, reason: null },
      { method: 'govpay', available: true, reason: null },
    ]);

    expect((await api.session.start({ language: 'en' })).ok).toBe(true);
    const state = await walkVisit(api, host.simulatorControls!, 'kinship-certificate', { applicant: 'chan-tai-man', relatives: [{ relation: 'parent', profile: 'chan-father' }] });
    expect(state).toMatchObject({ phase: 'steps', current: { kind: 'payment' } });
    const started = await api.applications.start({ service: 'kinship-certificate' });
    const id = started.ok ? started.value.applicationId : '';

    const down = nextAvailability((now) => terminalMethod(now)?.available === false);
    host.simulatorControls!['payment-terminal'].disconnect();
    const availability = await down;
    expect(availability.payments?.filter((entry) => !entry.available).map((entry) => [entry.method, entry.reason])).toEqual([
      ['unionpay-quickpass', 'terminal-offline'],
      ['macau-pass', 'terminal-offline'],
    ]);

    const refused = await api.applications.submit({ applicationId: id, payment: 'macau-pass' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'payment-method-unavailable', detail: 'terminal-offline' } });
    expect(host.simulatorControls!['payment-terminal'].sales()).toHaveLength(0);
    expect(await api.applications.status({ applicationId: id })).toMatchObject({ ok: true, value: { state: 'awaiting-payment' } });

    const up = nextAvailability((now) => terminalMethod(now)?.available === true);
    host.simulatorControls!['payment-terminal'].reconnect();
    await up;
    expect(await api.applications.submit({ applicationId: id, payment: 'macau-pass' })).toMatchObject({ ok: true, value: { state: 'submitted' } });
    await api.session.end({ reason: 'finished' });
  });
});
