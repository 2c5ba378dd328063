import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { parseHostConfig } from '../../electron/host/config/load.js';
import { createHost, type KioskHost } from '../../electron/host/host.js';
import { type BrowserModeServer, openBrowserModeServer, type ServingBrowserModeServer } from '../../electron/host/http/browser-mode-server.js';
import { silentLogger } from '../../electron/host/log.js';
import { openKioskSocket } from '../helpers/ws-pipe.js';

/**
 * Browser mode serves the page before the host has started (issue 20, cold start; standalone.ts):
 * the renderer's files and the page's WebSocket are there at once, while `createHost` runs; but no
 * KioskApi call is answered, and no control API exists, before the started host is attached. The
 * page's first call, sent while the host starts, is answered by the started host, in order.
 */
const config = parseHostConfig({ rendererDir: 'dist/renderer', rulesDir: 'config', simulators: { delayMs: 0, paymentDefault: 'wait' } });
let serving: ServingBrowserModeServer;
let server: BrowserModeServer | undefined;
let host: KioskHost | undefined;
let early: WebSocket;
const answers: Array<{ at: 'before-attach' | 'after-attach'; frame: { type: string; id?: number; ok?: boolean; value?: unknown } }> = [];
let attached = false;

beforeAll(async () => {
  serving = await openBrowserModeServer(config, { log: silentLogger });
});

afterAll(async () => {
  early?.close();
  await (server ?? serving).close();
  await host?.stop();
});

describe('browser mode before the host is ready', () => {
  it('serves the page and its files before createHost has even started', async () => {
    const page = await fetch(serving.origin + '/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root"');
    const script = /src="\.?(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(serving.origin + script!)).status).toBe(200);
  });

  it('has no control API yet', async () => {
    const response = await fetch(`${serving.origin}/control/api/state`);
    expect(response.status).toBe(503);
  });

  it('still refuses a connection without the token, or from another origin', async () => {
    await expect(openKioskSocket(serving.origin)).rejects.toThrow('HTTP 401');
    const token = new URL(serving.kioskUrl).hash.replace('#token=', '');
    await expect(openKioskSocket(serving.origin, { token, originHeader: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('accepts the page’s connection and answers none of its calls while the host starts', async () => {
    const token = new URL(serving.kioskUrl).hash.replace('#token=', '');
    early = await openKioskSocket(serving.origin, { token });
    early.on('message', (data) => answers.push({ at: attached ? 'after-attach' : 'before-attach', frame: JSON.parse(data.toString()) }));
    early.send(JSON.stringify({ type: 'call', id: 1, method: 'kiosk.info', params: {} }));
    early.send(JSON.stringify({ type: 'call', id: 2, method: 'session.start', params: { language: 'en' } }));
    // The host starts meanwhile (rules, journal opened and recovered, devices online): long enough for an answer to arrive if one were sent.
    host = await createHost(config, { log: silentLogger });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answers).toEqual([]);
    expect(host.sessions.current()).toBeUndefined();
  });

  it('answers those calls, in order, from the started host once it is attached', async () => {
    attached = true;
    server = serving.attach(host!);
    const results = () => answers.filter((answer) => answer.frame.type === 'result');
    await waitFor(() => results().length >= 2);
    expect(answers.every((answer) => answer.at === 'after-attach')).toBe(true);
    expect(results().map((answer) => [answer.frame.type, answer.frame.id, answer.frame.ok])).toEqual([
      ['result', 1, true],
      ['result', 2, true],
    ]);
    expect(host!.sessions.current()).toBeDefined();
    expect((await fetch(`${server.origin}/control/api/state`)).status).not.toBe(503);
  });
});

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
