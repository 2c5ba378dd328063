import { isPaymentReference, type PaymentReference, type PaymentTerminal, saleRefusal, type Tender } from '../../../devices/payment-terminal/contract.js';
import { sleep as sleepFor } from '../../../devices/operations/timing.js';
import type { BackofficeClient } from '../backoffice/client.js';
import type { GovPayPayment } from '../backoffice/wire.js';
import type { PaymentSystem } from '../../shared/kiosk-api/schemas/journal-states.js';

/**
 * What a charge came to. `declined`: nothing was charged, a new attempt is safe (a decline, a
 * cancel, or a request refused before it reached the card: reason `refused-<code>`). `unknown`: the
 * request may have reached the card and its answer was lost; ask, never charge again.
 */
export type ChargeOutcome =
  | { state: 'approved'; authCode: string | null }
  | { state: 'declined'; reason: string }
  | { state: 'unknown'; reason: string };

/** What an enquiry found. `pending`: still being decided; `unreachable`: ask again later. */
export type EnquiryOutcome =
  | { state: 'approved'; authCode: string | null }
  | { state: 'not-charged'; reason: string }
  | { state: 'pending' }
  | { state: 'unreachable' };

export type ReversalOutcome = { state: 'reversed' | 'not-charged'; code: string } | { state: 'retry'; code: string };

export interface ChargeRequest {
  reference: PaymentReference;
  amountAvos: number;
  tender: Tender | null;
  description: string;
}

/**
 * One way of taking money (the card terminal, GovPay QR), as the payment state machine needs it:
 * charge once per reference, ask about a reference, give the money back. None of them throws for
 * an expected failure.
 */
export interface PaymentGateway {
  readonly method: PaymentSystem;
  charge(request: ChargeRequest, signal: AbortSignal, onQr?: (qr: { qr: string; expiresAt: string }) => void): Promise<ChargeOutcome>;
  enquire(reference: string): Promise<EnquiryOutcome>;
  reverse(reference: string): Promise<ReversalOutcome>;
}

export function terminalGateway(terminal: PaymentTerminal): PaymentGateway {
  return {
    method: 'terminal',
    async charge(request, signal) {
      if (!request.tender) return { state: 'declined', reason: 'no-tender' };
      // An offline terminal refuses the sale before sending anything (the contract): nothing charged.
      if (terminal.status().state === 'offline') return { state: 'declined', reason: 'refused-terminal-offline' };
      try {
        const outcome = await terminal.sale(
          { amountAvos: request.amountAvos, currency: 'MOP', reference: request.reference, tender: request.tender },
          signal,
        );
        switch (outcome.outcome) {
          case 'approved':
            return { state: 'approved', authCode: outcome.authCode };
          case 'declined':
            return { state: 'declined', reason: outcome.reason };
          case 'cancelled':
            return { state: 'declined', reason: 'cancelled' };
          case 'timed-out':
            return { state: 'unknown', reason: 'timed-out' };
        }
      } catch (error) {
        // Refused before it reached the card (a reference or amount the terminal cannot take, busy):
        // nothing was charged, so the journal records a decline, never an unknown to ask about.
        const refusal = saleRefusal(error);
        if (refusal) return { state: 'declined', reason: `refused-${refusal}` };
        // Unplugged mid-sale or a garbled answer: only the terminal's ledger knows now.
        return { state: 'unknown', reason: `terminal-${(error as { code?: string }).code ?? 'error'}` };
      }
    },
    async enquire(reference) {
      // A reference no terminal accepts was refused before sending (by every driver): never charged.
      if (!isPaymentReference(reference)) return { state: 'not-charged', reason: 'invalid-reference' };
      try {
        const { state, authCode } = await terminal.enquire(reference);
        switch (state) {
          case 'approved':
            return { state: 'approved', authCode: authCode ?? null };
          case 'in-progress':
            return { state: 'pending' };
          default:
            return { state: 'not-charged', reason: state }; // declined, cancelled, voided, not-found
        }
      } catch {
        return { state: 'unreachable' };
      }
    },
    async reverse(reference) {
      if (!isPaymentReference(reference)) return { state: 'not-charged', code: 'invalid-reference' };
      try {
        const { state } = await terminal.void(reference);
        if (state === 'voided') return { state: 'reversed', code: 'voided' };
        if (state === 'approved' || state === 'in-progress') return { state: 'retry', code: `terminal-${state}` };
        return { state: 'not-charged', code: state };
      } catch (error) {
        return { state: 'retry', code: `terminal-${(error as { code?: string }).code ?? 'error'}` };
      }
    },
  };
}

