import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { passwordOf } from '../../helpers/fleet-hosts.js';
import type { Mosquitto } from '../../helpers/mosquitto.js';

const root = process.cwd().endsWith('e2e') ? join(process.cwd(), '../..') : process.cwd();

export interface Started<T> {
  child: ChildProcess;
  info: T;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A built entry point (dist/node/…) in its own process; resolves with its `listening` line (JSON). */
function startNode<T>(entry: string, args: string[]): Promise<Started<T>> {
  const child = spawn(process.execPath, [join(root, entry), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KIOSK_CONTROL_DISCOVERY: '0' } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${stderr}`)));
    // The kiosk host announces `serving` (page served, host not ready) before `listening`; both entries end with `listening`.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const info = JSON.parse(line) as T & { event?: string };
      if (info.event !== 'listening') return;
      clearTimeout(timer);
      resolve({
        child,
        info,
        stop: (signal = 'SIGTERM') =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    });
  });
}

export interface KioskInfo {
  url: string;
  origin: string;
  controlToken: string;
}

/** A browser-mode kiosk host (as `npm start` runs it) reporting to the test's broker as `kioskId`. */
export async function startFleetKiosk(broker: Mosquitto, kioskId: string): Promise<Started<KioskInfo> & { control(command: unknown): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-fleet-e2e-'));
  const file = join(dir, 'kiosk.json');
  writeFileSync(
    file,
    JSON.stringify({
      kioskId,
      simulators: { delayMs: 0, paymentDefault: 'wait' },
      journal: { path: join(dir, 'journal.sqlite'), keyFile: join(dir, 'keys', 'journal.key') },
      fleet: { url: broker.url, password: passwordOf(kioskId), countersSeconds: 5 },
    }),
  );
  const started = await startNode<KioskInfo>('dist/host/standalone.js', ['--config', file]);
  return {
    ...started,
    control: async (command) => {
      const response = await fetch(`${started.info.origin}/control/api/command`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${started.info.controlToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(command),
      });
      if (!response.ok) throw new Error(`control → ${response.status} ${await response.text()}`);
    },
  };
}

/** `npm run ops`'s service (built), as the operations user. */
export async function startOps(broker: Mosquitto): Promise<Started<{ url: string; origin: string }>> {
  const passwordFile = join(mkdtempSync(join(tmpdir(), 'ops-')), 'password');
  writeFileSync(passwordFile, passwordOf('ops'), { mode: 0o600 });
  return startNode('dist/node/ops/main.js', ['--broker', broker.url, '--username', 'ops', '--password-file', passwordFile]);
}
