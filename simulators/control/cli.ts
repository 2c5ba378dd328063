#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { type CliOptions, type CliRequest, CliUsageError, parseCliArgs } from './cli-args.js';
import { type ControlDiscovery, readControlEndpoints } from './discovery.js';
import { COMMAND_HELP } from './help.js';

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
  const found = request.options.url || request.options.token ? undefined : chooseHost(discover(), request.options.pid);
  if (typeof found === 'string') {
    io.err(`error: ${found}`);
    return 2;
  }
  const target = resolveTarget(found ? { url: found.url, token: found.token } : request.options);
  if (typeof target === 'string') {
    io.err(`error: ${target}`);
    return 2;
  }
  const init: RequestInit =
    request.kind === 'state'
      ? { method: 'GET', headers: { Authorization: `Bearer ${target.token}` } }
      : {
          method: 'POST',
          headers: { Authorization: `Bearer ${target.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(request.command),
        };
  const path = request.kind === 'state' ? '/control/api/state' : '/control/api/command';
  let response: Response;
  try {
    response = await io.fetch(new URL(path, target.url), { ...init, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    io.err(`error: cannot reach the kiosk host at ${target.url}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const text = await response.text();
  if (!response.ok) {
    io.err(`error: ${response.status} ${problemDetail(text) ?? response.statusText}`);
    return 1;
  }
  io.out(pretty(text));
  return 0;
}

/** One running host: the only one, or the one `--pid` names; several without `--pid` is a question, not a guess. */
function chooseHost(hosts: ControlDiscovery[], pid: number | undefined): ControlDiscovery | string | undefined {
  if (pid !== undefined) return hosts.find((host) => host.pid === pid) ?? `no running kiosk host with pid ${pid} (running: ${describeHosts(hosts)})`;
  if (hosts.length > 1) return `several kiosk hosts are running (${describeHosts(hosts)}): choose one with --pid`;
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

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function helpText(): string {
  const lines = [
    'usage: cli.js <device> <action> [--key value]… [--url URL --token TOKEN | --pid PID]',
    '       cli.js state      (every simulator\'s state)',
    '       cli.js help',
    'URL and token default to KIOSK_CONTROL_URL and KIOSK_CONTROL_TOKEN, else to the running kiosk host',
    '(--pid chooses one when several run).',
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
  return lines.join('\n');
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
