import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import type { KioskHost } from '../../../electron/host/host.js';
import { type RawApiHost, startRawApiHost } from '../../helpers/raw-api-host.js';

/**
 * Entering maintenance mode through the raw KioskApi (what any holder of the token can send): not
 * during a resident's visit, only with the staff card and its PIN, and no resident visit starts
 * while a technician is in.
 */

let running: RawApiHost;
let host: KioskHost;
let api: KioskApi;

beforeAll(async () => {
  running = await startRawApiHost({});
  ({ host, api } = running);
});

afterAll(() => running.close());

describe('maintenance entry through the raw KioskApi', () => {
  it('refused during a resident’s visit', async () => {
    expect((await api.session.start({ language: 'en' })).ok).toBe(true);
    host.simulatorControls!['card-reader'].placeCard('technician');
    expect(await api.maintenance.begin({}, { signal: AbortSignal.timeout(2000) })).toMatchObject({ ok: false, error: { code: 'maintenance-refused', detail: 'visit-in-progress' } });
    await api.session.end({ reason: 'cancelled' });
    host.simulatorControls!['card-reader'].removeCard();
  });

  it('a PIN before the staff card is refused; the card and PIN open it; no visit starts meanwhile; exit ends it', async () => {
    expect(await api.maintenance.enterPin({ pin: '2468' })).toMatchObject({ ok: false, error: { code: 'step-not-allowed' } });
    expect(await api.maintenance.enterPin({ pin: '24' })).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    host.simulatorControls!['card-reader'].placeCard('technician');
    expect(await api.maintenance.begin({}, { signal: AbortSignal.timeout(2000) })).toEqual({ ok: true, value: { phase: 'pin', triesLeft: 3 } });
    expect(await api.maintenance.enterPin({ pin: '2468' })).toMatchObject({ ok: true, value: { phase: 'open', staffId: 'SIM-TECH-01' } });
    expect(await api.session.start({ language: 'en' })).toMatchObject({ ok: false, error: { code: 'service-unavailable', detail: 'maintenance' } });

    // Inside: every device's status, model, firmware and serial; every self-test; the counters.
    const devices = await api.maintenance.devices({});
    expect(devices.ok && devices.value.devices.map((d) => [d.device, d.state, d.firmware, d.serial])).toEqual([
      ['card-reader', 'online', 'sim-1', 'SIM-card-reader'],
      ['fingerprint-scanner', 'online', 'sim-1', 'SIM-fingerprint-scanner'],
      ['camera', 'online', 'sim-1', 'SIM-camera'],
      ['height-gauge', 'online', 'sim-1', 'SIM-height-gauge'],
      ['payment-terminal', 'online', 'sim-1', 'SIM-payment-terminal'],
      ['receipt-printer', 'online', 'sim-1', 'SIM-receipt-printer'],
      ['document-scanner', 'online', 'sim-1', 'SIM-document-scanner'],
    ]);
    host.simulatorControls!['height-gauge'].disconnect();
    const tests = await api.maintenance.selfTest({}, { signal: AbortSignal.timeout(5000) });
    expect(tests.ok && tests.value.results.map((r) => [r.device, r.passed, r.error ?? null])).toEqual([
      ['card-reader', true, null],
      ['fingerprint-scanner', true, null],
      ['camera', true, null],
      ['height-gauge', false, 'not-connected'],
      ['payment-terminal', true, null],
      ['receipt-printer', true, null],
      ['document-scanner', true, null],
    ]);
    host.simulatorControls!['height-gauge'].reconnect();
    const counters = await api.maintenance.counters({});
    expect(counters.ok && counters.value.counts).toMatchObject({ 'self-tests:height-gauge': 1, 'self-test-failures:height-gauge': 1, 'faults:height-gauge': 1 });
    // A test scan: the lid alone is blank (not an error); a card on the bed comes back as a picture.
    expect(await api.maintenance.testScan({})).toMatchObject({ ok: true, value: { blank: true } });
    host.simulatorControls!['document-scanner'].placeDocument('id-card');
    expect(await api.maintenance.testScan({})).toMatchObject({ ok: true, value: { blank: false, dpi: 75 } });
    // A test slip, on paper; without paper, the printer's own reason.
    expect(await api.maintenance.printTestSlip({})).toEqual({ ok: true, value: { printed: true } });
    const printer = host.simulatorControls!['receipt-printer'];
    expect(printer.state()).toMatchObject({ printedCount: 1 });
    expect(String(printer.state().lastText)).toContain('SIM-TECH-01');
    printer.setPaper('out');
    expect(await api.maintenance.printTestSlip({})).toMatchObject({ ok: false, error: { code: 'user-action-needed', detail: 'paper-out' } });
    printer.setPaper('ok');
    expect(await api.maintenance.exit({})).toEqual({ ok: true, value: { phase: 'closed' } });
    // Outside the mode, the tools are refused.
    expect(await api.maintenance.devices({})).toMatchObject({ ok: false, error: { code: 'maintenance-refused', detail: 'not-open' } });
    host.simulatorControls!['card-reader'].removeCard();
    expect((await api.session.start({ language: 'en' })).ok).toBe(true);
    await api.session.end({ reason: 'cancelled' });
    expect(host.audit.entries().map((entry) => entry.action)).toEqual([
      'entry-refused',
      'entry-started',
      'staff-card-accepted',
      'entered',
      'devices-viewed',
      'self-test',
      'self-test-result',
      'counters-viewed',
      'test-scan',
      'test-scan',
      'test-slip',
      'test-slip',
      'exited',
    ]);
  });
});
