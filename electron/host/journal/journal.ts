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
import { JournalError } from './errors.js';
import { type Entity, type EntityKinds, NEW, nextState, type SessionPhase, TRANSITIONS } from './transitions.js';

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
    this.commit('payment.result', (now) => {
      this.transition({ entity: 'application', id: applicationId, event: 'queued', set: { queued_at: now }, code: 'no-fee' }, now);
    });
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
           WHERE a.state IN ('draft', 'queued', 'withdrawing') OR p.state NOT IN (${[...FINAL_PAYMENT_STATES].map((s) => `'${s}'`).join(', ')})
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

  addPaymentIntent(input: { reference: string; applicationId: string; method: PaymentMethodKind; tender: string | null; amountAvos: number }): void {
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

  /** What one payment method did between two instants, from the audit trail: sales approved (and their sum), declined, refunded (and their sum), and still unknown. */
  paymentDay(method: PaymentMethodKind, fromIso: string, toIso: string): { approved: { count: number; totalAvos: number }; declined: number; reversed: { count: number; totalAvos: number }; unknown: number } {
    const rows = this.sql(
        `SELECT t.kind AS kind, COUNT(*) AS count, COALESCE(SUM(p.amount_avos), 0) AS total FROM transitions t JOIN payments p ON p.reference = t.subject
         WHERE p.method = ? AND t.at >= ? AND t.at < ? AND t.kind IN ('approved', 'declined', 'reversed') GROUP BY t.kind`,
      )
      .all(method, fromIso, toIso) as Array<{ kind: string; count: number; total: number }>;
    const of = (kind: string) => rows.find((r) => r.kind === kind) ?? { count: 0, total: 0 };
    const unknown = this.sql(`SELECT COUNT(*) AS n FROM payments WHERE method = ? AND state = 'unknown'`).get(method) as { n: number };
    return {
      approved: { count: of('approved').count, totalAvos: of('approved').total },
      declined: of('declined').count,
      reversed: { count: of('reversed').count, totalAvos: of('reversed').total },
      unknown: unknown.n,
    };
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

  /**
   * The one place a state changes. Inside the caller's transaction: reads the row's state, looks the
   * edge up in the entity's transition table (transitions.ts), applies it to exactly one row
   * (`WHERE key AND state = from`), reads the new state back, and writes the audit row. Anything
   * else throws a `JournalError`, and the transaction rolls back: row and trail stay as they were.
   */
  private transition<E extends Entity>(change: Transition<E>, now: string): void {
    const { entity, id, event } = change;
    if (!this.db.inTransaction) throw new Error('journal: a transition runs inside a transaction'); // a bug
    const shape = SHAPES[entity];
    const before = this.sql(`SELECT ${shape.phase} AS phase FROM ${shape.table} WHERE ${shape.key} = ?`).get(id) as { phase: EntityKinds[E]['state'] } | undefined;
    const from = before?.phase ?? NEW;
    const to = nextState(entity, from, event);
    if (to === undefined) {
      if (from === NEW) throw new JournalError('not-found', entity, id, `no ${entity} ${id}`);
      const allowed = Object.keys(TRANSITIONS[entity][from]).join(', ') || 'nothing';
      throw new JournalError('illegal-transition', entity, id, `${entity} ${id} is ${from}: ${event} is not allowed (allowed: ${allowed})`);
    }
    const columns: Record<string, SqlValue> = { ...change.set, ...shape.stateColumns(to), updated_at: now };
    const names = Object.keys(columns);
    const values = Object.values(columns);
    const changed =
      from === NEW
        ? this.sql(`INSERT INTO ${shape.table} (${shape.key}, ${names.join(', ')}) VALUES (?${', ?'.repeat(names.length)})`).run(id, ...values).changes
        : this.sql(`UPDATE ${shape.table} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE ${shape.key} = ? AND ${shape.phase} = ?`).run(...values, id, from)
            .changes;
    if (changed !== 1) throw new JournalError('row-not-changed', entity, id, `${entity} ${id}: ${event} changed ${changed} rows, not 1`);
    const after = this.sql(`SELECT ${shape.phase} AS phase, ${shape.session} AS session_id FROM ${shape.table} WHERE ${shape.key} = ?`).get(id) as
      | { phase: string; session_id: string | null }
      | undefined;
    if (after?.phase !== to || !after.session_id) {
      throw new JournalError('row-not-changed', entity, id, `${entity} ${id} is ${after?.phase ?? 'gone'} after ${event}, not ${to}`);
    }
    this.sql(`INSERT INTO transitions (at, session_id, subject, kind, code) VALUES (?, ?, ?, ?, ?)`).run(now, after.session_id, id, event, change.code);
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

type SqlValue = string | number | Uint8Array | null;

/** The columns each entity's transitions may set besides its state (names are code, never input). */
interface EntityColumns {
  session: 'started_at' | 'ended_reason' | 'outcome';
  application: 'session_id' | 'service' | 'fee_avos' | 'payload' | 'attempts' | 'receipt_number' | 'queued_at' | 'accepted_at' | 'last_error';
  payment: 'application_id' | 'method' | 'tender' | 'amount_avos' | 'auth_code' | 'reason';
}

interface Transition<E extends Entity> {
  entity: E;
  id: string;
  event: EntityKinds[E]['event'];
  set?: Partial<Record<EntityColumns[E], SqlValue>>;
  /** The audit row's stable code (never personal data). */
  code: string | null;
}

/**
 * Where each entity lives: its table and key, its state as an SQL expression (a session's phase is
 * derived from `state` and `ended_reason`), the columns that store a state, and its session (the
 * audit row's session).
 */
const SHAPES: { [E in Entity]: { table: string; key: string; phase: string; session: string; stateColumns: (to: EntityKinds[E]['state']) => Record<string, string> } } = {
  session: {
    table: 'sessions',
    key: 'id',
    phase: `CASE WHEN state = 'final' THEN 'final' WHEN ended_reason IS NULL THEN 'open' ELSE 'ended' END`,
    session: 'id',
    stateColumns: (to) => ({ state: to === 'final' ? 'final' : 'open' }),
  },
  application: { table: 'applications', key: 'id', phase: 'state', session: 'session_id', stateColumns: (to) => ({ state: to }) },
  payment: {
    table: 'payments',
    key: 'reference',
    phase: 'state',
    session: '(SELECT a.session_id FROM applications a WHERE a.id = payments.application_id)',
    stateColumns: (to) => ({ state: to }),
  },
};

/** An application row without its sealed payload (a photo and ten prints can be ~600 kB): only `payload()` reads that. */
function applicationColumns(table = ''): string {
  const plain = ['id', 'session_id', 'service', 'fee_avos', 'state', 'attempts', 'receipt_number', 'queued_at', 'accepted_at', 'last_error'];
  return [...plain.map((c) => table + c), `${table}payload IS NOT NULL AS has_payload`].join(', ');
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
