import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal } from '../../../electron/host/journal/journal.js';

/**
 * Purged personal data must not come back from the write-ahead log. A child process creates an
 * application (sealed payload, photo-sized), purges it, and is SIGKILLed; the test then scans the
 * database, WAL and shared-memory files for any piece of the sealed payload. The key may be on the
 * same machine, so the ciphertext itself must be gone, not only the plaintext.
 */
const dir = mkdtempSync(join(tmpdir(), 'kiosk-wal-purge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KEY = 'ab'.repeat(32);

function crashAfterPurge(name: string, purge: 'accepted' | 'abandoned', when: 'next-tick' | 'same-tick'): { path: string; sealed: Buffer } {
  const path = join(dir, `${name}.sqlite`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/helpers/journal-purge-child.ts', path, KEY, purge, when], { encoding: 'utf8' });
  expect(child.signal, child.stderr).toBe('SIGKILL');
  const { sealed } = JSON.parse(child.stdout.trim().split('\n')[0] ?? '{}') as { sealed: string };
  return { path, sealed: Buffer.from(sealed, 'hex') };
}

/** Every 24-byte piece of the sealed value (IV and tag included) that any of the journal's files still holds. */
function piecesLeft(path: string, sealed: Buffer): string[] {
  const found: string[] = [];
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (let offset = 0; offset + 24 <= sealed.length; offset += 997) {
      if (bytes.includes(sealed.subarray(offset, offset + 24))) found.push(`${file.slice(path.length) || 'db'}@${offset}`);
    }
  }
  return found;
}

describe('purged personal data and the write-ahead log', () => {
  it.each(['accepted', 'abandoned'] as const)('leaves no piece of a payload purged on %s in the files a crash leaves', (purge) => {
    const { path, sealed } = crashAfterPurge(`crash-${purge}`, purge, 'next-tick');
    expect(sealed.length).toBeGreaterThan(20_000);
    expect(piecesLeft(path, sealed)).toEqual([]);
    // The journal is whole and the application's trail survives.
    const journal = new Journal({ path, key: Buffer.from(KEY, 'hex') });
    expect(journal.integrityCheck()).toBe('ok');
    expect(journal.application('a1')).toMatchObject({ state: purge, hasPayload: false });
    journal.close();
  });

  it('empties the log at the next start when the crash came between the purge and its checkpoint', () => {
    const { path, sealed } = crashAfterPurge('crash-same-tick', 'accepted', 'same-tick');
    // The purge committed but its checkpoint never ran: the log still holds the old page images.
    expect(piecesLeft(path, sealed).length).toBeGreaterThan(0);
    const journal = new Journal({ path, key: Buffer.from(KEY, 'hex') });
    expect(piecesLeft(path, sealed)).toEqual([]);
    expect(journal.application('a1')).toMatchObject({ state: 'accepted', hasPayload: false });
    journal.close();
  });

  it('bounds the log between purges (journal_size_limit)', () => {
    const journal = new Journal({ path: join(dir, 'limit.sqlite'), key: Buffer.from(KEY, 'hex') });
    const limit = (journal as unknown as { db: { pragma(q: string, o: object): unknown } }).db.pragma('journal_size_limit', { simple: true });
    expect(limit).toBe(4 * 1024 * 1024);
    journal.close();
  });
});
