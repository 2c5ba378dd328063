import { type PaymentReference, toPaymentReference } from '../../../devices/payment-terminal/contract.js';

/**
 * The merchant reference of one payment attempt, built to fit the terminal's limit (32 characters,
 * `PaymentReference`): the application's UUID as 26 Crockford base-32 digits (case-insensitive, no
 * I L O U), a dash, the attempt number. Unique per application and attempt, and the application is
 * recoverable from the reference alone (the journal also keeps it, written before the sale is sent).
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPACT = /^([0-9A-HJKMNP-TV-Z]{26})-([1-9][0-9]{0,4})$/;
const UUID_DIGITS = 26; // 128 bits in 5-bit digits
export const MAX_ATTEMPT = 99_999; // 26 + 1 + 5 = 32 characters

export function paymentReferenceFor(applicationId: string, attempt: number): PaymentReference {
  if (!Number.isSafeInteger(attempt) || attempt < 1 || attempt > MAX_ATTEMPT) throw new RangeError(`attempt must be 1–${MAX_ATTEMPT}, got ${attempt}`);
  if (!UUID.test(applicationId)) throw new RangeError(`application ids are UUIDs, got ${JSON.stringify(applicationId)}`);
  let value = BigInt(`0x${applicationId.replaceAll('-', '')}`);
  let digits = '';
  for (let i = 0; i < UUID_DIGITS; i++) {
    digits = CROCKFORD[Number(value & 31n)] + digits;
    value >>= 5n;
  }
  return toPaymentReference(`${digits}-${attempt}`);
}

/** The application and attempt a reference was built for; null for anything else. */
export function parsePaymentReference(reference: string): { applicationId: string; attempt: number } | null {
  const match = COMPACT.exec(reference);
  if (!match) return null;
  let value = 0n;
  for (const char of match[1]!) value = (value << 5n) | BigInt(CROCKFORD.indexOf(char));
  if (value >> 128n !== 0n) return null;
  const hex = value.toString(16).padStart(32, '0');
  const applicationId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { applicationId, attempt: Number(match[2]) };
}
