import type { BaseDeviceEvents, Device } from '../contract.js';

/** Tenders the kiosk's terminal accepts [seed 001 Other Q13]. */
export type Tender = 'unionpay-quickpass' | 'macau-pass';

export interface SaleRequest {
  /** Integer avos (MOP 1 = 100 avos): money is never a float. */
  amountAvos: number;
  currency: 'MOP';
  /** Our merchant reference; unique per attempt, so a lost answer can be asked about. */
  reference: string;
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
 * resolves `cancelled` if it did. Rejects only with `not-connected`, `busy` or `protocol`.
 */
export interface PaymentTerminal extends Device<PaymentTerminalEvents, PaymentTerminalCapabilities> {
  sale(request: SaleRequest, signal?: AbortSignal): Promise<SaleOutcome>;
  /** Reverses an approved sale. Resolves `voided`, or the state that prevented it. */
  void(reference: string, signal?: AbortSignal): Promise<{ state: TransactionState }>;
  /** Asks the terminal what became of a sale. */
  enquire(reference: string, signal?: AbortSignal): Promise<{ state: TransactionState; authCode?: string }>;
}
