import { randomUUID } from 'node:crypto';
import type { PaymentMethod } from '../../shared/kiosk-api/schemas/service-results.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import type { BackofficeClient } from '../backoffice/client.js';
import type { Journal } from '../journal/journal.js';
import { type ApplicationRow, OUTBOX_APPLICATION_STATES, type PaymentSystem, type PaymentRow, type SessionOutcome } from '../../shared/kiosk-api/schemas/journal-states.js';
import type { Logger } from '../log.js';
import type { Resolution } from '../../shared/kiosk-api/schemas/maintenance.js';
import type { FeeQuote, RequestOptions, ServiceId } from '../service-rules/index.js';
import type { PickupPlace } from '../../shared/kiosk-api/schemas/service-id.js';
import type { PaymentGateway } from './gateways.js';
import { encodePayload, type PersonalPayload } from './payload.js';
import { MoneyPath, UNRESOLVED } from './money-path.js';
import { type ConfirmPolicy, InVisitConfirmation } from './in-visit-confirmation.js';
import { type ApplicationStatus, describeApplication } from '../../shared/kiosk-api/schemas/application-status.js';

export interface OrchestratorOptions {
  journal: Journal;
  backoffice: BackofficeClient;
  gateways: Partial<Record<PaymentSystem, PaymentGateway>>;
  kioskId: string;
  log: Logger;
  /** Asking about a lost answer while the resident waits: tries and the pause between them. */
  enquiry?: { attempts: number; delayMs: number };
  onChange?: (status: ApplicationStatus) => void;
  /** The host's clock (a simulated kiosk may start at a chosen instant); the GovPay countdown uses it. */
  clock?: () => Date;
  /** Throws (`journal-unavailable`) when the journal could not record a payment now: checked before any money moves. */
  requireJournalWritable?: (what: string) => void;
  /**
   * A lost answer while the resident waits: the host keeps asking, pausing `firstPauseMs` then
   * doubling up to `maxPauseMs`, for `withinMs`; then the payment is `overdue` and `onOverdue` runs
   * (staff are called). Defaults: 60 s, 0.5 s, 8 s.
   */
  confirm?: ConfirmPolicy;
  onOverdue?: (applicationId: string) => void;
  /** When a fee chosen to be paid at a counter is due (counter-payment.ts). */
  counterPayBy?: (chosenAt: string) => string;
}

export interface RecoverySummary {
  sessions: number;
  finalSessions: number;
  /** Sessions whose work could not be finished yet (payment system or back office unreachable). */
  pendingSessions: number;
}

/**
 * Payment and submission: takes a resident's money at most once per application and makes sure
 * every paid application reaches the back office (or the money goes back). This class decides
 * WHEN (one piece of work per application at a time, the resident's visit, the outbox worker, a
 * technician's resolution); each step of the money path itself lives in `money-path.ts`, journaled
 * before the external call it announces, and the in-visit enquiry after a lost answer in
 * `in-visit-confirmation.ts`. `recover()` finishes whatever a crash interrupted, and
 * `retryPending()` (the outbox worker) whatever an outage left.
 */
export class ApplicationOrchestrator {
  private readonly journal: Journal;
  private readonly busy = new Set<string>();
  private readonly govPayQr = new Map<string, { qr: string; expiresAt: string }>();
  /** The pickup place each application of a live visit was made for (printed on its receipt). */
  private readonly pickupPlaces = new Map<string, PickupPlace>();
  /** Sessions the resident is still using: their drafts are not abandoned by the worker. */
  private readonly live = new Set<string>();
  private worker: ReturnType<typeof setInterval> | undefined;
  private ticking = false;
  /** Stops the in-visit confirmations and the pauses between enquiries when the host stops. */
  private readonly stopping = new AbortController();
  /** Each step of the money path (charge, enquire, send, withdraw, reverse, settle). */
  private readonly money: MoneyPath;
  /** Lost answers asked about while the resident waits. */
  private readonly confirmation: InVisitConfirmation;

  constructor(private readonly options: OrchestratorOptions) {
    this.journal = options.journal;
    const isLive = (sessionId: string): boolean => this.live.has(sessionId);
    const changed = (applicationId: string): void => void this.changed(applicationId);
    this.money = new MoneyPath({
      journal: options.journal,
      backoffice: options.backoffice,
      gateways: options.gateways,
      log: options.log,
      enquiry: options.enquiry ?? { attempts: 5, delayMs: 200 },
      stopping: this.stopping.signal,
      isLive,
      changed,
      govPayQrShown: (applicationId, qr) => {
        this.govPayQr.set(applicationId, qr);
        this.changed(applicationId);
      },
    });
    this.confirmation = new InVisitConfirmation({
      journal: options.journal,
      money: this.money,
      log: options.log,
      policy: options.confirm ?? { withinMs: 60_000, firstPauseMs: 500, maxPauseMs: 8_000 },
      busy: this.busy,
      isLive,
      changed,
      onOverdue: options.onOverdue,
      stopping: this.stopping.signal,
    });
  }

