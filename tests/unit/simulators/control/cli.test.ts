import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from '../../../../simulators/control/cli-args.js';
import { helpText, runCli } from '../../../../simulators/control/cli.js';
import { type ControlDiscovery, publishControlEndpoint, readControlEndpoints } from '../../../../simulators/control/discovery.js';
import { createControlHandler } from '../../../../simulators/control/http.js';
import { createSimulators, type SimulatorControls } from '../../../../simulators/index.js';

const TOKEN = 'cli-token-0123456789abcdef';

describe('CLI arguments', () => {
  it('builds a command, reading JSON scalars and keeping other values as strings', () => {
    expect(parseCliArgs(['fingerprint-scanner', 'present', '--quality', '85', '--matches=true'], {})).toEqual({
      kind: 'command',
      command: { device: 'fingerprint-scanner', action: 'present', quality: 85, matches: true },
      options: { url: undefined, token: undefined },
    });
    const place = parseCliArgs(['card-reader', 'place', '--profile', 'chan-tai-man', '--url', 'http://x'], {
      KIOSK_CONTROL_TOKEN: 't',
    });
    expect(place).toEqual({
      kind: 'command',
      command: { device: 'card-reader', action: 'place', profile: 'chan-tai-man' },
      options: { url: 'http://x', token: 't' },
    });
    expect(parseCliArgs(['height-gauge', 'set-height', '--heightMm', 'null'], {})).toMatchObject({
      command: { heightMm: null },
    });
  });

  it('recognises help and state, and refuses malformed arguments', () => {
    expect(parseCliArgs([], {})).toEqual({ kind: 'help' });
    expect(parseCliArgs(['help'], {})).toEqual({ kind: 'help' });
    expect(parseCliArgs(['state'], { KIOSK_CONTROL_URL: 'http://h' })).toMatchObject({ kind: 'state', options: { url: 'http://h' } });
    expect(() => parseCliArgs(['camera'], {})).toThrow(CliUsageError);
    expect(() => parseCliArgs(['camera', 'unplug', 'now'], {})).toThrow(CliUsageError);
    expect(() => parseCliArgs(['camera', 'report', '--report'], {})).toThrow(CliUsageError);
  });

  it('help lists every device', () => {
    const text = helpText();
    for (const word of ['card-reader', 'payment-terminal', 'lose-response', 'set-paper', 'disconnect']) expect(text).toContain(word);
  });
});

