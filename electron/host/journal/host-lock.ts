import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';

/**
 * One kiosk host per state directory. Two hosts on one journal recover each other's live sessions
 * as `host-restarted` and settle each other's payments: the second must not start.
 *
 * The lock is an exclusive SQLite lock (an fcntl lock, held by the kernel for this process) on
 * `host.lock` in the directory: it cannot go stale, since it ends with the process however that
 * ends, and two hosts starting at once cannot both win. Who holds it is written beside it in
 * `host.lock.json` after the lock is taken, so the refused host can name the holder.
 */
export const HOST_LOCK_FILE = 'host.lock';

const Holder = z.object({ pid: z.number().int(), hostname: z.string(), mode: z.string(), startedAt: z.string() });
export type LockHolder = z.infer<typeof Holder>;

/** Another host holds the state directory: the message names it. */
export class HostLockedError extends Error {
  readonly code = 'host-locked';
  constructor(
    readonly directory: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(
      holder
        ? `another kiosk host (pid ${holder.pid} on ${holder.hostname}, ${holder.mode}, started ${holder.startedAt}) holds the state directory ${directory}: stop it first`
        : `another kiosk host holds the state directory ${directory}: stop it first`,
    );
    this.name = 'HostLockedError';
  }
}

export interface HostLock {
  readonly directory: string;
  release(): void;
}

export function acquireHostLock(directory: string, mode: string): HostLock {
  const file = join(directory, HOST_LOCK_FILE);
  const holderFile = `${file}.json`;
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the EXCLUSIVE lock; in this locking mode it is kept until close.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS lock (id INTEGER PRIMARY KEY); COMMIT;');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new HostLockedError(directory, readHolder(holderFile));
    throw error;
  }
  const holder: LockHolder = { pid: process.pid, hostname: hostname(), mode, startedAt: new Date().toISOString() };
  writeFileSync(holderFile, JSON.stringify(holder) + '\n', { mode: 0o600 });
  let held = true;
  return {
    directory,
    release() {
      if (!held) return;
      held = false;
      db.close();
    },
  };
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const parsed = Holder.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
