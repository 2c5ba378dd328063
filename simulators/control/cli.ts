#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { type CliOptions, type CliRequest, CliUsageError, parseCliArgs } from './cli-args.js';
import { type ControlDiscovery, readControlEndpoints } from './discovery.js';
import { COMMAND_HELP } from './help.js';
import { PROFILE_IDS } from '../card-reader/profiles.js';
import { SEED_CARD_IDS } from '../backoffice/seed-cards.js';
import { describeChanges, summariseState } from './state-diff.js';

/**
 * The testers' command line: `node dist/node/simulators/control/cli.js <device> <action> [--key value]`
 * posts one control command to the host's control API (`npm run sim -- …`). `state` prints every
 * simulator's state, `help` lists the commands. The URL and token come from `--url` / `--token`
 * or KIOSK_CONTROL_URL / KIOSK_CONTROL_TOKEN (the host prints both when it starts), or else from
 * the discovery file the running host leaves for its own user (see discovery.ts).
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  fetch: typeof fetch;
}

export async function runCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
  discover: () => ControlDiscovery[] = () => readControlEndpoints(),
): Promise<number> {
  let request: CliRequest;
  try {
    request = parseCliArgs(argv, env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.err(`error: ${error.message}`);
    return 2;
  }
  if (request.kind === 'help') {
    io.out(helpText());
    return 0;
  }
  const found = request.options.url || request.options.token ? undefined : chooseHost(discover(), request.options.pid, request.options.kiosk);
  if (typeof found === 'string') {
    io.err(`error: ${found}`);
    return 2;
  }
  const target = resolveTarget(found ? { url: found.url, token: found.token } : request.options);
  if (typeof target === 'string') {
    io.err(`error: ${target}`);
    return 2;
  }
  const json = request.options.json === true;
  const auth = { Authorization: `Bearer ${target.token}` };
  const call = async (path: string, init: RequestInit): Promise<{ ok: true; body: unknown } | { ok: false; code: number }> => {
    let response: Response;
    try {
      response = await io.fetch(new URL(path, target.url), { ...init, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      io.err(`error: cannot reach the kiosk host at ${target.url}: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, code: 1 };
    }
    const text = await response.text();
    if (!response.ok) {
      io.err(`error: ${response.status} ${problemDetail(text) ?? response.statusText}`);
      return { ok: false, code: 1 };
    }
    return { ok: true, body: parseJson(text) };
  };
  const post = (path: string, body: unknown) => call(path, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  if (request.kind === 'state') {
    const answer = await call('/control/api/state', { method: 'GET', headers: auth });
    if (!answer.ok) return answer.code;
    io.out(json ? JSON.stringify(answer.body, null, 2) : summariseState(answer.body as Record<string, unknown>).join('\n'));
    return 0;
  }
  if (request.kind === 'clock') {
    const answer = await post('/control/api/clock', request.move);
    if (!answer.ok) return answer.code;
    const clock = (answer.body as { clock?: { now?: string } }).clock;
    io.out(json ? JSON.stringify(answer.body, null, 2) : `clock: now ${clock?.now ?? '?'}`);
    return 0;
  }
  // Only what the command changed: the device's state before, then the answer's (after).
  const device = String(request.command.device);
  const before = json ? undefined : await call('/control/api/state', { method: 'GET', headers: auth });
  if (before && !before.ok) return before.code;
  const answer = await post('/control/api/command', request.command);
  if (!answer.ok) return answer.code;
  if (json) {
    io.out(JSON.stringify(answer.body, null, 2));
    return 0;
  }
  const previous = before?.ok ? (before.body as Record<string, unknown>)[device] : undefined;
  const changes = describeChanges(previous, (answer.body as { state?: unknown }).state);
  io.out([`${device} ${String(request.command.action)}: ok`, ...(changes.length > 0 ? changes.map((line) => `  ${line}`) : ['  (no change)'])].join('\n'));
  return 0;
}

/**
 * One running host: the only one, or the one `--pid` or `--kiosk` (pid, port or URL) names; several
 * without a choice is a question, not a guess.
 */
function chooseHost(hosts: ControlDiscovery[], pid: number | undefined, kiosk: string | undefined): ControlDiscovery | string | undefined {
  if (pid !== undefined) return hosts.find((host) => host.pid === pid) ?? `no running kiosk host with pid ${pid} (running: ${describeHosts(hosts)})`;
  if (kiosk !== undefined) {
    const port = (url: string) => new URL(url).port;
    const chosen = hosts.find((host) => String(host.pid) === kiosk || port(host.url) === kiosk || host.url.replace(/\/+$/, '') === kiosk.replace(/\/+$/, ''));
    return chosen ?? `no running kiosk host matches --kiosk ${kiosk} (running: ${describeHosts(hosts)})`;
  }
  if (hosts.length > 1) return `several kiosk hosts are running (${describeHosts(hosts)}): choose one with --kiosk <pid|port|url> (or --pid)`;
  return hosts[0];
}

function describeHosts(hosts: ControlDiscovery[]): string {
  return hosts.length === 0 ? 'none' : hosts.map((host) => `pid ${host.pid} at ${host.url}`).join(', ');
}

function resolveTarget(options: CliOptions): { url: string; token: string } | string {
  if (!options.url) return 'no running kiosk found and no control URL: start it with `npm start`, or pass --url http://127.0.0.1:<port> or set KIOSK_CONTROL_URL';
  if (!options.token) return 'no control token: pass --token <token> or set KIOSK_CONTROL_TOKEN';
  try {
    new URL(options.url);
  } catch {
    return `not a URL: ${options.url}`;
  }
  return { url: options.url, token: options.token };
}

function problemDetail(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string') return body.detail;
  } catch {
    // not JSON: fall back to the status text
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function helpText(): string {
  const lines = [
    'usage: cli.js <device> <action> [--key value]… [--json] [--url URL --token TOKEN | --kiosk PID|PORT|URL]',
    '       cli.js state [--json]                  (one line per simulator; --json: the whole state)',
    '       cli.js clock jump --to <ISO instant>   (all-simulated kiosks: move the clock while it runs)',
    '       cli.js clock advance --by <duration>   (90s, 15m, 2h, 1d, 1h30m; -15m goes back)',
    '       cli.js help',
    'A command prints only what it changed (--json: the whole answer).',
    'URL and token default to KIOSK_CONTROL_URL and KIOSK_CONTROL_TOKEN, else to the running kiosk host',
    '(--kiosk, or --pid, chooses one when several run).',
    '',
  ];
  let device = '';
  for (const entry of COMMAND_HELP) {
    if (entry.device !== device) {
      device = entry.device;
      lines.push(`${device}`);
    }
    lines.push(`  ${`${entry.action} ${entry.params}`.trim().padEnd(60)} ${entry.summary}`);
  }
  lines.push('', 'card profiles (--profile):', ...wrap(PROFILE_IDS), '', 'back-office seed residents (--resident):', ...wrap(SEED_CARD_IDS));
  return lines.join('\n');
}

/** Ids in lines of at most 100 characters, indented. */
function wrap(ids: readonly string[]): string[] {
  const lines: string[] = [];
  let line = ' ';
  for (const id of ids) {
    if (line.length + id.length + 1 > 100) {
      lines.push(line);
      line = ' ';
    }
    line += ` ${id}`;
  }
  return [...lines, line];
}

// Run only when executed, not when imported by the tests.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    fetch,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
