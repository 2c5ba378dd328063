import { sleep } from '../../../devices/operations/timing.js';
import type { PaymentMethod } from '../../shared/kiosk-api/schemas/service-results.js';
import { KioskApiError } from '../../shared/kiosk-api/errors.js';
import { type BackofficeClient, isTransient } from '../backoffice/client.js';
import type { Journal } from '../journal/journal.js';
import { type ApplicationRow, OUTBOX_APPLICATION_STATES, type PaymentSystem, type PaymentRow } from '../../shared/kiosk-api/schemas/journal-states.js';
import type { Logger } from '../log.js';
import type { PaymentGateway } from './gateways.js';
import { buildSubmission, decodePayload } from './payload.js';
import { paymentReferenceFor } from './payment-reference.js';

/** Payment states that are not settled yet: nothing charges, cancels or abandons the application meanwhile. */
export const UNRESOLVED: ReadonlySet<PaymentRow['state']> = new Set(['intent', 'sent', 'unknown', 'approved', 'reversal-pending']);

/** An enquiry policy: how many times to ask the payment system about a payment, and the pause between. */
export interface EnquiryPolicy {
  attempts: number;
  delayMs: number;
}

export interface MoneyPathOptions {
  journal: Journal;
  backoffice: BackofficeClient;
  gateways: Partial<Record<PaymentSystem, PaymentGateway>>;
  log: Logger;
  /** Asking about a lost answer while the resident waits. */
  enquiry: EnquiryPolicy;
  /** Aborted when the host stops: pauses between enquiries end early. */
  stopping: AbortSignal;
  /** Whether the resident of a session is still at the kiosk (their draft is not abandoned). */
  isLive: (sessionId: string) => boolean;
  /** The application's status changed: the screen (and the fleet) hear of it. */
  changed: (applicationId: string) => void;
  /** A GovPay QR to show the resident while the payment waits for it. */
  govPayQrShown: (applicationId: string, qr: { qr: string; expiresAt: string }) => void;
}

/**
 * The money path of one application, step by step: charge once, ask about a lost answer, send to
 * the back office with its key, withdraw, and give the money back when the application cannot
 * stand. Every step is journaled before the external call it announces, so `settle()` can take an
 * application on from whatever state a crash or an outage left. The orchestrator decides when each
 * runs (and that only one runs per application at a time).
 */
export class MoneyPath {
  constructor(private readonly options: MoneyPathOptions) {}

  /** Takes the money once. True when approved (the application is then in the outbox). */
  async charge(app: ApplicationRow, choice: PaymentMethod, attempt: number, signal: AbortSignal): Promise<boolean> {
    const { journal } = this.options;
    const method: PaymentSystem = choice === 'govpay' ? 'govpay' : 'terminal';
    const gateway = this.options.gateways[method];
    if (!gateway) throw new KioskApiError('device-not-connected', `no ${method} payment here`);
    const reference = paymentReferenceFor(app.id, attempt);
    journal.addPaymentIntent({ reference, applicationId: app.id, method, tender: choice === 'govpay' ? null : choice, amountAvos: app.feeAvos });
    journal.markPaymentSent(reference);
    this.options.changed(app.id);
    const outcome = await gateway.charge(
      { reference, amountAvos: app.feeAvos, tender: choice === 'govpay' ? null : choice, description: app.service },
      signal,
      (qr) => this.options.govPayQrShown(app.id, qr),
    );
    journal.recordPaymentResult(reference, outcome);
    if (outcome.state === 'unknown') await this.resolve(journal.payment(reference)!, this.options.enquiry);
    return journal.payment(reference)?.state === 'approved';
  }

  /** Asks what became of a sent or unknown payment; records the answer when there is one. */
  async resolve(payment: PaymentRow, policy: EnquiryPolicy): Promise<void> {
    const { journal } = this.options;
    const gateway = this.options.gateways[payment.method];
    if (!gateway) return;
    for (let i = 0; i < policy.attempts; i++) {
      const found = await gateway.enquire(payment.reference);
      if (found.state === 'approved') return journal.recordEnquiry(payment.reference, { state: 'approved', authCode: found.authCode });
      if (found.state === 'not-charged') return journal.recordEnquiry(payment.reference, { state: 'declined', reason: found.reason });
      if (payment.state === 'sent') {
        journal.recordEnquiry(payment.reference, { state: 'unknown', reason: found.state });
        payment = { ...payment, state: 'unknown' };
      }
      if (i + 1 < policy.attempts) await pause(policy.delayMs, this.options.stopping);
    }
  }