  // ---- the resident's visit -------------------------------------------------------------------

  sessionStarted(sessionId: string): void {
    if (!this.journal.session(sessionId)) this.journal.startSession(sessionId);
    this.live.add(sessionId);
  }

  /** The visit ended: drafts never paid are abandoned; the session is final once its work is. */
  async sessionEnded(sessionId: string, reason: string): Promise<void> {
    this.live.delete(sessionId);
    // A lost answer still being asked about: the outbox takes it over from here.
    for (const app of this.journal.applicationsOf(sessionId)) await this.confirmation.stop(app.id);
    if (!this.journal.session(sessionId)) return;
    this.journal.endSession(sessionId, reason);
    for (const app of this.journal.applicationsOf(sessionId)) {
      this.pickupPlaces.delete(app.id);
      if (!this.busy.has(app.id)) await this.money.settle(app.id);
    }
    this.finalizeIfDone(sessionId);
  }

  /**
   * Creates the application (journaled, personal data sealed). Refused with
   * `backoffice-unavailable` when the back office does not answer: no money is taken for an
   * application that could not be sent.
   */
  async create(input: {
    sessionId: string;
    service: ServiceId;
    request: RequestOptions;
    quote: FeeQuote;
    personal: Omit<PersonalPayload, 'kioskId' | 'request'>;
  }): Promise<ApplicationStatus> {
    if (input.quote.incomplete) throw new KioskApiError('invalid-params', 'the request is not complete enough to price');
    const health = await this.options.backoffice.health();
    if (!health.ok) throw new KioskApiError('backoffice-unavailable', `back office: ${health.error.code}`);
    this.sessionStarted(input.sessionId);
    const id = randomUUID();
    const payload = encodePayload({ kioskId: this.options.kioskId, request: input.request, ...input.personal });
    this.journal.createApplication({ id, sessionId: input.sessionId, service: input.service, feeAvos: input.quote.total, payload });
    payload.fill(0);
    if (input.request.pickupPlace) this.pickupPlaces.set(id, input.request.pickupPlace);
    return this.changed(id);
  }

  /**
   * Pays (when there is a fee) and sends the application. Resolves with the status the receipt
   * shows: `submitted`, `kept-for-later` (paid; the back office will get it later), `refunded`, a
   * declined payment (`awaiting-payment` with the reason: the resident may try another way) or
   * `payment-unconfirmed`. Never charges while an earlier charge of the same application is unsettled.
   */
  async submit(applicationId: string, choice: PaymentMethod | undefined, signal: AbortSignal): Promise<ApplicationStatus> {
    if (this.busy.has(applicationId)) throw new KioskApiError('payment-in-progress', 'this application is already being paid or sent');
    this.busy.add(applicationId);
    this.confirmation.forget(applicationId);
    try {
      const app = this.require(applicationId);
      if (app.state !== 'draft') throw new KioskApiError('already-paid', `the application is ${app.state}`);
      const payments = this.journal.paymentsOf(applicationId);
      if (payments.some((p) => UNRESOLVED.has(p.state))) throw new KioskApiError('payment-in-progress', 'an earlier payment is not settled');
      this.options.requireJournalWritable?.('a payment');
      if (app.feeAvos === 0) {
        this.journal.queueFreeApplication(applicationId);
        await this.money.send(applicationId);
      } else {
        if (choice === undefined) throw new KioskApiError('invalid-params', 'this application has a fee: choose how to pay');
        if (await this.money.charge(app, choice, payments.length + 1, signal)) await this.money.send(applicationId);
      }
    } finally {
      this.busy.delete(applicationId);
      this.govPayQr.delete(applicationId);
    }
    // The answer is still lost: keep asking while the resident waits (applications.changed tells the screen).
    if (this.journal.paymentsOf(applicationId).at(-1)?.state === 'unknown') this.confirmation.start(applicationId, this.require(applicationId).sessionId);
    // Described once no longer busy, so a kept application reads `kept-for-later`, not `submitting`.
    return this.changed(applicationId);
  }

