import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi, type KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../../electron/host/host.js';
import { silentLogger } from '../../../electron/host/log.js';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';
import { createPipePair } from '../../helpers/memory-pipe.js';
import { walkVisit } from '../../../simulators/scenarios/walk-visit.js';

/**
 * The application that leaves the kiosk carries what the kiosk captured in the visit: a renewal's
 * photo (the JPEG the host accepted, 413 × 531), each finger's template and image, the signature and
 * the gauge's height, and how the applicant was verified. Read back from the back-office simulator
 * and decoded, not just counted.
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

const control = (path: string) => fetch(`${backoffice.url}/v1/_control/applications${path}`, { headers: { authorization: `Bearer ${backoffice.controlToken}` } });

describe('the application carries what the kiosk captured', () => {
  it('a permanent renewal: photo, fingerprints, signature, height and the card scans arrive, and decode', async () => {
    await api.session.start({ language: 'en' });
    await walkVisit(api, host.simulatorControls!, 'renew-permanent', { applicant: 'expired', heightMm: 1685 });
    const started = await api.applications.start({ service: 'renew-permanent' });
    if (!started.ok) throw new Error(started.error.code);
    const id = started.value.applicationId;
    expect(await api.applications.submit({ applicationId: id, payment: 'macau-pass' })).toMatchObject({ ok: true, value: { state: 'submitted' } });
    await api.session.end({ reason: 'finished' });

    const { applications } = (await (await control('')).json()) as { applications: Array<Record<string, unknown>> };
    const held = applications.find((a) => a.applicationId === id);
    expect(held).toMatchObject({ service: 'renew-permanent', heightMm: 1685 });

    const photo = await control(`/${id}/photo`);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(await sharp(Buffer.from(await photo.arrayBuffer())).metadata()).toMatchObject({ format: 'jpeg', width: 413, height: 531 });

    const finger = await control(`/${id}/fingers/right-index`);
    expect(finger.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await finger.arrayBuffer());
    // An 8-bit greyscale PNG at the scanner's size.
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 256, height: 360, channels: 1, depth: 'uchar' });
    const decoded = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
    // A fingerprint, not a blank: ridges make dark and light pixels.
    expect(new Set(decoded.data).size).toBeGreaterThan(50);

    const signature = await control(`/${id}/signature`);
    expect(await sharp(Buffer.from(await signature.arrayBuffer())).metadata()).toMatchObject({ format: 'png' });

    // The ID card's surface, both sides, cropped to ID-1 at 300 dpi. [001 ID Q31]
    for (const side of ['front', 'back']) {
      const scan = await control(`/${id}/card-scan/${side}`);
      expect(scan.status).toBe(200);
      expect(await sharp(Buffer.from(await scan.arrayBuffer())).metadata()).toMatchObject({ format: 'jpeg', width: 1011, height: 638 });
    }
  });
});
