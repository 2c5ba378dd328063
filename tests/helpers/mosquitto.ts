import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real Mosquitto (Debian's `/usr/sbin/mosquitto`) for a test or the bench: loopback only, on a
 * free port, with a generated configuration. With `users`, anonymous clients are refused, each user
 * has a password (mosquitto_passwd) and the fleet ACL applies (docs/fleet.md): a kiosk, whose user
 * name is its id, writes only `dsi/v1/kiosk/<its id>/#` and reads only `dsi/v1/command/<its id>`;
 * `ops` reads every kiosk and writes commands. Persistence is on, so a restart keeps retained
 * messages and the dashboard's session (its queued messages).
 */
export interface Mosquitto {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
  /** Starts it again on the same port with the same configuration and persistence file. */
  start(): Promise<void>;
  restart(): Promise<void>;
  log(): string;
  /** The broker's pid while running (the bench samples its CPU and memory). */
  pid(): number | undefined;
  dispose(): Promise<void>;
}

export const MOSQUITTO = process.env.MOSQUITTO_PATH ?? '/usr/sbin/mosquitto';

export const FLEET_ACL = `# Every user (a kiosk's user name is its id): its own telemetry, its own commands.
pattern write dsi/v1/kiosk/%u/#
pattern read dsi/v1/command/%u

user ops
topic read dsi/v1/kiosk/#
topic write dsi/v1/command/#
`;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `tls`: the listener speaks TLS only and requires a client certificate from `caFile`; the
 * certificate's CN is the user name (`use_identity_as_username`), so the same ACL applies. This is
 * the production shape (docs/fleet.md).
 */
export interface MosquittoTls {
  caFile: string;
  certFile: string;
  keyFile: string;
}

export async function startMosquitto(options: { users?: Record<string, string>; maxQueued?: number; tls?: MosquittoTls } = {}): Promise<Mosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-mosquitto-'));
  const port = await freePort();
  const lines = [
    `listener ${port} 127.0.0.1`,
    `persistence true`,
    `persistence_location ${dir}/`,
    `autosave_interval 1`,
    // The dashboard's persistent session holds what arrives while it reconnects (a burst of 1,000 kiosks).
    `max_queued_messages ${options.maxQueued ?? 200_000}`,
    `max_inflight_messages 100`,
    `log_dest stderr`,
    `log_type error`,
    `log_type warning`,
    // As root, stay root: the files are in a 0700 temporary directory.
    ...(process.getuid?.() === 0 ? ['user root'] : []),
  ];
  if (options.tls) {
    lines.push(
      `cafile ${options.tls.caFile}`,
      `certfile ${options.tls.certFile}`,
      `keyfile ${options.tls.keyFile}`,
      'require_certificate true',
      'use_identity_as_username true',
      'allow_anonymous false',
      `acl_file ${join(dir, 'acl')}`,
    );
    writeFileSync(join(dir, 'acl'), FLEET_ACL, { mode: 0o600 });
  } else if (options.users) {
    const passwords = join(dir, 'passwd');
    writeFileSync(passwords, '', { mode: 0o600 });
    for (const [user, password] of Object.entries(options.users)) {
      const made = spawnSync('mosquitto_passwd', ['-b', passwords, user, password], { encoding: 'utf8' });
      if (made.status !== 0) throw new Error(`mosquitto_passwd failed: ${made.stderr}`);
    }
    writeFileSync(join(dir, 'acl'), FLEET_ACL, { mode: 0o600 });
    lines.push('allow_anonymous false', `password_file ${passwords}`, `acl_file ${join(dir, 'acl')}`);
  } else lines.push('allow_anonymous true');
  const configFile = join(dir, 'mosquitto.conf');
  writeFileSync(configFile, lines.join('\n') + '\n', { mode: 0o600 });

  let child: ChildProcess | undefined;
  let log = '';
  const start = async (): Promise<void> => {
    child = spawn(MOSQUITTO, ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const started = Date.now();
    while (!(await canConnect(port))) {
      if (child.exitCode !== null) throw new Error(`mosquitto exited ${child.exitCode}: ${log}`);
      if (Date.now() - started > 10_000) throw new Error(`mosquitto did not listen on ${port}: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    url: `${options.tls ? 'mqtts' : 'mqtt'}://127.0.0.1:${port}`,
    port,
    dir,
    start,
    stop,
    async restart() {
      await stop();
      await start();
    },
    log: () => log,
    pid: () => child?.pid,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
