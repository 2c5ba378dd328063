import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ApplicationOrchestrator } from '../../../electron/host/applications/orchestrator.js';
import { encodePayload } from '../../../electron/host/applications/payload.js';
import { formatCardNumber } from '../../../devices/card-reader/card-number.js';
import { createSealer } from '../../../electron/host/journal/crypto.js';
import { Journal } from '../../../electron/host/journal/journal.js';
import { keyCheckValue } from '../../../electron/host/journal/key.js';
import { JOURNAL_MIGRATIONS, JOURNAL_SCHEMA_VERSION } from '../../../electron/host/journal/schema.js';
import { silentLogger } from '../../../electron/host/log.js';
import { FakeTerminal, inMemoryBackoffice } from '../applications/fakes.js';

/**
 * A kiosk that stopped with money in flight on an older journal schema must upgrade and finish
 * it, not refuse to start. The old journal is made as the released host made it: schema 1's
 * tables, `user_version = 1`, no key check value.
 */
const dir = mkdtempSync(join(tmpdir(), 'kiosk-journal-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KEY = Buffer.alloc(32, 5);
const T = '2026-11-23T02:00:00.000Z';

/** Schema 1 with one visit cut short by a crash: application paid on the terminal, the answer never journaled. */
function schemaOneJournalWithPaymentInFlight(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(JOURNAL_MIGRATIONS[0]!);
  db.pragma('user_version = 1');
  // A kinship certificate for 陳大文 and his father (what the back office needs of this service: its request).
  const payload = encodePayload({
    kioskId: 'HQ-07',
    request: { relatives: [{ relation: 'parent', cardNumber: formatCardNumber('1100001') }], certificate: { format: 'paper', copies: 1, pages: 1 } },
    applicant: { cardNumber: '1234567(9)', nameZh: '陳大文', nameLatin: 'CHAN TAI MAN', dateOfBirth: '1985-03-12' },
    verification: { applicant: 'fingerprint' },
  });
  db.prepare(`INSERT INTO sessions (id, started_at, state, updated_at) VALUES ('s-old', ?, 'open', ?)`).run(T, T);
  db.prepare(`INSERT INTO applications (id, session_id, service, fee_avos, state, payload, updated_at) VALUES ('app-v1-0001', 's-old', 'kinship-certificate', 1500, 'draft', ?, ?)`).run(
    createSealer(KEY).seal(payload, 'app-v1-0001'),
    T,
  );
  db.prepare(`INSERT INTO payments (reference, application_id, method, tender, amount_avos, state, updated_at) VALUES ('app-v1-0001-1', 'app-v1-0001', 'terminal', 'macau-pass', 1500, 'sent', ?)`).run(T);
  db.prepare(`INSERT INTO transitions (at, session_id, subject, kind, code) VALUES (?, 's-old', 'app-v1-0001-1', 'sent', NULL)`).run(T);
  db.close();
}

describe('journal schema migrations', () => {
  it('upgrades a schema-1 journal with a payment in flight, then recovery finishes it', async () => {
    const path = join(dir, 'v1.sqlite');
    schemaOneJournalWithPaymentInFlight(path);
    const journal = new Journal({ path, key: KEY });
    expect(journal.schema).toEqual({ from: 1, to: JOURNAL_SCHEMA_VERSION });
    expect(JOURNAL_SCHEMA_VERSION).toBeGreaterThan(1);

    const terminal = new FakeTerminal();
    terminal.ledger.set('app-v1-0001-1', 'approved'); // the terminal did charge before the crash
    const bo = inMemoryBackoffice();
    const orchestrator = new ApplicationOrchestrator({ journal, backoffice: bo.client, gateways: { terminal }, kioskId: 'HQ-07', log: silentLogger });
    const summary = await orchestrator.recover();
    expect(summary).toMatchObject({ sessions: 1, finalSessions: 1, pendingSessions: 0 });
    expect(journal.application('app-v1-0001')?.lastError).toBeNull();
    expect(journal.payment('app-v1-0001-1')?.state).toBe('done');
    expect(journal.application('app-v1-0001')).toMatchObject({ state: 'accepted', hasPayload: false });
    expect(journal.session('s-old')).toMatchObject({ endedReason: 'host-restarted', outcome: 'completed' });
    expect(bo.store.applications()).toHaveLength(1);
    journal.recordHostEvent('test', null); // a table schema 2 added
    journal.close();
    bo.store.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(JOURNAL_SCHEMA_VERSION);
    // The key was proved on the sealed payload and its check value kept for every later start.
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'key-check'`).get()).toEqual({ value: keyCheckValue(KEY) });
    db.close();
  });

  it('refuses a schema-1 journal opened with another key, before touching it', () => {
    const path = join(dir, 'v1-wrong-key.sqlite');
    schemaOneJournalWithPaymentInFlight(path);
    expect(() => new Journal({ path, key: Buffer.alloc(32, 6) })).toThrowError(expect.objectContaining({ code: 'journal-key-mismatch' }));
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(JOURNAL_SCHEMA_VERSION); // migrated in its own transaction
    expect(db.prepare(`SELECT COUNT(*) AS n FROM meta`).get()).toEqual({ n: 0 }); // but no check value for the wrong key
    db.close();
  });

  it('refuses a journal from a newer host, naming both versions', () => {
    const path = join(dir, 'future.sqlite');
    const db = new Database(path);
    db.pragma(`user_version = ${JOURNAL_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new Journal({ path, key: KEY })).toThrowError(new RegExp(`schema ${JOURNAL_SCHEMA_VERSION + 1}, newer than this host's ${JOURNAL_SCHEMA_VERSION}`));
  });
});
