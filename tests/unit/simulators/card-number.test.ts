import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigit, formatCardNumber, isValidCardNumber } from '../../../simulators/card-reader/card-number.js';
import { getProfile, PROFILE_IDS } from '../../../simulators/card-reader/profiles.js';

const serial = fc.stringMatching(/^\d{7}$/);
const issuable = serial.filter((s) => checkDigit(s) !== null);

describe('fictional ID card number (weighted mod 11)', () => {
  it('computes the documented example', () => {
    // 1·8 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 = 112; 112 mod 11 = 2; 11 − 2 = 9
    expect(checkDigit('1234567')).toBe(9);
    expect(formatCardNumber('1234567')).toBe('1234567(9)');
    expect(isValidCardNumber('1234567(9)')).toBe(true);
    expect(isValidCardNumber('1234567(8)')).toBe(false);
  });

  it('never issues serials whose check would be 10', () => {
    // 0000006: 6·2 = 12; 12 mod 11 = 1; 11 − 1 = 10, which is not one digit.
    expect(checkDigit('0000006')).toBeNull();
    expect(() => formatCardNumber('0000006')).toThrow(RangeError);
  });

  it('rejects malformed input', () => {
    for (const bad of ['', '123456', '12345678', '123456a', ' 1234567']) expect(checkDigit(bad)).toBeNull();
    for (const bad of ['1234567', '1234567(10)', '1234567 (9)', '1234567(9) ', 'A234567(9)']) {
      expect(isValidCardNumber(bad)).toBe(false);
    }
  });

  it('round-trips every issuable serial', () => {
    fc.assert(fc.property(issuable, (s) => isValidCardNumber(formatCardNumber(s))));
  });

  it('detects every single-digit error', () => {
    fc.assert(
      fc.property(issuable, fc.nat(6), fc.integer({ min: 1, max: 9 }), (s, at, delta) => {
        const digit = (Number(s[at]) + delta) % 10;
        const altered = `${s.slice(0, at)}${digit}${s.slice(at + 1)}(${checkDigit(s)})`;
        return !isValidCardNumber(altered);
      }),
    );
  });

  it('detects every swap of two adjacent different digits', () => {
    fc.assert(
      fc.property(issuable, fc.nat(5), (s, at) => {
        fc.pre(s[at] !== s[at + 1]);
        const swapped = `${s.slice(0, at)}${s[at + 1]}${s[at]}${s.slice(at + 2)}(${checkDigit(s)})`;
        return !isValidCardNumber(swapped);
      }),
    );
  });

  it('every ID card profile carries a valid, unique number', () => {
    const numbers = PROFILE_IDS.map(getProfile).flatMap((p) => (p.chip === 'id-card' ? [p.visible.cardNumber] : []));
    expect(numbers.length).toBe(PROFILE_IDS.length - 1);
    for (const n of numbers) expect(isValidCardNumber(n)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
