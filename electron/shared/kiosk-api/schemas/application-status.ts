import { z } from 'zod';
import type { ApplicationRow, PaymentRow } from './journal-states.js';
import { ServiceId } from './service-id.js';

/**
 * What the resident's screen shows about an application: no personal data, money in avos.
 *
 * - `awaiting-payment`: created; nothing charged yet (or the last attempt was declined: see `payment`)
 * - `paying`: the terminal or GovPay is taking the money
 * - `payment-unconfirmed`: the answer was lost; the kiosk is asking. Never pay again meanwhile.
 * - `submitting` / `submitted`: on its way / the back office has it (receipt number)
 * - `kept-for-later`: paid, the back office is unreachable: kept and sent later (the receipt says so)
 * - `refund-pending` / `refunded`: the back office refused it, or the resident cancelled after paying;
 *   the money is being / was given back
 * - `withdrawal-pending`: the resident cancelled after paying; the back office has not confirmed yet
 *   (the kiosk keeps asking, then gives the money back)
 * - `cancelled`: nothing charged, nothing sent
 * - `awaiting-counter-payment`: the resident chose to pay at a counter (office hours only): nothing
 *   charged; sent (or being sent: `receipt.pendingSubmission`) to the back office unpaid, flagged;
 *   `counterPayment` says by when
 */
export const ApplicationStatusState = z.enum([
  'awaiting-payment',
  'paying',
  'payment-unconfirmed',
  'submitting',
  'submitted',
  'kept-for-later',
  'refund-pending',
  'refunded',
  'withdrawal-pending',
  'cancelled',
  'awaiting-counter-payment',
]);
export type ApplicationStatusState = z.infer<typeof ApplicationStatusState>;

export const ApplicationStatus = z.object({
  applicationId: z.string(),
  service: ServiceId,
  feeAvos: z.number().int().nonnegative(),
  state: ApplicationStatusState,
  payment: z
    .object({
      method: z.enum(['terminal', 'govpay']),
      tender: z.string().nullable(),
      amountAvos: z.number().int().positive(),
      state: z.enum(['in-progress', 'unconfirmed', 'approved', 'declined', 'refund-pending', 'refunded']),
      /** A stable code from the terminal or GovPay when declined, e.g. `insufficient-funds`, `cancelled`. */
      declineReason: z.string().nullable(),
    })
    .nullable(),
  /**
   * For GovPay while paying: the QR text, when it stops being payable, and how many seconds that
   * was from the host's clock when this status was described (the screen counts down from it, so
   * a renderer whose clock differs from the host's still shows the right time left).
   */
  govPay: z.object({ qr: z.string(), expiresAt: z.iso.datetime({ offset: true }), secondsLeft: z.number().int().nonnegative() }).nullable(),
  /**
   * While a payment's answer is lost (`payment-unconfirmed`): `checking` while the host asks the
   * terminal (or GovPay) during the visit; `overdue` once it has asked for the configured time
   * without an answer (staff are called; the resident may print a "payment being confirmed" slip).
   */
  confirmation: z.enum(['checking', 'overdue']).nullable(),
  receipt: z
    .object({
      receiptNumber: z.string().nullable(),
      acceptedAt: z.string().nullable(),
      /** True while the application waits in the outbox: the receipt says it will be sent later. */
      pendingSubmission: z.boolean(),
      /** The back office's refusal code, when refunded. */
      refusal: z.string().nullable(),
    })
    .nullable(),
  /** Paying at a counter: the fee is still due there, by `payBy` (the close of office hours that day). */
  counterPayment: z.object({ payBy: z.iso.datetime({ offset: true }) }).nullish(),
});
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export function describeApplication(
  app: ApplicationRow,
  payments: PaymentRow[],
  live: {
    submitting: boolean;
    govPay: { qr: string; expiresAt: string } | null;
    now?: Date;
    confirmation?: 'checking' | 'overdue' | undefined;
    /** When the fee is due at a counter, from the time it was chosen (the host's office hours). */
    counterPayBy?: ((chosenAt: string) => string) | undefined;
  },
): ApplicationStatus {
  const last = payments.at(-1);
  const payment = last
    ? {
        method: last.method,
        tender: last.tender,
        amountAvos: last.amountAvos,
        state: paymentView(last),
        declineReason: last.state === 'declined' || last.state === 'not-sent' ? last.reason : null,
      }
    : null;
  const pendingRefund = payments.some((p) => p.state === 'reversal-pending' || p.state === 'approved' || p.state === 'done');
  let state: ApplicationStatusState;
  switch (app.state) {
    case 'accepted':
      state = 'submitted';
      break;
    case 'queued':
      state = live.submitting ? 'submitting' : 'kept-for-later';
      break;
    case 'counter-queued':
    case 'awaiting-counter-payment':
      state = 'awaiting-counter-payment';
      break;
    case 'withdrawing':
      state = 'withdrawal-pending';
      break;
    case 'rejected':
    case 'abandoned':
    case 'withdrawn':
      if (payments.some((p) => p.state === 'reversed')) state = 'refunded';
      else state = pendingRefund ? 'refund-pending' : 'cancelled';
      break;
    case 'draft':
      if (!last || last.state === 'declined' || last.state === 'not-sent') state = 'awaiting-payment';
      else if (last.state === 'unknown') state = 'payment-unconfirmed';
      else state = 'paying';
      break;
  }
  const receipt =
    app.state === 'accepted' || app.state === 'queued' || app.state === 'rejected' || app.state === 'counter-queued' || app.state === 'awaiting-counter-payment'
      ? {
          receiptNumber: app.receiptNumber,
          acceptedAt: app.acceptedAt,
          pendingSubmission: app.state === 'queued' || app.state === 'counter-queued',
          refusal: app.state === 'rejected' ? app.lastError : null,
        }
      : null;
  return {
    applicationId: app.id,
    service: app.service as ApplicationStatus['service'],
    feeAvos: app.feeAvos,
    state,
    payment,
    govPay:
      state === 'paying' && live.govPay
        ? { ...live.govPay, secondsLeft: Math.max(0, Math.round((Date.parse(live.govPay.expiresAt) - (live.now ?? new Date()).getTime()) / 1000)) }
        : null,
    confirmation: state === 'payment-unconfirmed' ? (live.confirmation ?? null) : null,
    receipt,
    counterPayment: state === 'awaiting-counter-payment' && app.queuedAt !== null && live.counterPayBy ? { payBy: live.counterPayBy(app.queuedAt) } : null,
  };
}

function paymentView(p: PaymentRow): NonNullable<ApplicationStatus['payment']>['state'] {
  switch (p.state) {
    case 'intent':
    case 'sent':
      return 'in-progress';
    case 'unknown':
      return 'unconfirmed';
    case 'approved':
    case 'done':
      return 'approved';
    case 'declined':
    case 'not-sent':
      return 'declined';
    case 'reversal-pending':
      return 'refund-pending';
    case 'reversed':
      return 'refunded';
  }
}
