import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHostConfig } from '../../../electron/host/config/load.js';
import { createHost } from '../../../electron/host/host.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { fileKeyStore, JournalKeyError, resolveJournalKey } from '../../../electron/host/journal/key.js';
import { createLogger } from '../../../electron/host/log.js';

/**
 * The journal key: a journal that exists is never given a new key (its paid applications would be
 * unreadable for good), a wrong key is refused by the key check value, and a host refuses to start
 * on either with a message and an alert in its log.
 */
const dir = mkdtempSync(join(tmpdir(), 'kiosk-journal-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A journal holding a paid application waiting to be sent (sealed personal data inside). */
function journalWithQueuedApplication(path: string, key: Buffer): void {
  const journal = new Journal({ path, key });
  journal.startSession('s1');
  journal.createApplication({ id: 'a1', sessionId: 's1', service: 'renew-permanent', feeAvos: 9000, payload: Buffer.from('CHAN TAI MAN') });
  journal.addPaymentIntent({ reference: 'a1-1', applicationId: 'a1', method: 'terminal', tender: 'macau-pass', amountAvos: 9000 });
  journal.markPaymentSent('a1-1');
  journal.recordPaymentResult('a1-1', { state: 'approved', authCode: '1' });
  journal.close();
}

function expectKeyError(run: () => unknown, code: string, text: RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(JournalKeyError);
  expect(thrown).toMatchObject({ code, message: expect.stringMatching(text) });
}

describe('journal key', () => {
  it('refuses to make a new key for a journal that exists: the key is missing, not new', () => {
    const path = join(dir, 'missing.sqlite');
    const keyFile = join(dir, 'missing-keys', 'journal.key');
    const first = resolveJournalKey({ path, keyFile });
    journalWithQueuedApplication(path, first.key);
    rmSync(keyFile);
    expectKeyError(() => resolveJournalKey({ path, keyFile }), 'journal-key-missing', /exists but its key is missing.*Restore the key/);
    expect(existsSync(keyFile)).toBe(false); // nothing was generated in its place
  });

  it('refuses a key that is not the journal’s (key check value), and the right key still opens it', () => {
    const path = join(dir, 'mismatch.sqlite');
    const key = Buffer.alloc(32, 1);
    journalWithQueuedApplication(path, key);
    expectKeyError(() => new Journal({ path, key: Buffer.alloc(32, 2) }), 'journal-key-mismatch', /does not open the journal/);
    const reopened = new Journal({ path, key });
    expect(reopened.payload('a1')?.toString()).toBe('CHAN TAI MAN');
    reopened.close();
  });

  it('takes the key from a systemd credential, then the environment, before any key file', () => {
    const creds = mkdtempSync(join(dir, 'creds-'));
    writeFileSync(join(creds, 'journal-key'), 'cd'.repeat(32) + '\n', { mode: 0o600 });
    const path = join(dir, 'env.sqlite');
    const keyFile = join(dir, 'env-keys', 'journal.key');
    expect(resolveJournalKey({ path, keyFile, env: { CREDENTIALS_DIRECTORY: creds, KIOSK_JOURNAL_KEY: 'ef'.repeat(32) } })).toMatchObject({
      source: 'credential journal-key',
      created: false,
    });
    expect(resolveJournalKey({ path, keyFile, env: { KIOSK_JOURNAL_KEY: 'ef'.repeat(32) } }).key.toString('hex')).toBe('ef'.repeat(32));
    expect(existsSync(keyFile)).toBe(false);
    expectKeyError(() => resolveJournalKey({ path, keyFile, env: { KIOSK_JOURNAL_KEY: 'not-hex' } }), 'journal-key-invalid', /KIOSK_JOURNAL_KEY/);
  });

  it('refuses a key file other users can read', () => {
    const keyFile = join(dir, 'loose', 'journal.key');
    fileKeyStore(keyFile).save(Buffer.alloc(32, 9));
    chmodSync(keyFile, 0o644);
    expectKeyError(() => resolveJournalKey({ path: join(dir, 'loose.sqlite'), keyFile }), 'journal-key-invalid', /readable by others/);
  });

  it('moves an old key file from beside the journal into its own location, once', () => {
    const path = join(dir, 'legacy.sqlite');
    const key = Buffer.alloc(32, 4);
    journalWithQueuedApplication(path, key);
    writeFileSync(`${path}.key`, key.toString('hex') + '\n', { mode: 0o600 });
    const keyFile = join(dir, 'legacy-keys', 'journal.key');
    const resolved = resolveJournalKey({ path, keyFile });
    expect(resolved.key.equals(key)).toBe(true);
    expect(existsSync(`${path}.key`)).toBe(false);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(key.toString('hex'));
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('a host started with its key missing refuses to start, names the journal and raises an alert', async () => {
    const state = mkdtempSync(join(dir, 'host-'));
    const path = join(state, 'journal.sqlite');
    const keyFile = join(dir, 'host-keys', 'journal.key');
    const { key } = resolveJournalKey({ path, keyFile });
    journalWithQueuedApplication(path, key);
    rmSync(keyFile);
    const lines: string[] = [];
    const config = parseHostConfig({ rendererDir: 'dist/renderer', rulesDir: 'config', simulators: { delayMs: 0 }, journal: { path, keyFile } });
    await expect(createHost(config, { log: createLogger({ write: (line) => lines.push(line) }), env: {} })).rejects.toMatchObject({
      code: 'journal-key-missing',
      message: expect.stringContaining(path),
    });
    const alert = lines.map((line) => JSON.parse(line) as { level: string; alert?: string }).find((entry) => entry.alert);
    expect(alert).toMatchObject({ level: 'error', alert: 'journal-key-missing' });
    expect(existsSync(keyFile)).toBe(false);
    // The refusal released the state directory: with the key restored, the host starts and its application is readable.
    fileKeyStore(keyFile).save(key);
    const host = await createHost(config, { log: createLogger({ write: () => {} }), env: {} });
    expect(host.applications.status('a1')).toMatchObject({ state: 'kept-for-later' }); // paid, still waiting for the back office
    await host.stop();
  });
});
