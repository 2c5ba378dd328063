import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHostConfig } from '../../electron/host/config/load.js';
import { createHost, type CreateHostOptions, type KioskHost } from '../../electron/host/host.js';
import { type Logger, silentLogger } from '../../electron/host/log.js';
import { type ElectronHost, withTesterServices } from '../../electron/host/testing/electron-tester-host.js';
import type { HostConfig } from '../../electron/host/config/schema.js';

/**
 * What Electron's main process runs (electron/main/index.ts: `createHost: withTesterServices(createHost)`),
 * under plain Node since the Electron binary cannot be downloaded here: a test-mode kiosk gets the
 * back-office simulator, the control API on a loopback server of its own, and the clock moved at run
 * time through `POST /control/api/clock`, and the host itself reads that clock. A kiosk with a real
 * device keeps the real clock.
 */
describe("Electron's main process in test mode", () => {
  let host: ElectronHost;
  let hostClock: (() => Date) | undefined;
  const announced: string[] = [];
  const spyingCreateHost = (config: HostConfig, options: CreateHostOptions & { log: Logger }): Promise<KioskHost> => {
    hostClock = options.clock;
    return createHost(config, options);
  };

  beforeAll(async () => {
    const config = parseHostConfig({ rendererDir: 'dist/renderer', rulesDir: 'config', simulators: { delayMs: 0, clockStartsAt: '2026-11-24T10:30:00+08:00' } });
    host = await withTesterServices(spyingCreateHost, { announce: (line) => announced.push(line) })(config, { log: silentLogger, runMode: 'test' });
  });
  afterAll(async () => {
    await host?.stop();
  });

  const control = (path: string, body?: unknown) =>
    fetch(`${host.tester!.origin}/control/api/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${host.tester!.controlToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('offers the control API and says where its panel is', async () => {
    expect(host.tester?.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/control\/#token=[0-9a-f]{48}$/);
    expect(announced.join('\n')).toContain(`Tester panel:   ${host.tester!.controlUrl}`);
    const state = (await (await control('state')).json()) as { 'card-reader': unknown; journal: unknown; clock: { now: string } };
    expect(state['card-reader']).toBeDefined();
    expect(state.journal).toBeDefined();
    // The back-office simulator runs in this process: the panel's faults reach it.
    expect((await control('backoffice/faults')).status).toBe(200);
  });

  it('moves the clock the host reads, at run time', async () => {
    expect(Math.abs(hostClock!().getTime() - Date.parse('2026-11-24T02:30:00Z'))).toBeLessThan(60_000);
    expect((await control('clock', { jumpTo: '2026-11-24T23:50:00+08:00' })).status).toBe(200);
    expect((await control('clock', { advanceBy: '20m' })).status).toBe(200);
    // Past midnight: what the host's rules, journal and back office now read.
    expect(Math.abs(hostClock!().getTime() - Date.parse('2026-11-24T16:10:00Z'))).toBeLessThan(5_000);
    const state = (await (await control('state')).json()) as { clock: { now: string } };
    expect(Math.abs(Date.parse(state.clock.now) - Date.parse('2026-11-24T16:10:00Z'))).toBeLessThan(5_000);
  });

  it('a test-mode kiosk with a real device keeps the real clock: the clock cannot be moved', async () => {
    const real = parseHostConfig({ rendererDir: 'dist/renderer', rulesDir: 'config', testMode: true, devices: { 'receipt-printer': { driver: 'serial', path: '/dev/null-kiosk-printer' } } });
    let clock: (() => Date) | undefined;
    const other = await withTesterServices(
      (config, options) => {
        clock = options.clock;
        return createHost(config, options);
      },
      { announce: () => {} },
    )(real, { log: silentLogger, runMode: 'test' });
    try {
      expect(Math.abs(clock!().getTime() - Date.now())).toBeLessThan(1_000);
      const answer = await fetch(`${other.tester!.origin}/control/api/clock`, {
        method: 'POST',
        headers: { authorization: `Bearer ${other.tester!.controlToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ advanceBy: '1d' }),
      });
      expect(answer.status).toBe(404);
      expect(((await answer.json()) as { type: string }).type).toContain('no-clock-control');
      expect(Math.abs(clock!().getTime() - Date.now())).toBeLessThan(1_000);
    } finally {
      await other.stop();
    }
  });
});
