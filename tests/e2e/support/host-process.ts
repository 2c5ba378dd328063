import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ControlCommandInput } from '../../../simulators/control/commands.js';

/**
 * Starts the real browser-mode host (the start bundle `dist/host/standalone.js`, as `npm start`
 * does) on a free port, and drives its simulators through the tester control API. Shared by the
 * Playwright fixture (fixtures/kiosk-host.ts) and the scenario runner (scenarios/runner/), so both
 * start a kiosk alike.
 */
export interface KioskHostFixture {
  url: string;
  origin: string;
  /** The 0600 page that forwards to the kiosk with its token (what `npm start` opens in Chromium). */
  launchFile: string;
  /** The host's in-process back-office simulator (null when the config points at another back office). */
  backofficeUrl: string | null;
  /** A request to the back-office simulator's `/v1/_control/*` with its control token. */
  backofficeControl(path: string, init?: RequestInit): Promise<Response>;
  /** The tester control panel, with its token in the fragment. */
  controlUrl: string;
  /** The control token (`Authorization: Bearer …` on `/control/api/*`). */
  controlToken: string;
  control(command: ControlCommandInput): Promise<void>;
  state(): Promise<Record<string, unknown>>;
}

export interface HostInfo {
  url: string;
  origin: string;
  launchFile: string;
  controlUrl: string;
  controlToken: string;
  backofficeUrl: string | null;
  backofficeControlToken: string | null;
}

export const repoRoot = process.cwd().endsWith('e2e') ? join(process.cwd(), '../..') : process.cwd();

/** A running host: the fixture, what it wrote on stderr so far, and how to stop it. */
export interface RunningHost {
  kiosk: KioskHostFixture;
  stderr(): string;
  /** SIGTERM; waits for the exit when `wait` (the loop's transports must be free for the next host). */
  stop(wait?: boolean): Promise<void>;
}

/** What the host announces as soon as it serves the page (its `serving` line), before it is ready. */
export interface ServingInfo {
  /** The kiosk page with its token (test mode). */
  url: string;
  origin: string;
  launchFile: string;
}

export interface LaunchOptions {
  /**
   * Called at the host's `serving` line: the page may be opened now (it connects, and its calls are
   * answered once the host is ready). `launchKioskHost` itself resolves at the `listening` line.
   */
  onServing?: (serving: ServingInfo) => void;
}

export async function launchKioskHost(config: Record<string, unknown>, options: LaunchOptions = {}): Promise<RunningHost> {
  const { child, info, stderr } = await startHost(config, options);
  const kiosk = kioskFixtureFor(info);
  return {
    kiosk,
    stderr: () => stderr.join(''),
    stop: async (wait = false) => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      if (wait) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
  };
}

/**
 * The fixture for a host that is already running, from what it announced (its `listening` line):
 * the scenario runner uses this too when the panel's launcher runs a file against its own kiosk.
 */
export function kioskFixtureFor(info: HostInfo): KioskHostFixture {
  const headers = { Authorization: `Bearer ${info.controlToken}`, 'Content-Type': 'application/json' };
  const origin = info.origin;
  return {
    url: info.url,
    origin,
    launchFile: info.launchFile,
    backofficeUrl: info.backofficeUrl,
    backofficeControl: (path, init = {}) => {
      if (!info.backofficeUrl || !info.backofficeControlToken) throw new Error('this host runs no back-office simulator');
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${info.backofficeControlToken}`);
      return fetch(`${info.backofficeUrl}${path}`, { ...init, headers });
    },
    controlUrl: info.controlUrl,
    controlToken: info.controlToken,
    control: async (command) => {
      const response = await fetch(`${origin}/control/api/command`, { method: 'POST', headers, body: JSON.stringify(command) });
      if (!response.ok) throw new Error(`control ${JSON.stringify(command)} → ${response.status} ${await response.text()}`);
    },
    state: async () => (await (await fetch(`${origin}/control/api/state`, { headers })).json()) as Record<string, unknown>,
  };
}

async function startHost(config: Record<string, unknown>, options: LaunchOptions): Promise<{ child: ChildProcess; info: HostInfo; stderr: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const file = join(dir, 'kiosk.json');
  // Each test host has its own journal: never a tester's, never another test's.
  // Its key in a directory of its own, as a kiosk's is (never the tester's ~/.config).
  const journal = { path: join(dir, 'journal.sqlite'), keyFile: join(dir, 'keys', 'journal.key'), ...(config.journal as Record<string, unknown> | undefined) };
  writeFileSync(file, JSON.stringify({ ...config, journal }));
  const child = spawn(process.execPath, [join(repoRoot, 'dist/host/standalone.js'), '--config', file], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Tests must not replace the discovery file of a kiosk a tester is running on this machine.
    env: { ...process.env, KIOSK_CONTROL_DISCOVERY: '0' },
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const info = await new Promise<HostInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${stderr.join('')}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${stderr.join('')}`)));
    // `serving` first (the page may load), then `listening` (the host is ready: the kiosk can be driven).
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const announced = JSON.parse(line) as { event: string };
      if (announced.event === 'serving') options.onServing?.(announced as unknown as ServingInfo);
      if (announced.event !== 'listening') return;
      clearTimeout(timer);
      resolve(announced as unknown as HostInfo);
    });
  });
  return { child, info, stderr };
}
