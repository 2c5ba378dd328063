import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The journal's AES key: where it comes from, and the refusals that keep a journal from ever
 * being opened (or silently re-keyed) with the wrong one. The key is never logged; messages name
 * where a key was looked for, never the key.
 *
 * In order: `journal.keyHex` in the configuration; a systemd credential (`LoadCredential=
 * journal-key:…`, read from `$CREDENTIALS_DIRECTORY/journal-key`); `KIOSK_JOURNAL_KEY` in the
 * environment; then the key store: Electron's safeStorage-sealed file (electron/main), or in
 * browser mode a 0600 key file in its own directory (`journal.keyFile`). Only a key store may make a
 * new key, and only for a journal that does not exist yet: a journal with data and no key refuses
 * to start (`journal-key-missing`) instead of being orphaned by a fresh key.
 */
export interface JournalKeyStore {
  /** Where the key is kept, for messages. */
  readonly description: string;
  load(): Buffer | undefined;
  /** Keeps a new key; called only when the journal does not exist yet. */
  save(key: Buffer): void;
}

export type JournalKeyErrorCode = 'journal-key-missing' | 'journal-key-mismatch' | 'journal-key-invalid' | 'journal-key-unavailable';

/** The host cannot open its journal with a key it can trust: it refuses to start and raises an alert. */
export class JournalKeyError extends Error {
  constructor(
    readonly code: JournalKeyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JournalKeyError';
  }
}

export interface JournalKeySources {
  /** The journal file (or `:memory:`). */
  path: string;
  keyHex?: string | undefined;
  keyFile?: string | undefined;
  /** Reads `KIOSK_JOURNAL_KEY` and `CREDENTIALS_DIRECTORY`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Overrides the key file (Electron's safeStorage store). */
  store?: JournalKeyStore | undefined;
}

export interface ResolvedJournalKey {
  key: Buffer;
  /** Where it came from (for the start-up log): never the key itself. */
  source: string;
  /** A new key made for a new journal. */
  created: boolean;
}

/** The systemd credential name (`LoadCredential=journal-key:/etc/dsi-kiosk/journal.key`). */
export const JOURNAL_KEY_CREDENTIAL = 'journal-key';

export function resolveJournalKey(sources: JournalKeySources): ResolvedJournalKey {
  const env = sources.env ?? {};
  if (sources.path === ':memory:') return { key: randomBytes(32), source: 'random (in-memory journal)', created: true };
  if (sources.keyHex !== undefined) return { key: parseHexKey(sources.keyHex, 'journal.keyHex'), source: 'journal.keyHex', created: false };
  const credential = env.CREDENTIALS_DIRECTORY ? join(env.CREDENTIALS_DIRECTORY, JOURNAL_KEY_CREDENTIAL) : undefined;
  if (credential && existsSync(credential)) {
    return { key: parseHexKey(readFileSync(credential, 'utf8'), `credential ${credential}`), source: `credential ${JOURNAL_KEY_CREDENTIAL}`, created: false };
  }
  if (env.KIOSK_JOURNAL_KEY !== undefined) return { key: parseHexKey(env.KIOSK_JOURNAL_KEY, 'KIOSK_JOURNAL_KEY'), source: 'KIOSK_JOURNAL_KEY', created: false };

  const store = sources.store ?? (sources.keyFile !== undefined ? fileKeyStore(sources.keyFile) : undefined);
  if (!store) {
    throw new JournalKeyError('journal-key-unavailable', `no key source for the journal ${sources.path}: set journal.keyFile, journal.keyHex or KIOSK_JOURNAL_KEY`);
  }
  const stored = store.load();
  if (stored) return { key: stored, source: store.description, created: false };

  // Kiosks before the key moved out of the state directory kept `<journal>.key` beside it.
  const legacy = `${sources.path}.key`;
  if (existsSync(legacy)) {
    const key = parseHexKey(readFileSync(legacy, 'utf8'), legacy);
    store.save(key);
    rmSync(legacy);
    return { key, source: `${store.description} (moved from ${legacy})`, created: false };
  }
  if (journalHasData(sources.path)) {
    throw new JournalKeyError(
      'journal-key-missing',
      `the journal ${sources.path} exists but its key is missing (${store.description}). Restore the key from the kiosk's ` +
        'key backup; a new key would leave every sealed application in it unreadable. The host does not start without it.',
    );
  }
  const key = randomBytes(32);
  store.save(key);
  return { key, source: `${store.description} (new)`, created: true };
}

/** A hex key file in its own 0700 directory, mode 0600, written once. */
export function fileKeyStore(file: string): JournalKeyStore {
  return {
    description: `key file ${file}`,
    load() {
      if (!existsSync(file)) return undefined;
      const mode = statSync(file).mode & 0o777;
      if ((mode & 0o077) !== 0) throw new JournalKeyError('journal-key-invalid', `key file ${file} is readable by others (mode ${mode.toString(8)}): chmod 600 it`);
      return parseHexKey(readFileSync(file, 'utf8'), `key file ${file}`);
    },
    save(key) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      // 'wx': never overwrite a key another process just wrote (that would orphan its ciphertexts).
      writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    },
  };
}

/**
 * A key check value: proves a key is the journal's without revealing it (HMAC of a fixed label).
 * Stored in the journal's `meta` table when it is created.
 */
export function keyCheckValue(key: Uint8Array): string {
  return createHmac('sha256', key).update('dsi-kiosk journal key check v1').digest('hex').slice(0, 32);
}

export function parseHexKey(text: string, where: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new JournalKeyError('journal-key-invalid', `${where} does not hold a key of 64 hex digits`);
  return Buffer.from(hex, 'hex');
}

function journalHasData(path: string): boolean {
  return existsSync(path) && statSync(path).size > 0;
}
