import type Database from 'better-sqlite3';
import { type CrashHook, type JournalPoint, noCrash } from './crash-points.js';
import { createSealer, type Sealer } from './crypto.js';
import { checkWritable, openJournalDatabase, type Writability } from './open.js';
import {
  type ApplicationRow,
  type ApplicationState,
  FINAL_APPLICATION_STATES,
  FINAL_PAYMENT_STATES,
  type PaymentSystem,
  type PaymentResult,
  type PaymentRow,
  type PaymentState,
  type SessionOutcome,
  type SessionRow,
} from '../../shared/kiosk-api/schemas/journal-states.js';
import { JournalError } from './errors.js';
import { type PaymentDay, paymentDayOf } from './payment-day.js';
import { applicationColumns, type RawApplication, type RawPayment, type RawSession, toApplication, toPayment, toSession } from './journal-rows.js';
import { applyTransition, SHAPES, type Transition } from './state-change.js';
import type { Entity, SessionPhase } from './transitions.js';

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

/**
 * The durable record of every session's money and submissions: SQLite in WAL mode with
 * synchronous=FULL, so a committed write survives a power cut. Each mutation is one transaction,
 * written BEFORE the external call it announces; the crash hook runs just before and just after it.
 * Every state change goes through `transition` (checked against transitions.ts, exactly one row,
 * audit row in the same transaction): a change the table does not allow throws and writes nothing.
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
  /** Prepared once, on first use, by their SQL text (a bounded set: the text never holds values). */
  private readonly statements = new Map<string, Database.Statement>();

  /** The prepared statement for `text`: preparing costs more than running, and sessions run the same few. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  constructor(options: JournalOptions) {
    this.path = options.path;
    this.sealer = createSealer(options.key);
    this.clock = options.clock ?? (() => new Date());
    this.crash = options.crash ?? noCrash;
    const opened = openJournalDatabase(options.path, options.key, this.sealer, options.onCheckpointError ?? (() => {}));
    this.db = opened.db;
    this.schema = opened.schema;
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
    this.sql(`INSERT INTO host_events (at, kind, code) VALUES (?, ?, ?)`).run(this.clock().toISOString(), kind.slice(0, 64), code?.slice(0, 64) ?? null);
  }

  hostEvents(): Array<{ at: string; kind: string; code: string | null }> {
    return this.sql(`SELECT at, kind, code FROM host_events ORDER BY seq`).all() as Array<{ at: string; kind: string; code: string | null }>;
  }

  // ---- sessions -------------------------------------------------------------------------------

  startSession(sessionId: string): void {
    this.commit('session.start', (now) => {
      this.transition({ entity: 'session', id: sessionId, event: 'started', set: { started_at: now }, code: null }, now);
    });
  }

  /**
   * The resident's visit is over (finished, cancelled, idle, or the host restarted under it). A visit
   * ends once: ending an ended (or final) session is refused quietly, writing nothing, because the
   * host may report the end of a visit that recovery or an earlier end already recorded.
   */
  endSession(sessionId: string, reason: string): void {
    this.commit('session.end', (now) => {
      const phase = this.sessionPhase(sessionId);
      if (phase === 'ended' || phase === 'final') return; // already ended: nothing happened, nothing is logged
      this.transition({ entity: 'session', id: sessionId, event: 'ended', set: { ended_reason: reason }, code: reason }, now);
    });
  }

  finalizeSession(sessionId: string, outcome: SessionOutcome): void {
    this.commit('session.final', (now) => {
      this.transition({ entity: 'session', id: sessionId, event: 'final', set: { outcome }, code: outcome }, now);
    });
  }

  session(sessionId: string): SessionRow | undefined {
    const row = this.sql(`SELECT * FROM sessions WHERE id = ?`).get(sessionId) as RawSession | undefined;
    return row && toSession(row);
  }

  openSessions(): SessionRow[] {
    return (this.sql(`SELECT * FROM sessions WHERE state = 'open' ORDER BY started_at`).all() as RawSession[]).map(toSession);
  }

  allSessions(): SessionRow[] {
    return (this.sql(`SELECT * FROM sessions ORDER BY started_at`).all() as RawSession[]).map(toSession);
  }

  // ---- applications (the outbox) ----------------------------------------------------------------

  createApplication(input: { id: string; sessionId: string; service: string; feeAvos: number; payload: Uint8Array }): void {
    const sealed = this.sealer.seal(input.payload, input.id);
    this.commit('application.draft', (now) => {
      this.transition(
        { entity: 'application', id: input.id, event: 'draft', set: { session_id: input.sessionId, service: input.service, fee_avos: input.feeAvos, payload: sealed }, code: input.service },
        now,
      );
    });
  }

  /** A free application needs no payment: it goes straight to the outbox. */
  queueFreeApplication(applicationId: string): void {
    this.commit('payment.result', (now) => this.transition({ entity: 'application', id: applicationId, event: 'queued', set: { queued_at: now }, code: 'no-fee' }, now));
  }

  /** Paid at a counter: into the outbox unpaid, no payment row (crash point `payment.result`: the payment is decided here). */
  queueForCounterPayment(applicationId: string): void {
    this.commit('payment.result', (now) => this.transition({ entity: 'application', id: applicationId, event: 'counter-chosen', set: { queued_at: now }, code: 'pay-at-counter' }, now));
  }

  markSubmissionSending(applicationId: string): void {
    this.commit('submission.sending', (now) => {
      const attempt = this.requireApplication(applicationId).attempts + 1;
      this.transition({ entity: 'application', id: applicationId, event: 'sending', set: { attempts: attempt }, code: String(attempt) }, now);
    });
  }

  /**
   * The back office has it: personal data is deleted (retention rule), and the payment the
   * submission carried (its first approved one; a free application has none) is done, each change
   * with its own audit row, in one transaction.
   */
  recordSubmissionAccepted(applicationId: string, receiptNumber: string, acceptedAt: string): void {
    this.commit('submission.accepted', (now) => {
      this.transition(
        {
          entity: 'application',
          id: applicationId,
          event: 'accepted',
          set: { payload: null, receipt_number: receiptNumber, accepted_at: acceptedAt, last_error: null },
          code: null,
        },
        now,
      );
      const carried = this.paymentsOf(applicationId).find((p) => p.state === 'approved');
      if (carried) this.transition({ entity: 'payment', id: carried.reference, event: 'done', code: null }, now);
    });
  }

  /**
   * A failed attempt. Transient (unreachable, 5xx): the application stays queued for a resend with
   * the same key. Permanent (the back office refused it): rejected, personal data deleted; an
   * approved payment must then be reversed (see `markReversalPending`).
   */
  recordSubmissionFailed(applicationId: string, code: string, permanent: boolean): void {
    this.commit('submission.failed', (now) => {
      this.transition(
        permanent
          ? { entity: 'application', id: applicationId, event: 'rejected', set: { payload: null, last_error: code }, code }
          : { entity: 'application', id: applicationId, event: 'send-failed', set: { last_error: code }, code },
        now,
      );
    });
  }

  abandonApplication(applicationId: string, reason: string): void {
    this.commit('application.abandoned', (now) => {
      this.transition({ entity: 'application', id: applicationId, event: 'abandoned', set: { payload: null, last_error: reason }, code: reason }, now);
    });
  }

  /**
   * The resident cancelled a paid (queued or accepted) application. Written before the back office
   * is told: from here the application is never sent again, and its personal data is deleted.
   */
  markWithdrawing(applicationId: string): void {
    this.commit('withdrawal.pending', (now) => {
      const from = this.requireApplication(applicationId).state;
      this.transition({ entity: 'application', id: applicationId, event: 'withdrawing', set: { payload: null }, code: from }, now);
    });
  }

  /** The back office confirmed the withdrawal (`received`: it had the application). Its payment must now be reversed. */
  recordWithdrawn(applicationId: string, code: 'withdrawn' | 'never-received'): void {
    this.commit('withdrawal.done', (now) => {
      this.transition(
        { entity: 'application', id: applicationId, event: 'withdrawn', set: { payload: null, last_error: 'cancelled-by-resident' }, code },
        now,
      );
    });
  }

  application(applicationId: string): ApplicationRow | undefined {
    const row = this.sql(`SELECT ${applicationColumns()} FROM applications WHERE id = ?`).get(applicationId) as
      | RawApplication
      | undefined;
    return row && toApplication(row);
  }

  applicationsOf(sessionId: string): ApplicationRow[] {
    return (
      this.sql(`SELECT ${applicationColumns()} FROM applications WHERE session_id = ? ORDER BY rowid`).all(sessionId) as RawApplication[]
    ).map(toApplication);
  }

  /** Applications with work left: drafts, queued ones (the outbox), and final ones whose payment is not final. */
  unfinishedApplications(): ApplicationRow[] {
    return (
      this.sql(
          `SELECT DISTINCT ${applicationColumns('a.')} FROM applications a LEFT JOIN payments p ON p.application_id = a.id
           WHERE a.state IN ('draft', 'queued', 'counter-queued', 'withdrawing') OR p.state NOT IN (${[...FINAL_PAYMENT_STATES].map((s) => `'${s}'`).join(', ')})
              -- withdrawn after acceptance: its 'done' payment must still go back (a crash before reversal.pending)
              OR (a.state = 'withdrawn' AND p.state = 'done')
           ORDER BY a.rowid`,
        )
        .all() as RawApplication[]
    ).map(toApplication);
  }

  /** The personal payload, decrypted; undefined once deleted. */
  payload(applicationId: string): Buffer | undefined {
    const row = this.sql(`SELECT payload FROM applications WHERE id = ?`).get(applicationId) as { payload: Buffer | null } | undefined;
    if (!row?.payload) return undefined;
    return this.sealer.open(row.payload, applicationId);
  }

  // ---- payments ---------------------------------------------------------------------------------

  addPaymentIntent(input: { reference: string; applicationId: string; method: PaymentSystem; tender: string | null; amountAvos: number }): void {
    this.commit('payment.intent', (now) => {
      this.requireApplication(input.applicationId);
      this.transition(
        {
          entity: 'payment',
          id: input.reference,
          event: 'intent',
          set: { application_id: input.applicationId, method: input.method, tender: input.tender, amount_avos: input.amountAvos },
          code: input.method,
        },
        now,
      );
    });
  }

  /** Written immediately before the request goes to the terminal or GovPay. */
  markPaymentSent(reference: string): void {
    this.commit('payment.sent', (now) => {
      this.transition({ entity: 'payment', id: reference, event: 'sent', code: null }, now);
    });
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
    this.commit('reversal.pending', (now) => {
      this.transition({ entity: 'payment', id: reference, event: 'reversal-pending', set: { reason }, code: reason }, now);
    });
  }

  recordReversed(reference: string, code: string): void {
    this.commit('reversal.done', (now) => {
      this.transition({ entity: 'payment', id: reference, event: 'reversed', code }, now);
    });
  }

  payment(reference: string): PaymentRow | undefined {
    const row = this.sql(`SELECT * FROM payments WHERE reference = ?`).get(reference) as RawPayment | undefined;
    return row && toPayment(row);
  }

  paymentsOf(applicationId: string): PaymentRow[] {
    return (this.sql(`SELECT * FROM payments WHERE application_id = ? ORDER BY rowid`).all(applicationId) as RawPayment[]).map(toPayment);
  }

  /** Payments a technician may have to look at: answer unknown (or sent and never answered), or a refund pending; with their service and since when. */
  paymentsNeedingAttention(): Array<PaymentRow & { service: string; since: string }> {
    const rows = this.sql(
        `SELECT p.*, a.service AS service, p.updated_at AS since FROM payments p JOIN applications a ON a.id = p.application_id
         WHERE p.state IN ('sent', 'unknown', 'reversal-pending') ORDER BY p.rowid`,
      )
      .all() as Array<RawPayment & { service: string; since: string }>;
    return rows.map((r) => ({ ...toPayment(r), service: r.service, since: r.since }));
  }

  /** What one payment method did between two instants (payment-day.ts). */
  paymentDay(method: PaymentSystem, fromIso: string, toIso: string): PaymentDay {
    return paymentDayOf((text) => this.sql(text), method, fromIso, toIso);
  }

  /** The audit trail of one session (no personal data), oldest first. */
  transitionsOf(sessionId: string): Array<{ at: string; subject: string; kind: string; code: string | null }> {
    return this.sql(`SELECT at, subject, kind, code FROM transitions WHERE session_id = ? ORDER BY seq`).all(sessionId) as Array<{
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

  /**
   * A payment's answer. Approved: its application, still a draft, is queued in the same transaction
   * (its own audit row). An application already past its draft is left as it is (a second approval
   * cannot happen: a new attempt needs every earlier one final); the payment is still recorded as
   * approved, because the money did move, and the reversal path settles it once the application is final.
   */
  private applyResult(point: JournalPoint, reference: string, result: PaymentResult): void {
    this.commit(point, (now) => {
      const approved = result.state === 'approved';
      const code = approved ? null : result.reason;
      this.transition(
        { entity: 'payment', id: reference, event: result.state, set: { auth_code: approved ? result.authCode : null, reason: code }, code },
        now,
      );
      if (!approved) return;
      const app = this.requireApplication(this.requirePayment(reference).applicationId);
      if (app.state === 'draft') this.transition({ entity: 'application', id: app.id, event: 'queued', set: { queued_at: now }, code: 'paid' }, now);
    });
  }

  /** One transaction for one journal point, between the crash hook's two passes. */
  private commit(point: JournalPoint, changes: (now: string) => void): void {
    this.crash(point, 'before');
    const now = this.clock().toISOString();
    this.db.transaction(() => changes(now))();
    this.crash(point, 'after');
  }

  /** The one place a state changes (state-change.ts), inside the caller's transaction. */
  private transition<E extends Entity>(change: Transition<E>, now: string): void {
    applyTransition(this.db, (text) => this.sql(text), change, now);
  }

  private sessionPhase(sessionId: string): SessionPhase | undefined {
    const row = this.sql(`SELECT ${SHAPES.session.phase} AS phase FROM sessions WHERE id = ?`).get(sessionId) as { phase: SessionPhase } | undefined;
    return row?.phase;
  }

  private requireApplication(id: string): ApplicationRow {
    const app = this.application(id);
    if (!app) throw new JournalError('not-found', 'application', id, `no application ${id}`);
    return app;
  }

  private requirePayment(reference: string): PaymentRow {
    const payment = this.payment(reference);
    if (!payment) throw new JournalError('not-found', 'payment', reference, `no payment ${reference}`);
    return payment;
  }
}