  /** Sends the application unpaid, to be paid at a counter: `counter-payment.ts` decides whether it may. */
  async submitUnpaid(applicationId: string, check: (app: ApplicationRow, payments: PaymentRow[]) => void): Promise<ApplicationStatus> {
    if (this.busy.has(applicationId)) throw new KioskApiError('payment-in-progress', 'this application is already being paid or sent');
    this.busy.add(applicationId);
    try {
      check(this.require(applicationId), this.journal.paymentsOf(applicationId));
      this.journal.queueForCounterPayment(applicationId);
      await this.money.send(applicationId);
    } finally {
      this.busy.delete(applicationId);
    }
    return this.changed(applicationId);
  }

  /**
   * The resident cancels. Before payment: abandoned, nothing charged. After payment (`kept-for-later`
   * or `submitted`, within the visit): journaled `withdrawing` first (never sent again), then the back
   * office is told and the payment reversed, by the same reversal path as a refused application.
   * Resolves `refunded`, `refund-pending` (the payment system did not answer) or `withdrawal-pending`
   * (the back office did not answer): the outbox worker finishes either. Refused while a payment or a
   * submission is in flight (`payment-in-progress`).
   */
  async cancel(applicationId: string): Promise<ApplicationStatus> {
    const app = this.require(applicationId);
    if (this.busy.has(applicationId)) throw new KioskApiError('payment-in-progress', 'a payment is in progress');
    if (app.state === 'draft') {
      if (this.journal.paymentsOf(applicationId).some((p) => UNRESOLVED.has(p.state))) {
        throw new KioskApiError('payment-in-progress', 'an earlier payment is not settled');
      }
      this.journal.abandonApplication(applicationId, 'cancelled-by-resident');
    } else if (OUTBOX_APPLICATION_STATES.has(app.state) || app.state === 'accepted' || app.state === 'awaiting-counter-payment') {
      this.busy.add(applicationId);
      try {
        this.journal.markWithdrawing(applicationId);
        await this.money.withdraw(applicationId);
      } finally {
        this.busy.delete(applicationId);
      }
    } else if (app.state !== 'abandoned' && app.state !== 'withdrawing' && app.state !== 'withdrawn') {
      throw new KioskApiError('already-paid', `the application is ${app.state}`);
    }
    return this.changed(applicationId);
  }

  status(applicationId: string): ApplicationStatus {
    const app = this.require(applicationId);
    return describeApplication(app, this.journal.paymentsOf(applicationId), {
      submitting: this.busy.has(applicationId),
      govPay: this.govPayQr.get(applicationId) ?? null,
      now: (this.options.clock ?? (() => new Date()))(),
      confirmation: this.confirmation.stateOf(applicationId),
      counterPayBy: this.options.counterPayBy,
    });
  }

  /** The pickup place the application was made for, while its visit lasts (the receipt prints it). */
  pickupPlaceOf(applicationId: string): PickupPlace | undefined {
    return this.pickupPlaces.get(applicationId);
  }

  /** Whether an application belongs to this session (the bridge checks before acting on it). */
  belongsTo(applicationId: string, sessionId: string): boolean {
    return this.journal.application(applicationId)?.sessionId === sessionId;
  }

  // ---- after a crash, and the outbox worker ------------------------------------------------------

  /**
   * At start, before any resident: every session the previous process left open is ended
   * (`host-restarted`), unknown payments are asked about, queued applications resent with their
   * key, paid applications that cannot be submitted reversed; then sessions are made final.
   */
  async recover(): Promise<RecoverySummary> {
    for (const session of this.journal.openSessions()) {
      if (session.endedReason === null && !this.live.has(session.id)) this.journal.endSession(session.id, 'host-restarted');
    }
    await this.retryPending();
    const all = this.journal.allSessions();
    const pending = all.filter((s) => s.state !== 'final');
    if (pending.length > 0) this.options.log.warn('recovery: sessions wait for the payment system or the back office', { count: pending.length });
    return { sessions: all.length, finalSessions: all.length - pending.length, pendingSessions: pending.length };
  }

  /** One pass over everything unfinished that no resident is using. */
  async retryPending(): Promise<void> {
    for (const app of this.journal.unfinishedApplications()) {
      if (this.busy.has(app.id)) continue;
      const session = this.journal.session(app.sessionId);
      if (app.state === 'draft' && session?.endedReason === null) continue; // the resident is still deciding
      this.busy.add(app.id);
      try {
        await this.money.settle(app.id);
      } catch (error) {
        this.options.log.error('outbox: settling failed', { applicationId: app.id, error: String(error) });
      } finally {
        this.busy.delete(app.id);
      }
    }
    for (const session of this.journal.openSessions()) this.finalizeIfDone(session.id);
  }

