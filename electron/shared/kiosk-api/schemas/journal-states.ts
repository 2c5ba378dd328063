import { z } from 'zod';

/**
 * The states the journal keeps. A payment: intent → sent → approved | declined | unknown;
 * unknown → (enquiry) approved | declined; approved → done once its application is accepted, or
 * reversal-pending → reversed when the application cannot be submitted. `not-sent`: the intent
 * never reached the payment system (a crash between the two writes), so nothing was charged.
 */
export const PaymentState = z.enum([
  'intent',
  'sent',
  'approved',
  'declined',
  'unknown',
  'done',
  'reversal-pending',
  'reversed',
  'not-sent',
]);
export type PaymentState = z.infer<typeof PaymentState>;

/** Final payment states: nothing more will ever be done with the payment system for them. */
export const FINAL_PAYMENT_STATES: ReadonlySet<PaymentState> = new Set(['declined', 'done', 'reversed', 'not-sent']);

/**
 * An application (the outbox row): draft (personal data kept, not yet paid) → queued (paid or
 * free: must reach the back office) → accepted; or rejected (the back office refused it for good),
 * or abandoned (never paid; the resident left). After payment the resident may still cancel: queued
 * or accepted → withdrawing (never sent again; the back office must be told) → withdrawn (its payment
 * is then reversed). Personal data is deleted on entering withdrawing or any final state.
 * Paying at a counter (office hours, where the rules allow it): draft → counter-queued (nothing
 * charged; must reach the back office unpaid, flagged) → awaiting-counter-payment (the back office
 * has it; the counter takes the money, so it is final for the kiosk). No payment row is ever made,
 * so a crash at any point recovers to the same unpaid state, never to "charged".
 */
export const ApplicationState = z.enum(['draft', 'queued', 'accepted', 'rejected', 'abandoned', 'withdrawing', 'withdrawn', 'counter-queued', 'awaiting-counter-payment']);
export type ApplicationState = z.infer<typeof ApplicationState>;
export const FINAL_APPLICATION_STATES: ReadonlySet<ApplicationState> = new Set(['accepted', 'rejected', 'abandoned', 'withdrawn', 'awaiting-counter-payment']);
/** In the outbox: must reach the back office (paid or free, or unpaid for a counter). */
export const OUTBOX_APPLICATION_STATES: ReadonlySet<ApplicationState> = new Set(['queued', 'counter-queued']);

export const PaymentSystem = z.enum(['terminal', 'govpay']);
export type PaymentSystem = z.infer<typeof PaymentSystem>;

/** What a session came to, once final. */
export const SessionOutcome = z.enum(['completed', 'refunded', 'not-charged', 'no-application']);
export type SessionOutcome = z.infer<typeof SessionOutcome>;

export interface SessionRow {
  id: string;
  startedAt: string;
  /** Set when the resident's visit ended (or the host restarted under it). */
  endedReason: string | null;
  state: 'open' | 'final';
  outcome: SessionOutcome | null;
}

export interface ApplicationRow {
  id: string;
  sessionId: string;
  service: string;
  feeAvos: number;
  state: ApplicationState;
  attempts: number;
  receiptNumber: string | null;
  /** When it was queued; part of the body sent, so a resend is byte-identical. */
  queuedAt: string | null;
  acceptedAt: string | null;
  lastError: string | null;
  hasPayload: boolean;
}

export interface PaymentRow {
  reference: string;
  applicationId: string;
  method: PaymentSystem;
  tender: string | null;
  amountAvos: number;
  state: PaymentState;
  authCode: string | null;
  reason: string | null;
}

/** What a payment's request came back with (or that it was never sent), as the journal records it. */
export type PaymentResult =
  | { state: 'approved'; authCode: string | null }
  | { state: 'declined'; reason: string }
  | { state: 'unknown'; reason: string }
  | { state: 'not-sent'; reason: string };
