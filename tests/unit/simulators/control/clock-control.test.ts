import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjustableClockFromConfig } from '../../../../electron/host/config/clock.js';
import { HostConfigSchema } from '../../../../electron/host/config/schema.js';
import { parseDuration } from '../../../../simulators/control/clock-command.js';
import { createControlHandler } from '../../../../simulators/control/http.js';
import { createSimulators } from '../../../../simulators/index.js';

const TOKEN = 'test-token-0123456789abcdef';
const base = { rendererDir: '/x', rulesDir: '/y' };
const parseHostConfig = (input: Record<string, unknown>) => HostConfigSchema.parse({ ...base, ...input });

describe('runtime clock control', () => {
  it('reads durations as testers write them', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('-15m')).toBe(-900_000);
    expect(parseDuration('250ms')).toBe(250);
    for (const bad of ['', 'h', '2 hours', '1.5h', '-']) expect(parseDuration(bad)).toBeNull();
  });

  it('is offered only when every device and the back office are simulated', () => {
    const simulated = adjustableClockFromConfig(parseHostConfig({ simulators: { clockStartsAt: '2026-11-24T10:30:00+08:00' } }));
    expect(simulated.control).not.toBeNull();
    const real = adjustableClockFromConfig(parseHostConfig({ devices: { 'receipt-printer': { driver: 'serial', path: '/dev/ttyS0' } } }));
    expect(real.control).toBeNull();
  });

  describe('over the control API', () => {
    let server: Server;
    let base: string;
    const { now, control } = adjustableClockFromConfig(parseHostConfig({ simulators: { clockStartsAt: '2026-11-24T10:30:00+08:00' } }));
    beforeAll(async () => {
      const handle = createControlHandler(createSimulators().controls, { token: TOKEN, clock: control });
      server = createServer((request, response) => void handle(request, response));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const post = (body: unknown, token = TOKEN) =>
      fetch(`${base}/control/api/clock`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('jumps to an instant and advances by a duration while running', async () => {
      expect((await post({ jumpTo: '2026-11-24T22:30:00+08:00' })).status).toBe(200);
      expect(Math.abs(now().getTime() - Date.parse('2026-11-24T14:30:00Z'))).toBeLessThan(2000);
      const answer = await post({ advanceBy: '2h' });
      expect(answer.status).toBe(200);
      expect(Math.abs(now().getTime() - Date.parse('2026-11-24T16:30:00Z'))).toBeLessThan(2000);
      const state = (await (await fetch(`${base}/control/api/state`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { clock: { now: string } };
      expect(Math.abs(Date.parse(state.clock.now) - Date.parse('2026-11-24T16:30:00Z'))).toBeLessThan(2000);
    });

    it('refuses bad moves with a problem naming the field, and needs the token', async () => {
      for (const body of [{ jumpTo: '2026-11-24 22:30' }, { advanceBy: 'soon' }, { advanceBy: '400d' }, { jumpTo: '2026-11-24T22:30:00+08:00', advanceBy: '1h' }]) {
        const answer = await post(body);
        expect(answer.status).toBe(400);
        expect(((await answer.json()) as { type: string }).type).toBe('urn:dsi-kiosk:problem:invalid-command');
      }
      expect((await post({ advanceBy: '1h' }, 'wrong-token-0123456789')).status).toBe(401);
    });
  });

  it('answers 404 no-clock-control on a kiosk that runs on the real clock', async () => {
    const handle = createControlHandler(createSimulators().controls, { token: TOKEN, clock: null });
    const server = createServer((request, response) => void handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/control/api/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ advanceBy: '1h' }),
    });
    expect(answer.status).toBe(404);
    server.closeAllConnections();
    server.close();
  });
});
