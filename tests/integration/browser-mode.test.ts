import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { createKioskApi } from '../../electron/shared/kiosk-api/client.js';
import { parseHostConfig } from '../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../electron/host/host.js';
import { type BrowserModeServer, startBrowserModeServer } from '../../electron/host/http/browser-mode-server.js';
import { silentLogger } from '../../electron/host/log.js';
import { exchange, openKioskSocket, socketPipe } from '../helpers/ws-pipe.js';

/**
 * The browser-mode host for real: createHost on simulators, its HTTP server on 127.0.0.1, and a
 * WebSocket client speaking the same frames as the renderer.
 */
let host: KioskHost;
let server: BrowserModeServer;
let token: string;

beforeAll(async () => {
  const config = parseHostConfig({
    rendererDir: 'dist/renderer',
    rulesDir: 'config',
    simulators: { delayMs: 0, paymentDefault: 'wait' },
  });
  // A fixed clock: Monday 23 Nov 2026, 10:00 in Macau.
  host = await createHost(config, { log: silentLogger, clock: () => new Date('2026-11-23T10:00:00+08:00') });
  server = await startBrowserModeServer(host);
  token = new URL(server.kioskUrl).hash.replace('#token=', '');
});

afterAll(async () => {
  await server.close();
  await host.stop();
});

describe('browser-mode WebSocket transport', () => {
  it('refuses a connection without the token', async () => {
    await expect(openKioskSocket(server.origin)).rejects.toThrow('HTTP 401');
  });

  it('refuses a connection with a wrong token', async () => {
    await expect(openKioskSocket(server.origin, { token: 'ab'.repeat(24) })).rejects.toThrow('HTTP 401');
  });

  it('refuses a page from another origin even with the token', async () => {
    await expect(openKioskSocket(server.origin, { token, originHeader: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  describe('with the token', () => {
    let socket: WebSocket;
    beforeAll(async () => {
      socket = await openKioskSocket(server.origin, { token });
    });
    afterAll(() => socket.close());

    it.each([
      ['malformed JSON', 'not json', 'malformed-frame'],
      ['an oversized frame', JSON.stringify({ type: 'call', id: 1, method: 'kiosk.info', params: { x: 'y'.repeat(300_000) } }), 'frame-too-large'],
    ])('answers %s with a typed error and keeps the connection', async (_label, frame, code) => {
      expect(await exchange(socket, frame)).toEqual({ type: 'rejected', error: { code, message: expect.any(String) } });
      expect(await exchange(socket, JSON.stringify({ type: 'call', id: 2, method: 'kiosk.info', params: {} }))).toMatchObject({
        type: 'result',
        id: 2,
        ok: true,
      });
    });

    it('answers an unknown method with unknown-method and keeps the connection', async () => {
      expect(await exchange(socket, JSON.stringify({ type: 'call', id: 3, method: 'kiosk.selfDestruct', params: {} }))).toMatchObject({
        id: 3,
        ok: false,
        error: { code: 'unknown-method' },
      });
      expect(socket.readyState).toBe(socket.OPEN);
    });
  });

  it('walks the skeleton through the typed API: session, card read, services, end and wipe', async () => {
    const socket = await openKioskSocket(server.origin, { token });
    const api = createKioskApi(socketPipe(socket));
    const ended: string[] = [];
    api.on('session.changed', (change) => {
      if (change.state === 'ended') ended.push(change.reason);
    });

    expect((await api.identity.readCard({})).ok === false).toBe(true); // no session yet
    const started = await api.session.start({ language: 'en' });
    expect(started.ok).toBe(true);

    const list = await api.services.list({});
    expect(list.ok && list.value.services.map((s) => s.id)).toContain('kinship-certificate');

    // A card is read for a visit's step: the service first (the host's plan starts with the card).
    expect(await api.identity.readCard({})).toMatchObject({ ok: false, error: { code: 'step-not-allowed' } });
    expect(await api.visit.choose({ service: 'kinship-certificate' })).toMatchObject({ ok: true, value: { phase: 'steps', current: { kind: 'read-card' } } });
    const reading = api.identity.readCard({});
    host.simulatorControls!['card-reader'].placeCard('chan-tai-man');
    const read = await reading;
    expect(read).toMatchObject({ ok: true, value: { holder: { nameLatin: 'CHAN TAI MAN', permanent: true } } });
    expect(host.sessions.require().holder?.nameZh).toBe('陳大文');

    const quote = await api.services.quote({ service: 'kinship-certificate', request: { certificate: { format: 'paper', copies: 2, pages: 3 } } });
    // Paper: MOP 15 for the first page + MOP 5 for each further page, per copy [seed 003].
    expect(quote.ok && quote.value.total).toBe(2 * (1500 + 2 * 500));

    const evaluation = await api.services.evaluate({ service: 'renew-permanent' });
    expect(evaluation.ok && evaluation.value.eligibility.reasons).toContain('person-not-identified');

    expect((await api.session.end({ reason: 'finished' })).ok).toBe(true);
    await expect.poll(() => ended).toEqual(['finished']);
    expect(host.sessions.current()).toBeUndefined();
    socket.close();
  });

  it('serves the renderer with a strict content security policy', async () => {
    const response = await fetch(`${server.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<div id="root">');
    expect((await fetch(`${server.origin}/..%2f..%2fpackage.json`)).status).toBe(404);
  });
});
