import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A browser-mode host in its own process (`electron/host/standalone.ts` through tsx, so it runs the
 * sources under test), as `npm start` runs it; resolves with its `listening` line (the host is ready), or rejects with
 * its exit code and stderr when it refuses to start.
 */
export interface StandaloneHost {
  child: ChildProcess;
  info: { origin: string; url: string | null; launchFile: string; testMode: boolean; controlUrl: string | null; controlToken: string | null };
  stderr(): string;
  stop(): Promise<number | null>;
}

export class HostExited extends Error {
  constructor(
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`host exited with ${code}: ${stderr}`);
  }
}

export function startStandalone(configFile: string, env: Record<string, string> = {}): Promise<StandaloneHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/standalone.ts', '--config', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KIOSK_CONTROL_DISCOVERY: '0', ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${stderr}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new HostExited(code, stderr));
    });
    // Its `serving` line comes first (the page is served, the host not ready yet); `listening` when it is.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const info = JSON.parse(line) as StandaloneHost['info'] & { event: string };
      if (info.event !== 'listening') return;
      clearTimeout(timer);
      resolve({
        child,
        info,
        stderr: () => stderr,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.removeAllListeners('exit');
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
