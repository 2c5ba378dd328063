import { closeSync, openSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Sealer } from './crypto.js';
import { JournalKeyError, keyCheckValue } from './key.js';
import { JOURNAL_MIGRATIONS, JOURNAL_SCHEMA_VERSION } from './schema.js';

/**
 * What the journal does when it opens, and the checks it offers: schema migrations, the key check,
 * keeping purged personal data out of the write-ahead log, and whether a payment's writes can be made.
 */

/** The WAL never grows past this after a checkpoint (SQLite truncates it back when it is reset). */
export const JOURNAL_WAL_SIZE_LIMIT = 4 * 1024 * 1024;

/** A journal newer than this host, or one that cannot be migrated: the host does not start. */
export class JournalSchemaError extends Error {
  readonly code = 'journal-schema';
}

/** Brings the schema to `JOURNAL_SCHEMA_VERSION` in one transaction; a newer journal is refused. */
export function migrate(db: Database.Database, path: string): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > JOURNAL_SCHEMA_VERSION) {
    throw new JournalSchemaError(`the journal ${path} has schema ${from}, newer than this host's ${JOURNAL_SCHEMA_VERSION}: install the newer host`);
  }
  if (from < JOURNAL_SCHEMA_VERSION) {
    db.transaction(() => {
      for (let version = from; version < JOURNAL_SCHEMA_VERSION; version++) db.exec(JOURNAL_MIGRATIONS[version]!);
      db.pragma(`user_version = ${JOURNAL_SCHEMA_VERSION}`);
    })();
  }
  return { from, to: JOURNAL_SCHEMA_VERSION };
}

/**
 * Proves the key is this journal's. A journal made before the key check (schema 1) proves it by
 * opening one sealed payload, and then keeps the check value. Wrong key → `journal-key-mismatch`.
 */
export function verifyKey(db: Database.Database, key: Uint8Array, sealer: Sealer, path: string): void {
  const expected = keyCheckValue(key);
  const stored = db.prepare(`SELECT value FROM meta WHERE key = 'key-check'`).get() as { value: string } | undefined;
  const mismatch = (): JournalKeyError =>
    new JournalKeyError('journal-key-mismatch', `the key given does not open the journal ${path}: restore the journal's own key; the host does not start with another`);
  if (stored) {
    if (stored.value !== expected) throw mismatch();
    return;
  }
  const sample = db.prepare(`SELECT id, payload FROM applications WHERE payload IS NOT NULL LIMIT 1`).get() as { id: string; payload: Buffer } | undefined;
  if (sample) {
    try {
      sealer.open(sample.payload, sample.id);
    } catch {
      throw mismatch();
    }
  }
  db.prepare(`INSERT INTO meta (key, value) VALUES ('key-check', ?)`).run(expected);
}

/**
 * `secure_delete` zeroes deleted data in the database file, but the write-ahead log still holds the
 * page images written before: after a crash, replaying it brings a purged payload back. So every
 * purge (a payload set to NULL or its row deleted) is followed by `wal_checkpoint(TRUNCATE)`, which
 * copies the clean pages into the database and empties the log. A temporary trigger notices the
 * purge, whichever statement makes it; the checkpoint runs once the writing transaction has
 * committed (a microtask later: better-sqlite3 transactions are synchronous).
 */
export function checkpointAfterPurges(db: Database.Database, onError: (error: unknown) => void): void {
  let queued = false;
  const checkpoint = (): void => {
    queued = false;
    if (!db.open) return;
    if (db.inTransaction) {
      queue();
      return;
    }
    try {
      truncateWal(db);
    } catch (error) {
      onError(error);
    }
  };
  const queue = (): void => {
    if (queued) return;
    queued = true;
    queueMicrotask(checkpoint);
  };
  db.function('journal_payload_purged', () => {
    queue();
    return null;
  });
  db.exec(`
    CREATE TEMP TRIGGER IF NOT EXISTS payload_purged_on_update AFTER UPDATE OF payload ON main.applications
      WHEN OLD.payload IS NOT NULL AND NEW.payload IS NULL BEGIN SELECT journal_payload_purged(); END;
    CREATE TEMP TRIGGER IF NOT EXISTS payload_purged_on_delete AFTER DELETE ON main.applications
      WHEN OLD.payload IS NOT NULL BEGIN SELECT journal_payload_purged(); END;
  `);
}

/** Copies every committed page into the database and truncates the write-ahead log to zero bytes. */
export function truncateWal(db: Database.Database): void {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  if (result && result.busy !== 0) throw new Error('journal: the WAL checkpoint was blocked');
}

export type Writability = { ok: true; freeBytes: number | null } | { ok: false; reason: 'low-disk-space' | 'write-failed'; detail: string; freeBytes: number | null };

/**
 * Whether the writes a payment needs can be made: at least `minFreeBytes` free on the journal's
 * filesystem, and a real write (one row of `meta`) commits. Checked before money moves, so a full
 * or read-only disk turns into `journal-unavailable` rather than an approved charge the journal
 * could not record.
 */
export function checkWritable(db: Database.Database, path: string, minFreeBytes: number, now: string): Writability {
  let freeBytes: number | null = null;
  if (path !== ':memory:') {
    try {
      const fs = statfsSync(dirname(path));
      freeBytes = Number(fs.bavail) * Number(fs.bsize);
    } catch (error) {
      return { ok: false, reason: 'write-failed', detail: `statfs: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, freeBytes };
    }
    if (freeBytes < minFreeBytes) return { ok: false, reason: 'low-disk-space', detail: `${freeBytes} bytes free, ${minFreeBytes} needed`, freeBytes };
  }
  try {
    db.prepare(`INSERT INTO meta (key, value) VALUES ('write-probe', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(now);
  } catch (error) {
    return { ok: false, reason: 'write-failed', detail: (error as { code?: string }).code ?? String(error), freeBytes };
  }
  return { ok: true, freeBytes };
}

/**
 * Opens (or creates) the journal's database: private to the kiosk's user, WAL with synchronous=FULL,
 * secure delete, migrated, its key checked, and whatever a crash left in the log emptied.
 */
export function openJournalDatabase(
  path: string,
  key: Uint8Array,
  sealer: Sealer,
  onCheckpointError: (error: unknown) => void,
): { db: Database.Database; schema: { from: number; to: number } } {
  // Private to the kiosk's user; SQLite gives the WAL and shared-memory files the same mode.
  if (path !== ':memory:') closeSync(openSync(path, 'a', 0o600));
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Deleted personal data is overwritten with zeros in the file, not just unlinked from the b-tree.
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    // The log is emptied after purges (below); this bounds it between them.
    db.pragma(`journal_size_limit = ${JOURNAL_WAL_SIZE_LIMIT}`);
    const schema = migrate(db, path);
    verifyKey(db, key, sealer, path);
    // Whatever a crash left in the log (a purge whose checkpoint never ran) goes now.
    truncateWal(db);
    checkpointAfterPurges(db, onCheckpointError);
    return { db, schema };
  } catch (error) {
    db.close();
    throw error;
  }
}
