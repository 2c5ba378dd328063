import Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Finger } from '../../devices/fingerprint-scanner/contract.js';
import type {
  ApplicationAccepted,
  ApplicationSubmission,
  ApplicationWithdrawn,
  Collection,
  ControlApplication,
  GovPayPayment,
  KinshipRecord,
  PersonRecord,
} from '../../electron/host/backoffice/wire.js';
import { bodyHash } from './body-hash.js';
import { capturedCardScan, capturedFinger, capturedPhoto, capturedSignature, capturedSummaries, keepCaptured } from './captured.js';
import { SEED_RESIDENTS, seedPhotos } from './seed.js';
import { prepareSchema } from './store-schema.js';

export interface ResidentRow {
  cardNumber: string;
  record: PersonRecord;
  kinship: KinshipRecord;
  refuse: string | null;
}

export type StoredApplication = z.infer<typeof ControlApplication>;

/**
 * The back-office simulator's embedded database: residents (seeded), applications with their
 * idempotency keys, GovPay payments, queue tickets and locker notices. SQLite, so a tester can
 * inspect it (`sqlite3 backoffice.sqlite`) and a file-backed simulator keeps its state across
 * restarts of the kiosk host under test.
 */
export class BackofficeStore {
  readonly db: Database.Database;

  constructor(path = ':memory:') {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    prepareSchema(this.db);
    this.seed();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private seed(): void {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO persons (card_number, resident_id, name_zh, name_latin, record, kinship, refuse) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const photo = this.db.prepare(`INSERT OR IGNORE INTO photos (share_code, jpeg, taken_on) VALUES (?, ?, ?)`);
    this.db.transaction(() => {
      for (const r of SEED_RESIDENTS) {
        insert.run(r.cardNumber, r.id, r.nameZh, r.nameLatin, JSON.stringify(r.record), JSON.stringify(r.kinship), r.refuseApplications ?? null);
      }
      for (const p of seedPhotos()) photo.run(p.shareCode, Buffer.from(p.jpeg), p.takenOn);
    })();
  }

  resident(cardNumber: string): ResidentRow | undefined {
    const row = this.db.prepare(`SELECT card_number, record, kinship, refuse FROM persons WHERE card_number = ?`).get(cardNumber) as
      | { card_number: string; record: string; kinship: string; refuse: string | null }
      | undefined;
    if (!row) return undefined;
    return { cardNumber: row.card_number, record: JSON.parse(row.record) as PersonRecord, kinship: JSON.parse(row.kinship) as KinshipRecord, refuse: row.refuse };
  }

  photo(shareCode: string): { jpeg: Buffer; takenOn: string } | undefined {
    const row = this.db.prepare(`SELECT jpeg, taken_on FROM photos WHERE share_code = ?`).get(shareCode) as { jpeg: Buffer; taken_on: string } | undefined;
    return row && { jpeg: row.jpeg, takenOn: row.taken_on };
  }

  next(name: string): number {
    return this.db.transaction(() => {
      this.db.prepare(`INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1`).run(name);
      return (this.db.prepare(`SELECT value FROM counters WHERE name = ?`).get(name) as { value: number }).value;
    })();
  }

  // ---- applications ---------------------------------------------------------------------------

  /** The answer the back office gave an application it holds (by its id), or undefined. */
  accepted(applicationId: string): ApplicationAccepted | undefined {
    const row = this.db.prepare(`SELECT response FROM applications WHERE application_id = ?`).get(applicationId) as { response: string } | undefined;
    return row && (JSON.parse(row.response) as ApplicationAccepted);
  }

  /**
   * Idempotent submission: a new key stores the application; the same key with the same body
   * answers the stored response again; the same key with another body is a conflict.
   */
  submit(
    body: ApplicationSubmission,
    now: Date,
  ): { kind: 'created' | 'replayed'; response: ApplicationAccepted } | { kind: 'conflict' } | { kind: 'withdrawn' } {
    const hash = bodyHash(body);
    return this.db.transaction(() => {
      if (this.db.prepare(`SELECT 1 FROM withdrawals WHERE application_id = ?`).get(body.applicationId)) return { kind: 'withdrawn' as const };
      const existing = this.db.prepare(`SELECT body_hash, response FROM applications WHERE application_id = ?`).get(body.applicationId) as
        | { body_hash: string; response: string }
        | undefined;
      if (existing) {
        if (existing.body_hash !== hash) return { kind: 'conflict' as const };
        this.db.prepare(`UPDATE applications SET replays = replays + 1 WHERE application_id = ?`).run(body.applicationId);
        return { kind: 'replayed' as const, response: JSON.parse(existing.response) as ApplicationAccepted };
      }
      const receiptNumber = `R${String(this.next('receipt')).padStart(10, '0')}`;
      const response: ApplicationAccepted = { applicationId: body.applicationId, receiptNumber, acceptedAt: now.toISOString() };
      this.db
        .prepare(
          `INSERT INTO applications (application_id, body_hash, kiosk_session_id, service, fee_avos, payment_reference, receipt_number, response,
             applicant_name_zh, applicant_name_latin, pickup_place, height_mm, pay_at_counter)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          body.applicationId,
          hash,
          body.kioskSessionId,
          body.service,
          body.feeAvos,
          body.payment?.reference ?? null,
          receiptNumber,
          JSON.stringify(response),
          body.applicant.nameZh,
          body.applicant.nameLatin,
          body.request.pickupPlace ?? null,
          body.heightMm ?? null,
          body.payAtCounter ? 1 : 0,
        );
      keepCaptured(this.db, body);
      return { kind: 'created' as const, response };
    })();
  }

  /** The ID photo that arrived with an application (JPEG), if any. */
  capturedPhoto(applicationId: string): Buffer | undefined {
    return capturedPhoto(this.db, applicationId);
  }

  /** One side of the ID card's surface as the kiosk scanned it (JPEG). */
  capturedCardScan(applicationId: string, side: 'front' | 'back'): Buffer | undefined {
    return capturedCardScan(this.db, applicationId, side);
  }

  /** A captured finger's image (8-bit greyscale PNG); undefined for a finger missing, injured or not sent. */
  capturedFinger(applicationId: string, finger: Finger): Buffer | undefined {
    return capturedFinger(this.db, applicationId, finger);
  }

  /** The signature that arrived with an application (PNG), if any. */
  capturedSignature(applicationId: string): Buffer | undefined {
    return capturedSignature(this.db, applicationId);
  }

  /**
   * The resident cancelled at the kiosk: the application (if it arrived) stops being processed and
   * its payment is recorded as given back; an id never received is remembered so a late copy is
   * refused. Idempotent: the first withdrawal's answer is answered again.
   */
  withdraw(applicationId: string, reason: string, now: Date): ApplicationWithdrawn {
    return this.db.transaction(() => {
      this.db.prepare(`INSERT OR IGNORE INTO withdrawals (application_id, reason, withdrawn_at) VALUES (?, ?, ?)`).run(applicationId, reason, now.toISOString());
      this.db.prepare(`UPDATE applications SET status = 'withdrawn', counter = NULL WHERE application_id = ?`).run(applicationId);
      const w = this.db.prepare(`SELECT withdrawn_at FROM withdrawals WHERE application_id = ?`).get(applicationId) as { withdrawn_at: string };
      const app = this.db.prepare(`SELECT payment_reference, fee_avos FROM applications WHERE application_id = ?`).get(applicationId) as
        | { payment_reference: string | null; fee_avos: number }
        | undefined;
      return {
        applicationId,
        received: app !== undefined,
        withdrawnAt: w.withdrawn_at,
        refund: app?.payment_reference ? { reference: app.payment_reference, amountAvos: app.fee_avos } : null,
      };
    })();
  }

  applications(): StoredApplication[] {
    const rows = this.db
      .prepare(
        `SELECT a.application_id, kiosk_session_id, service, receipt_number, fee_avos, payment_reference, replays, pickup_place, height_mm, pay_at_counter, w.reason, w.withdrawn_at
         FROM applications a LEFT JOIN withdrawals w ON w.application_id = a.application_id ORDER BY a.rowid`,
      )
      .all() as Array<{ application_id: string; kiosk_session_id: string; service: StoredApplication['service']; receipt_number: string; fee_avos: number; payment_reference: string | null; replays: number; pickup_place: string | null; height_mm: number | null; pay_at_counter: number; reason: string | null; withdrawn_at: string | null }>;
    const summaries = capturedSummaries(this.db);
    return rows.map((r) => ({
      applicationId: r.application_id,
      kioskSessionId: r.kiosk_session_id,
      service: r.service,
      receiptNumber: r.receipt_number,
      feeAvos: r.fee_avos,
      paymentReference: r.payment_reference,
      payAtCounter: r.pay_at_counter === 1,
      replays: r.replays,
      pickupPlace: r.pickup_place as StoredApplication['pickupPlace'],
      heightMm: r.height_mm,
      captured: summaries.get(r.application_id) ?? null,
      withdrawal:
        r.withdrawn_at === null
          ? null
          : { withdrawnAt: r.withdrawn_at, reason: r.reason ?? '', refund: r.payment_reference ? { reference: r.payment_reference, amountAvos: r.fee_avos } : null },
    }));
  }

  /** What the collection endpoint answers (wire `Collection` without the receipt number). */
  byReceipt(receiptNumber: string): Omit<z.infer<typeof Collection>, 'receiptNumber'> | undefined {
    const row = this.db
      .prepare(`SELECT service, status, counter, response, applicant_name_zh, applicant_name_latin FROM applications WHERE receipt_number = ?`)
      .get(receiptNumber) as
      | { service: StoredApplication['service']; status: 'processing' | 'ready' | 'collected'; counter: string | null; response: string; applicant_name_zh: string; applicant_name_latin: string }
      | undefined;
    if (!row) return undefined;
    return {
      service: row.service,
      status: row.status,
      counter: row.counter,
      applicant: { nameZh: row.applicant_name_zh, nameLatin: row.applicant_name_latin },
      acceptedAt: (JSON.parse(row.response) as ApplicationAccepted).acceptedAt,
    };
  }

  // ---- GovPay ---------------------------------------------------------------------------------

  createGovPay(input: { reference: string; amountAvos: number; description: string }, now: Date, ttlMs: number): { kind: 'ok'; payment: GovPayPayment } | { kind: 'conflict' } {
    const hash = bodyHash(input);
    return this.db.transaction(() => {
      const existing = this.db.prepare(`SELECT body_hash FROM govpay WHERE reference = ?`).get(input.reference) as { body_hash: string } | undefined;
      if (existing) {
        if (existing.body_hash !== hash) return { kind: 'conflict' as const };
      } else {
        const qr = `https://govpay.example.invalid/pay?ref=${encodeURIComponent(input.reference)}&amt=${input.amountAvos}`;
        this.db
          .prepare(`INSERT INTO govpay (reference, body_hash, amount_avos, status, qr, expires_at) VALUES (?, ?, ?, 'pending', ?, ?)`)
          .run(input.reference, hash, input.amountAvos, qr, new Date(now.getTime() + ttlMs).toISOString());
      }
      return { kind: 'ok' as const, payment: this.govPay(input.reference, now)! };
    })();
  }

  /** The payment as of `now`: a pending one past its expiry is expired. */
  govPay(reference: string, now: Date): GovPayPayment | undefined {
    const row = this.db.prepare(`SELECT * FROM govpay WHERE reference = ?`).get(reference) as
      | { reference: string; amount_avos: number; status: GovPayPayment['status']; qr: string; expires_at: string; transaction_id: string | null }
      | undefined;
    if (!row) return undefined;
    if (row.status === 'pending' && Date.parse(row.expires_at) <= now.getTime()) {
      this.db.prepare(`UPDATE govpay SET status = 'expired' WHERE reference = ?`).run(reference);
      row.status = 'expired';
    }
    return { reference: row.reference, amountAvos: row.amount_avos, status: row.status, qr: row.qr, expiresAt: row.expires_at, transactionId: row.transaction_id };
  }

  /** Moves a payment from one of `from` to `to`; answers the payment as it then is. */
  moveGovPay(reference: string, from: GovPayPayment['status'][], to: GovPayPayment['status'], now: Date): GovPayPayment | undefined {
    const current = this.govPay(reference, now);
    if (!current) return undefined;
    if (from.includes(current.status)) {
      const tx = to === 'paid' ? `GP${String(this.next('govpay-tx')).padStart(8, '0')}` : current.transactionId;
      this.db.prepare(`UPDATE govpay SET status = ?, transaction_id = ? WHERE reference = ?`).run(to, tx, reference);
    }
    return this.govPay(reference, now);
  }

  /** Tester: a pending QR reaches its expiry now (instead of after the TTL). */
  expireGovPay(reference: string, now: Date): GovPayPayment | undefined {
    this.db.prepare(`UPDATE govpay SET expires_at = ? WHERE reference = ? AND status = 'pending'`).run(now.toISOString(), reference);
    return this.govPay(reference, now);
  }

  govPays(): Array<{ reference: string; status: string; amountAvos: number }> {
    return this.db.prepare(`SELECT reference, status, amount_avos AS amountAvos FROM govpay ORDER BY rowid`).all() as Array<{ reference: string; status: string; amountAvos: number }>;
  }

  // ---- tickets and lockers ----------------------------------------------------------------------

  ticket(office: string, kind: string, now: Date): { ticketNumber: string; issuedAt: string } {
    const n = this.next(`ticket-${office}-${kind}`);
    const ticketNumber = `${kind === 'booking' ? 'B' : 'A'}${String(n).padStart(3, '0')}`;
    const issuedAt = now.toISOString();
    this.db.prepare(`INSERT INTO tickets (office, kind, number, issued_at) VALUES (?, ?, ?, ?)`).run(office, kind, ticketNumber, issuedAt);
    return { ticketNumber, issuedAt };
  }

  lockerNotice(receiptNumber: string): { lockerId: string; noticeSentAt: string; collectBy: string } | undefined {
    const row = this.db.prepare(`SELECT locker_id, notice_sent_at, collect_by FROM locker_notices WHERE receipt_number = ?`).get(receiptNumber) as
      | { locker_id: string; notice_sent_at: string; collect_by: string }
      | undefined;
    return row && { lockerId: row.locker_id, noticeSentAt: row.notice_sent_at, collectBy: row.collect_by };
  }

  /** Tester: the document is in a smart locker; the resident has 3 days from the notice. [003] */
  placeInLocker(receiptNumber: string, lockerId: string, now: Date): boolean {
    if (!this.byReceipt(receiptNumber)) return false;
    const collectBy = new Date(now.getTime() + 3 * 24 * 3600 * 1000).toISOString();
    this.db
      .prepare(`INSERT OR REPLACE INTO locker_notices (receipt_number, locker_id, notice_sent_at, collect_by) VALUES (?, ?, ?, ?)`)
      .run(receiptNumber, lockerId, now.toISOString(), collectBy);
    this.db.prepare(`UPDATE applications SET status = 'ready', counter = NULL WHERE receipt_number = ?`).run(receiptNumber);
    return true;
  }

  /** Tester: the document is ready at a counter. */
  markReady(receiptNumber: string, counter: string): boolean {
    return this.db.prepare(`UPDATE applications SET status = 'ready', counter = ? WHERE receipt_number = ?`).run(counter, receiptNumber).changes > 0;
  }
}
