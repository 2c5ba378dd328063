import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSubmission } from '../../../../simulators/backoffice/sample-capture.js';
import { type BackofficeServer, startBackofficeServer } from '../../../../simulators/backoffice/server.js';
import { RECENT_APPLICATIONS } from '../../../../simulators/control/backoffice-proxy.js';
import { createControlHandler } from '../../../../simulators/control/http.js';
import { createSimulators } from '../../../../simulators/index.js';

const TOKEN = 'test-token-0123456789abcdef';

/** The tester panel reads what the back-office simulator received through the control API, with the control token. */
describe('control API: the back office’s last applications', () => {
  let backoffice: BackofficeServer;
  const servers: Server[] = [];
  let base: string;
  let withoutSimulator: string;

  async function listen(simulator?: BackofficeServer): Promise<string> {
    const handle = createControlHandler(createSimulators().controls, {
      token: TOKEN,
      ...(simulator ? { backofficeSimulatorUrl: simulator.url, backofficeSimulatorToken: simulator.controlToken } : {}),
    });
    const server = createServer((request, response) => {
      if (!handle(request, response)) response.writeHead(418).end();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    backoffice = await startBackofficeServer();
    base = await listen(backoffice);
    withoutSimulator = await listen();
  });
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await backoffice.close();
  });

  const auth = { Authorization: `Bearer ${TOKEN}` };
  const submit = async (i: number) => {
    const body = await sampleSubmission('chan-tai-man', 'renew-permanent', { applicationId: `panel-app-${String(i).padStart(4, '0')}` });
    const response = await fetch(`${backoffice.url}/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': body.applicationId },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return body.applicationId;
  };

  it('lists the last applications, newest first, with what each carried', async () => {
    const ids = [];
    for (let i = 0; i < RECENT_APPLICATIONS + 2; i++) ids.push(await submit(i));
    const response = await fetch(`${base}/control/api/backoffice/applications`, { headers: auth });
    expect(response.status).toBe(200);
    const { applications } = (await response.json()) as { applications: Array<{ applicationId: string; captured: unknown }> };
    expect(applications.map((a) => a.applicationId)).toEqual(ids.slice(-RECENT_APPLICATIONS).reverse());
    expect(applications[0]!.captured).toMatchObject({ photo: { source: 'live' }, signature: { width: 600, height: 200 } });
  });

  it('passes the photo, a finger image and the signature through as pictures', async () => {
    const id = await submit(100);
    const photo = await fetch(`${base}/control/api/backoffice/applications/${id}/photo`, { headers: auth });
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(await sharp(Buffer.from(await photo.arrayBuffer())).metadata()).toMatchObject({ format: 'jpeg', width: 413, height: 531 });
    const finger = await fetch(`${base}/control/api/backoffice/applications/${id}/fingers/left-index`, { headers: auth });
    expect(await sharp(Buffer.from(await finger.arrayBuffer())).metadata()).toMatchObject({ format: 'png', width: 256, height: 360, channels: 1 });
    const signature = await fetch(`${base}/control/api/backoffice/applications/${id}/signature`, { headers: auth });
    expect(signature.headers.get('content-type')).toBe('image/png');
  });

  it('needs the control token, reads applications only, forwards only its own paths, and says when there is no simulator', async () => {
    const id = await submit(200);
    expect((await fetch(`${base}/control/api/backoffice/applications`)).status).toBe(401);
    expect((await fetch(`${base}/control/api/backoffice/applications`, { method: 'POST', headers: auth })).status).toBe(405);
    for (const path of [`/applications/${id}/fingers/sixth`, `/applications/${id}/../../ready/R0000000001`, '/govpay', '/locker/R0000000001', `/applications/${id}/photo/x`]) {
      expect((await fetch(`${base}/control/api/backoffice${path}`, { headers: auth })).status, path).toBe(404);
    }
    expect((await fetch(`${base}/control/api/backoffice/applications/unknown-app-1/photo`, { headers: auth })).status).toBe(404);
    const none = await fetch(`${withoutSimulator}/control/api/backoffice/applications`, { headers: auth });
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ type: 'urn:dsi-kiosk:problem:no-backoffice-simulator' });
  });

  it('reads and sets the back office faults for the panel (validated, whole set), and says when no GovPay QR waits', async () => {
    expect((await fetch(`${base}/control/api/backoffice/faults`)).status).toBe(401);
    const set = await fetch(`${base}/control/api/backoffice/faults`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ down: true, latencyMs: 0 }) });
    expect(set.status).toBe(200);
    const read = await fetch(`${base}/control/api/backoffice/faults`, { headers: auth });
    expect(await read.json()).toMatchObject({ down: true, latencyMs: 0, refusing: false, submissions: 'ok' });
    const bad = await fetch(`${base}/control/api/backoffice/faults`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ down: 'yes' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/down/);
    await fetch(`${base}/control/api/backoffice/faults`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({}) });
    const noQr = await fetch(`${base}/control/api/backoffice/govpay/newest/pay`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    expect(noQr.status).toBe(404);
    expect(await noQr.json()).toMatchObject({ type: 'urn:dsi-kiosk:problem:no-pending-govpay' });
  });

  it('lets the panel show blob: pictures and nothing from elsewhere', async () => {
    const csp = (await fetch(`${base}/control/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain('img-src blob:');
    expect(csp).toContain("default-src 'none'");
  });
});
