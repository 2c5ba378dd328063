/**
 * The journal's tables. Personal data lives only in `applications.payload` (AES-GCM sealed, set to
 * NULL once the application is final); everything else is the audit trail: ids, states, amounts
 * in integer avos, stable codes, times.
 *
 * Migrations: `JOURNAL_MIGRATIONS[n]` takes a journal from schema n to n + 1 (`PRAGMA user_version`),
 * all in one transaction at open. A released step is never edited; a change is a new step, so a
 * kiosk that stopped with payments pending on an older schema upgrades and finishes them.
 */

/** Version 1: sessions, the outbox, payments and the audit trail. */
const V1 = `
CREATE TABLE IF NOT EXISTS sessions (
  id            TEXT PRIMARY KEY,
  started_at    TEXT NOT NULL,
  ended_reason  TEXT,
  state         TEXT NOT NULL CHECK (state IN ('open', 'final')),
  outcome       TEXT,
  updated_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS applications (
  id             TEXT PRIMARY KEY,
  session_id     TEXT NOT NULL REFERENCES sessions(id),
  service        TEXT NOT NULL,
  fee_avos       INTEGER NOT NULL CHECK (fee_avos >= 0),
  state          TEXT NOT NULL,
  payload        BLOB,
  attempts       INTEGER NOT NULL DEFAULT 0,
  receipt_number TEXT,
  queued_at      TEXT,
  accepted_at    TEXT,
  last_error     TEXT,
  updated_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS applications_by_state ON applications(state);
CREATE TABLE IF NOT EXISTS payments (
  reference      TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications(id),
  method         TEXT NOT NULL,
  tender         TEXT,
  amount_avos    INTEGER NOT NULL CHECK (amount_avos > 0),
  state          TEXT NOT NULL,
  auth_code      TEXT,
  reason         TEXT,
  updated_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS payments_by_application ON payments(application_id);
CREATE TABLE IF NOT EXISTS transitions (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  at             TEXT NOT NULL,
  session_id     TEXT NOT NULL,
  subject        TEXT NOT NULL,
  kind           TEXT NOT NULL,
  code           TEXT
);
`;

/**
 * Version 2: `meta` (the key check value, the write probe) and `host_events` (faults the host
 * journaled before exiting: kind and error class only, never a message that could carry data).
 */
const V2 = `
CREATE TABLE IF NOT EXISTS meta (
  key            TEXT PRIMARY KEY,
  value          TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS host_events (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  at             TEXT NOT NULL,
  kind           TEXT NOT NULL,
  code           TEXT
);
`;

export const JOURNAL_MIGRATIONS: readonly string[] = [V1, V2];
export const JOURNAL_SCHEMA_VERSION = JOURNAL_MIGRATIONS.length;
