import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Where the journal key comes from, in order: the configuration (`journal.keyHex`, which an
 * operator fills from the OS keyring or a secrets store at launch), then a key file next to the
 * database (`<path>.key`, mode 0600, created on first start). An in-memory journal gets a random
 * key: nothing outlives the process anyway. The key is never logged.
 */
export function resolveJournalKey(options: { path: string; keyHex?: string | undefined }): Buffer {
  if (options.keyHex !== undefined) return Buffer.from(options.keyHex, 'hex');
  if (options.path === ':memory:') return randomBytes(32);
  const keyFile = `${options.path}.key`;
  if (existsSync(keyFile)) {
    const hex = readFileSync(keyFile, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`journal key file ${keyFile} does not hold 64 hex digits`);
    return Buffer.from(hex, 'hex');
  }
  const key = randomBytes(32);
  // 'wx': never overwrite a key another process just wrote (that would orphan its ciphertexts).
  writeFileSync(keyFile, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(keyFile, 0o600);
  return key;
}
