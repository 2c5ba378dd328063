import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../../electron/host/host.js';
import { silentLogger } from '../../../electron/host/log.js';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';
import { createPipePair } from '../../helpers/memory-pipe.js';
import { walkVisit } from '../../../simulators/scenarios/walk-visit.js';

/**
 * The application records where the resident collects the card (their choice, checked against the
 * host's offer) and the height the host's gauge measured (kept in the session, never taken from the
 * renderer); the printed receipt names the pickup place, with its address and the schedule's ready time
 * for the moment the back office accepted it, and the applicant only masked.
 */
let backoffice: BackofficeServer;
let host: KioskHost;
let api: ReturnType<typeof createKioskApi>;

beforeAll(async () => {
  backoffice = await startBackofficeServer({ clock: () => new Date('2026-11-24T10:30:00+08:00') });
  const config = parseHostConfig({
    rendererDir: 'dist/renderer',
    rulesDir: 'config',
    simulators: { delayMs: 0, paymentDefault: 'approve' },
    backoffice: { url: backoffice.url, timeoutMs: 1000, simulator: false },
  });
  host = await createHost(config, { log: silentLogger, clock: () => new Date('2026-11-24T10:30:00+08:00') });
  const pair = createPipePair();
  host.bridge.connect(pair.server);
  api = createKioskApi(pair.client);
});

afterAll(async () => {
  await host.stop();
  await backoffice.close();
});

describe('pickup place and measured height in the application', () => {
  it('sends the chosen pickup place and the gauge reading, and prints the place on the receipt', async () => {
    expect((await api.session.start({ language: 'en' })).ok).toBe(true);
    const state = await walkVisit(api, host.simulatorControls!, 'renew-permanent', { applicant: 'expired', heightMm: 1720, choices: { 'choose-pickup': { pickupPlace: 'islands-centre' } } });
    expect(state).toMatchObject({ phase: 'steps', current: { kind: 'payment' }, request: { pickupPlace: 'islands-centre' } });

    const started = await api.applications.start({ service: 'renew-permanent' });
    expect(started.ok).toBe(true);
    const id = started.ok ? started.value.applicationId : '';
    expect(await api.applications.submit({ applicationId: id, payment: 'macau-pass' })).toMatchObject({ ok: true, value: { state: 'submitted' } });
    expect(backoffice.store.applications().find((a) => a.applicationId === id)).toMatchObject({ pickupPlace: 'islands-centre', heightMm: 1720 });
    expect((await api.visit.complete({ step: 'payment' })).ok).toBe(true);

    expect((await api.receipts.print({ applicationId: id })).ok).toBe(true);
    const printed = host.simulatorControls!['receipt-printer'].state().lastText ?? '';
    expect(printed).toContain('離島政府綜合服務中心');
    expect(printed).toContain('永久性居民身份證續期');
    expect(printed).toContain('2026-11-24 10:30'); // accepted, Macau time
    // A new ID card: nine working days after it was received, at 13:30 (config/pickup.json `id-card`).
    expect(printed).toContain('可領取 Pronto a partir de: 2026-12-07 13:30');
    expect(printed).toMatch(/申請人 Requerente: \S*\*/);
    expect(printed).not.toMatch(/\d{7}\(\d\)/); // no whole card number
    await api.session.end({ reason: 'finished' });
  });

  it('refuses a pickup place the host did not offer, and measures each visit afresh', async () => {
    expect((await api.session.start({ language: 'en' })).ok).toBe(true);
    const atPickup = await walkVisit(api, host.simulatorControls!, 'renew-permanent', { applicant: 'expired', heightMm: 1650, until: ['choose-pickup'] });
    expect(atPickup.phase === 'steps' && atPickup.current.kind === 'choose-pickup' && atPickup.current.places).not.toContain('smart-locker');
    expect(await api.visit.complete({ step: 'choose-pickup', choices: { pickupPlace: 'smart-locker' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-choice', detail: 'pickupPlace' },
    });
    // The summary before paying follows the pickup place.
    expect(await api.visit.complete({ step: 'choose-pickup', choices: { pickupPlace: 'hq' } })).toMatchObject({ ok: true, value: { current: { kind: 'review' } } });
    expect(await api.visit.complete({ step: 'review' })).toMatchObject({ ok: true, value: { current: { kind: 'payment' } } });
    const started = await api.applications.start({ service: 'renew-permanent' });
    const id = started.ok ? started.value.applicationId : '';
    expect(await api.applications.submit({ applicationId: id, payment: 'macau-pass' })).toMatchObject({ ok: true, value: { state: 'submitted' } });
    // This visit's own reading, not the previous resident's (wiped with their session).
    expect(backoffice.store.applications().find((a) => a.applicationId === id)).toMatchObject({ pickupPlace: 'hq', heightMm: 1650 });
    await api.session.end({ reason: 'finished' });
  });
});
