import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type CrashHook, type JournalPoint, noCrash } from './crash-points.js';
import { createSealer, type Sealer } from './crypto.js';
import { checkpointAfterPurges, checkWritable, JOURNAL_WAL_SIZE_LIMIT, migrate, truncateWal, verifyKey, type Writability } from './open.js';
import {
  type ApplicationRow,
  type ApplicationState,
  FINAL_APPLICATION_STATES,
  FINAL_PAYMENT_STATES,
  type PaymentMethodKind,
  type PaymentRow,
  type PaymentState,
  type SessionOutcome,
  type SessionRow,
} from './states.js';

export interface JournalOptions {
  /** A file path, or `:memory:` (development and tests: nothing survives the process). */
  path: string;
  key: Uint8Array;
  clock?: () => Date;
  /** Crash injection for the crash-point test; a no-op unless the runner armed one. */
  crash?: CrashHook;
  /** Told when a checkpoint after a purge fails (the next open checkpoints again). */
  onCheckpointError?: (error: unknown) => void;
}

export type PaymentResult =
  | { state: 'approved'; authCode: string | null }
  | { state: 'declined'; reason: string }
  | { state: 'unknown'; reason: string }
  | { state: 'not-sent'; reason: string };

/**
 * The durable record of every session's money and submissions: SQLite in WAL mode with
 * synchronous=FULL, so a committed write survives a power cut. Each mutation is one transaction,
 * written BEFORE the external call it announces; the crash hook runs just before and just after it.
 * Personal data is sealed (AES-GCM) and deleted once its application is final.
 */
export class Journal {
  private readonly db: Database.Database;
  private readonly path: string;
  /** The schema the journal had when opened, and the one it has now (migrations ran between). */
  readonly schema: { from: number; to: number };
  private readonly sealer: Sealer;
  private readonly clock: () => Date;
  private readonly crash: CrashHook;

