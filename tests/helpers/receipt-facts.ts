import type { ApplicationReceiptFacts } from '../../electron/host/receipts/application-receipt.js';
import type { ApplicationStatus } from '../../electron/shared/kiosk-api/schemas/application-status.js';
import type { PickupPlace, ServiceId } from '../../electron/shared/kiosk-api/schemas/service-id.js';
import { shippedConfig } from '../unit/services/fixtures.js';

/**
 * What an application receipt is built from in the tests that print one (the receipt's unit test,
 * the counter-payment receipt, the serial printer's end-to-end print): one resident, one receipt
 * number, one moment, so every printed sample reads like the kiosk's own paper.
 */
export const SAMPLE_APPLICANT = { nameZh: '陳大文', nameLatin: 'CHAN TAI MAN', cardNumber: '1234567(8)' } as const;
export const SAMPLE_RECEIPT_NUMBER = 'R2026004217';
export const SAMPLE_ACCEPTED_AT = '2026-11-24T02:33:32.690Z';
export const SAMPLE_KIOSK_ID = 'KIOSK-HQ-03';

export interface ReceiptCase {
  service: ServiceId;
  feeAvos: number;
  tender: 'macau-pass' | 'govpay' | null;
  place: PickupPlace | null;
  resultDueBy?: string;
}

/** A permanent renewal (MOP 90) paid with Macau Pass, collected at headquarters. */
export const PAID_RENEWAL: ReceiptCase = { service: 'renew-permanent', feeAvos: 9000, tender: 'macau-pass', place: 'hq' };

export function sampleStatus(c: ReceiptCase): ApplicationStatus {
  return {
    applicationId: '0f8e7d6c-5b4a-4321-8fed-cba987654321',
    service: c.service,
    feeAvos: c.feeAvos,
    state: 'submitted',
    payment: c.tender
      ? { method: c.tender === 'govpay' ? 'govpay' : 'terminal', tender: c.tender === 'govpay' ? null : c.tender, amountAvos: c.feeAvos, state: 'approved', declineReason: null }
      : null,
    govPay: null,
    confirmation: null,
    receipt: { receiptNumber: SAMPLE_RECEIPT_NUMBER, acceptedAt: SAMPLE_ACCEPTED_AT, pendingSubmission: false, refusal: null },
  };
}

export function sampleReceiptFacts(c: ReceiptCase): ApplicationReceiptFacts {
  const addresses = shippedConfig().pickup.addresses;
  return {
    status: sampleStatus(c),
    receiptNumber: SAMPLE_RECEIPT_NUMBER,
    issuedAt: new Date(SAMPLE_ACCEPTED_AT),
    applicant: { ...SAMPLE_APPLICANT },
    pickup: c.place ? { place: c.place, address: addresses[c.place], readyAt: new Date('2026-11-24T09:00:00Z'), collectWithinDays: c.place === 'smart-locker' ? 3 : null } : null,
    resultDueBy: c.resultDueBy ?? null,
    kioskId: SAMPLE_KIOSK_ID,
  };
}
