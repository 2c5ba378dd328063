import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi } from '../../../electron/host/bridge/client.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../../electron/host/host.js';
import { silentLogger } from '../../../electron/host/log.js';
import { createPipePair } from '../../helpers/memory-pipe.js';

/** Ten prints are an identified applicant's: `biometrics.startTenPrint` before the card is read is refused. */
let host: KioskHost;
let api: ReturnType<typeof createKioskApi>;

beforeAll(async () => {
  host = await createHost(parseHostConfig({ rendererDir: 'dist/renderer', rulesDir: 'config', simulators: { delayMs: 0 } }), { log: silentLogger });
  const pair = createPipePair();
  host.bridge.connect(pair.server);
  api = createKioskApi(pair.client);
});
afterAll(() => host.stop());

describe('ten-print capture', () => {
  it('is refused step-not-allowed until the applicant’s card is read, then starts', async () => {
    expect((await api.session.start({ language: 'en' })).ok).toBe(true);
    expect(await api.biometrics.startTenPrint({ fingers: ['right-thumb'] })).toMatchObject({ ok: false, error: { code: 'step-not-allowed' } });
    const reading = api.identity.readCard({});
    host.simulatorControls!['card-reader'].placeCard('maria-santos');
    expect((await reading).ok).toBe(true);
    expect(await api.biometrics.startTenPrint({ fingers: ['right-thumb'] })).toMatchObject({ ok: true });
  });
});
