import type { BaseDeviceEvents, Device } from '../contract.js';

/**
 * A merchant reference as the terminal stores it: 1–32 of `A–Z a–z 0–9 . _ : -`
 * (docs/protocols/payment-terminal.md). The limit belongs to the contract, so the simulator and
 * the serial driver refuse the same references, and the host builds only references that fit.
 */
export const PAYMENT_REFERENCE_MAX_LENGTH = 32;
const PAYMENT_REFERENCE_PATTERN = /^[A-Za-z0-9._:-]{1,32}$/;
declare const paymentReferenceBrand: unique symbol;
export type PaymentReference = string & { readonly [paymentReferenceBrand]: true };

export function isPaymentReference(value: unknown): value is PaymentReference {
  return typeof value === 'string' && PAYMENT_REFERENCE_PATTERN.test(value);
}

/** The reference, checked; a RangeError (a caller's bug) when it cannot travel to a terminal. */
export function toPaymentReference(value: string): PaymentReference {
  if (!isPaymentReference(value)) {
    throw new RangeError(`a payment reference is 1–${PAYMENT_REFERENCE_MAX_LENGTH} of A–Z a–z 0–9 . _ : -, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Details of a `sale` rejection (`protocol` or `busy`) that prove nothing was charged: the driver
 * refused the request before sending it, or the terminal refused it outright. A new attempt is safe.
 * `duplicate-reference` is not one of them: a sale under that reference exists and may be charged.
 */
export const SALE_REFUSALS = ['invalid-reference', 'invalid-amount', 'invalid-currency', 'invalid-tender', 'busy', 'format'] as const;
export type SaleRefusal = (typeof SALE_REFUSALS)[number];

/** The refusal a `sale` rejection stands for, or null when the sale may have reached the card. */
export function saleRefusal(error: unknown): SaleRefusal | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, detail } = error as { code?: unknown; detail?: unknown };
  if (code === 'busy') return 'busy';
  if (code !== 'protocol') return null;
  return (SALE_REFUSALS as readonly unknown[]).includes(detail) ? (detail as SaleRefusal) : null;
}

/** Tenders the kiosk's terminal accepts [seed 001 Other Q13]. */
export type Tender = 'unionpay-quickpass' | 'macau-pass';

export interface SaleRequest {
  /** Integer avos (MOP 1 = 100 avos): money is never a float. */
  amountAvos: number;
  currency: 'MOP';
  /** Our merchant reference; unique per attempt, so a lost answer can be asked about. */
  reference: PaymentReference;
  tender: Tender;
}

/** The kiosk never sees a card number: at most its last four digits. */
export type SaleOutcome =
  | { outcome: 'approved'; reference: string; authCode: string; cardLast4?: string; balanceAvos?: number }
  | { outcome: 'declined'; reference: string; reason: string }
  | { outcome: 'cancelled'; reference: string }
  /** No answer: the sale may or may not have happened. Resolve with `enquire`, never by charging again. */
  | { outcome: 'timed-out'; reference: string };

export type TransactionState = 'approved' | 'declined' | 'cancelled' | 'voided' | 'in-progress' | 'not-found';

export type PaymentPrompt = 'present-card' | 'processing' | 'remove-card';

export interface PaymentTerminalCapabilities {
  tenders: Tender[];
  canVoid: boolean;
}

export interface PaymentTerminalEvents extends BaseDeviceEvents {
  prompt: { prompt: PaymentPrompt; reference: string };
}

/**
 * A payment terminal. `sale` resolves with an outcome (declines and time-outs are outcomes);
 * aborting the signal while the terminal waits for the card asks the terminal to abort and
 * resolves `cancelled` if it did. Rejects only with `not-connected`, `busy` or `protocol`:
 * - `busy`, or `protocol` with a detail in SALE_REFUSALS (`saleRefusal()`): refused before anything
 *   was charged (a reference that is not a PaymentReference is `invalid-reference` on every terminal);
 * - `not-connected` while `status()` is offline at the call: refused before sending;
 * - anything else (unplugged mid-sale, a garbled answer, `duplicate-reference`): the outcome is
 *   unknown; ask with `enquire`, never charge again.
 */
export interface PaymentTerminal extends Device<PaymentTerminalEvents, PaymentTerminalCapabilities> {
  sale(request: SaleRequest, signal?: AbortSignal): Promise<SaleOutcome>;
  /** Reverses an approved sale. Resolves `voided`, or the state that prevented it. */
  void(reference: PaymentReference, signal?: AbortSignal): Promise<{ state: TransactionState }>;
  /** Asks the terminal what became of a sale. */
  enquire(reference: PaymentReference, signal?: AbortSignal): Promise<{ state: TransactionState; authCode?: string }>;
}
