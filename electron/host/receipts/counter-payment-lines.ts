import type { ReceiptLine } from '../../../devices/receipt-printer/contract.js';
import type { ApplicationStatus } from '../../shared/kiosk-api/schemas/application-status.js';
import type { CounterOffice } from '../../shared/kiosk-api/schemas/service-id.js';
import { macauMinute } from '../counter/slips.js';
import { PICKUP_ON_RECEIPT } from './receipt-texts.js';

const text = (value: string, bold = false): ReceiptLine => ({ kind: 'text', text: value, ...(bold ? { bold: true } : {}) });

/**
 * The lines of a receipt whose fee is paid at a counter (`awaiting-counter-payment`): not paid yet,
 * the fee, which counters and by when. Kept apart from the pickup lines, which change on their own.
 * Nothing for any other application.
 */
export function counterPaymentLines(status: ApplicationStatus, counters: readonly CounterOffice[]): ReceiptLine[] {
  if (status.state !== 'awaiting-counter-payment' || !status.counterPayment) return [];
  const fee = `MOP ${(status.feeAvos / 100).toFixed(2)}`;
  const by = macauMinute(new Date(status.counterPayment.payBy));
  return [
    { kind: 'rule' },
    text('未繳費 NÃO PAGO', true),
    // Fee and deadline on lines of their own, so the printer's word wrap never splits "MOP 90.00" or the time.
    text(`請到身份證明局櫃檯繳付 ${fee}`, true),
    text(`Pague ${fee} num balcão da DSI`, true),
    text(`繳費期限 Pagar até: ${by}`, true),
    ...counters.map((office) => text(`${PICKUP_ON_RECEIPT[office].zh} ${PICKUP_ON_RECEIPT[office].pt}`)),
    text('繳費時請出示此收據 Apresente este recibo ao pagar'),
  ];
}
