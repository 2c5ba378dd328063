import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskApi } from '../../../electron/shared/kiosk-api/client.js';
import { type BackofficeServer, startBackofficeServer } from '../../../simulators/backoffice/server.js';
import { type StandaloneHost, startStandalone } from '../../helpers/standalone-host.js';
import { makeTestPki } from '../../helpers/test-pki.js';
import { openKioskSocket, socketPipe } from '../../helpers/ws-pipe.js';

/**
 * A kiosk in service (real hardware configured, so not in test mode), run as the systemd unit runs
 * it (scripts/systemd/dsi-kiosk-host.service): state and runtime directories from the environment,
 * the journal key as a credential. No token reaches stdout; the page is opened through kiosk.html.
 * The host is then killed (SIGKILL) and restarted as `Restart=on-failure` does, and the page's token
 * still opens the restarted host: the kiosk screen reconnects by itself.
 */
const dir = mkdtempSync(join(tmpdir(), 'kiosk-service-'));
const runtime = join(dir, 'run');
let backoffice: BackofficeServer;
let configFile: string;
let env: Record<string, string>;
let host: StandaloneHost | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const pki = makeTestPki();
  backoffice = await startBackofficeServer({ tls: { key: pki.pem(pki.server.keyFile), cert: pki.pem(pki.server.certFile), ca: pki.pem(pki.caFile) } });
  const client = pki.client('HQ-07');
  const credentials = join(dir, 'credentials');
  mkdirSync(credentials, { mode: 0o700 });
  writeFileSync(join(credentials, 'journal-key'), 'a5'.repeat(32) + '\n', { mode: 0o600 });
  configFile = join(dir, 'kiosk.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      kioskId: 'HQ-07',
      rendererDir: 'dist/renderer',
      rulesDir: 'config',
      http: { port: await freePort() },
      devices: { 'receipt-printer': { driver: 'serial', path: join(dir, 'no-such-printer') } },
      backoffice: { url: backoffice.url, tls: { caFile: pki.caFile, certFile: client.certFile, keyFile: client.keyFile } },
    }),
  );
  env = { KIOSK_STATE_DIR: join(dir, 'state'), XDG_RUNTIME_DIR: runtime, CREDENTIALS_DIRECTORY: credentials, KIOSK_KEY_DIR: join(dir, 'unused-key-dir') };
}, 30_000);

afterAll(async () => {
  await host?.stop();
  await backoffice.close();
  rmSync(dir, { recursive: true, force: true });
});

async function kioskInfo(origin: string, token: string): Promise<unknown> {
  const socket = await openKioskSocket(origin, { token });
  const info = await createKioskApi(socketPipe(socket)).kiosk.info({});
  socket.close();
  return info;
}

describe('a kiosk in service under its supervisor', () => {
  it('prints no token, opens through kiosk.html, and its page reconnects to the host restarted after a crash', async () => {
    host = await startStandalone(configFile, env);
    expect(host.info).toMatchObject({ testMode: false, url: null, controlUrl: null, controlToken: null, launchFile: join(runtime, 'dsi-kiosk-launch', 'kiosk.html') });
    const page = readFileSync(host.info.launchFile, 'utf8');
    const token = /#token=([0-9a-f]+)"/.exec(page)?.[1] ?? '';
    expect(token).toMatch(/^[0-9a-f]{48}$/);
    expect(await kioskInfo(host.info.origin, token)).toMatchObject({ ok: true, value: { kioskId: 'HQ-07', testMode: false } });

    // A crash: systemd sees a signal, and Restart=on-failure starts the host again.
    const crashed = host;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => crashed.child.once('exit', (_code, signal) => resolve(signal)));
    crashed.child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    host = await startStandalone(configFile, env);
    expect(host.info.origin).toBe(crashed.info.origin);
    expect(readFileSync(host.info.launchFile, 'utf8')).toBe(page);
    expect(await kioskInfo(host.info.origin, token)).toMatchObject({ ok: true, value: { testMode: false } });
    expect(host.stderr()).not.toContain(token);
  });
});