  /**
   * A technician's resolution of what the journal waits on (maintenance mode): what the payment
   * system's own record says about a lost answer (`charged`: the application goes on to the back
   * office, as if the terminal had answered; `not-charged`: declined), a refund given back by hand,
   * or a resend now. The consequences follow the same paths as an answer from the payment system.
   * Refused (`invalid-params`) when the item is no longer in that state, or while a resident's visit
   * or the outbox is working on it.
   */
  async resolveByHand(resolution: Resolution, staffId: string): Promise<void> {
    const applicationId = resolution.kind === 'queued-application' ? resolution.applicationId : this.journal.payment(resolution.reference)?.applicationId;
    const app = applicationId === undefined ? undefined : this.journal.application(applicationId);
    if (!app) throw new KioskApiError('invalid-params', 'no such pending item', resolution.kind === 'queued-application' ? 'applicationId' : 'reference');
    if (this.busy.has(app.id) || this.live.has(app.sessionId)) throw new KioskApiError('invalid-params', 'a resident or the outbox is working on it: try again in a moment', 'in-use');
    this.busy.add(app.id);
    try {
      if (resolution.kind === 'unknown-payment') {
        const payment = this.journal.payment(resolution.reference);
        if (payment?.state !== 'unknown' && payment?.state !== 'sent') throw new KioskApiError('invalid-params', `the payment is ${payment?.state ?? 'gone'}`, 'state');
        this.journal.recordEnquiry(
          payment.reference,
          resolution.outcome === 'charged' ? { state: 'approved', authCode: null } : { state: 'declined', reason: `resolved-by-hand:${staffId}` },
        );
      } else if (resolution.kind === 'reversal-pending') {
        if (this.journal.payment(resolution.reference)?.state !== 'reversal-pending') throw new KioskApiError('invalid-params', 'the refund is no longer pending', 'state');
        this.journal.recordReversed(resolution.reference, `refunded-by-hand:${staffId}`);
      } else if (!OUTBOX_APPLICATION_STATES.has(app.state) && app.state !== 'withdrawing') {
        throw new KioskApiError('invalid-params', `the application is ${app.state}`, 'state');
      }
      this.options.log.warn('journal item resolved by hand', { kind: resolution.kind, applicationId: app.id, outcome: resolution.outcome, staffId });
      await this.money.settle(app.id);
    } finally {
      this.busy.delete(app.id);
    }
    this.finalizeIfDone(app.sessionId);
    this.changed(app.id);
  }

  /** Retries the outbox every `intervalMs` until `stop()`. */
  startWorker(intervalMs: number): void {
    this.worker ??= setInterval(() => {
      if (this.ticking) return;
      this.ticking = true;
      void this.retryPending().finally(() => {
        this.ticking = false;
      });
    }, intervalMs);
    this.worker.unref();
  }

  stop(): void {
    clearInterval(this.worker);
    this.worker = undefined;
    this.stopping.abort();
  }

  private finalizeIfDone(sessionId: string): void {
    const session = this.journal.session(sessionId);
    if (!session || session.state === 'final' || session.endedReason === null || this.live.has(sessionId)) return;
    const apps = this.journal.applicationsOf(sessionId);
    const payments = apps.flatMap((a) => this.journal.paymentsOf(a.id));
    if (apps.some((a) => !this.journal.isFinalApplication(a.state)) || payments.some((p) => !this.journal.isFinalPayment(p.state))) return;
    // A withdrawn application's payment is not settled until it went back, even when it is `done`.
    if (apps.some((a) => a.state === 'withdrawn' && this.journal.paymentsOf(a.id).some((p) => p.state === 'done'))) return;
    let outcome: SessionOutcome = 'no-application';
    if (apps.some((a) => a.state === 'accepted' || a.state === 'awaiting-counter-payment')) outcome = 'completed';
    else if (payments.some((p) => p.state === 'reversed')) outcome = 'refunded';
    else if (apps.length > 0) outcome = 'not-charged';
    this.journal.finalizeSession(sessionId, outcome);
  }

  private require(applicationId: string): ApplicationRow {
    const app = this.journal.application(applicationId);
    if (!app) throw new KioskApiError('application-not-found', 'no such application');
    return app;
  }

  private changed(applicationId: string): ApplicationStatus {
    const status = this.status(applicationId);
    this.options.onChange?.(status);
    return status;
  }
}
