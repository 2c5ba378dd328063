import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/host/journal/journal.js';
import { parseHexKey } from '../../../electron/host/journal/key.js';
import { FATAL_EXIT_CODE } from '../../../electron/host/process/fatal-handler.js';

/**
 * A fault nobody caught does not leave a half-dead host: it is journaled (kind and error class,
 * never the message), the host stops (journal closed, state directory released) and the process
 * exits 70 for the service manager to restart it.
 */
const dir = mkdtempSync(join(tmpdir(), 'kiosk-fatal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/fatal-child.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.concurrent('process-level fault handler', () => {
  it.each([
    ['uncaught-exception', 'TypeError'],
    ['unhandled-rejection', 'RangeError'],
  ])('journals an %s (%s), stops the host and exits 70', async (kind, errorClass) => {
    const state = mkdtempSync(join(dir, 'state-'));
    const keyFile = join(dir, `${kind}.key`);
    const child = await run([state, keyFile, kind]);
    expect(child.stdout).toContain('started');
    expect(child.status, child.stderr).toBe(FATAL_EXIT_CODE);
    // The log has the alert with the stack for technicians…
    const alert = child.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.alert === 'host-fault');
    expect(alert).toMatchObject({ level: 'error', kind, code: errorClass });
    // …the journal only the kind and the class; it was closed cleanly (no write-ahead log left).
    const path = join(state, 'journal.sqlite');
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(readFileSync(path).includes(Buffer.from('1234567(9)'))).toBe(false);
    const journal = new Journal({ path, key: parseHexKey(readFileSync(keyFile, 'utf8'), keyFile) });
    expect(journal.hostEvents()).toEqual([{ at: expect.any(String), kind, code: errorClass }]);
    journal.close();
  });
});
