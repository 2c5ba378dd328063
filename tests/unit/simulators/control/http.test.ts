import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControlHandler, MAX_BODY_BYTES } from '../../../../simulators/control/http.js';
import { DEVICE_KINDS } from '../../../../devices/kinds.js';
import type { DeviceSet } from '../../../../devices/index.js';
import { createSimulators, type SimulatorControls } from '../../../../simulators/index.js';

const TOKEN = 'test-token-0123456789abcdef';

describe('control HTTP handler', () => {
  let server: Server;
  let base: string;
  let controls: SimulatorControls;
  let printer: DeviceSet['receipt-printer'];

  beforeAll(async () => {
    const simulators = createSimulators({ delayMs: 0 });
    controls = simulators.controls;
    printer = simulators.devices['receipt-printer'];
    const handle = createControlHandler(controls, { token: TOKEN });
    server = createServer((request, response) => {
      if (!handle(request, response)) response.writeHead(418).end('not mine');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const auth = { Authorization: `Bearer ${TOKEN}` };
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/control/api/command`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', ...headers },
      body,
    });

  it('leaves paths it does not own to the host', async () => {
    expect((await fetch(`${base}/`)).status).toBe(418);
    expect((await fetch(`${base}/controller`)).status).toBe(418);
  });

  it('serves the panel without a token, with a strict CSP', async () => {
    const response = await fetch(`${base}/control/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'sha256-/);
    const html = await response.text();
    expect(html).toContain('location.hash');
    expect(html).not.toContain(TOKEN);
    const redirect = await fetch(`${base}/control`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
  });

  it('shows printed receipts as text and as the paper (PNG), newest first; a token is needed for both', async () => {
    await printer.open();
    await printer.print({ lines: [{ kind: 'text', text: '測試單據 Talão de teste', align: 'center' }, { kind: 'text', text: 'A001' }] });
    const listed = (await (await fetch(`${base}/control/api/printed`, { headers: auth })).json()) as { receipts: Array<{ text: string; png: string }> };
    expect(listed.receipts[0]?.text).toContain('A001');
    const png = await fetch(`${base}${listed.receipts[0]!.png}`, { headers: auth });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(`${base}${listed.receipts[0]!.png}`)).status).toBe(401);
    expect((await fetch(`${base}/control/api/printed/999.png`, { headers: auth })).status).toBe(404);
  });

  it('answers 401 problem+json without the right token', async () => {
    const attempts: Array<Record<string, string>> = [{}, { Authorization: 'Bearer wrong' }, { Authorization: TOKEN }];
    for (const headers of attempts) {
      const response = await fetch(`${base}/control/api/state`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const command = await fetch(`${base}/control/api/command`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ device: 'camera', action: 'unplug' }),
    });
    expect(command.status).toBe(401);
    expect(controls.camera.state().connected).toBe(true);
  });

  it('applies a command and shows it in the state', async () => {
    const response = await post(JSON.stringify({ device: 'card-reader', action: 'place', profile: 'wong-siu-ming' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, device: 'card-reader', state: { card: { profile: 'wong-siu-ming' } } });
    const state = await (await fetch(`${base}/control/api/state`, { headers: auth })).json();
    expect(state['card-reader'].card.profile).toBe('wong-siu-ming');
    expect(Object.keys(state)).toHaveLength(DEVICE_KINDS.length + 1);
    // Beside the devices: whether each serial device's line faults can be sent (in-process: no, with the reason).
    expect(state.lineFaults['payment-terminal']).toEqual({ available: false, reason: expect.stringContaining('line faults need the device on a serial line') });
  });

  it('answers 400 problem+json for a bad command or bad JSON', async () => {
    const bad = await post(JSON.stringify({ device: 'card-reader', action: 'place', profile: 'nobody' }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await bad.json();
    expect(problem).toMatchObject({ status: 400, title: 'Invalid control command' });
    expect(problem.type).toEqual(expect.any(String));
    expect(problem.detail).toMatch(/profile/);

    const notJson = await post('{"device":');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).title).toBe('Invalid JSON');
  });

  it('refuses bodies over 16 KiB and non-JSON media types', async () => {
    const big = await post(JSON.stringify({ device: 'camera', action: 'unplug', pad: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(big.status).toBe(413);
    const text = await post('device=camera', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(text.status).toBe(415);
  });

  it('answers 405 for the wrong method and 404 for unknown API paths', async () => {
    const wrong = await fetch(`${base}/control/api/state`, { method: 'POST', headers: auth });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect((await fetch(`${base}/control/api/nothing`, { headers: auth })).status).toBe(404);
  });

  it('refuses a short token at construction', () => {
    expect(() => createControlHandler(controls, { token: '' })).toThrow(RangeError);
  });
});
