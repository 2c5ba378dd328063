import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * A virtual serial cable: two linked ptys made by `socat`, for simulators and tests. The driver
 * opens `devicePath`, a simulated device's far end opens `peerPath`. Closing the pair is pulling
 * the cable: both ptys vanish, and whoever still holds one gets EIO on its next write.
 */
export interface PtyPair {
  readonly devicePath: string;
  readonly peerPath: string;
  /** Kills socat and waits for it; its links are gone afterwards. Idempotent. */
  close(): Promise<void>;
}

export interface PtyPairOptions {
  devicePath: string;
  peerPath: string;
  /** How long socat may take to set both ptys up. */
  timeoutMs?: number;
}

export async function createPtyPair(options: PtyPairOptions): Promise<PtyPair> {
  const { devicePath, peerPath } = options;
  // A socat killed hard leaves its links behind; a new pair must not open a stale one.
  for (const path of [devicePath, peerPath]) rmSync(path, { force: true });
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${peerPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    child.once('exit', () => resolve());
  });
  await ready(child, options.timeoutMs ?? 5_000);
  let closing: Promise<void> | undefined;
  return {
    devicePath,
    peerPath,
    close: () => {
      closing ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
        for (const path of [devicePath, peerPath]) rmSync(path, { force: true });
      })();
      return closing;
    },
  };
}

/** socat -d -d says "starting data transfer loop" once both ptys and their links exist. */
function ready(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`socat did not start within ${timeoutMs} ms: ${log}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      if (log.includes('starting data transfer loop')) {
        cleanup();
        resolve();
      }
    };
    const onExit = (): void => fail(new Error(`socat exited before it was ready: ${log}`));
    const onError = (error: Error): void => fail(error);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
      child.stderr?.resume(); // keep draining socat's log so it never blocks on a full pipe
    };
    function fail(error: Error): void {
      cleanup();
      child.kill('SIGKILL');
      reject(error);
    }
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}
