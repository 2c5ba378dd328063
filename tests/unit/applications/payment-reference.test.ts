import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPT, parsePaymentReference, paymentReferenceFor } from '../../../electron/host/applications/payment-reference.js';
import { isPaymentReference, PAYMENT_REFERENCE_MAX_LENGTH, saleRefusal } from '../../../devices/payment-terminal/contract.js';
import { DeviceError } from '../../../devices/errors.js';

describe('payment references', () => {
  it('fit the terminal’s limit for every application and attempt, and give both back', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1, max: MAX_ATTEMPT }), (id, attempt) => {
        const reference = paymentReferenceFor(id, attempt);
        expect(reference.length).toBeLessThanOrEqual(PAYMENT_REFERENCE_MAX_LENGTH);
        expect(isPaymentReference(reference)).toBe(true);
        expect(parsePaymentReference(reference)).toEqual({ applicationId: id.toLowerCase(), attempt });
      }),
    );
  });

  it('are unique per application and attempt', () => {
    const id = randomUUID();
    const seen = new Set([1, 2, 3].map((n) => paymentReferenceFor(id, n)));
    seen.add(paymentReferenceFor(randomUUID(), 1));
    expect(seen.size).toBe(4);
  });

  it('the old `${uuid}-${attempt}` form (38 characters) is not a PaymentReference', () => {
    expect(isPaymentReference(`${randomUUID()}-1`)).toBe(false);
    expect(() => paymentReferenceFor('not-a-uuid', 1)).toThrow(RangeError);
    expect(() => paymentReferenceFor(randomUUID(), 0)).toThrow(RangeError);
  });

  it('tells a refusal before sending from an unknown outcome', () => {
    expect(saleRefusal(new DeviceError('payment-terminal', 'protocol', 'x', 'invalid-reference'))).toBe('invalid-reference');
    expect(saleRefusal(new DeviceError('payment-terminal', 'busy', 'x', 'sale'))).toBe('busy');
    // A sale under that reference exists: it may be charged, so it is never a refusal.
    expect(saleRefusal(new DeviceError('payment-terminal', 'protocol', 'x', 'duplicate-reference'))).toBeNull();
    expect(saleRefusal(new DeviceError('payment-terminal', 'not-connected', 'x', 'unplugged'))).toBeNull();
    expect(saleRefusal(new DeviceError('payment-terminal', 'protocol', 'x', 'bad-frame'))).toBeNull();
  });
});
