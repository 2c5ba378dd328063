import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import type { KioskAvailability } from '../../../electron/shared/kiosk-api/contract.js';
import type { KioskHost } from '../../../electron/host/host.js';
import { DEVICE_KINDS } from '../../../devices/kinds.js';
import { type RawApiHost, startRawApiHost } from '../../helpers/raw-api-host.js';

/**
 * Availability is the host's, not the screen's: through the raw KioskApi over the browser-mode
 * WebSocket (what any holder of the token can send), a service whose devices do not work cannot be
 * chosen, and no visit starts while nothing can be offered. Each refusal is a typed error.
 */

let running: RawApiHost;
let host: KioskHost;
let api: KioskApi;

beforeAll(async () => {
  running = await startRawApiHost({}, () => new Date('2026-11-24T10:30:00+08:00'));
  ({ host, api } = running);
});

afterAll(() => running.close());

/** The next `availability.changed` that satisfies `until`. */
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

const controls = () => host.simulatorControls!;

describe('an unavailable service through the raw KioskApi', () => {
  it('the card reader unplugged: the event says which services and why; visit.choose is refused service-unavailable', async () => {
    const initial = await api.kiosk.availability({});
    expect(initial.ok && initial.value.services.every((entry) => entry.available)).toBe(true);

    const changed = nextAvailability((now) => now.services.some((entry) => !entry.available));
    controls()['card-reader'].disconnect();
    const availability = await changed;
    expect(availability.services.find((entry) => entry.service === 'renew-permanent')).toMatchObject({ available: false, missing: ['card-reader'] });
    expect(availability.inService).toBe(true);

    const started = await api.session.start({ language: 'en' });
    expect(started.ok).toBe(true);
    const refused = await api.visit.choose({ service: 'renew-permanent' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'service-unavailable', detail: 'card-reader' } });
    // Nothing changed: the visit is still at the menu.
    expect(await api.visit.state({})).toMatchObject({ ok: true, value: { phase: 'choosing' } });
    // A service that needs no card is still chosen.
    expect(await api.visit.choose({ service: 'queue-ticket' })).toMatchObject({ ok: true, value: { phase: 'steps', service: 'queue-ticket' } });
    await api.session.end({ reason: 'cancelled' });
  });

  it('everything unplugged: no visit starts (service-unavailable, out-of-service); replugged, the kiosk is back by itself', async () => {
    const out = nextAvailability((now) => !now.inService);
    for (const kind of DEVICE_KINDS) controls()[kind].disconnect();
    await out;
    expect(await api.session.start({ language: 'pt' })).toMatchObject({ ok: false, error: { code: 'service-unavailable', detail: 'out-of-service' } });

    const back = nextAvailability((now) => now.inService && now.services.every((entry) => entry.available));
    for (const kind of DEVICE_KINDS) controls()[kind].reconnect();
    await back; // the DeviceHub's reconnect finds them again: no restart, no tester action
    expect((await api.session.start({ language: 'pt' })).ok).toBe(true);
    expect((await api.visit.choose({ service: 'renew-permanent' })).ok).toBe(true);
    await api.session.end({ reason: 'cancelled' });
  });
});
