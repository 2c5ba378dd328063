import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  declineCode,
  declineReason,
  decodeRequest,
  decodeResponse,
  type EcrRequest,
  type EcrResponse,
  encodeRequest,
  encodeResponse,
} from '../../../devices/payment-terminal/drivers/ecr-messages.js';

const reference = fc.stringMatching(/^[A-Za-z0-9._:-]{1,32}$/);
const request: fc.Arbitrary<EcrRequest> = fc.oneof(
  fc.constant({ type: 'status' as const }),
  fc.constant({ type: 'self-test' as const }),
  fc.record({
    type: fc.constant('sale' as const),
    reference,
    amountAvos: fc.integer({ min: 1, max: 999_999_999_999 }),
    tender: fc.constantFrom('unionpay-quickpass' as const, 'macau-pass' as const),
  }),
  fc.record({ type: fc.constantFrom('abort' as const, 'void' as const, 'enquire' as const), reference }),
);
const state = fc.constantFrom('approved' as const, 'declined' as const, 'cancelled' as const, 'voided' as const, 'in-progress' as const, 'not-found' as const);
const response: fc.Arbitrary<EcrResponse> = fc.oneof(
  fc.record({ type: fc.constant('sale' as const), reference, result: fc.constant('approved' as const), responseCode: fc.constant('00'), authCode: fc.stringMatching(/^[0-9A-Z]{6}$/), cardLast4: fc.stringMatching(/^\d{4}$/) }),
  fc.record({ type: fc.constant('sale' as const), reference, result: fc.constant('declined' as const), responseCode: fc.constantFrom('05', '51', '54') }),
  fc.record({ type: fc.constant('void' as const), reference, state }),
  fc.record({ type: fc.constant('enquire' as const), reference, state }),
  fc.record({ type: fc.constant('event' as const), reference, prompt: fc.constantFrom('present-card' as const, 'processing' as const, 'remove-card' as const) }),
  fc.record({ type: fc.constant('abort' as const), reference, accepted: fc.boolean() }),
  fc.constant({ type: 'power-up' as const }),
);

describe('ECR messages', () => {
  it('writes a sale as type, reference, 12-digit avos, MOP 446 and the tender, FS between', () => {
    expect(encodeRequest({ type: 'sale', reference: 'A-1', amountAvos: 12_000, tender: 'macau-pass' })).toBe('SA\x1cA-1\x1c000000012000\x1c446\x1cMP');
  });

  it('property: requests and responses survive a round trip', () => {
    fc.assert(
      fc.property(request, (r) => {
        const decoded = decodeRequest(encodeRequest(r));
        expect(decoded.ok).toBe(true);
        if (decoded.ok) expect(decoded.message).toMatchObject(r);
      }),
    );
    fc.assert(
      fc.property(response, (r) => {
        expect(decodeResponse(encodeResponse(r))).toEqual({ ok: true, message: r });
      }),
    );
  });

  it('property: any text decodes to a message or a reason, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        expect(typeof decodeResponse(text).ok).toBe('boolean');
        expect(typeof decodeRequest(text).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('refuses anything longer than four card digits: the kiosk never sees a card number', () => {
    expect(decodeResponse('SA\x1cR1\x1cAP\x1c00\x1c123456\x1c4111111111111111\x1c').ok).toBe(false);
    expect(decodeResponse('SA\x1cR1\x1cAP\x1c00\x1c\x1c4321\x1c').ok).toBe(false); // approved needs an auth code
  });

  it('maps decline codes to stable reasons and back', () => {
    expect(declineReason('54')).toBe('card-expired');
    expect(declineCode('card-expired')).toBe('54');
    expect(declineReason('Z9')).toBe('declined-z9');
    expect(declineCode('declined-z9')).toBe('Z9');
    expect(declineCode('unheard-of')).toBe('05');
  });
});
