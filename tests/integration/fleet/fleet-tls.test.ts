import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../../electron/host/host.js';
import { silentLogger } from '../../../electron/host/log.js';
import { kioskTopic } from '../../../fleet/contract.js';
import { type OpsServer, startOpsServer } from '../../../ops/server.js';
import { type Mosquitto, startMosquitto } from '../../helpers/mosquitto.js';
import { makeTestPki, type TestPki } from '../../helpers/test-pki.js';

/**
 * The production shape on loopback: Mosquitto with TLS only, a client certificate required, the
 * certificate's CN as the user name, and the fleet ACL. A kiosk host configured with `fleet.tls`
 * reports; a certificate from another CA and a plain connection are refused.
 */
let pki: TestPki;
let broker: Mosquitto;
let ops: OpsServer;
let host: KioskHost;

beforeAll(async () => {
  pki = makeTestPki();
  broker = await startMosquitto({ tls: { caFile: pki.caFile, ...pki.server } });
  const opsCert = pki.client('ops');
  ops = await startOpsServer({ brokerUrl: broker.url, username: 'ops', clientId: 'ops-tls', tls: { ca: pki.pem(pki.caFile), cert: pki.pem(opsCert.certFile), key: pki.pem(opsCert.keyFile) } });
  await ops.ready;
  const kiosk = pki.client('KIOSK-T');
  host = await createHost(
    parseHostConfig({
      kioskId: 'KIOSK-T',
      testMode: true,
      rendererDir: 'dist/renderer',
      rulesDir: 'config',
      simulators: { delayMs: 0 },
      fleet: { url: broker.url, tls: { caFile: pki.caFile, certFile: kiosk.certFile, keyFile: kiosk.keyFile } },
    }),
    { log: silentLogger },
  );
}, 30_000);

afterAll(async () => {
  await host?.stop();
  await ops?.close();
  await broker?.dispose();
});

describe('fleet over TLS with client certificates', () => {
  it('carries a kiosk host\'s telemetry to the dashboard', async () => {
    await expect.poll(() => ops.view.kioskView('KIOSK-T')?.online, { timeout: 10_000 }).toBe(true);
    expect(ops.view.kioskView('KIOSK-T')?.devices['card-reader']?.state).toBe('online');
  });

  it('refuses a certificate from another CA, and a connection without TLS', async () => {
    const rogue = mqtt.connectAsync(broker.url, { ca: pki.pem(pki.caFile), cert: pki.pem(pki.rogueClient.certFile), key: pki.pem(pki.rogueClient.keyFile), reconnectPeriod: 0, connectTimeout: 3000 });
    await expect(rogue).rejects.toThrow();
    const plain = mqtt.connectAsync(broker.url.replace('mqtts:', 'mqtt:'), { reconnectPeriod: 0, connectTimeout: 2000 });
    await expect(plain).rejects.toThrow();
  });

  it('lets a kiosk certificate publish only under its own id', async () => {
    const other = pki.client('KIOSK-U');
    const client = await mqtt.connectAsync(broker.url, { ca: pki.pem(pki.caFile), cert: pki.pem(other.certFile), key: pki.pem(other.keyFile), reconnectPeriod: 0 });
    await client.publishAsync(kioskTopic('KIOSK-T', 'status'), JSON.stringify({ v: 1, kioskId: 'KIOSK-T', state: 'offline' }), { qos: 1, retain: true });
    await client.publishAsync(kioskTopic('KIOSK-U', 'status'), JSON.stringify({ v: 1, kioskId: 'KIOSK-U', state: 'offline' }), { qos: 1, retain: true });
    await expect.poll(() => ops.view.kioskView('KIOSK-U') !== undefined).toBe(true);
    expect(ops.view.kioskView('KIOSK-T')?.online).toBe(true);
    await client.endAsync();
  });
});