describe('CLI against a control server', () => {
  let server: Server;
  let url: string;
  let controls: SimulatorControls;
  beforeAll(async () => {
    controls = createSimulators().controls;
    const handle = createControlHandler(controls, { token: TOKEN });
    server = createServer((request, response) => {
      if (!handle(request, response)) response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function run(
    argv: string[],
    env: Record<string, string> = { KIOSK_CONTROL_URL: url, KIOSK_CONTROL_TOKEN: TOKEN },
    discover: () => ControlDiscovery[] = () => [],
  ) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t), fetch }, discover);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('finds the running kiosk through its discovery entry when no URL or token is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-discovery-'));
    const unpublish = publishControlEndpoint({ url, token: TOKEN, pid: process.pid }, dir);
    const file = join(dir, `${process.pid}.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const result = await run(['receipt-printer', 'set-paper', '--paper', 'out'], {}, () => readControlEndpoints(dir));
    expect(result.code).toBe(0);
    expect(controls['receipt-printer'].state().paper).toBe('out');
    unpublish();
    expect(existsSync(file)).toBe(false);
    const none = await run(['state'], {}, () => readControlEndpoints(dir));
    expect(none).toMatchObject({ code: 2, err: expect.stringContaining('no running kiosk found') });
  });

  it('removes the entry a crashed host left behind, and uses the live one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-discovery-'));
    // A process that has exited: its pid is free, like a host killed with SIGKILL.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    writeFileSync(join(dir, `${deadPid}.json`), JSON.stringify({ url: 'http://127.0.0.1:1', token: 'x'.repeat(32), pid: deadPid }), { mode: 0o600 });
    publishControlEndpoint({ url, token: TOKEN, pid: process.pid }, dir);
    const result = await run(['state'], {}, () => readControlEndpoints(dir));
    expect(result.code).toBe(0);
    expect(readdirSync(dir)).toEqual([`${process.pid}.json`]);
  });

  it('asks which host when two run, and --pid chooses one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-discovery-'));
    const other = { url: 'http://127.0.0.1:9', token: 'y'.repeat(32), pid: 1 }; // pid 1 is always alive
    publishControlEndpoint(other, dir);
    publishControlEndpoint({ url, token: TOKEN, pid: process.pid }, dir);
    const discover = () => readControlEndpoints(dir);
    const ambiguous = await run(['state'], {}, discover);
    expect(ambiguous).toMatchObject({ code: 2, err: expect.stringMatching(/several kiosk hosts.*pid 1 at http:\/\/127\.0\.0\.1:9.*--pid/) });
    expect((await run(['state', '--pid', String(process.pid)], {}, discover)).code).toBe(0);
    expect(await run(['state', '--pid', '424242'], {}, discover)).toMatchObject({ code: 2, err: expect.stringContaining('no running kiosk host with pid 424242') });
  });

  it('sends a command and prints the whole result with --json', async () => {
    const result = await run(['receipt-printer', 'set-paper', '--paper', 'near-end', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ ok: true, state: { paper: 'near-end' } });
    expect(controls['receipt-printer'].state().paper).toBe('near-end');
  });

  it('prints only what a command changed', async () => {
    await run(['receipt-printer', 'set-paper', '--paper', 'ok']);
    const result = await run(['receipt-printer', 'set-paper', '--paper', 'out']);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe('receipt-printer set-paper: ok');
    expect(result.out).toContain('paper: "ok" → "out"');
    expect(result.out.split('\n').length).toBeLessThan(8);
    const again = await run(['receipt-printer', 'set-paper', '--paper', 'out']);
    expect(again.out).toBe('receipt-printer set-paper: ok\n  (no change)');
  });

  it('prints the state as one line per simulator, and whole with --json', async () => {
    const result = await run(['state']);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines.length).toBeLessThan(12);
    expect(lines.find((line) => line.startsWith('receipt-printer'))).toMatch(/paper: "/);
    const whole = await run(['state', '--json']);
    expect(Object.keys(JSON.parse(whole.out))).toContain('height-gauge');
  });

  it('help lists the card profiles and the seed residents', async () => {
    const text = (await run(['--help'])).out;
    for (const id of ['chan-tai-man', 'pin-blocked', 'chan-grandmother', 'interdicted', 'young-adult']) expect(text).toContain(id);
    expect(text).toContain('clock advance --by');
  });

  it('--kiosk chooses a host by pid, port or URL; a stopped host leaves the other one found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-discovery-'));
    const other = { url: 'http://127.0.0.1:9', token: 'y'.repeat(32), pid: 1 };
    const unpublishOther = publishControlEndpoint(other, dir);
    publishControlEndpoint({ url, token: TOKEN, pid: process.pid }, dir);
    const discover = () => readControlEndpoints(dir);
    expect(await run(['state'], {}, discover)).toMatchObject({ code: 2, err: expect.stringContaining('--kiosk') });
    expect((await run(['state', '--kiosk', String(process.pid)], {}, discover)).code).toBe(0);
    expect((await run(['state', '--kiosk', new URL(url).port], {}, discover)).code).toBe(0);
    expect((await run(['state', '--kiosk', url], {}, discover)).code).toBe(0);
    expect(await run(['state', '--kiosk', '1234567'], {}, discover)).toMatchObject({ code: 2, err: expect.stringContaining('no running kiosk host matches --kiosk 1234567') });
    // The second host stops: the first is still found, alone, without a choice.
    unpublishOther();
    expect((await run(['state'], {}, discover)).code).toBe(0);
  });

  it('refuses a malformed clock command', async () => {
    expect(await run(['clock', 'jump'])).toMatchObject({ code: 2, err: expect.stringContaining('clock advance --by 2h') });
    // This test server has no clock control: the host's answer is shown.
    expect(await run(['clock', 'advance', '--by', '2h'])).toMatchObject({ code: 1, err: expect.stringContaining('404') });
  });

  it('prints the server’s explanation of a bad command', async () => {
    const result = await run(['card-reader', 'place', '--profile', 'nobody']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/400.*profile/s);
  });

  it('explains a missing URL or token, and a wrong token', async () => {
    expect((await run(['state'], {})).err).toMatch(/KIOSK_CONTROL_URL/);
    expect((await run(['state'], { KIOSK_CONTROL_URL: url })).err).toMatch(/KIOSK_CONTROL_TOKEN/);
    const wrong = await run(['state', '--token', 'nope'], { KIOSK_CONTROL_URL: url });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/401/);
  });
});
