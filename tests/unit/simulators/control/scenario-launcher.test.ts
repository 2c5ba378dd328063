import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineFaultsState } from '../../../../simulators/control/commands.js';
import { createControlHandler } from '../../../../simulators/control/http.js';
import { createScenarioLauncher, scenarioLibraryAt } from '../../../../simulators/control/scenario-launcher.js';
import { createSimulators } from '../../../../simulators/index.js';

const TOKEN = 'test-token-0123456789abcdef';

/**
 * The panel's scenario launcher over the control API, with a stand-in runner: a checkout whose
 * `node_modules/.bin/tsx` prints the runner's `@progress` lines (the real runner, with Chromium, is
 * driven through the panel in tests/e2e/control-panel-scenarios.e2e.ts). What is checked here: the
 * library listed by name, one run at a time, none while a kiosk page is connected, the kiosk handed
 * over in $KIOSK_ATTACH (never on the command line), the live step, the verdict and a failure's
 * expected and actual.
 */
describe('scenario launcher', () => {
  let server: Server;
  let base: string;
  let pageConnected = false;
  const root = mkdtempSync(join(tmpdir(), 'kiosk-launcher-'));

  beforeAll(async () => {
    mkdirSync(join(root, 'scenarios/runner'), { recursive: true });
    mkdirSync(join(root, 'node_modules/.bin'), { recursive: true });
    writeFileSync(join(root, 'scenarios/runner/cli.ts'), '');
    writeFileSync(join(root, 'scenarios/b-fails.yaml'), 'name: "It fails: A001 expected"\nsteps: []\n');
    writeFileSync(join(root, 'scenarios/a-passes.yaml'), 'name: It passes\nsteps: []\n');
    writeFileSync(join(root, 'scenarios/notes.txt'), 'not a scenario');
    // The stand-in runner: says what the real one says, slowly enough to be seen running; records its arguments and environment.
    const tsx = join(root, 'node_modules/.bin/tsx');
    writeFileSync(
      tsx,
      [
        '#!/bin/sh',
        `printf '%s\\n' "$*" > "${root}/args"`,
        `printf '%s' "$KIOSK_ATTACH" > "${root}/attach"`,
        'echo "▶ a line the launcher ignores"',
        `echo '@progress {"event":"start","steps":[{"line":3,"summary":"open: queue-ticket"},{"line":4,"summary":"expect: receipt"},{"line":5,"summary":"tap: finish"}]}'`,
        `echo '@progress {"event":"step","index":0,"status":"running"}'`,
        `echo '@progress {"event":"step","index":0,"status":"passed"}'`,
        `echo '@progress {"event":"step","index":1,"status":"running"}'`,
        'sleep 0.6',
        'case "$2" in *fails*)',
        `  echo '@progress {"event":"step","index":1,"status":"failed","expected":"1 receipt containing A001","actual":"the last: A002"}'`,
        `  echo '@progress {"event":"end","verdict":"failed"}'; exit 1;;`,
        'esac',
        `echo '@progress {"event":"step","index":1,"status":"passed"}'`,
        `echo '@progress {"event":"step","index":2,"status":"passed"}'`,
        `echo '@progress {"event":"end","verdict":"passed"}'`,
      ].join('\n'),
    );
    chmodSync(tsx, 0o755);
    const launcher = createScenarioLauncher(root, { attachInfo: () => ({ origin: 'http://127.0.0.1:1', controlToken: 'secret-control-token' }), kioskPageConnected: () => pageConnected }, { reportDir: join(root, 'report') });
    const handle = createControlHandler(createSimulators().controls, { token: TOKEN, scenarios: launcher });
    server = createServer((request, response) => void handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const auth = { authorization: `Bearer ${TOKEN}` };
  const list = async () => (await (await fetch(`${base}/control/api/scenarios`, { headers: auth })).json()) as { files: Array<{ file: string; name: string }>; run: { state: string; current: number | null; steps: Array<{ status: string; expected?: string; actual?: string }> } | null };
  const run = (file: unknown) => fetch(`${base}/control/api/scenarios/run`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ file }) });
  const until = async (state: string) => {
    for (let i = 0; i < 100; i++) {
      const answer = await list();
      if (answer.run?.state === state) return answer;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`never ${state}: ${JSON.stringify(await list())}`);
  };

  it('finds a checkout with the library and its runner', () => {
    expect(scenarioLibraryAt(root)).toBe(true);
    expect(scenarioLibraryAt(tmpdir())).toBe(false);
  });

  it('lists the library by file and name', async () => {
    const answer = await list();
    expect(answer.files).toEqual([
      { file: 'scenarios/a-passes.yaml', name: 'It passes' },
      { file: 'scenarios/b-fails.yaml', name: 'It fails: A001 expected' },
    ]);
    expect(answer.run).toBeNull();
  });

  it('refuses a file outside the library, and a malformed request', async () => {
    expect((await run('scenarios/nope.yaml')).status).toBe(404);
    const outside = await run('../etc/passwd');
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as { detail: string }).detail).toMatch(/^file: /);
    expect((await fetch(`${base}/control/api/scenarios`)).status).toBe(401);
  });

  it('runs one file at a time against this kiosk, shows the live step, then the verdict', async () => {
    const started = await run('scenarios/a-passes.yaml');
    expect(started.status).toBe(202);
    const running = await until('running');
    expect(running.run!.current).toBe(1);
    expect(running.run!.steps.map((s) => s.status)).toEqual(['passed', 'running', 'pending']);
    const busy = await run('scenarios/b-fails.yaml');
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as { detail: string }).detail).toContain('still running');
    const passed = await until('passed');
    expect(passed.run!.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed']);
    // The kiosk is handed over in the environment; the command line names only the file.
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(root, 'args'), 'utf8').trim()).toBe(`scenarios/runner/cli.ts scenarios/a-passes.yaml --attach --progress --report ${join(root, 'report')}`);
    expect(JSON.parse(readFileSync(join(root, 'attach'), 'utf8'))).toEqual({ origin: 'http://127.0.0.1:1', controlToken: 'secret-control-token' });
  });

  it('a failed check shows what was expected and what happened; the rest are skipped', async () => {
    expect((await run('scenarios/b-fails.yaml')).status).toBe(202);
    const failed = await until('failed');
    expect(failed.run!.steps.map((s) => s.status)).toEqual(['passed', 'failed', 'skipped']);
    expect(failed.run!.steps[1]).toMatchObject({ expected: '1 receipt containing A001', actual: 'the last: A002' });
  });

  it('runs nothing while a kiosk page is connected (the run needs its own)', async () => {
    pageConnected = true;
    const refused = await run('scenarios/a-passes.yaml');
    pageConnected = false;
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { type: string; detail: string }).detail).toContain('a kiosk page is connected');
  });

  it('without a launcher (a packaged kiosk) the API says so', async () => {
    const handle = createControlHandler(createSimulators().controls, { token: TOKEN });
    const bare = createServer((request, response) => void handle(request, response));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/control/api/scenarios`, { headers: auth });
      expect(answer.status).toBe(404);
      expect(((await answer.json()) as { type: string }).type).toContain('no-scenario-launcher');
    } finally {
      bare.closeAllConnections();
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    }
  });
});

describe('line faults in the state', () => {
  it('are available for a device at the far end of a serial line, refused with the reason in-process', () => {
    const { controls } = createSimulators();
    const inProcess = lineFaultsState(controls);
    expect(inProcess['receipt-printer']).toEqual({ available: false, reason: 'receipt-printer: line faults need the device on a serial line (the hardware loop: npm start -- --loop)' });
    // A serial peer's control has the line's own faults (simulators/*/serial-*-peer.ts).
    const terminal = Object.assign(Object.create(controls['payment-terminal']) as typeof controls['payment-terminal'], { sendGarbage: async () => {}, corruptNextFrames: () => {}, powerCycle: async () => {} });
    const onTheLine = { ...controls, 'payment-terminal': terminal };
    expect(lineFaultsState(onTheLine)['payment-terminal']).toEqual({ available: true });
    expect(lineFaultsState(onTheLine)['height-gauge'].available).toBe(false);
  });
});
