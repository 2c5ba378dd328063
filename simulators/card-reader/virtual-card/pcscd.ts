import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

/**
 * pcscd for the virtual card (the card tests, the benchmark and the hardware loop). pcscd is a
 * system-wide singleton (/run/pcscd/pcscd.comm), so whoever needs it starts its own with the vpcd
 * driver (vsmartcard-vpcd's /etc/reader.conf.d/vpcd: "Virtual PCD 00 00" on TCP 35963) and stops
 * it afterwards. Where a pcscd is already running (a system one, or socket activation), it is used
 * as it is, and what needs to stop or restart it is skipped: nobody touches a daemon they did not start.
 */
export const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';
export const VPCD_PORT = 35963;
export const VIRTUAL_READER = 'Virtual PCD 00 00';
const PCSCD_BINARY = '/usr/sbin/pcscd';
const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';

export class PcscdHarness {
  private child: ChildProcess | undefined;
  private constructor(readonly owned: boolean) {}

  static available(): boolean {
    return existsSync(PCSCD_BINARY) && existsSync(VPCD_DRIVER);
  }

  /** Why pcscd with vpcd cannot run here (null when it can): what a tester is told. */
  static missing(): string | null {
    if (!existsSync(PCSCD_BINARY)) return `${PCSCD_BINARY} is missing (apt-get install pcscd)`;
    if (!existsSync(VPCD_DRIVER)) return `${VPCD_DRIVER} is missing (apt-get install vsmartcard-vpcd)`;
    return null;
  }

  /** Uses a running pcscd, or starts one (and owns it). */
  static async start(): Promise<PcscdHarness> {
    if (await socketAnswers()) return new PcscdHarness(false);
    const harness = new PcscdHarness(true);
    await harness.spawn();
    return harness;
  }

  /** Stops our pcscd the hard way (SIGKILL: the reader vanishes mid-exchange, like a crash). */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }

  /** After a test that killed it: our pcscd is up again for the next one. */
  async ensureRunning(): Promise<void> {
    if (this.owned && (!this.child || this.child.exitCode !== null)) await this.spawn();
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.spawn();
  }

  private async spawn(): Promise<void> {
    if (!this.owned) throw new Error('this pcscd is not ours to start');
    const child = spawn(PCSCD_BINARY, ['--foreground', '--info'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`pcscd did not get ready:\n${output}`)), 10_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        // Ready, and the vpcd reader is loaded (it listens on its port from here on).
        if (output.includes('daemon ready') && output.includes(`Waiting for virtual ICC on port ${VPCD_PORT}`)) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          child.stdout?.resume();
          child.stderr?.resume();
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`pcscd exited (${code}):\n${output}`));
      });
    });
    child.removeAllListeners('exit');
    // "daemon ready" can come a moment before the socket accepts clients.
    const start = Date.now();
    while (!(await socketAnswers())) {
      if (Date.now() - start > 5_000) throw new Error('pcscd is running but its socket does not answer');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function socketAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    if (!existsSync(PCSCD_SOCKET)) {
      resolve(false);
      return;
    }
    const socket = connect(PCSCD_SOCKET);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
