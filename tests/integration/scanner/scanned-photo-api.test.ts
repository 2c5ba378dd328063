import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi, type KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../../electron/host/host.js';
import { silentLogger } from '../../../electron/host/log.js';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';
import { walkVisit } from '../../../simulators/scenarios/walk-visit.js';
import { createPipePair } from '../../helpers/memory-pipe.js';

/**
 * The scanned own photo through the real KioskApi and host: refusals are answers that keep
 * nothing, a discarded crop is gone, and only an accepted one is the evidence that completes the
 * photo step. The scanner is the in-process simulator, driven by its control.
 */
let backoffice: BackofficeServer;
let host: KioskHost;
let api: KioskApi;

beforeAll(async () => {
  backoffice = await startBackofficeServer({});
  const config = parseHostConfig({
    rendererDir: 'dist/renderer',
    rulesDir: 'config',
    simulators: { delayMs: 0, paymentDefault: 'approve' },
    backoffice: { url: backoffice.url, timeoutMs: 2000, simulator: false },
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

describe('scanning the resident’s own photo through the KioskApi', () => {
  it('is refused before the photo step; at it, refusals keep nothing and only an accepted crop completes the step', async () => {
    const scanner = host.simulatorControls!['document-scanner'];
    await api.session.start({ language: 'en' });
    expect(await api.photo.scanOwn({})).toMatchObject({ ok: false });
    await walkVisit(api, host.simulatorControls!, 'renew-permanent', { applicant: 'expired', until: ['photo'] });

    scanner.placeDocument('empty');
    expect(await api.photo.scanOwn({})).toEqual({ ok: true, value: { outcome: 'refused', reason: 'empty-bed' } });
    scanner.placeDocument('crooked-photo');
    expect(await api.photo.scanOwn({})).toEqual({ ok: true, value: { outcome: 'refused', reason: 'crooked' } });
    scanner.placeDocument('small-photo');
    expect(await api.photo.scanOwn({})).toEqual({ ok: true, value: { outcome: 'refused', reason: 'too-small' } });
    expect(await api.photo.acceptScan({})).toMatchObject({ ok: false, error: { code: 'step-not-allowed' } });
    expect(await api.visit.complete({ step: 'photo' })).toMatchObject({ ok: false, error: { code: 'step-not-done' } });

    scanner.placeDocument('photo-print');
    const found = await api.photo.scanOwn({});
    expect(found).toMatchObject({ ok: true, value: { outcome: 'found', photo: { width: 413, height: 531 } } });
    // The renderer's face check refused it: the host forgets it.
    expect(await api.photo.discardScan({})).toEqual({ ok: true, value: {} });
    expect(await api.photo.acceptScan({})).toMatchObject({ ok: false, error: { code: 'step-not-allowed' } });

    expect(await api.photo.scanOwn({})).toMatchObject({ ok: true, value: { outcome: 'found' } });
    expect(await api.photo.acceptScan({})).toEqual({ ok: true, value: { width: 413, height: 531 } });
    expect(await api.visit.complete({ step: 'photo' })).toMatchObject({ ok: true, value: { phase: 'steps', current: { kind: 'height' } } });
    host.simulatorControls!['height-gauge'].setHeightMm(1700);
    expect(await api.height.measure({})).toMatchObject({ ok: true });
    expect(await api.visit.complete({ step: 'height' })).toMatchObject({ ok: true, value: { current: { kind: 'scan-card' } } });

    // The card step: a photo print is not a card; the card is taken side by side.
    expect(await api.cardScan.scan({ side: 'front' })).toEqual({ ok: true, value: { outcome: 'refused', reason: 'not-a-card' } });
    scanner.placeDocument('id-card');
    expect(await api.visit.complete({ step: 'scan-card' })).toMatchObject({ ok: false, error: { code: 'step-not-done' } });
    expect(await api.cardScan.scan({ side: 'front' })).toMatchObject({ ok: true, value: { outcome: 'scanned', side: 'front' } });
    expect(await api.visit.complete({ step: 'scan-card' })).toMatchObject({ ok: false, error: { code: 'step-not-done' } });
    expect(await api.cardScan.scan({ side: 'back' })).toMatchObject({ ok: true, value: { outcome: 'scanned', side: 'back', image: { width: 1011, height: 638 } } });
    expect(await api.visit.complete({ step: 'scan-card' })).toMatchObject({ ok: true, value: { current: { kind: 'signature' } } });

    await api.session.end({ reason: 'finished' });
  });
});
