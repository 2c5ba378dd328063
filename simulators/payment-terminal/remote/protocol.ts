import { z } from 'zod';
import type { PaymentReference } from '../../../devices/payment-terminal/contract.js';

/**
 * The loopback protocol between the kiosk host and a payment-terminal simulator running in its own
 * process (terminal-service.ts). It exists for the crash-point test: the terminal's ledger must
 * outlive the host when the host is killed, as a real terminal's does. JSON over HTTP on 127.0.0.1.
 */
export const Tender = z.enum(['unionpay-quickpass', 'macau-pass']);
/** Carried as sent: the terminal behind judges it (a reference it cannot take is its `invalid-reference`, as on the wire). */
const ReferenceWire = z.string().min(1).max(100).transform((reference) => reference as PaymentReference);
export const SaleBody = z.strictObject({
  amountAvos: z.number().int().positive(),
  currency: z.literal('MOP'),
  reference: ReferenceWire,
  tender: Tender,
});
export const ReferenceBody = z.strictObject({ reference: ReferenceWire });

export const SaleOutcomeWire = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approved'), reference: z.string(), authCode: z.string(), cardLast4: z.string().optional(), balanceAvos: z.number().int().optional() }),
  z.object({ outcome: z.literal('declined'), reference: z.string(), reason: z.string() }),
  z.object({ outcome: z.literal('cancelled'), reference: z.string() }),
  z.object({ outcome: z.literal('timed-out'), reference: z.string() }),
]);
export const TransactionStateWire = z.enum(['approved', 'declined', 'cancelled', 'voided', 'in-progress', 'not-found']);
export const EnquiryWire = z.object({ state: TransactionStateWire, authCode: z.string().optional() });
export const VoidWire = z.object({ state: TransactionStateWire });
export const DeviceErrorWire = z.object({ error: z.object({ code: z.string(), message: z.string(), detail: z.string().optional() }) });
export const StatusWire = z.object({ state: z.enum(['online', 'offline', 'degraded']), detail: z.string().optional() });

export const PlannedOutcomeWire = z.strictObject({
  outcome: z.enum(['approve', 'decline', 'timeout', 'lose-response']),
  reason: z.string().max(60).optional(),
  balanceAvos: z.number().int().nonnegative().optional(),
});
export const TransactionRecordWire = z.object({
  reference: z.string(),
  amountAvos: z.number().int(),
  tender: Tender,
  state: z.enum(['approved', 'declined', 'cancelled', 'voided', 'in-progress']),
  authCode: z.string().optional(),
  planned: z.string().optional(),
  at: z.number(),
});
export type TransactionRecordWire = z.infer<typeof TransactionRecordWire>;
