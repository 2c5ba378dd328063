import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi, type KioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../../electron/host/host.js';
import { silentLogger } from '../../../electron/host/log.js';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';
import { createPipePair } from '../../helpers/memory-pipe.js';

/**
 * `identity.readCard` through the raw KioskApi when the card leaves the reader mid-read: the call
 * fails `card-removed` and the next read (the screen starts it at once) keeps the first read's
 * deadline, so a resident (or a fault) lifting the card again and again cannot hold the kiosk.
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
    cardReadTimeoutSeconds: 5, // the shortest the configuration allows
  });
  host = await createHost(config, { log: silentLogger, clock: () => new Date('2026-11-24T10:30:00+08:00') });
  const pair = createPipePair();
  host.bridge.connect(pair.server);
  api = createKioskApi(pair.client);
});

afterEach(async () => {
  await api.session.end({ reason: 'finished' });
  host.simulatorControls!['card-reader'].removeCard();
});

afterAll(async () => {
  await host.stop();
  await backoffice.close();
});

async function liftedMidRead(): Promise<void> {
  const reader = host.simulatorControls!['card-reader'];
  expect((await api.session.start({ language: 'en' })).ok).toBe(true);
  expect((await api.visit.choose({ service: 'renew-permanent' })).ok).toBe(true);
  reader.setRemoveDuringNextRead(true);
  reader.placeCard('expired');
  expect(await api.identity.readCard({})).toMatchObject({ ok: false, error: { code: 'card-removed' } });
}

describe('a card lifted mid-read', () => {
  it('is read when it is back, by the next call', async () => {
    await liftedMidRead();
    host.simulatorControls!['card-reader'].placeCard('expired');
    expect(await api.identity.readCard({})).toMatchObject({ ok: true, value: { holder: { nameLatin: 'LAM MEI LENG' } } });
  });

  it('the next call keeps the first deadline: once it has passed, even a card back on the reader is `timeout`', async () => {
    await liftedMidRead();
    await new Promise((resolve) => setTimeout(resolve, 5_100)); // past the first read's 5 s
    host.simulatorControls!['card-reader'].placeCard('expired');
    expect(await api.identity.readCard({})).toMatchObject({ ok: false, error: { code: 'timeout' } });
    // A read after that failure starts its own deadline again.
    expect(await api.identity.readCard({})).toMatchObject({ ok: true });
  }, 15_000);
});
