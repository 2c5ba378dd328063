import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { BackofficeClient } from '../../../electron/host/backoffice/client.js';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../../electron/host/host.js';
import { type BrowserModeServer, startBrowserModeServer } from '../../../electron/host/http/browser-mode-server.js';
import { silentLogger } from '../../../electron/host/log.js';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';
import { sampleSubmission } from '../../../simulators/backoffice/sample-capture.js';
import { makeTestPki, type TestPki } from '../../helpers/test-pki.js';
import { openKioskSocket, socketPipe } from '../../helpers/ws-pipe.js';

/**
 * A kiosk configured with real hardware (a serial receipt printer here) is not in test mode: no
 * tester control API, no back-office simulator, one renderer connection, and the back office only
 * over HTTPS with the kiosk's client certificate (mutual TLS, a test CA made with openssl now).
 */
let pki: TestPki;
let backoffice: BackofficeServer;

beforeAll(async () => {
  pki = makeTestPki();
  backoffice = await startBackofficeServer({
    clock: () => new Date('2026-11-23T02:00:00Z'),
    tls: { key: pki.pem(pki.server.keyFile), cert: pki.pem(pki.server.certFile), ca: pki.pem(pki.caFile) },
  });
});
afterAll(() => backoffice.close());

function clientFor(kioskId: string): BackofficeClient {
  const { certFile, keyFile } = pki.client(kioskId);
  return new BackofficeClient({ url: backoffice.url, timeoutMs: 3000, tls: { ca: pki.pem(pki.caFile), cert: pki.pem(certFile), key: pki.pem(keyFile) } });
}

/** A complete renewal as a kiosk submits it (sample captured data), sent in `kioskId`'s name. */
async function submission(applicationId: string, kioskId: string): Promise<string> {
  const body = await sampleSubmission('chan-tai-man', 'renew-permanent', { applicationId });
  return JSON.stringify({ ...body, kioskId });
}