export interface GovPayGatewayOptions {
  pollMs: number;
  /** The host's clock, the one the back office dates the QR's expiry with. */
  clock?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** GovPay (政付通): a QR the resident pays in their app; the back office tells us when it is paid. */
export function govPayGateway(client: BackofficeClient, options: GovPayGatewayOptions): PaymentGateway {
  const sleep = options.sleep ?? sleepFor;
  const now = (): number => (options.clock ? options.clock().getTime() : Date.now());
  const settle = (payment: GovPayPayment): EnquiryOutcome => {
    switch (payment.status) {
      case 'paid':
        return { state: 'approved', authCode: payment.transactionId };
      case 'pending':
        return { state: 'pending' };
      default:
        return { state: 'not-charged', reason: payment.status };
    }
  };
  /** Stops a QR nobody will pay any more; whatever it is then is the answer. */
  const cancel = async (reference: string): Promise<EnquiryOutcome> => {
    const cancelled = await client.cancelGovPay(reference);
    if (cancelled.ok) return settle(cancelled.value);
    return cancelled.error.kind === 'refused' ? { state: 'not-charged', reason: cancelled.error.code } : { state: 'unreachable' };
  };
  return {
    method: 'govpay',
    async charge(request, signal, onQr) {
      const created = await client.createGovPay(request.reference, request.amountAvos, request.description, signal);
      if (!created.ok) {
        return created.error.kind === 'refused' ? { state: 'declined', reason: created.error.code } : { state: 'unknown', reason: created.error.code };
      }
      onQr?.({ qr: created.value.qr, expiresAt: created.value.expiresAt });
      const expiresAt = Date.parse(created.value.expiresAt);
      for (;;) {
        if (signal.aborted || now() >= expiresAt) {
          const final = await cancel(request.reference);
          if (final.state === 'approved') return final;
          if (final.state === 'not-charged') return { state: 'declined', reason: signal.aborted ? 'cancelled' : final.reason };
          return { state: 'unknown', reason: 'cancel-unanswered' };
        }
        const polled = await client.govPay(request.reference);
        if (polled.ok) {
          const outcome = settle(polled.value);
          if (outcome.state === 'approved') return outcome;
          if (outcome.state === 'not-charged') return { state: 'declined', reason: outcome.reason };
        }
        await sleep(options.pollMs, signal).catch(() => {});
      }
    },
    async enquire(reference) {
      const found = await client.govPay(reference);
      if (!found.ok) return found.error.kind === 'refused' ? { state: 'not-charged', reason: found.error.code } : { state: 'unreachable' };
      const outcome = settle(found.value);
      // Asked after a crash or a lost answer: nobody is looking at that QR any more.
      return outcome.state === 'pending' ? cancel(reference) : outcome;
    },
    async reverse(reference) {
      const refunded = await client.refundGovPay(reference);
      if (!refunded.ok) return refunded.error.kind === 'refused' ? { state: 'not-charged', code: refunded.error.code } : { state: 'retry', code: refunded.error.code };
      if (refunded.value.status === 'refunded') return { state: 'reversed', code: 'refunded' };
      if (refunded.value.status === 'paid' || refunded.value.status === 'pending') return { state: 'retry', code: refunded.value.status };
      return { state: 'not-charged', code: refunded.value.status };
    },
  };
}