  /** Sends a queued application (paid, free, or to be paid at a counter) with its key; a refusal reverses its payment. */
  async send(applicationId: string): Promise<void> {
    const { journal, backoffice } = this.options;
    const app = this.require(applicationId);
    if (!OUTBOX_APPLICATION_STATES.has(app.state)) return;
    // Sent before (a crash or a lost answer since): ask the back office first, so it is never sent twice.
    if (app.attempts > 0) {
      const held = await backoffice.applicationAcceptance(applicationId);
      if (held.ok) {
        journal.recordSubmissionAccepted(applicationId, held.value.receiptNumber, held.value.acceptedAt);
        return this.reverseIfOrphaned(applicationId);
      }
      if (!(held.error.kind === 'refused' && held.error.status === 404)) return; // cannot tell yet: ask again later
    }
    const bytes = journal.payload(applicationId);
    const paid = journal.paymentsOf(applicationId).find((p) => p.state === 'approved');
    if (!bytes) {
      // Cannot happen short of a damaged journal; the money must not stay taken for nothing.
      journal.recordSubmissionFailed(applicationId, 'payload-missing', true);
    } else {
      const body = JSON.stringify(buildSubmission(app, decodePayload(bytes), paid));
      bytes.fill(0);
      journal.markSubmissionSending(applicationId);
      this.options.changed(applicationId);
      const sent = await backoffice.submitApplication(applicationId, body);
      if (sent.ok) {
        journal.recordSubmissionAccepted(applicationId, sent.value.receiptNumber, sent.value.acceptedAt);
      } else if (isTransient(sent.error) || sent.error.code === 'idempotency-key-reused') {
        // A reused key means the back office holds a first version: never reverse on that; staff look.
        if (sent.error.code === 'idempotency-key-reused') this.options.log.error('outbox: key conflict', { applicationId });
        journal.recordSubmissionFailed(applicationId, sent.error.code, false);
        return;
      } else {
        journal.recordSubmissionFailed(applicationId, sent.error.code, true);
      }
    }
    await this.reverseIfOrphaned(applicationId);
  }

  /** Tells the back office a withdrawing application is withdrawn; then its payment goes back. */
  async withdraw(applicationId: string): Promise<void> {
    const answer = await this.options.backoffice.withdrawApplication(applicationId);
    if (!answer.ok) {
      // Unreachable or refused: stays `withdrawing` (never resent); the worker asks again.
      this.options.log.warn('withdrawal: will retry', { applicationId, code: answer.error.code });
      this.options.changed(applicationId);
      return;
    }
    this.options.journal.recordWithdrawn(applicationId, answer.value.received ? 'withdrawn' : 'never-received');
    await this.reverseIfOrphaned(applicationId);
  }

  /** An approved payment whose application is final but not accepted (or withdrawn after acceptance) goes back to the resident. */
  async reverseIfOrphaned(applicationId: string): Promise<void> {
    const { journal } = this.options;
    const app = this.require(applicationId);
    if (app.state === 'accepted' || app.state === 'draft' || OUTBOX_APPLICATION_STATES.has(app.state) || app.state === 'withdrawing') return;
    for (const payment of journal.paymentsOf(applicationId)) {
      if (payment.state === 'approved' || (payment.state === 'done' && app.state === 'withdrawn')) {
        journal.markReversalPending(payment.reference, app.lastError ?? app.state);
        payment.state = 'reversal-pending';
      }
      if (payment.state === 'reversal-pending') {
        const gateway = this.options.gateways[payment.method];
        if (!gateway) continue;
        const reversed = await gateway.reverse(payment.reference);
        if (reversed.state !== 'retry') journal.recordReversed(payment.reference, reversed.code);
        else this.options.log.warn('reversal: will retry', { reference: payment.reference, code: reversed.code });
      }
    }
    this.options.changed(applicationId);
  }

  /** Drives one application as far as it can go from whatever state a crash or an outage left. */
  async settle(applicationId: string): Promise<void> {
    const { journal } = this.options;
    for (const payment of journal.paymentsOf(applicationId)) {
      // Intent without "sent": the request never left, nothing can have been charged.
      if (payment.state === 'intent') journal.recordPaymentResult(payment.reference, { state: 'not-sent', reason: 'interrupted-before-send' });
      if (payment.state === 'sent' || payment.state === 'unknown') await this.resolve(payment, { attempts: 20, delayMs: 100 });
    }
    const app = this.require(applicationId);
    if (OUTBOX_APPLICATION_STATES.has(app.state)) return this.send(applicationId);
    if (app.state === 'withdrawing') return this.withdraw(applicationId);
    if (app.state === 'draft') {
      if (journal.paymentsOf(applicationId).some((p) => UNRESOLVED.has(p.state))) return; // still unknown: ask later
      const session = journal.session(app.sessionId);
      if (session?.endedReason !== null && !this.options.isLive(app.sessionId)) journal.abandonApplication(applicationId, 'session-ended-before-payment');
      return;
    }
    await this.reverseIfOrphaned(applicationId);
  }

  private require(applicationId: string): ApplicationRow {
    const app = this.options.journal.application(applicationId);
    if (!app) throw new KioskApiError('application-not-found', 'no such application');
    return app;
  }
}

/** A pause that ends early (resolving, not rejecting) when `signal` fires: the loop then checks why. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, signal).catch(() => undefined);
}
