import type Database from 'better-sqlite3';

/**
 * The back-office simulator's tables: residents (seeded), applications with their idempotency keys
 * and what arrived with them, GovPay payments, queue tickets, locker notices and withdrawals.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS persons (card_number TEXT PRIMARY KEY, resident_id TEXT NOT NULL, name_zh TEXT NOT NULL, name_latin TEXT NOT NULL,
  record TEXT NOT NULL, kinship TEXT NOT NULL, refuse TEXT);
CREATE TABLE IF NOT EXISTS photos (share_code TEXT PRIMARY KEY, jpeg BLOB NOT NULL, taken_on TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS applications (application_id TEXT PRIMARY KEY, body_hash TEXT NOT NULL, kiosk_session_id TEXT NOT NULL,
  service TEXT NOT NULL, fee_avos INTEGER NOT NULL, payment_reference TEXT, receipt_number TEXT NOT NULL UNIQUE, response TEXT NOT NULL,
  replays INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'processing', counter TEXT,
  applicant_name_zh TEXT NOT NULL DEFAULT '', applicant_name_latin TEXT NOT NULL DEFAULT '', pickup_place TEXT, height_mm INTEGER);
CREATE TABLE IF NOT EXISTS govpay (reference TEXT PRIMARY KEY, body_hash TEXT NOT NULL, amount_avos INTEGER NOT NULL, status TEXT NOT NULL,
  qr TEXT NOT NULL, expires_at TEXT NOT NULL, transaction_id TEXT);
CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY AUTOINCREMENT, office TEXT NOT NULL, kind TEXT NOT NULL, number TEXT NOT NULL, issued_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS locker_notices (receipt_number TEXT PRIMARY KEY, locker_id TEXT NOT NULL, notice_sent_at TEXT NOT NULL, collect_by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS withdrawals (application_id TEXT PRIMARY KEY, reason TEXT NOT NULL, withdrawn_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS captures (application_id TEXT PRIMARY KEY REFERENCES applications(application_id), verification TEXT NOT NULL,
  photo_source TEXT, photo_jpeg BLOB, signature_png BLOB, signature_width INTEGER, signature_height INTEGER);
CREATE TABLE IF NOT EXISTS captured_fingers (application_id TEXT NOT NULL REFERENCES applications(application_id), finger TEXT NOT NULL,
  status TEXT NOT NULL, quality INTEGER, template BLOB, image_png BLOB, image_width INTEGER, image_height INTEGER,
  PRIMARY KEY (application_id, finger));
CREATE TABLE IF NOT EXISTS captured_card_scans (application_id TEXT NOT NULL REFERENCES applications(application_id), side TEXT NOT NULL,
  image_jpeg BLOB NOT NULL, PRIMARY KEY (application_id, side));
`;

/** Creates the tables a new database lacks, and the columns a database file from an older simulator lacks. */
export function prepareSchema(db: Database.Database): void {
  db.exec(DDL);
  // A database file from before the applicant's name, pickup place and height were kept gets the columns.
  const columns = new Set((db.prepare(`PRAGMA table_info(applications)`).all() as Array<{ name: string }>).map((c) => c.name));
  const added: Array<[string, string]> = [
    ['applicant_name_zh', "TEXT NOT NULL DEFAULT ''"],
    ['applicant_name_latin', "TEXT NOT NULL DEFAULT ''"],
    ['pickup_place', 'TEXT'],
    ['height_mm', 'INTEGER'],
    ['pay_at_counter', 'INTEGER NOT NULL DEFAULT 0'],
  ];
  for (const [column, type] of added) {
    if (!columns.has(column)) db.exec(`ALTER TABLE applications ADD COLUMN ${column} ${type}`);
  }
}