/** One raw HTTPS GET with the given client identity (or none); resolves the status or the TLS failure. */
function rawGet(identity: { certFile: string; keyFile: string } | undefined): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${backoffice.url}/v1/health`, {
      ca: pki.pem(pki.caFile),
      ...(identity ? { cert: pki.pem(identity.certFile), key: pki.pem(identity.keyFile) } : {}),
      agent: false,
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    req.end();
  });
}

describe('back office over mutual TLS', () => {
  it('serves a kiosk that presents a certificate from the kiosk CA, and takes its application', async () => {
    const client = clientFor('HQ-07');
    expect(await client.health()).toEqual({ ok: true, value: { status: 'ok' } });
    const sent = await client.submitApplication('mtls-app-0001', await submission('mtls-app-0001', 'HQ-07'));
    expect(sent).toMatchObject({ ok: true, value: { receiptNumber: expect.stringMatching(/^R\d{10}$/) } });
  });

  it('refuses a connection without a client certificate, or with one from another CA, or over plain http', async () => {
    expect(await rawGet(undefined)).not.toBe(200);
    expect(await rawGet(pki.rogueClient)).not.toBe(200);
    expect(await rawGet(pki.client('HQ-07'))).toBe(200);
    const plain = new BackofficeClient({ url: backoffice.url.replace('https:', 'http:'), timeoutMs: 2000 });
    expect((await plain.health()).ok).toBe(false);
  });

  it('refuses an application a kiosk sends in another kiosk’s name', async () => {
    const sent = await clientFor('HQ-08').submitApplication('mtls-app-0002', await submission('mtls-app-0002', 'HQ-07'));
    expect(sent).toEqual({ ok: false, error: { kind: 'refused', code: 'kiosk-mismatch', status: 403 } });
  });
});

describe('a real-hardware configuration', () => {
  const base = { rendererDir: 'dist/renderer', rulesDir: 'config', kioskId: 'HQ-07' };
  const realPrinter = { 'receipt-printer': { driver: 'serial', path: '/dev/kiosk-test-no-such-printer' } };

  it('is refused with a plain-http back office, or https without the kiosk certificate', () => {
    expect(() => parseHostConfig({ ...base, devices: realPrinter }, 'kiosk.json')).toThrowError(/backoffice\.url: must be https outside test mode/);
    expect(() => parseHostConfig({ ...base, devices: realPrinter, backoffice: { url: 'https://bo.example' } }, 'kiosk.json')).toThrowError(
      /backoffice\.tls: the kiosk's client certificate/,
    );
    expect(() => parseHostConfig({ ...base, devices: realPrinter, simulators: { controlApi: true }, backoffice: { url: 'https://bo.example' } })).toThrowError(
      /simulators\.controlApi: the tester control API is refused outside test mode/,
    );
  });

  describe('running', () => {
    let host: KioskHost;
    let server: BrowserModeServer;
    beforeAll(async () => {
      const { certFile, keyFile } = pki.client('HQ-07');
      const config = parseHostConfig({
        ...base,
        devices: realPrinter,
        backoffice: { url: backoffice.url, tls: { caFile: pki.caFile, certFile, keyFile }, timeoutMs: 3000 },
      });
      host = await createHost(config, { log: silentLogger });
      server = await startBrowserModeServer(host);
    });
    afterAll(async () => {
      await server.close();
      await host.stop();
    });

    it('serves no tester control API and prints no control token', async () => {
      expect(host.testMode).toBe(false);
      expect(server.controlUrl).toBeUndefined();
      expect(server.controlToken).toBeUndefined();
      // /control/… falls through to the renderer's static files: the page, never simulator state, and no commands.
      const state = await fetch(`${server.origin}/control/api/state`, { headers: { Authorization: 'Bearer 0123456789abcdef0123' } });
      expect(state.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await state.text()).not.toContain('card-reader');
      const command = await fetch(`${server.origin}/control/api/command`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"device":"camera","action":"unplug"}' });
      expect(command.status).not.toBe(200);
      expect(host.simulatorControls?.camera.state().connected).not.toBe(false);
    });

    it('serves one renderer page: a second connection is refused until the first closes', async () => {
      const token = new URL(server.kioskUrl).hash.replace('#token=', '');
      const first = await openKioskSocket(server.origin, { token });
      await expect(openKioskSocket(server.origin, { token })).rejects.toThrow('HTTP 503');
      first.close();
      await expect.poll(() => host.bridge.connectionCount()).toBe(0);
      const second = await openKioskSocket(server.origin, { token });
      second.close();
      await expect.poll(() => host.bridge.connectionCount()).toBe(0);
    });

    it('reaches the back office over mutual TLS: a receipt looked up as kiosk HQ-07', async () => {
      const token = new URL(server.kioskUrl).hash.replace('#token=', '');
      const socket = await openKioskSocket(server.origin, { token });
      const api = createKioskApi(socketPipe(socket));
      expect(await api.kiosk.info({})).toMatchObject({ ok: true, value: { testMode: false } });
      const held = await clientFor('HQ-07').submitApplication('mtls-app-0003', await submission('mtls-app-0003', 'HQ-07'));
      const receiptNumber = held.ok ? held.value.receiptNumber : '';
      expect((await api.session.start({ language: 'en' })).ok).toBe(true);
      expect(await api.visit.choose({ service: 'document-pickup' })).toMatchObject({ ok: true, value: { current: { kind: 'scan-pickup-receipt' } } });
      expect(await api.pickup.lookupReceipt({ receiptNumber })).toMatchObject({ ok: true, value: { receiptNumber, applicantNameLatin: 'CHAN T. M.' } });
      expect(await api.pickup.lookupReceipt({ receiptNumber: 'R0000000000' })).toMatchObject({ ok: false, error: { code: 'receipt-not-found' } });
      await api.session.end({ reason: 'finished' });
      socket.close();
    });
  });
});