  constructor(options: JournalOptions) {
    // Private to the kiosk's user; SQLite gives the WAL and shared-memory files the same mode.
    if (options.path !== ':memory:') closeSync(openSync(options.path, 'a', 0o600));
    this.path = options.path;
    this.db = new Database(options.path);
    this.sealer = createSealer(options.key);
    this.clock = options.clock ?? (() => new Date());
    this.crash = options.crash ?? noCrash;
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      // Deleted personal data is overwritten with zeros in the file, not just unlinked from the b-tree.
      this.db.pragma('secure_delete = ON');
      this.db.pragma('foreign_keys = ON');
      // The log is emptied after purges (open.ts); this bounds it between them.
      this.db.pragma(`journal_size_limit = ${JOURNAL_WAL_SIZE_LIMIT}`);
      this.schema = migrate(this.db, options.path);
      verifyKey(this.db, options.key, this.sealer, options.path);
      // Whatever a crash left in the log (a purge whose checkpoint never ran) goes now.
      truncateWal(this.db);
      checkpointAfterPurges(this.db, options.onCheckpointError ?? (() => {}));
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  integrityCheck(): string {
    return String(this.db.pragma('integrity_check', { simple: true }));
  }

  /** Whether a payment's writes can be made now (free space, and a write that commits): see open.ts. */
  checkWritable(minFreeBytes: number): Writability {
    return checkWritable(this.db, this.path, minFreeBytes, this.clock().toISOString());
  }

  /** A fault of the host itself (an uncaught error before it exits): its kind and error class only. */
  recordHostEvent(kind: string, code: string | null): void {
    this.db.prepare(`INSERT INTO host_events (at, kind, code) VALUES (?, ?, ?)`).run(this.clock().toISOString(), kind.slice(0, 64), code?.slice(0, 64) ?? null);
  }

  hostEvents(): Array<{ at: string; kind: string; code: string | null }> {
    return this.db.prepare(`SELECT at, kind, code FROM host_events ORDER BY seq`).all() as Array<{ at: string; kind: string; code: string | null }>;
  }

  // ---- sessions -------------------------------------------------------------------------------

  startSession(sessionId: string): void {
    this.write('session.start', sessionId, sessionId, 'started', null, (now) => {
      this.db
        .prepare(`INSERT INTO sessions (id, started_at, state, updated_at) VALUES (?, ?, 'open', ?)`)
        .run(sessionId, now, now);
    });
  }

  /** The resident's visit is over (finished, cancelled, idle, or the host restarted under it). */
  endSession(sessionId: string, reason: string): void {
    this.write('session.end', sessionId, sessionId, 'ended', reason, (now) => {
      this.db.prepare(`UPDATE sessions SET ended_reason = ?, updated_at = ? WHERE id = ? AND ended_reason IS NULL`).run(reason, now, sessionId);
    });
  }

  finalizeSession(sessionId: string, outcome: SessionOutcome): void {
    this.write('session.final', sessionId, sessionId, 'final', outcome, (now) => {
      this.db.prepare(`UPDATE sessions SET state = 'final', outcome = ?, updated_at = ? WHERE id = ?`).run(outcome, now, sessionId);
    });
  }

  session(sessionId: string): SessionRow | undefined {
    const row = this.db.prepare(`SELECT * FROM sessions WHERE id = ?`).get(sessionId) as RawSession | undefined;
    return row && toSession(row);
  }

  openSessions(): SessionRow[] {
    return (this.db.prepare(`SELECT * FROM sessions WHERE state = 'open' ORDER BY started_at`).all() as RawSession[]).map(toSession);
  }

  allSessions(): SessionRow[] {
    return (this.db.prepare(`SELECT * FROM sessions ORDER BY started_at`).all() as RawSession[]).map(toSession);
  }

  // ---- applications (the outbox) ----------------------------------------------------------------

  createApplication(input: { id: string; sessionId: string; service: string; feeAvos: number; payload: Uint8Array }): void {
    const sealed = this.sealer.seal(input.payload, input.id);
    this.write('application.draft', input.sessionId, input.id, 'draft', input.service, (now) => {
      this.db
        .prepare(
          `INSERT INTO applications (id, session_id, service, fee_avos, state, payload, updated_at) VALUES (?, ?, ?, ?, 'draft', ?, ?)`,
        )
        .run(input.id, input.sessionId, input.service, input.feeAvos, sealed, now);
    });
  }

  /** A free application needs no payment: it goes straight to the outbox. */
  queueFreeApplication(applicationId: string): void {
    const app = this.requireApplication(applicationId);
    this.write('payment.result', app.sessionId, applicationId, 'queued', 'no-fee', (now) => {
      this.db.prepare(`UPDATE applications SET state = 'queued', queued_at = ?, updated_at = ? WHERE id = ? AND state = 'draft'`).run(now, now, applicationId);
    });
  }

  markSubmissionSending(applicationId: string): void {
    const app = this.requireApplication(applicationId);
    this.write('submission.sending', app.sessionId, applicationId, 'sending', String(app.attempts + 1), (now) => {
      this.db.prepare(`UPDATE applications SET attempts = attempts + 1, updated_at = ? WHERE id = ?`).run(now, applicationId);
    });
  }

  /** The back office has it: personal data is deleted, the payment is done. Retention rule. */
  recordSubmissionAccepted(applicationId: string, receiptNumber: string, acceptedAt: string): void {
    const app = this.requireApplication(applicationId);
    this.write('submission.accepted', app.sessionId, applicationId, 'accepted', null, (now) => {
      this.db
        .prepare(
          `UPDATE applications SET state = 'accepted', payload = NULL, receipt_number = ?, accepted_at = ?, last_error = NULL, updated_at = ? WHERE id = ?`,
        )
        .run(receiptNumber, acceptedAt, now, applicationId);
      this.db.prepare(`UPDATE payments SET state = 'done', updated_at = ? WHERE application_id = ? AND state = 'approved'`).run(now, applicationId);
    });
  }

  /**
   * A failed attempt. Transient (unreachable, 5xx): the application stays queued for a resend with
   * the same key. Permanent (the back office refused it): rejected, personal data deleted; an
   * approved payment must then be reversed (see `markReversalPending`).
   */
  recordSubmissionFailed(applicationId: string, code: string, permanent: boolean): void {
    const app = this.requireApplication(applicationId);
    this.write('submission.failed', app.sessionId, applicationId, permanent ? 'rejected' : 'send-failed', code, (now) => {
      if (permanent) {
        this.db.prepare(`UPDATE applications SET state = 'rejected', payload = NULL, last_error = ?, updated_at = ? WHERE id = ?`).run(code, now, applicationId);
      } else {
        this.db.prepare(`UPDATE applications SET last_error = ?, updated_at = ? WHERE id = ?`).run(code, now, applicationId);
      }
    });
  }

  abandonApplication(applicationId: string, reason: string): void {
    const app = this.requireApplication(applicationId);
    this.write('application.abandoned', app.sessionId, applicationId, 'abandoned', reason, (now) => {
      this.db
        .prepare(`UPDATE applications SET state = 'abandoned', payload = NULL, last_error = ?, updated_at = ? WHERE id = ? AND state = 'draft'`)
        .run(reason, now, applicationId);
    });
  }

  /**
   * The resident cancelled a paid (queued or accepted) application. Written before the back office
   * is told: from here the application is never sent again, and its personal data is deleted.
   */
  markWithdrawing(applicationId: string): void {
    const app = this.requireApplication(applicationId);
    if (app.state !== 'queued' && app.state !== 'accepted') throw new Error(`journal: application ${applicationId} is ${app.state}, not queued/accepted`);
    this.write('withdrawal.pending', app.sessionId, applicationId, 'withdrawing', app.state, (now) => {
      this.db.prepare(`UPDATE applications SET state = 'withdrawing', payload = NULL, updated_at = ? WHERE id = ?`).run(now, applicationId);
    });
  }

  /** The back office confirmed the withdrawal (`received`: it had the application). Its payment must now be reversed. */
  recordWithdrawn(applicationId: string, code: 'withdrawn' | 'never-received'): void {
    const app = this.requireApplication(applicationId);
    this.write('withdrawal.done', app.sessionId, applicationId, 'withdrawn', code, (now) => {
      this.db
        .prepare(`UPDATE applications SET state = 'withdrawn', payload = NULL, last_error = 'cancelled-by-resident', updated_at = ? WHERE id = ? AND state = 'withdrawing'`)
        .run(now, applicationId);
    });
  }

  application(applicationId: string): ApplicationRow | undefined {
    const row = this.db.prepare(`SELECT *, payload IS NOT NULL AS has_payload FROM applications WHERE id = ?`).get(applicationId) as
      | RawApplication
      | undefined;
    return row && toApplication(row);
  }

  applicationsOf(sessionId: string): ApplicationRow[] {
    return (
      this.db.prepare(`SELECT *, payload IS NOT NULL AS has_payload FROM applications WHERE session_id = ? ORDER BY rowid`).all(sessionId) as RawApplication[]
    ).map(toApplication);
  }

  /** Applications with work left: drafts, queued ones (the outbox), and final ones whose payment is not final. */
  unfinishedApplications(): ApplicationRow[] {
    return (
      this.db
        .prepare(
          `SELECT DISTINCT a.*, a.payload IS NOT NULL AS has_payload FROM applications a LEFT JOIN payments p ON p.application_id = a.id
           WHERE a.state IN ('draft', 'queued', 'withdrawing') OR p.state NOT IN (${[...FINAL_PAYMENT_STATES].map((s) => `'${s}'`).join(', ')})
           ORDER BY a.rowid`,
        )
        .all() as RawApplication[]
    ).map(toApplication);
  }

  /** The personal payload, decrypted; undefined once deleted. */
  payload(applicationId: string): Buffer | undefined {
    const row = this.db.prepare(`SELECT payload FROM applications WHERE id = ?`).get(applicationId) as { payload: Buffer | null } | undefined;
    if (!row?.payload) return undefined;
    return this.sealer.open(row.payload, applicationId);
  }

  // ---- payments ---------------------------------------------------------------------------------

  addPaymentIntent(input: { reference: string; applicationId: string; method: PaymentMethodKind; tender: string | null; amountAvos: number }): void {
    const app = this.requireApplication(input.applicationId);
    this.write('payment.intent', app.sessionId, input.reference, 'intent', input.method, (now) => {
      this.db
        .prepare(
          `INSERT INTO payments (reference, application_id, method, tender, amount_avos, state, updated_at) VALUES (?, ?, ?, ?, ?, 'intent', ?)`,
        )
        .run(input.reference, input.applicationId, input.method, input.tender, input.amountAvos, now);
    });
  }

  /** Written immediately before the request goes to the terminal or GovPay. */
  markPaymentSent(reference: string): void {
    this.paymentWrite('payment.sent', reference, 'sent', null, `state = 'sent'`, ['intent']);
  }

  /** The answer to a sale. Approved: the application enters the outbox in the same transaction. */
  recordPaymentResult(reference: string, result: PaymentResult): void {
    this.applyResult('payment.result', reference, result);
  }

  /** The answer to a status enquiry about a sent or unknown payment (after a lost answer or a crash). */
  recordEnquiry(reference: string, result: PaymentResult): void {
    this.applyResult('payment.enquired', reference, result);
  }

  markReversalPending(reference: string, reason: string): void {
    this.paymentWrite('reversal.pending', reference, 'reversal-pending', reason, `state = 'reversal-pending', reason = ?`, ['approved', 'done'], [reason]);
  }

  recordReversed(reference: string, code: string): void {
    this.paymentWrite('reversal.done', reference, 'reversed', code, `state = 'reversed'`, ['reversal-pending']);
  }

  payment(reference: string): PaymentRow | undefined {
    const row = this.db.prepare(`SELECT * FROM payments WHERE reference = ?`).get(reference) as RawPayment | undefined;
    return row && toPayment(row);
  }

  paymentsOf(applicationId: string): PaymentRow[] {
    return (this.db.prepare(`SELECT * FROM payments WHERE application_id = ? ORDER BY rowid`).all(applicationId) as RawPayment[]).map(toPayment);
  }

  /** The audit trail of one session (no personal data), oldest first. */
  transitionsOf(sessionId: string): Array<{ at: string; subject: string; kind: string; code: string | null }> {
    return this.db.prepare(`SELECT at, subject, kind, code FROM transitions WHERE session_id = ? ORDER BY seq`).all(sessionId) as Array<{
      at: string;
      subject: string;
      kind: string;
      code: string | null;
    }>;
  }

  isFinalApplication(state: ApplicationState): boolean {
    return FINAL_APPLICATION_STATES.has(state);
  }

  isFinalPayment(state: PaymentState): boolean {
    return FINAL_PAYMENT_STATES.has(state);
  }

  // ---- internals --------------------------------------------------------------------------------

  private applyResult(point: JournalPoint, reference: string, result: PaymentResult): void {
    const payment = this.requirePayment(reference);
    const app = this.requireApplication(payment.applicationId);
    const code = result.state === 'approved' ? null : result.reason;
    this.write(point, app.sessionId, reference, result.state, code, (now) => {
      this.db
        .prepare(`UPDATE payments SET state = ?, auth_code = ?, reason = ?, updated_at = ? WHERE reference = ?`)
        .run(result.state, result.state === 'approved' ? result.authCode : null, code, now, reference);
      if (result.state === 'approved') {
        this.db.prepare(`UPDATE applications SET state = 'queued', queued_at = ?, updated_at = ? WHERE id = ? AND state = 'draft'`).run(now, now, app.id);
      }
    });
  }

  private paymentWrite(
    point: JournalPoint,
    reference: string,
    kind: string,
    code: string | null,
    set: string,
    from: PaymentState[],
    args: unknown[] = [],
  ): void {
    const payment = this.requirePayment(reference);
    if (!from.includes(payment.state)) throw new Error(`journal: payment ${reference} is ${payment.state}, not ${from.join('/')}`);
    const app = this.requireApplication(payment.applicationId);
    this.write(point, app.sessionId, reference, kind, code, (now) => {
      this.db.prepare(`UPDATE payments SET ${set}, updated_at = ? WHERE reference = ?`).run(...args, now, reference);
    });
  }

  /** One transaction: the change and its audit row, between the crash hook's two passes. */
  private write(point: JournalPoint, sessionId: string, subject: string, kind: string, code: string | null, change: (now: string) => void): void {
    this.crash(point, 'before');
    const now = this.clock().toISOString();
    this.db.transaction(() => {
      change(now);
      this.db.prepare(`INSERT INTO transitions (at, session_id, subject, kind, code) VALUES (?, ?, ?, ?, ?)`).run(now, sessionId, subject, kind, code);
    })();
    this.crash(point, 'after');
  }

  private requireApplication(id: string): ApplicationRow {
    const app = this.application(id);
    if (!app) throw new Error(`journal: no application ${id}`);
    return app;
  }

  private requirePayment(reference: string): PaymentRow {
    const payment = this.payment(reference);
    if (!payment) throw new Error(`journal: no payment ${reference}`);
    return payment;
  }
}

interface RawSession {
  id: string;
  started_at: string;
  ended_reason: string | null;
  state: 'open' | 'final';
  outcome: SessionOutcome | null;
}
interface RawApplication {
  id: string;
  session_id: string;
  service: string;
  fee_avos: number;
  state: ApplicationState;
  attempts: number;
  receipt_number: string | null;
  queued_at: string | null;
  accepted_at: string | null;
  last_error: string | null;
  has_payload: number;
}
interface RawPayment {
  reference: string;
  application_id: string;
  method: PaymentMethodKind;
  tender: string | null;
  amount_avos: number;
  state: PaymentState;
  auth_code: string | null;
  reason: string | null;
}

function toSession(r: RawSession): SessionRow {
  return { id: r.id, startedAt: r.started_at, endedReason: r.ended_reason, state: r.state, outcome: r.outcome };
}
function toApplication(r: RawApplication): ApplicationRow {
  return {
    id: r.id,
    sessionId: r.session_id,
    service: r.service,
    feeAvos: r.fee_avos,
    state: r.state,
    attempts: r.attempts,
    receiptNumber: r.receipt_number,
    queuedAt: r.queued_at,
    acceptedAt: r.accepted_at,
    lastError: r.last_error,
    hasPayload: r.has_payload === 1,
  };
}
function toPayment(r: RawPayment): PaymentRow {
  return {
    reference: r.reference,
    applicationId: r.application_id,
    method: r.method,
    tender: r.tender,
    amountAvos: r.amount_avos,
    state: r.state,
    authCode: r.auth_code,
    reason: r.reason,
  };
}
